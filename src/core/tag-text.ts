import { removeQuotes } from './slug.ts';

// Kept apart from tags.ts, which holds the suggestion rules and their stopword lists: the popup,
// the library and the store only need a tag's identity, and should not load the lists for it.

// A word starts with a letter or digit; combining marks continue it so that Devanagari, Thai or a
// decomposed `é` are not cut into pieces. A hyphen between two letters keeps a word whole
// (`late-night`, FORMAT.md); one beside a digit separates (`COVID-19` gives `covid` and `19`).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=[\p{L}\p{M}])[-\u2010\u2011](?=\p{L})[\p{L}\p{N}\p{M}]+)*/gu;
const HYPHENS = /[\u2010\u2011]/g;

/** The words of a text as tags compare them: NFC, apostrophes removed, hyphens as `-`, in order. */
export function tagWords(text: string): string[] {
  return (removeQuotes(text.normalize('NFC')).match(WORD) ?? []).map((word) => word.replace(HYPHENS, '-'));
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
