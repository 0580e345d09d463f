/** Tags by how many articles use them, most used first; ties in alphabetical order so the list is stable. */
export function rankTags(tagLists: Iterable<readonly string[]>): string[] {
  const counts = new Map<string, number>();
  for (const tags of tagLists) {
    for (const tag of new Set(tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag]) => tag);
}
