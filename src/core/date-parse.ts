/**
 * Reading a calendar day out of a date as written (FORMAT.md, `date`): timestamps, dates in words,
 * numeric dates, and days in a URL's path.
 *
 * A timestamp is never turned into a `Date` and back: `2026-01-06T23:30:00-05:00` was written on
 * the 6th where it was published, and converting it to UTC or to the reader's zone would file the
 * article under the 7th. So the day is read from the text as written. Only epoch numbers, which
 * carry no zone at all, are read as UTC.
 */
import { foldSpaces } from './fold.ts';

/** Dates before this year are placeholders or parse accidents on a news page. */
const MIN_YEAR = 1990;
/** How far past the clock a date may lie before it is taken for a placeholder (2999, 9999...). */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

/**
 * Month names of the languages whose news sites write dates in words, month by month, as the
 * language writes them after a day number (Slavic languages decline them: `13 października`,
 * `13 октября`): English, French, German, Spanish, Italian, Portuguese, Dutch, Catalan, the
 * Scandinavian languages, Romanian, Indonesian, Turkish, Polish, Czech, Russian, Ukrainian,
 * Bulgarian, Greek and Arabic (the Egyptian names and the Levantine ones of one word). Matched
 * without accents, Arabic's hamza and vowel marks, and case. Languages whose names of two months
 * share a beginning (Croatian's `listopad` is October, Polish's November) are left out: an
 * abbreviation that could be two months is refused, and such a language would make other
 * languages' ones so.
 */
const MONTH_WORDS: readonly string[][] = [
  ['january', 'janvier', 'januar', 'enero', 'gennaio', 'janeiro', 'januari', 'gener', 'ianuarie', 'ocak', 'styczen', 'stycznia', 'leden', 'ledna', 'январь', 'января', 'січень', 'січня', 'януари', 'يناير', 'ιανουαριου', 'ιανουαριος'],
  ['february', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari', 'febrer', 'februarie', 'subat', 'luty', 'lutego', 'unor', 'unora', 'февраль', 'февраля', 'лютий', 'лютого', 'февруари', 'فبراير', 'شباط', 'φεβρουαριου', 'φεβρουαριος'],
  ['march', 'mars', 'marz', 'marzo', 'marco', 'maart', 'marc', 'marts', 'martie', 'maret', 'mart', 'marzec', 'marca', 'brezen', 'brezna', 'март', 'марта', 'березень', 'березня', 'مارس', 'آذار', 'μαρτιου', 'μαρτιος'],
  ['april', 'avril', 'abril', 'aprile', 'aprilie', 'nisan', 'kwiecien', 'kwietnia', 'duben', 'dubna', 'апрель', 'апреля', 'квітень', 'квітня', 'април', 'أبريل', 'إبريل', 'نيسان', 'απριλιου', 'απριλιος'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maig', 'maj', 'mayıs', 'mayis', 'maja', 'kveten', 'kvetna', 'маи', 'мая', 'травень', 'травня', 'مايو', 'أيار', 'μαιου', 'μαιος'],
  ['june', 'juin', 'juni', 'junio', 'giugno', 'junho', 'juny', 'iunie', 'haziran', 'czerwiec', 'czerwca', 'cerven', 'cervna', 'июнь', 'июня', 'червень', 'червня', 'юни', 'يونيو', 'يونيه', 'حزيران', 'ιουνιου', 'ιουνιος'],
  ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho', 'juliol', 'iulie', 'temmuz', 'lipiec', 'lipca', 'cervenec', 'cervence', 'июль', 'июля', 'липень', 'липня', 'юли', 'يوليو', 'يوليه', 'تموز', 'ιουλιου', 'ιουλιος'],
  ['august', 'aout', 'agosto', 'augustus', 'agost', 'augusti', 'agustus', 'agustos', 'sierpien', 'sierpnia', 'srpen', 'srpna', 'август', 'августа', 'серпень', 'серпня', 'أغسطس', 'αυγουστου', 'αυγουστος'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'setembre', 'septembrie', 'eylul', 'wrzesien', 'wrzesnia', 'zari', 'сентябрь', 'сентября', 'вересень', 'вересня', 'септември', 'سبتمبر', 'أيلول', 'σεπτεμβριου', 'σεπτεμβριος'],
  ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'octombrie', 'ekim', 'pazdziernik', 'pazdziernika', 'rijen', 'rijna', 'октябрь', 'октября', 'жовтень', 'жовтня', 'октомври', 'أكتوبر', 'οκτωβριου', 'οκτωβριος'],
  ['november', 'novembre', 'noviembre', 'novembro', 'noiembrie', 'kasım', 'kasim', 'listopad', 'listopada', 'listopadu', 'ноябрь', 'ноября', 'листопад', 'листопада', 'ноември', 'نوفمبر', 'νοεμβριου', 'νοεμβριος'],
  ['december', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'desembre', 'desember', 'decembrie', 'aralık', 'aralik', 'grudzien', 'grudnia', 'prosinec', 'prosince', 'декабрь', 'декабря', 'грудень', 'грудня', 'декември', 'ديسمبر', 'δεκεμβριου', 'δεκεμβριος'],
].map((names) => names.map(withoutAccents));

/**
 * Lower case without combining marks (`Février` -> `fevrier`, `října` -> `rijna`, `май` -> `маи`,
 * `Αυγούστου` -> `αυγουστου`, `أكتوبر` -> `اكتوبر`).
 */
function withoutAccents(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` if the day exists and lies in the plausible range, else `null`. */
export function formatDay(year: number, month: number, day: number, now: Date = new Date()): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  if (Date.UTC(year, month - 1, day) > now.getTime() + MAX_AHEAD_MS) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * 1..12 for a month name or its abbreviation of three letters or more (`Sep`, `Sept.`, `janv.`,
 * `Dez.`), else 0; an abbreviation that could be two different months is refused, and so is `des`
 * without its dot: December's in Norwegian and Indonesian, but a word of every French sentence.
 */
function monthNumber(word: string): number {
  const lower = withoutAccents(word).replace(/\.$/, '');
  if (lower.length < 3 || (lower === 'des' && !word.endsWith('.'))) return 0;
  let found = 0;
  for (const [index, names] of MONTH_WORDS.entries()) {
    if (names.some((name) => name.startsWith(lower))) {
      if (found !== 0 && found !== index + 1) return 0;
      found = index + 1;
    }
  }
  return found;
}

function fromEpoch(ms: number, now: Date): string | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), now);
}

/** How a page writes a numeric date with slashes or dashes: day first, month first, or unknown. */
export type DayOrder = 'dmy' | 'mdy' | null;

/** `14/01/2020`, `01-14-2020`: which number is the day depends on the page's language. */
const SLASHED_DAY = /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/.-])/;
const ISO_DAY = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const BASIC_ISO_DAY = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DOTTED_DAY = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/;
/** `6 January 2026`, `6th of January, 2026`, `1er janvier 2026`, `6. Januar 2026`, `6 de enero de 2026`. */
const DAY_MONTH_YEAR = /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:of\s+|de\s+)?(\p{L}{3,}\.?),?\s+(?:de\s+)?(\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = /(?<![\p{L}\d])(\p{L}{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
/** `Tue May 24 05:55:00 2016` (C asctime) and `Mon Aug 03 12:45:00 EDT 2015` (Java). */
const MONTH_DAY_TIME_YEAR = /(?<![\p{L}\d])(\p{L}{3,})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?(\d{4})(?!\d)/u;
/** `2019年4月3日` (Chinese, Japanese) and `2019년 4월 3일` (Korean). */
const CJK_DAY = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

/**
 * Arabic-Indic and Persian digits as ASCII ones (`٧ أكتوبر ٢٠٢٠`). A Hijri or Solar Hijri year
 * (1442, 1399) then falls before MIN_YEAR and is refused like any other implausible year.
 */
function asciiDigits(text: string): string {
  return /[\u0660-\u0669\u06f0-\u06f9]/.test(text)
    ? text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.codePointAt(0)! & 0xf)))
    : text;
}

/**
 * Reads the calendar day out of a timestamp as written: ISO 8601 with or without time and offset,
 * `2026-01-06 06:45`, `20260106`, RFC 2822 (`Tue, 06 Jan 2026 06:45:12 GMT`), English prose
 * (`January 6, 2026`, `6th January 2026`), `06.01.2026`, `Tue May 24 05:55:00 2016`,
 * `2019年4月3日`, and epoch seconds or milliseconds.
 * Returns `null` for anything else, for days that do not exist, before 1990 or far in the future.
 * Slashed forms like `01/06/2026` read differently in the US and elsewhere: they are read in the
 * page's `order` (./date-order.ts), and without one only when a number above 12 shows which is
 * the day.
 */
export function parseDay(value: string | null | undefined, now: Date = new Date(), order: DayOrder = null): string | null {
  const text = asciiDigits(foldSpaces(value));
  if (text === '') return null;

  if (/^\d{9,10}(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text) * 1000, now);
  if (/^\d{12,13}$/.test(text)) return fromEpoch(Number(text), now);

  let m = ISO_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[1]), Number(m[3]), Number(m[4]), now);
  m = BASIC_ISO_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[1]), Number(m[2]), Number(m[3]), now);
  m = DOTTED_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[3]), Number(m[2]), Number(m[1]), now);

  m = SLASHED_DAY.exec(text);
  if (m !== null) {
    const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const dayFirst = order === 'dmy' || (order === null && first > 12 && second <= 12);
    const monthFirst = order === 'mdy' || (order === null && second > 12 && first <= 12);
    if (dayFirst) return formatDay(year, second, first, now);
    if (monthFirst) return formatDay(year, first, second, now);
  }

  m = CJK_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[1]), Number(m[2]), Number(m[3]), now);
  m = MONTH_DAY_TIME_YEAR.exec(text);
  if (m !== null) {
    const month = monthNumber(m[1] ?? '');
    if (month > 0) return formatDay(Number(m[3]), month, Number(m[2]), now);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m !== null) {
    const month = monthNumber(m[2] ?? '');
    if (month > 0) return formatDay(Number(m[3]), month, Number(m[1]), now);
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m !== null) {
    const month = monthNumber(m[1] ?? '');
    if (month > 0) return formatDay(Number(m[3]), month, Number(m[2]), now);
  }
  return null;
}

/** A day can sit in the path as `/2024/02/29/`, `/2024-02-29-slug`, `/2024-02/29/` or `/20240229/`. */
const URL_DAY_PATTERNS = [
  /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?=[/._-]|$)/g,
  /\/(\d{4})-(\d{2})\/(\d{2})(?=[/._-]|$)/g,
  /\/(\d{4})-(\d{2})-(\d{2})(?=[/._-]|$)/g,
  /\/(\d{4})(\d{2})(\d{2})(?=[/._-]|$)/g,
];

/** The first real day found in the path of `href`, or `null`. */
export function dayFromUrlPath(href: string, now: Date = new Date()): string | null {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return null;
  }
  for (const pattern of URL_DAY_PATTERNS) {
    for (const m of path.matchAll(pattern)) {
      const day = formatDay(Number(m[1]), Number(m[2]), Number(m[3]), now);
      if (day !== null) return day;
    }
  }
  return null;
}

/**
 * Whether a timestamp is written in UTC with a time of day (`2023-11-09T03:28:35Z`, `+00:00`,
 * `Thu, 09 Nov 2023 03:28:35 GMT`, epoch numbers): its calendar day is London's, which may not be
 * the publisher's.
 */
export function isUtcStamp(value: string): boolean {
  const text = value.trim();
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return true;
  return /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]00:?00|\s(?:GMT|UTC))\s*$/i.test(text);
}
