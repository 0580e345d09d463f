import { removeQuotes } from './slug.ts';
import { detectLanguage, stopwordsOf } from './stopwords.ts';
import { normalizeTag, tagWords } from './tag-text.ts';

export { mergeTags, normalizeTag, tagWords } from './tag-text.ts';

/** How many tags are suggested from a title when the caller does not say (FORMAT.md: five). */
export const DEFAULT_TAG_COUNT = 5;

const BARE_NUMBER = /^\p{N}+$/u;
const LOWER = /\p{Ll}/u;
// Scripts where one character is a syllable or a whole word: two of them make a word (`智能`,
// `정부`), so the rule against words of one or two letters is for alphabets only.
const SYLLABIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/** Length in characters (code points), so an emoji or a CJK extension letter counts once. */
function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Whether the text writes this word as an acronym (`NATO`, `EU`, `G7`): every letter a capital,
 * in a text that is not all capitals itself (a shouted headline has no acronyms to tell apart).
 */
function isAcronym(word: string, textHasLowerCase: boolean): boolean {
  return textHasLowerCase && codePointLength(word) >= 2 && word !== word.toLowerCase() && word === word.toUpperCase();
}

/**
 * Whose stopwords to leave out: the title's language (an ISO 639-1 code from `detectLanguage`),
 * or the languages a title may mix (see `tagLanguages`); null leaves no stopword out.
 */
export type TagLanguage = string | readonly string[] | null;

export interface TagWordRules {
  language: TagLanguage;
  /** The text whose use of lower case tells acronyms apart; the text itself when left out. */
  caseContext?: string;
}

/**
 * The words of a text that can be tags (FORMAT.md, "tags"), lower-cased, without duplicates, in
 * text order: no stopwords of the language, no bare numbers, no words of one or two characters,
 * except acronyms the text writes in capitals (`EU`, `US`), which stay whatever they spell.
 */
export function taggableWords(text: string, rules: TagWordRules): string[] {
  const languages = rules.language === null ? [] : typeof rules.language === 'string' ? [rules.language] : rules.language;
  const lists = languages.map(stopwordsOf);
  const hasLower = LOWER.test(rules.caseContext ?? text);
  const out = new Set<string>();
  for (const word of tagWords(text)) {
    const lower = word.toLowerCase();
    if (out.has(lower)) continue;
    if (!isAcronym(word, hasLower)) {
      if (BARE_NUMBER.test(word) || (codePointLength(word) <= 2 && !SYLLABIC.test(word)) || lists.some((list) => list.has(lower))) continue;
    }
    out.add(lower);
  }
  return [...out];
}

/**
 * Tag suggestions from a title (FORMAT.md, "tags"): its taggable words, longest first; words of
 * equal length keep their title order. `language` is the title's (see `detectLanguage`); left
 * out, it is guessed from the title's own words.
 */
export function suggestTags(title: string, count = DEFAULT_TAG_COUNT, language?: TagLanguage): string[] {
  const limit = Math.max(0, Math.floor(count));
  const lang = language === undefined ? detectLanguage(null, tagWords(title).map((w) => w.toLowerCase())) : language;
  const words = taggableWords(title, { language: lang });
  // Array.prototype.sort is stable (ES2019), which gives "ties keep title order".
  words.sort((a, b) => codePointLength(b) - codePointLength(a));
  return words.slice(0, limit);
}

/** How many of the page's own keywords are offered as chips (issue 13: a few good ones, not 40). */
export const KEYWORD_CHIP_LIMIT = 8;

/**
 * The page's own keywords as tag suggestions, cleaned as title words are: each keyword is one tag
 * (`minnesota wild` stays a phrase), dropped when none of its words could be a tag by itself (a
 * stopword, a number, `a1`), never one of the tags already suggested, at most `limit`.
 */
export function keywordTags(keywords: readonly string[], language: TagLanguage, suggested: readonly string[] = [], limit = KEYWORD_CHIP_LIMIT): string[] {
  const caseContext = keywords.join(' ');
  const taken = new Set(suggested.map(normalizeTag));
  const out: string[] = [];
  for (const keyword of keywords) {
    if (out.length >= limit) break;
    const tag = normalizeTag(removeQuotes(keyword));
    if (tag === '' || taken.has(tag)) continue;
    if (taggableWords(keyword, { language, caseContext }).length === 0) continue;
    taken.add(tag);
    out.push(tag);
  }
  return out;
}
