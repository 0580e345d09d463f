/** Measures of extracted article HTML that the furniture rules share. */
import { foldSpaces } from './fold.ts';

export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'SUMMARY',
]);

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed';

/** A paragraph this long, mostly unlinked, is the article's own prose. */
export const PROSE_PARAGRAPH = 150;

/*
 * The rules ask the same questions of the same elements many times over (its text, its links,
 * its paragraphs). While `measuring` runs, answers are remembered until the tree changes; every
 * change goes through `detach` or is announced with `changed`.
 */
let texts: WeakMap<Element, string> | null = null;
let links: WeakMap<Element, number> | null = null;
let leaves: WeakMap<Element, Element[]> | null = null;

export function measuring<T>(run: () => T): T {
  texts = new WeakMap();
  links = new WeakMap();
  leaves = new WeakMap();
  try {
    return run();
  } finally {
    texts = links = leaves = null;
  }
}

/** Forget what was measured: the tree has changed. */
export function changed(): void {
  if (!texts) return;
  texts = new WeakMap();
  links = new WeakMap();
  leaves = new WeakMap();
}

/**
 * Removes an element and forgets what was measured of its ancestors: their text, links and leaf
 * blocks change with it; no other element's do. (Forgetting everything made a large article's
 * cleanup quadratic: every removal re-measured the whole tree.)
 */
export function detach(node: ChildNode): void {
  const parent = node.parentElement;
  node.remove();
  forgetFrom(parent);
}

/** Rewrites a text node and forgets what was measured of its ancestors, as `detach` does. */
export function retext(node: Text, value: string): void {
  node.nodeValue = value;
  forgetFrom(node.parentElement);
}

function forgetFrom(parent: Element | null): void {
  if (!texts || !links || !leaves) return;
  for (let el = parent; el !== null; el = el.parentElement) {
    texts.delete(el);
    links.delete(el);
    leaves.delete(el);
  }
}

export function textOf(el: Element): string {
  const known = texts?.get(el);
  if (known !== undefined) return known;
  const text = foldSpaces(el.textContent ?? '');
  texts?.set(el, text);
  return text;
}

/** Characters of an element's text, folded (`textOf`). */
export const textLength = (el: Element): number => textOf(el).length;

export const isBlock = (el: Element): boolean => BLOCK_TAGS.has(el.tagName);

/** Whether the markup hides `el`: the `hidden` attribute, `aria-hidden`, or an inline style. */
export function isHiddenByMarkup(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true'
    || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
}

/** The nearest block that holds a node (a text node's paragraph), if any. */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el !== null && !isBlock(el)) el = el.parentElement;
  return el;
}

export const hasMedia = (el: Element): boolean => el.matches(MEDIA) || el.querySelector(MEDIA) !== null;

/** Characters of `el`'s text that sit inside links. */
export function linkLength(el: Element): number {
  if (el.tagName === 'A') return textOf(el).length;
  const known = links?.get(el);
  if (known !== undefined) return known;
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += textOf(a).length;
  links?.set(el, n);
  return n;
}

export function linkDensity(el: Element, length = textOf(el).length): number {
  return length === 0 ? 0 : Math.min(1, linkLength(el) / length);
}

/** A block holding text but no other block: a paragraph, a list item, a heading, a cell. */
export function isLeafBlock(el: Element): boolean {
  if (!isBlock(el)) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (isBlock(c) && c.tagName !== 'HR') return false;
  }
  return true;
}

/** Leaf blocks with text, in document order. */
export function leafBlocks(root: Element): Element[] {
  const known = leaves?.get(root);
  if (known) return known;
  const found = Array.from(root.querySelectorAll('*')).filter((el) => isLeafBlock(el) && textOf(el).length > 0);
  leaves?.set(root, found);
  return found;
}

/** Is this block a sentence or more of the article's own text? */
export function isProse(el: Element): boolean {
  const length = textOf(el).length;
  return length >= PROSE_PARAGRAPH && linkDensity(el, length) < 0.4;
}

/** Characters of the article's own prose inside `el`. */
export function proseLength(el: Element): number {
  if (isLeafBlock(el)) return isProse(el) ? textOf(el).length : 0;
  let n = 0;
  for (const block of leafBlocks(el)) if (isProse(block)) n += textOf(block).length;
  return n;
}

/** Is nothing of the article's prose after `el`? */
export function isTail(root: Element, el: Element): boolean {
  const blocks = leafBlocks(root);
  const at = blocks.findIndex((b) => el === b || el.contains(b) || b.contains(el));
  if (at < 0) return false;
  for (let i = blocks.length - 1; i > at; i--) {
    if (el.contains(blocks[i]!)) continue;
    if (isProse(blocks[i]!)) return false;
  }
  return true;
}
