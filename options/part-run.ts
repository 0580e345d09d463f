/** One of `of` parts of a reading shared out among workers. */
export interface Part {
  index: number;
  of: number;
}

/**
 * The run of `count` items (`from` to before `to`) that part `index` of `of` takes: neighbouring
 * items, so that a worker reads one stretch of a zip rather than all of it; the runs cover every
 * item once and differ in length by one at most.
 */
export function partRun(count: number, { index, of }: Part): { from: number; to: number } {
  return { from: Math.floor((count * index) / of), to: Math.floor((count * (index + 1)) / of) };
}
