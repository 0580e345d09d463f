/**
 * Publication dates as the publisher's own calendar day (FORMAT.md, `date`).
 *
 * A timestamp is never turned into a `Date` and back: `2026-01-06T23:30:00-05:00` was written on
 * the 6th where it was published, and converting it to UTC or to the reader's zone would file the
 * article under the 7th. So the day is read from the text as written. Only epoch numbers, which
 * carry no zone at all, are read as UTC.
 */

/** Dates before this year are placeholders or parse accidents on a news page. */
const MIN_YEAR = 1990;
/** How far past the clock a date may lie before it is taken for a placeholder (2999, 9999...). */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december',
];

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

/** 1..12 for an English month name or its abbreviation (`Sep`, `Sept.`), else 0. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index < 0) return 0;
  return MONTH_NAMES[index]?.startsWith(lower) === true ? index + 1 : 0;
}

function fromEpoch(ms: number, now: Date): string | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), now);
}

const ISO_DAY = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const BASIC_ISO_DAY = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DOTTED_DAY = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/;
const DAY_MONTH_YEAR = /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(\p{L}{3,}\.?),?\s+(\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = /(?<![\p{L}\d])(\p{L}{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
/** `Tue May 24 05:55:00 2016` (C asctime) and `Mon Aug 03 12:45:00 EDT 2015` (Java). */
const MONTH_DAY_TIME_YEAR = /(?<![\p{L}\d])(\p{L}{3,})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?(\d{4})(?!\d)/u;
/** `2019年4月3日` (Chinese, Japanese) and `2019년 4월 3일` (Korean). */
const CJK_DAY = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

/**
 * Reads the calendar day out of a timestamp as written: ISO 8601 with or without time and offset,
 * `2026-01-06 06:45`, `20260106`, RFC 2822 (`Tue, 06 Jan 2026 06:45:12 GMT`), English prose
 * (`January 6, 2026`, `6th January 2026`), `06.01.2026`, `Tue May 24 05:55:00 2016`,
 * `2019年4月3日`, and epoch seconds or milliseconds.
 * Returns `null` for anything else, for days that do not exist, before 1990 or far in the future.
 * Slashed forms like `01/06/2026` are refused: they read differently in the US and in Europe.
 */
export function parseDay(value: string | null | undefined, now: Date = new Date()): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return null;

  if (/^\d{9,10}(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text) * 1000, now);
  if (/^\d{12,13}$/.test(text)) return fromEpoch(Number(text), now);

  let m = ISO_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[1]), Number(m[3]), Number(m[4]), now);
  m = BASIC_ISO_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[1]), Number(m[2]), Number(m[3]), now);
  m = DOTTED_DAY.exec(text);
  if (m !== null) return formatDay(Number(m[3]), Number(m[2]), Number(m[1]), now);

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

/** A day can sit in the path as `/2024/02/29/`, `/2024-02-29-slug` or `/20240229/`. */
const URL_DAY_PATTERNS = [
  /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?=[/._-]|$)/g,
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

/** Containers whose dates belong to something else than the article: asides, menus, comments. */
const SKIP_TAGS = new Set(['ASIDE', 'NAV']);
const SKIP_ROLES = new Set(['complementary', 'navigation']);
const SKIP_NAMES = /(?:^|[\s_-])(?:comments?|sidebar|side-bar|related|recommend(?:ed|ations)?|reviews|trending|popular|most-read|more-stories|newsletter)(?=$|[\s_-])/i;
const FOOTER_NAMES = /(?:^|[\s_-])footer(?=$|[\s_-])/i;
const MODIFIED_NAMES = /modif|updat|revis|edited/i;
const MODIFIED_TEXT = /^\s*(?:last\s+)?(?:updated|modified|edited|revised)\b/i;
/** A label element of its own, `<dt>Updated:</dt>`; a whole paragraph starting so is not one. */
const MODIFIED_LABEL = /^\s*(?:last\s+)?(?:updated|modified|edited|revised)(?:\s+(?:on|at))?\s*:?\s*$/i;
const PUBLISHED_NAMES = /publish|pubdate|posted|created/i;

interface Placement {
  skipped: boolean;
  inFooter: boolean;
}

/**
 * Whether `el` sits in an aside, menu or comments, or in a footer. The walk stops at the main
 * content and at the first ancestor holding the headline: wrappers that high describe the page's
 * layout (`container sidebar_right`), not an aside.
 */
function placement(el: Element, headline: Element | null): Placement {
  let inFooter = false;
  for (let node = el.parentElement; node !== null && node.tagName !== 'BODY'; node = node.parentElement) {
    const role = node.getAttribute('role') ?? '';
    if (node.tagName === 'MAIN' || role === 'main' || (headline !== null && node.contains(headline))) break;
    const names = `${node.getAttribute('class') ?? ''} ${node.id}`;
    if (SKIP_TAGS.has(node.tagName) || SKIP_ROLES.has(role) || SKIP_NAMES.test(names)) {
      return { skipped: true, inFooter };
    }
    if (node.tagName === 'FOOTER' || role === 'contentinfo' || FOOTER_NAMES.test(names)) inFooter = true;
  }
  return { skipped: false, inFooter };
}

function ownNames(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`;
}

/** The first characters of an element's text, without reading all of a large subtree. */
function leadingText(el: Element, limit = 40): string {
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child !== null && text.length < limit; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) visit(child);
    }
  };
  visit(el);
  return text;
}

/**
 * `Updated <time>`, `<time class="dateModified">`, `<dt>Updated:</dt><dd><span><time>`: the
 * modified date, never the published one. The nearest few ancestors count, as sites often put the
 * label or the class on a wrapper.
 */
function isModified(el: Element): boolean {
  let node: Element | null = el;
  for (let level = 0; level < 4 && node !== null; level++, node = node.parentElement) {
    const names = ownNames(node);
    // WordPress marks an unedited post's date `class="entry-date published updated"`.
    if (PUBLISHED_NAMES.test(names)) return false;
    if (MODIFIED_NAMES.test(names)) return true;
    if (level < 2 && MODIFIED_TEXT.test(leadingText(node))) return true;
    const label = node.previousElementSibling;
    if (label !== null && MODIFIED_LABEL.test(leadingText(label))) return true;
  }
  return false;
}

function isMarkedPublished(el: Element): boolean {
  return el.hasAttribute('pubdate') || PUBLISHED_NAMES.test(ownNames(el))
    || PUBLISHED_NAMES.test(el.parentElement?.getAttribute('class') ?? '');
}

/** The headline: an `<h1>` of the article or main content before a site-logo `<h1>`. */
function headline(doc: Document): Element | null {
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  return h1s.find((h1) => h1.closest('article') !== null)
    ?? h1s.find((h1) => h1.closest('main, [role="main"]') !== null)
    ?? h1s[0]
    ?? null;
}

/**
 * Where the article's own dates live, nearest first: the few ancestors of the headline (a byline
 * usually sits beside it), then the article element or main content. A container that holds
 * several `<article>`s is a listing, whose dates are the teasers', so climbing stops there.
 */
function articleRegions(doc: Document, h1: Element | null): Element[] {
  const articles = Array.from(doc.getElementsByTagName('article'));
  const isListing = (node: Element): boolean => articles.filter((a) => node.contains(a)).length > 1;
  const regions: Element[] = [];
  let node = h1?.parentElement ?? null;
  for (let level = 0; level < 3 && node !== null && node.tagName !== 'HTML'; level++) {
    if (isListing(node)) break;
    regions.push(node);
    node = node.parentElement;
  }
  const scope = h1?.closest('article') ?? (articles.length === 1 ? articles[0] : undefined);
  if (scope !== undefined && scope !== null) regions.push(scope);
  else {
    const main = doc.getElementsByTagName('main')[0] ?? doc.querySelector('[role="main"]');
    if (main !== null && !isListing(main)) regions.push(main);
  }
  return regions;
}

/**
 * The day of the article's `<time>`: one marked as the publication date if any, else the
 * first near the headline, else the first in the article; a time in an aside, menu or comments,
 * or labelled as an update, never counts; one in a footer only when nothing else is found.
 */
export function dayFromTimeElements(doc: Document, now: Date = new Date()): string | null {
  const h1 = headline(doc);
  const times: { el: Element; day: string; inFooter: boolean }[] = [];
  for (const el of doc.getElementsByTagName('time')) {
    // HTML gives a <time> without `datetime` its text as value: `<time>Dec 13, 2016</time>`.
    const day = parseDay(el.getAttribute('datetime') ?? el.textContent, now);
    if (day === null || isModified(el)) continue;
    const where = placement(el, h1);
    if (!where.skipped) times.push({ el, day, inFooter: where.inFooter });
  }
  if (times.length === 0) return null;
  // Outside the article's structure, one or two dates are the page's; many make a list of posts.
  const fallback = times.length <= 2 ? (times.find((t) => !t.inFooter)?.day ?? null) : null;
  const regions = articleRegions(doc, h1);
  if (regions.length === 0) return fallback;
  const inRegions = times.filter((t) => regions.some((region) => region.contains(t.el)));
  const marked = inRegions.find((t) => isMarkedPublished(t.el));
  if (marked !== undefined) return marked.day;
  for (const region of regions) {
    const found = inRegions.find((t) => !t.inFooter && region.contains(t.el));
    if (found !== undefined) return found.day;
  }
  return inRegions[0]?.day ?? fallback;
}

/** `itemprop="datePublished"` microdata outside asides and comments. */
export function dayFromMicrodata(doc: Document, now: Date = new Date()): string | null {
  const h1 = headline(doc);
  for (const el of doc.querySelectorAll('[itemprop~="datePublished"], [itemprop~="datepublished"]')) {
    if (placement(el, h1).skipped) continue;
    // Blogger and microformats put the timestamp in an <abbr title>, the text being `8:38 pm`.
    for (const value of [el.getAttribute('content'), el.getAttribute('datetime'), el.getAttribute('title'), el.textContent]) {
      const day = parseDay(value, now);
      if (day !== null) return day;
    }
  }
  return null;
}
