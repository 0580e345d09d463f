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

/**
 * Month names of the languages whose news sites write dates in words, month by month: English,
 * French, German, Spanish, Italian, Portuguese, Dutch. Matched without accents and case.
 */
const MONTH_WORDS: readonly string[][] = [
  ['january', 'janvier', 'januar', 'enero', 'gennaio', 'janeiro', 'januari'],
  ['february', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'mars', 'marz', 'marzo', 'marco', 'maart'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'juin', 'juni', 'junio', 'giugno', 'junho'],
  ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho'],
  ['august', 'aout', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro'],
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

/**
 * 1..12 for a month name or its abbreviation of three letters or more (`Sep`, `Sept.`, `janv.`,
 * `Dez.`), else 0; an abbreviation that could be two different months is refused.
 */
function monthNumber(word: string): number {
  const lower = word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '');
  if (lower.length < 3) return 0;
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
export function headline(doc: Document): Element | null {
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
  // Searching a large page costs jsdom tens of milliseconds (a `~=` selector, hundreds): the head
  // and the article's container come first, the whole page only when they hold no date.
  const scope = bylineScope(doc, h1);
  const roots: ParentNode[] = scope === null ? [doc] : [doc.head ?? doc, scope, doc];
  const seen = new Set<Element>();
  for (const root of roots) {
    for (const el of root.querySelectorAll('[itemprop]')) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (!/(?:^|\s)datepublished(?:\s|$)/i.test(el.getAttribute('itemprop') ?? '')) continue;
      if (placement(el, h1).skipped) continue;
      // Blogger and microformats put the timestamp in an <abbr title>, the text being `8:38 pm`.
      for (const value of [el.getAttribute('content'), el.getAttribute('datetime'), el.getAttribute('title'), el.textContent]) {
        const day = parseDay(value, now);
        if (day !== null) return day;
      }
    }
  }
  return null;
}

/** How much text around the headline is read for a byline's date, in characters. */
const BYLINE_AFTER = 1500;
const BYLINE_BEFORE = 400;
/** A byline is a short line; a longer text node is the article's prose, whose dates are events. */
const BYLINE_MAX_CHARS = 140;
/** `By Kathy Wise, published in FrontBurner December 14, 2016 2:24 pm` is eleven words; a sentence is longer. */
const BYLINE_MAX_WORDS = 14;
const UNREAD_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'FIGCAPTION']);
/** `Updated`, `mis à jour`, `aktualisiert`...: the date that follows is not the publication's. */
const MODIFIED_BEFORE = /(?:updated|modified|edited|revised|mis\s+à\s+jour|actualis[ée]e?|aktualisiert|ge[äa]ndert|actualizado|atualizado|aggiornato|bijgewerkt)\s*(?:on|at|le|am|el|em|il|op)?\s*:?\s*$/i;
const COPYRIGHT = /©|\(c\)\s*\d|copyright/i;
/**
 * A line's own words about its date, wherever they stand (Japanese and Chinese put them after it:
 * `2019年2月22日 14時30分 公開`). They outweigh the name of the element that holds the line
 * (`<span id="update">` around a publication date). A bare `更新` after a date is how many
 * Japanese sites stamp the article itself, so only `最終更新` / `更新日` ("last updated") count.
 */
const PUBLISHED_WORDS = /公開|公表|掲載|配信|投稿|发布|發佈|发表|發表|게시|입력|(?:^|[^\p{L}])(?:published|posted|veröffentlicht|publié|publicado|pubblicato|gepubliceerd)(?:[^\p{L}]|$)/iu;
const MODIFIED_WORDS = /最終更新|更新日|수정일|(?:^|[^\p{L}])(?:updated|modified|edited|revised|aktualisiert|actualizado|atualizado|aggiornato|bijgewerkt)(?:[^\p{L}]|$)/iu;

/** Words that introduce a byline or its date: `By`, `Published`, `Publié le`, `Veröffentlicht am`. */
const BYLINE_LABEL = /(?:^|[^\p{L}])(?:by|published|posted|dated|reviewed|this story is from|par|publi[ée]e?|paru|ver[öo]ffentlicht|erschienen|por|publicad[oa]|pubblicato|door|gepubliceerd|geplaatst)(?:[^\p{L}]|$)/iu;
/** Containers that hold a byline's date by their name. */
const BYLINE_NAMES = /date|time|byline|posted|publish|stamp|meta|info|author/i;
/** A line no longer than this is mostly its date (`Tuesday, December 16, 2016 at 4:19 pm EST`). */
const DATE_LINE_CHARS = 45;

/**
 * Whether a line holding a date is a byline rather than a sentence that mentions a day (`Born on
 * 29 February 2000, they...`): it is short enough to be mostly the date, or a byline word comes
 * before the date, or its element or the one above is named as a date or byline.
 */
function isBylineLine(text: string, label: string, parent: Element | null): boolean {
  if (text.length <= DATE_LINE_CHARS || BYLINE_LABEL.test(label)) return true;
  for (let node = parent, level = 0; node !== null && level < 2; node = node.parentElement, level++) {
    if (BYLINE_NAMES.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  return false;
}

/**
 * The container whose text holds the byline: the headline's article, else the headline's
 * ancestor a few levels up (below any listing of several articles); without a headline only a
 * lone article or main element, never the whole page, whose masthead may show today's date.
 */
function bylineScope(doc: Document, h1: Element | null): Element | null {
  if (h1 === null) {
    const articles = doc.getElementsByTagName('article');
    return articles.length === 1 ? articles[0] ?? null : doc.querySelector('main, [role="main"]');
  }
  const article = h1.closest('article');
  if (article !== null) return article;
  const articles = Array.from(doc.getElementsByTagName('article'));
  let scope: Element = h1;
  for (let level = 0; level < 4; level++) {
    const up = scope.parentElement;
    if (up === null || up.tagName === 'BODY' || up.tagName === 'HTML') break;
    if (articles.filter((a) => up.contains(a)).length > 1) break;
    scope = up;
  }
  return scope === h1 ? null : scope;
}

/**
 * The day of a byline near the headline (`By Jane Doe | Published Jan. 6, 2026, 4:19 PM`,
 * `Publié le 6 janvier 2026`), for pages that mark their date up nowhere: the first date in a
 * short line after the headline, else the last one shortly before it. A date labelled as an
 * update, a copyright line, and the lines of asides, menus, comments and captions never count.
 */
export function dayFromByline(doc: Document, now: Date = new Date()): string | null {
  const h1 = headline(doc);
  const scope = bylineScope(doc, h1);
  if (scope === null) return null;
  let read = 0;
  let recent = '';
  let headlineAt = h1 === null ? 0 : -1;
  let before = null as { day: string; at: number } | null;
  let found = null as string | null;
  const visit = (node: Node): boolean => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child === h1) headlineAt = read;
      if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (UNREAD_TAGS.has(tag) || SKIP_TAGS.has(tag)) continue;
        if (SKIP_NAMES.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) continue;
        if (visit(el)) return true;
        continue;
      }
      if (child.nodeType !== 3) continue;
      const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const context = recent;
      read += text.length + 1;
      recent = `${recent} ${text}`.slice(-40);
      if (headlineAt >= 0 && read - headlineAt > BYLINE_AFTER) return true;
      if (text.length > BYLINE_MAX_CHARS || text.split(' ').length > BYLINE_MAX_WORDS || COPYRIGHT.test(text)) continue;
      const day = parseDay(text, now);
      if (day === null) continue;
      const label = `${context} ${text.slice(0, Math.max(0, text.search(/\d/)))}`.trim();
      const parent = child.parentElement;
      if (MODIFIED_BEFORE.test(label)) continue;
      if (!PUBLISHED_WORDS.test(text) && (MODIFIED_WORDS.test(text) || (parent !== null && isModified(parent)))) continue;
      if (!isBylineLine(text, label, parent)) continue;
      if (headlineAt >= 0) {
        found = day;
        return true;
      }
      before = { day, at: read };
    }
    return false;
  };
  visit(scope);
  if (found !== null) return found;
  return before !== null && headlineAt >= 0 && headlineAt - before.at <= BYLINE_BEFORE ? before.day : null;
}
