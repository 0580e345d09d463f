/**
 * The visible headline (`<h1>`) as a check on the declared title. Sites declare a title for
 * search engines and social cards (`og:title`, `<title>`) that is often the headline plus the
 * site or section name, a truncated headline, or only the site's name; the reader sees the
 * headline itself. When the two are visibly the same headline, the visible one wins.
 */
import { foldSpaces } from './fold.ts';
import { siteKey, siteKeys } from './site-title.ts';

/** How many `<h1>` are looked at: pages with more are listings, whose first ones are enough. */
const MAX_HEADINGS = 6;
const MAX_HEADLINE_CHARS = 300;

/** Quotes and dashes as typed vs. as typeset, case, spacing: not a different headline. */
export function titleKey(text: string): string {
  return foldSpaces(text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2026]/g, '...'))
    .toLowerCase();
}

/**
 * What may stand between a headline and a site or section name: a separator (`|`, `-`, `–`, `—`,
 * `:`, `·`, `»`, `›`, `•`, `│`, `/`, `_`, full-width ones) or an opening bracket (`Headline (Published 2016)`).
 * `titleKey` folds `«` and `»` into `"`, so a `"` standing alone between spaces is such a
 * separator too (`Site » Headline`); a quote that opens or closes words is not.
 */
export const JOIN_AFTER = /^\s*(?:[|\-\u2013\u2014:\u00b7\u00bb\u203a\u2502/_\uff5c\uff1a\u30fb\u2022~]|\(|\[|\uff08)|^\s+"\s/;
export const JOIN_BEFORE = /(?:[|\-\u2013\u2014:\u00b7\u00bb\u203a\u2502/_\uff5c\uff1a\u30fb\u2022~])\s*$|\s"\s+$/;
const ELLIPSIS = /\s*(?:\.{3}|\u2026)\s*$/;

/** The text of a heading as a reader sees it: whitespace folded, hidden helpers left out. */
export function headingText(h1: Element): string {
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT' || el.hasAttribute('hidden')) continue;
        if (el.tagName === 'BR') text += ' ';
        else visit(el);
      }
      if (text.length > MAX_HEADLINE_CHARS * 2) return;
    }
  };
  visit(h1);
  return foldSpaces(text);
}

/** A kicker is a label of a few words over the headline (`Klimaschutz`, `Nach Corona-Lockerungen`). */
const KICKER_WORDS = 6;

/**
 * The headline without its kicker: a heading that opens with an element of a few words (a topic
 * line set apart, `<span class="kicker">Klimaschutz</span><span>Bohren, bis es heiß wird</span>`)
 * followed by longer text gives that text; `null` when the heading has no such part.
 */
export function withoutKicker(heading: Element): string | null {
  const parts: string[] = [];
  let first: Element | null = null;
  for (let child = heading.firstChild; child !== null; child = child.nextSibling) {
    const text = child.nodeType === 1 ? headingText(child as Element) : foldSpaces(child.nodeValue);
    if (text === '') continue;
    if (parts.length === 0) {
      if (child.nodeType !== 1 || (child as Element).tagName === 'A') return null;
      first = child as Element;
    }
    parts.push(text);
  }
  if (first === null || parts.length < 2) return null;
  const kicker = parts[0]!;
  const rest = parts.slice(1).join(' ').replace(/^[\s:|\-\u2013\u2014\u00b7\u00bb/]+/, '').trim();
  return kicker.split(' ').length <= KICKER_WORDS && rest.length > kicker.length ? rest : null;
}

/** A child node's text as a heading shows it: elements by headingText, text nodes folded. */
function nodeText(node: Node): string {
  return node.nodeType === 1 ? headingText(node as Element) : node.nodeType === 3 ? foldSpaces(node.nodeValue) : '';
}

/**
 * The pieces a heading is set in: its children's texts (past wrappers that hold all of it, such as
 * a link), a line break also ending a piece. A heading may set its headline beside a subtitle, a
 * date line or a text hidden for screen readers (`Headline<br><small>02.02.2022 • News</small>`).
 */
export function headingParts(heading: Element): string[] {
  let root = heading;
  for (;;) {
    const filled = Array.from(root.childNodes).filter((node) => nodeText(node) !== '');
    const [only] = filled;
    if (filled.length !== 1 || only === undefined || only.nodeType !== 1) break;
    root = only as Element;
  }
  const parts: string[] = [];
  let run = '';
  for (let child = root.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) {
      run += child.nodeValue ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    parts.push(foldSpaces(run));
    run = '';
    if ((child as Element).tagName !== 'BR') parts.push(nodeText(child));
  }
  parts.push(foldSpaces(run));
  return parts.filter((part) => part !== '');
}

/**
 * The heading's longest piece when a declared title is that piece exactly and the heading shows
 * more than it: what stands beside the headline in the same heading (a subtitle, a date, a label)
 * is not part of the title the page declares.
 */
function declaredPart(heading: Element, titles: string[]): string | null {
  const parts = headingParts(heading);
  if (parts.length < 2) return null;
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  const key = titleKey(longest);
  return titles.some((title) => titleKey(title) === key) ? longest : null;
}

/**
 * The text a title takes from a headline element: the piece of it a declared title names (unless
 * a declared title is the whole heading), else without its kicker when a declared title is that rest (alone, or after the kicker or a site
 * name), else the whole heading when a declared title relates to it; `null` when no declared
 * title does.
 */
export function headlineTitle(heading: Element, declared: string[]): string | null {
  const titles = declared.filter((title) => title.trim() !== '');
  const whole = headingText(heading);
  // A heading the page declares whole (alone or with its site's name) stays whole.
  const declaredWhole = titles.some((title) => {
    const relation = relateHeadline(whole, title);
    return relation === 'same' || relation === 'affixed';
  });
  const part = declaredWhole ? null : declaredPart(heading, titles);
  if (part !== null) return part;
  const rest = withoutKicker(heading);
  for (const text of rest === null ? [whole] : [rest, whole]) {
    if (titles.some((title) => relateHeadline(text, title) !== 'other')) return text;
  }
  return null;
}

/** Headings the headline may be, in order of preference: a page's title heading may be an `<h2>` or `<h3>` (blogs, a site name in the `<h1>`). */
const HEADING_LEVELS = ['h1', 'h2', 'h3'];
/** How many headings of one level are compared with the declared titles. */
const MAX_MATCHED = 30;

/**
 * The element of the article's headline. First a heading (`h1`, then `h2`, `h3`) that shows one
 * of the titles the page declares (the same words, or with a site name around them, or cut
 * short): that is the headline whatever its level, the first in the article or main content if
 * any (a player or a share box may repeat the title before the article does). Else an `<h1>` in
 * the article or main content, else the first `<h1>`.
 */
export function findHeadline(doc: Document, declared: string[], siteNames: string[]): Element | null {
  const knownSites = new Set(siteKeys(siteNames));
  const titles = declared.map((title) => title.trim()).filter((title) => title.length >= 2);
  // A heading whose whole text shows a declared title comes first; one that shows it in a piece
  // or past a kicker only when none does, so a heading that sets the title apart from its kicker
  // does not outrank the one that shows both as the page declares them.
  const matched = matchingHeading(doc, knownSites, (el, text) => titles.some((title) => relateHeadline(text, title) !== 'other'))
    ?? matchingHeading(doc, knownSites, (el) => headlineTitle(el, titles) !== null);
  if (matched !== null) return matched;
  // An `<h1>` naming the site still marks where the page's top is: the byline is often beside it.
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  return h1s.find((h1) => h1.closest('article') !== null)
    ?? h1s.find((h1) => h1.closest('main, [role="main"]') !== null)
    ?? h1s[0]
    ?? null;
}

/** The first heading `shows` a title, by level, the first in the article or main content if any. */
function matchingHeading(doc: Document, knownSites: Set<string>, shows: (el: Element, text: string) => boolean): Element | null {
  let first: Element | null = null;
  for (const level of HEADING_LEVELS) {
    const headings = doc.getElementsByTagName(level);
    for (let i = 0; i < headings.length && i < MAX_MATCHED; i++) {
      const el = headings[i]!;
      const text = headingText(el);
      if (!usableHeading(el, text, knownSites) || !shows(el, text)) continue;
      if (el.closest('article, main, [role="main"]') !== null) return el;
      first ??= el;
    }
  }
  return first;
}

/** Whether a heading may be the headline: a text of sensible length that is not the site's name. */
function usableHeading(el: Element, text: string, knownSites: Set<string>): boolean {
  return text.length >= 2 && text.length <= MAX_HEADLINE_CHARS && !knownSites.has(siteKey(text))
    && el.closest('nav, footer, aside, [hidden], [aria-hidden="true"]') === null;
}

/** A site's own banner: a `header` (or `role=banner`) outside the article and main content. */
function inSiteBanner(el: Element): boolean {
  const banner = el.closest('header, [role="banner"]');
  return banner !== null && banner.closest('article, main, [role="main"]') === null && el.closest('article, main, [role="main"]') === null;
}

/**
 * The page's one `<h1>`, when it has exactly one that may be the headline (not the site's name,
 * not in a menu, footer, aside or the site's banner) and it stands in the article or main
 * content, or the page marks neither: the headline a reader sees, whatever the page declares.
 */
export function soleHeadline(doc: Document, siteNames: string[]): Element | null {
  const knownSites = new Set(siteKeys(siteNames));
  const h1s = doc.getElementsByTagName('h1');
  if (h1s.length > MAX_HEADINGS) return null;
  const usable: Element[] = [];
  const texts = new Set<string>();
  for (const h1 of Array.from(h1s)) {
    const text = headingText(h1);
    if (!usableHeading(h1, text, knownSites) || inSiteBanner(h1)) continue;
    usable.push(h1);
    texts.add(titleKey(text));
  }
  const [only] = usable;
  if (only === undefined || texts.size !== 1) return null;
  const marked = doc.querySelector('article, main, [role="main"]') !== null;
  return !marked || only.closest('article, main, [role="main"]') !== null ? only : null;
}

/**
 * How a visible headline relates to a declared title:
 * - `same`: the same words, typeset differently (quotes, case);
 * - `affixed`: the title is the headline with a site or section name before or after it,
 *   joined by a separator (`Headline | Site`, `Opinion | Headline`, `Headline (Published 2016)`);
 * - `truncated`: the title is the start of the headline, cut at a word or marked with `…`;
 * - `other`: anything else, such as a different wording written for social cards.
 */
export function relateHeadline(headline: string, title: string): 'same' | 'affixed' | 'truncated' | 'other' {
  const h = titleKey(headline);
  const t = titleKey(title);
  if (h === '' || t === '') return 'other';
  if (h === t) return 'same';
  if (t.length > h.length) {
    // The headline must outweigh what it leaves out: `Brexit` is a section heading, not the
    // headline of `Brexit: what happens next`.
    if (h.length * 2 < t.length) return 'other';
    if (t.startsWith(h) && JOIN_AFTER.test(t.slice(h.length))) return 'affixed';
    if (t.endsWith(h) && JOIN_BEFORE.test(t.slice(0, t.length - h.length))) return 'affixed';
    return 'other';
  }
  const cut = t.replace(ELLIPSIS, '');
  if (cut.length < 3 || !h.startsWith(cut)) return 'other';
  const next = h.charAt(cut.length);
  // Marked as cut, or cut where the headline's own punctuation starts its second part
  // (`Title: subtitle`): the title is the headline's start. Cut at a mere space, it must hold at
  // least half the headline, so that a one-word title is not taken for a cut headline.
  if (cut !== t || /[\p{P}]/u.test(next)) return cut.length * 3 >= h.length ? 'truncated' : 'other';
  return /\s/.test(next) && cut.length * 2 >= h.length ? 'truncated' : 'other';
}
