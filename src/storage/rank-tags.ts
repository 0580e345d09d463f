import { normalizeTag, tagWords } from '../core/tag-text.ts';

/**
 * Tags with how many articles use them, as one list most used first, ties alphabetical so the list
 * is stable. Tags are one identity whatever their case or spacing (`NATO` and `nato`): their
 * counts add up under the normal form.
 */
export function rankTagCounts(entries: Iterable<{ tag: string; count: number }>): string[] {
  const counts = new Map<string, number>();
  for (const { tag, count } of entries) {
    const normal = normalizeTag(tag);
    if (normal !== '') counts.set(normal, (counts.get(normal) ?? 0) + count);
  }
  return [...counts.entries()]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag]) => tag);
}

/** The words of a text, lower-cased, with each part of a hyphenated word as a word of its own too. */
function wordSet(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of tagWords(text)) {
    const lower = word.toLowerCase();
    words.add(lower);
    if (lower.includes('-')) for (const part of lower.split('-')) words.add(part);
  }
  return words;
}

/**
 * The library tags that fit an article: the tag is a word of its text, or each of the tag's words
 * is (`minnesota wild`, `late-night`). `tags` keep their order (most used first); `text` is the
 * article's title, description and body. A tag with no word at all (`+++`) fits nothing.
 */
export function tagsThatFit(tags: readonly string[], text: string): string[] {
  const words = wordSet(text);
  return tags.filter((tag) => {
    const normal = normalizeTag(tag);
    if (words.has(normal)) return true;
    const parts = [...wordSet(normal)].filter((w) => !w.includes('-'));
    return parts.length > 0 && parts.every((w) => words.has(w));
  });
}
