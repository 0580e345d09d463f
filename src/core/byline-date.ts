/**
 * The date of a byline near the headline (`By Jane Doe | Published Jan. 6, 2026, 4:19 PM`,
 * `Publié le 6 janvier 2026`, `22.04.2020 / 06:15`), for pages that mark their date up nowhere.
 */
import { parseDay } from './date-parse.ts';
import { dayOrderOf } from './date-order.ts';
import { foldSpaces } from './fold.ts';
import { bylineScope, isAsideLike, isLayoutAside, isModified } from './date-context.ts';

/** How much text after the headline is read for a byline's date, in characters. */
const BYLINE_AFTER = 1500;
/** ... and how much before it, within the headline's own container. */
const BYLINE_BEFORE = 400;
/** A byline is a short line; a longer text node is the article's prose, whose dates are events. */
const BYLINE_MAX_CHARS = 140;
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
const MODIFIED_WORDS = /最終更新|更新日|수정일/u;
/**
 * The same words in the languages that put them before the date they label (`Updated Jan 20,
 * 2020`): one after the line's date labels a later one (`January 19, 2020 / 12:25 PM / Updated 8
 * hours ago`), and the line's date is the publication's.
 */
const MODIFIED_LABEL_WORDS = /(?:^|[^\p{L}])(?:updated|modified|edited|revised|aktualisiert|actualizado|atualizado|aggiornato|bijgewerkt)(?:[^\p{L}]|$)/iu;

/**
 * Words that introduce a byline or its date, in the languages whose dates are read: `By`,
 * `Published`, `Publié le`, `Veröffentlicht am`, `Von`.
 */
const BYLINE_LABEL = /(?:^|[^\p{L}])(?:by|published|posted|dated|reviewed|par|publi[ée]e?|paru|von|ver[öo]ffentlicht|erschienen|por|publicad[oa]|di|pubblicato|door|gepubliceerd|geplaatst)(?:[^\p{L}]|$)/iu;
/** Containers that hold a byline's date by their name (stems, inside words too: `postdate`). */
const BYLINE_NAMES = /date|time|byline|posted|publish|stamp|meta|info|author/i;
/**
 * A line that opens with a numeric date, or a date and a time, is a stamp (`02.02.2022 10:16 Uhr -
 * Sport`, `2019-03-04 | News`); a sentence about a day opens with words.
 */
const STARTS_WITH_DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
/** A line no longer than this is mostly its date (`Tuesday, December 16, 2016 at 4:19 pm EST`). */
const DATE_LINE_CHARS = 45;

/**
 * Whether a line holding a date gives the byline's date rather than a sentence that mentions a
 * day (`Born on 29 February 2000, they...`): it is short enough to be mostly the date, or a byline
 * word comes before the date, or its element or the one above is named as a date or byline.
 */
function isBylineDate(text: string, label: string, parent: Element | null): boolean {
  if (text.length <= DATE_LINE_CHARS || BYLINE_LABEL.test(label) || STARTS_WITH_DATE.test(text)) return true;
  for (let node = parent, level = 0; node !== null && level < 2; node = node.parentElement, level++) {
    if (BYLINE_NAMES.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  return false;
}

const signature = (el: Element): string => `${el.tagName} ${el.getAttribute('class') ?? ''}`;

/** Whether a short text of `el` (within its first few text nodes) holds a date. */
function holdsDate(el: Element, now: Date): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let n = walker.nextNode(); n !== null && seen < 40; n = walker.nextNode(), seen++) {
    const text = n.nodeValue ?? '';
    if (text.length <= BYLINE_MAX_CHARS && /\d/.test(text) && parseDay(text, now, dayOrderOf(el.ownerDocument)) !== null) return true;
  }
  return false;
}

/**
 * Whether the line is one of a list of teasers: one of its containers, below `stop`, has two or
 * more siblings of the same tag and class that carry a date of their own (`12.01.2022 · Sport`
 * under each headline of a list of other articles). A byline's own list (author, date, comments)
 * holds one date.
 */
function inDatedList(el: Element, stop: Element | null, now: Date): boolean {
  let node: Element | null = el;
  for (let level = 0; level < 6 && node !== null && node.tagName !== 'BODY'; level++, node = node.parentElement) {
    if (stop !== null && node.contains(stop)) return false;
    const parent: Element | null = node.parentElement;
    if (parent === null) return false;
    const key = signature(node);
    let dated = 0;
    for (let sibling: Element | null = parent.firstElementChild; sibling !== null && dated < 2; sibling = sibling.nextElementSibling) {
      if (sibling !== node && signature(sibling) === key && holdsDate(sibling, now)) dated++;
    }
    if (dated >= 2) return true;
  }
  return false;
}

/** A column that holds the article's byline is short: a date, an author, a category, a share link. */
const BYLINE_COLUMN_CHARS = 500;

/** How many short text lines of `el` hold a date, counting to two at most. */
function datedLines(el: Element, now: Date): number {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let dated = 0;
  for (let n = walker.nextNode(); n !== null && dated < 2; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    if (text.length <= BYLINE_MAX_CHARS && /\d/.test(text) && parseDay(text, now, dayOrderOf(el.ownerDocument)) !== null) dated++;
  }
  return dated;
}

/**
 * Whether an aside or menu by layout (./date-context.ts, `isLayoutAside`) read after the headline is
 * the article's byline column: short, and holding a single date. A sidebar of teasers or a menu
 * is longer or holds several; one named as comments or related articles is never read.
 */
function isBylineColumn(el: Element, now: Date): boolean {
  return isLayoutAside(el) && foldSpaces(el.textContent).length <= BYLINE_COLUMN_CHARS && datedLines(el, now) === 1;
}

interface Found { day: string; at: number; parent: Element | null }

/**
 * The day of a byline near the headline `h1` (./headline.ts): the first date in a short line
 * read after the headline (anywhere on the page, up to BYLINE_AFTER characters of text on), else
 * the last one shortly before it inside the headline's own container. Without a headline, the
 * first in a lone article or main element. A date labelled as an update, a copyright line, the
 * lines of asides, menus, comments and captions, and the dates of a list of teasers never count.
 */
export function dayFromByline(doc: Document, h1: Element | null, now: Date = new Date()): string | null {
  const scope = bylineScope(doc, h1);
  const root = h1 === null ? scope : doc.body;
  if (root === null) return null;
  let read = 0;
  let recent = '';
  let headlineAt = h1 === null ? 0 : -1;
  let before: Found | null = null;
  let found: Found | null = null;
  const accept = (text: string, context: string, parent: Element | null): string | null => {
    if (text.length > BYLINE_MAX_CHARS || COPYRIGHT.test(text) || !/\d/.test(text)) return null;
    const day = parseDay(text, now, dayOrderOf(doc));
    if (day === null) return null;
    // The line's words before its first digit: what labels its date.
    const lead = text.slice(0, text.search(/\d/));
    const label = `${context} ${lead}`.trim();
    if (MODIFIED_BEFORE.test(label)) return null;
    const modified = MODIFIED_WORDS.test(text) || MODIFIED_LABEL_WORDS.test(lead);
    if (!PUBLISHED_WORDS.test(text) && (modified || (parent !== null && isModified(parent)))) return null;
    return isBylineDate(text, label, parent) ? day : null;
  };
  const visit = (node: Node): boolean => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child === h1) headlineAt = read;
      if (child.nodeType === 1) {
        const el = child as Element;
        const holdsHeadline = h1 !== null && el.contains(h1);
        if (!holdsHeadline && UNREAD_TAGS.has(el.tagName.toUpperCase())) continue;
        if (!holdsHeadline && isAsideLike(el) && !(headlineAt >= 0 && isBylineColumn(el, now))) continue;
        if (visit(el)) return true;
        continue;
      }
      if (child.nodeType !== 3) continue;
      const text = foldSpaces(child.nodeValue);
      if (text === '') continue;
      const context = recent;
      read += text.length + 1;
      recent = `${recent} ${text}`.slice(-40);
      if (headlineAt >= 0 && read - headlineAt > BYLINE_AFTER) return true;
      const parent = child.parentElement;
      // Inside the headline only a stamp of its own (`<span class="date">27.01.2022</span>`, a
      // line that opens with the day): a day at the end of the headline's words is what it
      // reports on (`Results of the relay, 19.5.2007` above `by X | 20 May 2007`).
      if (h1 !== null && h1.contains(child) && text.length > DATE_LINE_CHARS && !STARTS_WITH_DATE.test(text)) continue;
      const day = accept(text, context, parent);
      if (day === null) continue;
      // Before the headline only its own container counts: higher up is the masthead's date.
      if (headlineAt < 0 && (scope === null || !scope.contains(child))) continue;
      if (parent !== null && inDatedList(parent, h1, now)) continue;
      if (headlineAt >= 0) {
        found = { day, at: read, parent };
        return true;
      }
      before = { day, at: read, parent };
    }
    return false;
  };
  visit(root);
  if (found !== null) return (found as Found).day;
  const last = before as Found | null;
  return last !== null && headlineAt >= 0 && headlineAt - last.at <= BYLINE_BEFORE ? last.day : null;
}
