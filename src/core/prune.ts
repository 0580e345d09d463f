/**
 * What Readability is given: a clone of the page without what can never be article text. Its
 * cost grows with the nodes it scores, and a page's scripts, styles, inline drawings and menus
 * often outnumber its paragraphs. Nothing here can hold the article's words, and nothing that
 * holds the article's media or math is ever taken: images, pictures, figures and their captions,
 * frames, video, audio, MathML, `script[type^="math/"]`, footnote marks.
 *
 * Written as one walk of a TreeWalker rather than selector queries: a selector list asked once per
 * candidate (`closest`, `querySelector`) cost more than the pruning saved where the selector engine
 * is written in JavaScript (jsdom, the command line), and a walk is as fast in a browser. (Not
 * `getElementsByTagName('*')` either: jsdom answers each index of that collection by walking the
 * tree again, minutes on a page of 10,000 elements.)
 */

import { hiddenByClass } from './hiding-classes.ts';

/** `NodeFilter.SHOW_ELEMENT`, written out: Node has no `NodeFilter` global. */
const SHOW_ELEMENT = 1;

/** Every element under `root`, in document order. */
function elementsUnder(root: Node): Element[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  const found: Element[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) found.push(node as Element);
  return found;
}

/** Elements that never hold article text, whatever their place. */
const NEVER_TEXT = new Set(['style', 'template', 'link']);
/** Scripts hold code, except math written as TeX (`math/tex`) and JSON-LD, which Readability reads for its metadata. */
const KEPT_SCRIPT = /^(?:math\/|application\/ld\+json)/i;
/** Media and math: neither they nor anything inside them is pruned. */
const KEEP = new Set(['math', 'img', 'picture', 'figure', 'figcaption', 'iframe', 'video', 'audio', 'sup', 'object', 'embed', 'canvas']);

function insideKept(el: Element): boolean {
  for (let at: Element | null = el; at !== null; at = at.parentElement) {
    if (KEEP.has(at.localName)) return true;
  }
  return false;
}

/** Every element that has kept media or math below it. */
function holdersOfKept(elements: Element[]): Set<Element> {
  const holders = new Set<Element>();
  for (const el of elements) {
    if (!KEEP.has(el.localName)) continue;
    for (let at = el.parentElement; at !== null && !holders.has(at); at = at.parentElement) holders.add(at);
  }
  return holders;
}

/** A menu or a hidden block: never the article, unless it holds the article's media. */
const isShell = (el: Element): boolean => el.localName === 'nav'
  || hiddenByClass(el)
  || el.getAttribute('role') === 'navigation'
  || el.hasAttribute('hidden')
  || el.getAttribute('aria-hidden') === 'true';

function neverText(el: Element): boolean {
  const name = el.localName;
  if (NEVER_TEXT.has(name)) return true;
  if (name === 'script') return !KEPT_SCRIPT.test(el.getAttribute('type') ?? '');
  // An inline drawing is an icon, a logo or a chart; a chart stands in a figure, which keeps it.
  return name === 'svg' && !insideKept(el);
}

function removeWhere(elements: Element[], test: (el: Element) => boolean): void {
  // An element already taken with an ancestor needs no test.
  for (const el of elements) {
    if (el.isConnected && test(el)) el.remove();
  }
}

/** Prunes `clone` (a copy of the page, never the page itself) in place. */
export function pruneForReadability(clone: Document): void {
  removeWhere(elementsUnder(clone), neverText);
  const body = clone.body;
  if (body === null) return;
  const elements = elementsUnder(body);
  const holders = holdersOfKept(elements);
  removeWhere(elements, (el) => isShell(el) && !holders.has(el) && !insideKept(el));
}
