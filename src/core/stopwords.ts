// Stopword lists come from the `stopword` package (maintained, MIT, one list per language as a
// separate ES module, so the bundle carries only the languages imported here). These are the
// languages of the pages Frontclip was measured on, plus a few of the web's most used ones.
import {
  ara, ben, ces, dan, deu, ell, eng, fas, fin, fra, hrv, hun, hye, ind, ita, jpn, kor, nld, nob, pol,
  por, rus, spa, swe, tur, ukr, zho,
} from 'stopword';
import { removeQuotes } from './slug.ts';

/** Lists by ISO 639-1 code, the form pages declare (`<html lang="de-AT">`). */
const LISTS: Record<string, readonly string[]> = {
  en: eng, de: deu, fr: fra, es: spa, it: ita, pt: por, nl: nld, pl: pol, ru: rus, uk: ukr, fi: fin,
  sv: swe, no: nob, da: dan, tr: tur, hu: hun, el: ell, ar: ara, fa: fas, hy: hye, bn: ben, id: ind,
  hr: hrv, cs: ces, ja: jpn, ko: kor, zh: zho,
};

/** Other codes for the same lists: Norwegian's written forms, the Serbo-Croatian standards, old codes. */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no', bs: 'hr', sr: 'hr', in: 'id' };

/** English first: a tie between languages goes to the most common one on the web. */
const LANGUAGES = Object.keys(LISTS);

const sets = new Map<string, ReadonlySet<string>>();

/**
 * One language's stopwords as the tag rules compare them: lower case, NFC, apostrophes removed
 * the way titles lose theirs (`don't` is matched by `dont`). Built once per language, on demand.
 */
export function stopwordsOf(language: string): ReadonlySet<string> {
  let set = sets.get(language);
  if (!set) {
    set = new Set((LISTS[language] ?? []).map((word) => removeQuotes(word.normalize('NFC').toLowerCase())));
    sets.set(language, set);
  }
  return set;
}

/** The supported language a BCP 47 tag names (`de-AT` → `de`, `nb` → `no`), or null. */
export function listLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  const code = ALIASES[primary] ?? primary;
  return code in LISTS ? code : null;
}

function hits(language: string, words: readonly string[]): number {
  const set = stopwordsOf(language);
  let n = 0;
  for (const word of words) if (set.has(word)) n++;
  return n;
}

/**
 * The language whose stopwords to leave out of a title's tags. The page's declared language wins
 * unless the words clearly disagree: another language's stopwords show at least twice and more
 * than twice as often as the declared one's (a site template left at `lang="en"` over a German
 * article). The words decide alone when the page declares no language we have a list for. `words` are the title's and the
 * description's, lower-cased. Null when nothing points to a language: then no title word is a
 * stopword of any known list, so there is nothing to leave out anyway.
 */
export function detectLanguage(declared: string | null | undefined, words: readonly string[]): string | null {
  const unique = [...new Set(words)];
  let best: string | null = null;
  let bestHits = 0;
  for (const language of LANGUAGES) {
    const n = hits(language, unique);
    if (n > bestHits) {
      best = language;
      bestHits = n;
    }
  }
  const page = listLanguage(declared);
  if (page === null) return best;
  return bestHits >= 2 && bestHits > 2 * hits(page, unique) ? best : page;
}
