/**
 * Apostrophes and quotation marks vanish instead of becoming a separator, so `Trump's` gives
 * `trumps` and `'on the cusp'` gives `on-the-cusp` (FORMAT.md). `\p{Quotation_Mark}` covers the
 * quotes of every script; the rest are characters pages use as apostrophes although Unicode does
 * not class them as quotes (grave and acute accents, primes, the modifier-letter apostrophes,
 * which are even letters and would otherwise survive into the slug).
 */
export const QUOTES = /[\p{Quotation_Mark}`´ʹʺʻʼʽˮ′″‵‶]/gu;

/** Removes every apostrophe and quotation mark: shared by slugs and tag suggestions. */
export function removeQuotes(text: string): string {
  return text.replace(QUOTES, '');
}

/**
 * Latin letters that carry their "diacritic" inside the letter, so NFD cannot split it off. Each is
 * spelt the way the languages that use it write it without the mark (German `ß` → `ss`, Danish
 * `æ` → `ae`, Polish `ł` → `l`, Croatian `đ` → `d`, Icelandic `þ` → `th`). Only lower case is
 * listed because the title is lower-cased first (`ẞ` lower-cases to `ß`).
 */
const UNDECOMPOSABLE_LATIN: Readonly<Record<string, string>> = {
  'ß': 'ss',
  'æ': 'ae',
  'œ': 'oe',
  'ø': 'o',
  'ł': 'l',
  'đ': 'd',
  'ð': 'd',
  'þ': 'th',
  'ħ': 'h',
  'ı': 'i',
  'ŧ': 't',
  'ŀ': 'l',
  'ĳ': 'ij',
};
const UNDECOMPOSABLE_RE = new RegExp(`[${Object.keys(UNDECOMPOSABLE_LATIN).join('')}]`, 'gu');

const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
const LATIN = /^\p{Script=Latin}$/u;

/**
 * URL-safe name from a title (FORMAT.md, "slug"): lower case, Latin diacritics removed, other
 * scripts kept as they are, every run of other characters turned into one `-`.
 */
export function slugify(title: string): string {
  const decomposed = removeQuotes(title.toLowerCase())
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE_LATIN[ch] ?? ch)
    .normalize('NFD');
  // A combining mark belongs to the letter before it: dropped after a Latin letter (that is the
  // diacritic to remove), kept after a letter of another script (the breve of `й`, Devanagari
  // vowel signs, which are part of the spelling), dropped anywhere else (after a digit or a
  // separator it is decoration, and it must not start a slug).
  let out = '';
  let keepMarks = false;
  for (const ch of decomposed) {
    if (MARK.test(ch)) {
      if (keepMarks) out += ch;
    } else if (LETTER.test(ch)) {
      out += ch;
      keepMarks = !LATIN.test(ch);
    } else if (DIGIT.test(ch)) {
      out += ch;
      keepMarks = false;
    } else {
      if (!out.endsWith('-')) out += '-';
      keepMarks = false;
    }
  }
  // NFC puts the kept marks back onto their letters (`и` + breve → `й`, Hangul jamo → syllables).
  return out.normalize('NFC').replace(/^-+|-+$/g, '');
}
