/** The key with the largest value in `scores` (the first such in insertion order), or null when none is above 0. */
export function largestEntry<K>(scores: ReadonlyMap<K, number>): { key: K; value: number } | null {
  let best: { key: K; value: number } | null = null;
  for (const [key, value] of scores) if (value > (best?.value ?? 0)) best = { key, value };
  return best;
}
