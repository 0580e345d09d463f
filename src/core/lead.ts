/**
 * The standfirst: many pages set the article's opening paragraph (lead, teaser, dek) apart from
 * the body, next to the headline, where Readability does not look. The page's own description
 * metadata usually repeats it word for word; when that text stands visibly on the page before the
 * article's first paragraph and the extracted body lacks it, it is put back at the top.
 */
import { isBlock } from './dom-measure.ts';
import { foldSpaces } from './fold.ts';

/** The metadata that carries a page's description, by attribute and value (lower case). */
const DESCRIPTION_KEYS = new Set(['name=description', 'property=og:description', 'name=twitter:description']);
/** Descriptions shorter than this are slogans, not leads. */
const MIN_LEAD = 60;
/** How much of a text is compared when looking for it elsewhere. */
const PROBE = 40;
const OUTSIDE_ARTICLE = 'head, script, style, noscript, template, nav, footer, aside, form, button, select, a, [hidden], [aria-hidden="true"]';
/** How far into its block the description may start: a lead may open with a phrase the description leaves out. */
const LEAD_OFFSET = 80;
/** Text no reader sees: a page's JSON-LD often repeats the article's text before the article itself. */
const UNSEEN_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA']);
const unseen = (node: Node): boolean => UNSEEN_TEXT.has(node.parentElement?.tagName ?? '');

function descriptions(doc: Document): string[] {
  const seen = new Set<string>();
  // A plain walk over the meta elements: case-insensitive attribute selectors are slow in jsdom.
  const metas = doc.head?.querySelectorAll('meta');
  for (const meta of Array.from(metas?.length ? metas : doc.querySelectorAll('meta'))) {
    const key = meta.hasAttribute('property') ? `property=${meta.getAttribute('property')}` : `name=${meta.getAttribute('name')}`;
    if (!DESCRIPTION_KEYS.has(key.toLowerCase())) continue;
    const text = foldSpaces(meta.getAttribute('content') ?? '').replace(/\s*(?:\.\.\.|…)$/u, '');
    if (text.length >= MIN_LEAD) seen.add(text);
  }
  return [...seen];
}

/** The nearest block that holds the text node, and whose text starts with `probe` or soon comes to it. */
function blockStarting(node: Node, probe: string): Element | null {
  let el = node.parentElement;
  while (el && !isBlock(el)) el = el.parentElement;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    const text = foldSpaces(el.textContent ?? '');
    const at = text.indexOf(probe);
    if (at >= 0 && at <= LEAD_OFFSET) return el;
    if (text.length > probe.length * 4 + LEAD_OFFSET) return null;
  }
  return null;
}

/** The first block in the page's body whose text starts with `probe`. */
function findBlock(doc: Document, probe: string): Element | null {
  if (!doc.body) return null;
  // The lead's first words stand in one text node; only those nodes are looked at more closely.
  const head = probe.slice(0, 20);
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue ?? '';
    if (value.length < head.length || unseen(n) || !foldSpaces(value).includes(head)) continue;
    const block = blockStarting(n, probe);
    if (block) return block;
  }
  return null;
}

/**
 * A piece of a paragraph to find it on the page by: its longest run of plain text (a drop cap or
 * a link can split the paragraph's text into several nodes), or null when that run is too short.
 */
export function paragraphProbe(el: Element): string | null {
  let longest = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = foldSpaces(n.nodeValue ?? '');
    if (text.length > longest.length) longest = text;
  }
  return longest.length >= 20 ? longest.slice(0, PROBE) : null;
}

/** The probe of the article's first paragraph (`paragraphProbe`). */
export function openingProbe(body: Element): string | null {
  for (const el of Array.from(body.querySelectorAll('p, li, blockquote, div'))) {
    // Containers first: a container's text is the whole article's, costly to fold for nothing.
    if (el.querySelector('p, div, li') || foldSpaces(el.textContent ?? '').length < 80) continue;
    return paragraphProbe(el);
  }
  return null;
}

/**
 * A probe's longest word. Folding changes white space only, so the word stands in a page's raw
 * text as it is: a text node without it is passed over without being folded.
 */
export function longestWord(probe: string): string {
  return probe.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** The first text node of the page's body, outside `lead`, that holds `probe`. */
export function findText(doc: Document, probe: string, lead: Element): Node | null {
  if (!doc.body) return null;
  const word = longestWord(probe);
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue ?? '';
    if (value.length < probe.length || !value.includes(word) || unseen(n) || lead.contains(n)) continue;
    if (foldSpaces(value).includes(probe)) return n;
  }
  return null;
}

/**
 * The page's `<p>` that holds `probe` (a paragraph's opening, ./lead.ts `openingProbe`), outside
 * `outside`: the article's paragraphs are `<p>`s on most pages, and a look at each of the page's
 * paragraphs costs a fraction of a walk over all its text. Null where the text stands in another
 * element (callers then leave the page as it is).
 */
export function findParagraph(doc: Document, probe: string, outside: Element): Element | null {
  const word = longestWord(probe);
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const text = p.textContent ?? '';
    if (text.length < probe.length || !text.includes(word) || outside.contains(p)) continue;
    if (foldSpaces(text).includes(probe)) return p;
  }
  return null;
}

/** Puts the page's standfirst at the top of `body` when Readability left it out. */
export function recoverLead(doc: Document, body: Element): void {
  const candidates = descriptions(doc);
  if (candidates.length === 0) return;
  const bodyText = foldSpaces(body.textContent ?? '');
  let opening: string | null | undefined;
  for (const description of candidates) {
    if (bodyText.includes(description)) return;
    const probe = description.slice(0, PROBE);
    const lead = findBlock(doc, probe);
    if (!lead || lead.closest(OUTSIDE_ARTICLE) || lead.querySelector('img, picture, video')) continue;
    const text = foldSpaces(lead.textContent ?? '');
    // Already there: the article's first paragraph may begin as the description does and go on otherwise.
    if (bodyText.includes(text.slice(0, PROBE * 3))) return;
    // The lead itself, not a box around it and more: about as long as the description.
    if (text.length > Math.max(description.length * 1.5, description.length + 200)) continue;
    // It must stand before the article's first paragraph, not in a teaser after the article.
    if (opening === undefined) opening = openingProbe(body);
    // The lead may open with the same words as the article's first paragraph: that is looked for outside it.
    const start = opening ? findText(doc, opening, lead) : null;
    if (opening && (!start || !(lead.compareDocumentPosition(start) & 4 /* FOLLOWING */))) continue;
    const p = body.ownerDocument.createElement('p');
    p.textContent = text;
    body.prepend(p);
    return;
  }
}
