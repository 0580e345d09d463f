import { mergeTags, normalizeTag } from '../core/tag-text.ts';

/** A change applied to the tags of many articles at once. */
export interface TagChange {
  add: readonly string[];
  remove: readonly string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The tags after a bulk change: removals first, then additions appended in order, so an article's
 * own tags keep their places. Tags have the tag editor's one identity (`normalizeTag`: `NATO` is
 * `nato`) on every path. `changed` says whether anything is different (nothing is written for an
 * article the change does not touch).
 */
export function applyTagChange(tags: readonly string[], change: TagChange): { tags: string[]; changed: boolean } {
  const removed = new Set(change.remove.map(normalizeTag));
  const next = mergeTags(tags.filter((tag) => !removed.has(normalizeTag(tag))), change.add);
  const changed = !sameList(next, tags);
  return { tags: changed ? next : [...tags], changed };
}

/**
 * The rule for an imported file whose link is already in the library. A file carries no edit time,
 * so which side is newer cannot be known; the library's entry is kept as it is (title, dates,
 * body: nothing the reader edited here is lost) and only gains the file's tags that it lacks,
 * after its own. Importing the same file twice therefore changes nothing the second time.
 */
export function mergeImportedTags(existing: readonly string[], imported: readonly string[]): { tags: string[]; changed: boolean } {
  const tags = mergeTags(existing, imported);
  const changed = !sameList(tags, existing);
  return { tags: changed ? tags : [...existing], changed };
}
