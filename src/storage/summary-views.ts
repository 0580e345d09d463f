import type { StoredSummary } from './library-record.ts';

/**
 * What the library keeps beside the summary buckets so that the list's first screen and the
 * popup's library tags never read every summary: the newest summaries (each as its JSON text,
 * newest first) and every tag with how many articles carry it. One record, kept in step with the
 * buckets by every write transaction (summary-buckets.ts), read whole.
 */
export interface SummaryViews {
  newest: string[];
  tags: [string, number][];
}

/** How many of the newest summaries the views keep: more than any first screen shows. */
export const NEWEST_KEPT = 100;

/** The one record's key in the `summaryViews` store. */
export const VIEWS_KEY = 'views';

/** Newest save first; saves of the same instant by link, last first (the order the savedAt index read backwards gave). */
export function newestFirst(a: StoredSummary, b: StoredSummary): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  return a.link < b.link ? 1 : a.link > b.link ? -1 : 0;
}

const parse = (text: string) => JSON.parse(text) as StoredSummary;

/** The views of a whole library, counted afresh. */
export function viewsOf(summaries: readonly StoredSummary[]): SummaryViews {
  const tags = new Map<string, number>();
  for (const summary of summaries) for (const tag of summary.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  return { newest: [...summaries].sort(newestFirst).slice(0, NEWEST_KEPT).map((s) => JSON.stringify(s)), tags: [...tags] };
}

/** A transaction's changes: by link, the summary it had before (if any) and has now (null: deleted). */
export type SummaryChanges = Map<string, { before: StoredSummary | undefined; after: StoredSummary | null }>;

/**
 * The views after `changes`, or null when they cannot be told without reading every summary: the
 * newest list was full and lost one of its entries (deleted, or saved at another time), so an
 * article it never held may now belong in it.
 */
export function applyChanges(views: SummaryViews, changes: SummaryChanges): SummaryViews | null {
  const tags = new Map(views.tags);
  const add = (tag: string, n: number) => {
    const count = (tags.get(tag) ?? 0) + n;
    if (count > 0) tags.set(tag, count);
    else tags.delete(tag);
  };
  const newest = new Map(views.newest.map(parse).map((summary) => [summary.link, summary]));
  const full = newest.size >= NEWEST_KEPT;
  const added: StoredSummary[] = [];
  for (const [link, { before, after }] of changes) {
    for (const tag of before?.tags ?? []) add(tag, -1);
    for (const tag of after?.tags ?? []) add(tag, 1);
    const listed = newest.get(link);
    if (listed !== undefined) {
      newest.delete(link);
      if (full && (after === null || after.savedAt !== listed.savedAt)) return null;
    }
    if (after) added.push(after);
  }
  const merged = [...newest.values(), ...added].sort(newestFirst).slice(0, NEWEST_KEPT);
  return { newest: merged.map((s) => JSON.stringify(s)), tags: [...tags] };
}

/** The newest `limit` summaries the views hold, or null when they hold fewer than asked of a larger library. */
export function newestOfViews(views: SummaryViews, limit: number): StoredSummary[] | null {
  if (limit > views.newest.length && views.newest.length >= NEWEST_KEPT) return null;
  return views.newest.slice(0, Math.max(0, limit)).map(parse);
}
