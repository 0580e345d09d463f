/**
 * The publication day a page's markup gives outside its metadata: `<time>` elements and
 * microdata near the headline (byline lines: ./byline-date.ts; whose dates count:
 * ./date-context.ts).
 */
import { parseDay } from './date-parse.ts';
import { dayOrderOf } from './date-order.ts';
import { articleRegions, bylineScope, isMarkedPublished, isModified, placement } from './date-context.ts';

/** What a reader reads in a `<time>`: a whole date in its text, else its `datetime`. */
function timeDay(el: Element, now: Date): string | null {
  // The text is the publisher's day as shown; `datetime` is often the same moment in UTC, or a
  // later revision's. HTML gives a <time> without `datetime` its text as value anyway.
  const text = (el.textContent ?? '').trim();
  const shown = text.length <= 80 ? parseDay(text, now, dayOrderOf(el.ownerDocument)) : null;
  return shown ?? parseDay(el.getAttribute('datetime'), now);
}

/**
 * The day of the article's `<time>` (`h1`: the headline element, ./headline.ts): one marked as
 * the publication date if any, else the
 * first near the headline, else the first in the article; a time in an aside, menu or comments,
 * or labelled as an update, never counts; one in a footer only when nothing else is found.
 */
export function dayFromTimeElements(doc: Document, h1: Element | null, now: Date = new Date()): string | null {
  const times: { el: Element; day: string; inFooter: boolean }[] = [];
  for (const el of doc.getElementsByTagName('time')) {
    const day = timeDay(el, now);
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

/** A microdata (`itemprop`) or RDFa (`property="schema:datePublished"`) name of the publication date. */
const PUBLISHED_PROPERTY = /(?:^|[\s:/#])datepublished(?:\s|$)/i;
/** ... and of the creation date, which stands for it on pages that declare no publication date. */
const CREATED_PROPERTY = /(?:^|[\s:/#])datecreated(?:\s|$)/i;

function propertyDay(el: Element, now: Date): string | null {
  // Blogger and microformats put the timestamp in an <abbr title>, the text being `8:38 pm`.
  for (const value of [el.getAttribute('content'), el.getAttribute('datetime'), el.getAttribute('title'), el.textContent]) {
    const day = parseDay(value, now);
    if (day !== null) return day;
  }
  return null;
}

/**
 * Whether `el` is a property of the item that holds the headline: a byline set in an `<aside>`
 * beside the headline (`<article itemscope><h1>…</h1><aside><time itemprop="datePublished">`) is
 * the article's own, where an aside's teaser is an item of its own.
 */
function ofHeadlinesItem(el: Element, h1: Element | null): boolean {
  return h1 !== null && el.parentElement?.closest('[itemscope]')?.contains(h1) === true;
}

/**
 * The publication date as microdata (`itemprop="datePublished"`) or RDFa (`property=
 * "schema:datePublished"`) outside asides and comments (or in one, as a property of the headline's
 * own item); a declared creation date when there is no publication date.
 */
export function dayFromMicrodata(doc: Document, h1: Element | null, now: Date = new Date()): string | null {
  // Searching a large page costs jsdom tens of milliseconds (a `~=` selector, hundreds): the head
  // and the article's container come first, the whole page only when they hold no date.
  const scope = bylineScope(doc, h1);
  const roots: ParentNode[] = scope === null ? [doc] : [doc.head ?? doc, scope, doc];
  const seen = new Set<Element>();
  let created: string | null = null;
  for (const root of roots) {
    for (const el of root.querySelectorAll('[itemprop], [property]')) {
      if (seen.has(el)) continue;
      seen.add(el);
      const name = `${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('property') ?? ''}`;
      const published = PUBLISHED_PROPERTY.test(name);
      if (!published && (created !== null || !CREATED_PROPERTY.test(name))) continue;
      if (placement(el, h1).skipped && !ofHeadlinesItem(el, h1)) continue;
      const day = propertyDay(el, now);
      if (day !== null && published) return day;
      created ??= day;
    }
  }
  return created;
}
