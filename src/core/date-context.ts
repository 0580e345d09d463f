/**
 * What tells an article's own dates from the dates of asides, menus, comments and updates: where
 * a dated element sits, whether it is labelled as an update or as the publication date, and the
 * regions of the page that hold the article's byline. Read by ./markup-dates.ts and
 * ./byline-date.ts.
 */
import { nameMatcher, separatedWords } from './name-words.ts';

/**
 * Containers whose dates belong to something else than the article: asides, menus, comments, and
 * quotations (an embedded post is a blockquote carrying the date it was posted).
 */
const SKIP_TAGS = new Set(['ASIDE', 'NAV', 'BLOCKQUOTE']);
const SKIP_ROLES = new Set(['complementary', 'navigation']);
/** Names of what lists other things than the article: comments, other articles, a newsletter. */
const LIST_NAMES = nameMatcher([
  'comment', 'comments', 'related', 'recommend', 'recommended', 'recommendations', 'reviews',
  'trending', 'popular', 'most read', 'more stories', 'newsletter',
], separatedWords);
/** Names of a place in the layout: a column beside the article, a bar of links. */
const LAYOUT_NAMES = nameMatcher(['sidebar', 'side bar', 'nav', 'navbar', 'navigation', 'menu'], separatedWords);
const SKIP_NAMES = (el: Element): boolean => LIST_NAMES(el) || LAYOUT_NAMES(el);
const FOOTER_NAMES = nameMatcher(['footer'], separatedWords);
/** Stems found anywhere in the names, inside words too (`lastupdated`, `dateModified`, `pubdate`). */
const MODIFIED_NAMES = /modif|updat|revis|edited/i;
const MODIFIED_TEXT = /^\s*(?:last\s+)?(?:updated|modified|edited|revised)\b/i;
/** A label element of its own, `<dt>Updated:</dt>`; a whole paragraph starting so is not one. */
const MODIFIED_LABEL = /^\s*(?:last\s+)?(?:updated|modified|edited|revised)(?:\s+(?:on|at))?\s*:?\s*$/i;
const PUBLISHED_NAMES = /publish|pubdate|posted|created/i;

/** Whether `el` is an aside, a menu, comments or a list of other articles by its tag, role or name. */
export function isAsideLike(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase()) || SKIP_ROLES.has(el.getAttribute('role') ?? '')
    || SKIP_NAMES(el);
}

/**
 * Whether `el` is an aside or a menu by its place in the layout alone (`<aside>`, `<nav>`, a
 * `sidebar` or `nav` name), not by naming what it lists: a narrow column or a Bootstrap `nav`
 * list beside the headline may hold the article's own byline.
 */
export function isLayoutAside(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BLOCKQUOTE' || LIST_NAMES(el)) return false;
  return tag === 'ASIDE' || tag === 'NAV' || SKIP_ROLES.has(el.getAttribute('role') ?? '') || LAYOUT_NAMES(el);
}

export interface Placement {
  skipped: boolean;
  inFooter: boolean;
}

/**
 * Whether `el` sits in an aside, menu or comments, or in a footer. The walk stops at the main
 * content and at the first ancestor holding the headline: wrappers that high describe the page's
 * layout (`container sidebar_right`), not an aside.
 */
export function placement(el: Element, headline: Element | null): Placement {
  let inFooter = false;
  for (let node = el.parentElement; node !== null && node.tagName !== 'BODY'; node = node.parentElement) {
    const role = node.getAttribute('role') ?? '';
    if (node.tagName === 'MAIN' || role === 'main' || (headline !== null && node.contains(headline))) break;
    if (isAsideLike(node)) return { skipped: true, inFooter };
    if (node.tagName === 'FOOTER' || role === 'contentinfo' || FOOTER_NAMES(node)) inFooter = true;
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
export function isModified(el: Element): boolean {
  return modifiedBy(el, true);
}

/**
 * `isModified` without the bare hAtom class `updated`: the microformat requires that class on an
 * entry's date and makes `published` optional, so many blog themes put `updated` on a post's only
 * date (./hatom-date.ts).
 */
export function isLabelledModified(el: Element): boolean {
  return modifiedBy(el, false);
}

const BARE_UPDATED = /(?:^|\s)updated(?=\s|$)/g;

function modifiedBy(el: Element, bareUpdated: boolean): boolean {
  let node: Element | null = el;
  for (let level = 0; level < 4 && node !== null; level++, node = node.parentElement) {
    const names = bareUpdated ? ownNames(node) : ownNames(node).replace(BARE_UPDATED, ' ');
    // WordPress marks an unedited post's date `class="entry-date published updated"`.
    if (PUBLISHED_NAMES.test(names)) return false;
    if (MODIFIED_NAMES.test(names)) return true;
    if (level < 2 && MODIFIED_TEXT.test(leadingText(node))) return true;
    const label = node.previousElementSibling;
    if (label !== null && MODIFIED_LABEL.test(leadingText(label))) return true;
  }
  return false;
}

export function isMarkedPublished(el: Element): boolean {
  return el.hasAttribute('pubdate') || PUBLISHED_NAMES.test(ownNames(el))
    || PUBLISHED_NAMES.test(el.parentElement?.getAttribute('class') ?? '');
}

/**
 * Where the article's own dates live, nearest first: the few ancestors of the headline (a byline
 * usually sits beside it), then the article element or main content. A container that holds
 * several `<article>`s is a listing, whose dates are the teasers', so climbing stops there.
 */
export function articleRegions(doc: Document, h1: Element | null): Element[] {
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
 * The container whose text holds the byline: the headline's article, else the headline's
 * ancestor a few levels up (below any listing of several articles); without a headline only a
 * lone article or main element, never the whole page, whose masthead may show today's date.
 */
export function bylineScope(doc: Document, h1: Element | null): Element | null {
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
