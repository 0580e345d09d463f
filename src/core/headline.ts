/**
 * The visible headline (`<h1>`) as a check on the declared title. Sites declare a title for
 * search engines and social cards (`og:title`, `<title>`) that is often the headline plus the
 * site or section name, a truncated headline, or only the site's name; the reader sees the
 * headline itself. When the two are visibly the same headline, the visible one wins.
 */

/** How many `<h1>` are looked at: pages with more are listings, whose first ones are enough. */
const MAX_HEADINGS = 6;
const MAX_HEADLINE_CHARS = 300;

/** Quotes and dashes as typed vs. as typeset, case, spacing: not a different headline. */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2026]/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Letters and digits only, to tell whether a text names the site. */
function bareKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * What may stand between a headline and a site or section name: a separator (`|`, `-`, `–`, `—`,
 * `:`, `·`, `»`, `/`, `_`, full-width ones) or an opening bracket (`Headline (Published 2016)`).
 */
const JOIN_AFTER = /^\s*(?:[|\-\u2013\u2014:\u00b7\u00bb/_\uff5c\uff1a\u30fb\u2022~]|\(|\[|\uff08)/;
const JOIN_BEFORE = /(?:[|\-\u2013\u2014:\u00b7\u00bb/_\uff5c\uff1a\u30fb\u2022~])\s*$/;
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
  return text.replace(/\s+/g, ' ').trim();
}

/** Headings the headline may be, in order of preference: a page's title heading may be an `<h2>` or `<h3>` (blogs, a site name in the `<h1>`). */
const HEADING_LEVELS = ['h1', 'h2', 'h3'];
/** How many headings of one level are compared with the declared titles. */
const MAX_MATCHED = 30;

/**
 * The element of the article's headline. First a heading (`h1`, then `h2`, `h3`) that shows one
 * of the titles the page declares (the same words, or with a site name around them, or cut
 * short): that is the headline whatever its level. Else an `<h1>` in the article or main content,
 * else the first `<h1>`.
 */
export function findHeadline(doc: Document, declared: string[], siteNames: string[]): Element | null {
  const siteKeys = new Set(siteNames.map(bareKey).filter((key) => key !== ''));
  const titles = declared.map((title) => title.trim()).filter((title) => title.length >= 2);
  const usable = (el: Element, text: string): boolean =>
    text.length >= 2 && text.length <= MAX_HEADLINE_CHARS && !siteKeys.has(bareKey(text)) && el.closest('nav, footer, aside') === null;
  for (const level of HEADING_LEVELS) {
    const headings = doc.getElementsByTagName(level);
    for (let i = 0; i < headings.length && i < MAX_MATCHED; i++) {
      const el = headings[i]!;
      const text = headingText(el);
      if (usable(el, text) && titles.some((title) => relateHeadline(text, title) !== 'other')) return el;
    }
  }
  // An `<h1>` naming the site still marks where the page's top is: the byline is often beside it.
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  return h1s.find((h1) => h1.closest('article') !== null)
    ?? h1s.find((h1) => h1.closest('main, [role="main"]') !== null)
    ?? h1s[0]
    ?? null;
}

/** The `<h1>` texts that may be the headline: not empty, not too long, not the site's own name. */
export function headingCandidates(doc: Document, siteNames: string[]): string[] {
  const siteKeys = new Set(siteNames.map(bareKey).filter((key) => key !== ''));
  const found: string[] = [];
  const h1s = doc.getElementsByTagName('h1');
  for (let i = 0; i < h1s.length && i < MAX_HEADINGS; i++) {
    const h1 = h1s[i];
    if (h1 === undefined || h1.closest('nav, footer, aside') !== null) continue;
    const text = headingText(h1);
    if (text.length < 2 || text.length > MAX_HEADLINE_CHARS || siteKeys.has(bareKey(text))) continue;
    if (!found.includes(text)) found.push(text);
  }
  return found;
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

/**
 * The title to use: the visible headline when the declared title is that headline in another
 * form (typeset differently, with a site or section name around it, truncated), or when the
 * declared title is empty or only names the site; otherwise the declared title.
 */
export function preferVisibleHeadline(title: string, headlines: string[], siteNames: string[]): string {
  const siteKeys = siteNames.map(bareKey).filter((key) => key !== '');
  const generic = title.trim() === '' || siteKeys.includes(bareKey(title));
  for (const headline of headlines) {
    if (relateHeadline(headline, title) !== 'other') return headline;
  }
  // Only an unambiguous headline replaces a generic title: a home page's several `<h1>` name
  // its sections, and its title is rightly the site's name.
  return generic && headlines.length === 1 && headlines[0] !== undefined ? headlines[0] : title;
}
