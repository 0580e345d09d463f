import { removeQuotes } from './slug.ts';

/** How many tags are suggested from a title when the caller does not say (FORMAT.md: five). */
export const DEFAULT_TAG_COUNT = 5;

// A word starts with a letter or digit; combining marks continue it so that Devanagari, Thai or a
// decomposed `é` are not cut into pieces.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Length in characters (code points), so an emoji or a CJK extension letter counts once. */
function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Tag suggestions from a title (FORMAT.md, "tags"): its words, lower-cased, without duplicates,
 * longest first; words of equal length keep their title order.
 */
export function suggestTags(title: string, count = DEFAULT_TAG_COUNT): string[] {
  const limit = Math.max(0, Math.floor(count));
  // NFC first so a decomposed and a precomposed `é` give the same word and the same length.
  const words = removeQuotes(title.normalize('NFC')).toLowerCase().match(WORD) ?? [];
  const unique = [...new Set(words)];
  // Array.prototype.sort is stable (ES2019), which gives "ties keep title order".
  unique.sort((a, b) => codePointLength(b) - codePointLength(a));
  return unique.slice(0, limit);
}

/**
 * One tag as the tag editor stores it: trimmed, inner whitespace folded to one space, lower case.
 * It also composes to NFC (so `café` typed two ways is one tag) and drops control characters,
 * which the file format would drop anyway (single-quoted YAML has no escapes).
 */
export function normalizeTag(tag: string): string {
  return tag
    .normalize('NFC')
    .replace(/[\p{Cc}\uFEFF\uFFFE\uFFFF]/gu, (ch) => (/\p{White_Space}/u.test(ch) ? ' ' : ''))
    .replace(/\p{White_Space}+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Several tag lists as one: each tag normalised, empty ones dropped, duplicates removed; the first
 * occurrence wins, so the user's own tags keep their place ahead of suggestions merged after them.
 */
export function mergeTags(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) {
    for (const tag of list) {
      const normal = normalizeTag(tag);
      if (normal !== '') seen.add(normal);
    }
  }
  return [...seen];
}
