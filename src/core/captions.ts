/**
 * Captions and image credits inside an extracted article. A caption is part of what the article
 * says: it stays under its image (an italic line in Markdown, the `<figcaption>` in HTML), and its
 * words become the image's alternative text when the image has none. A credit ("Photo: Ansel
 * Grove", an element named `credit`) is not: it goes, and so does a caption that is only a credit.
 */
import { furnitureKinds } from './furniture-names.ts';
import { CAPTION_LABEL } from './furniture-text.ts';
import { detach, hasMedia, retext, textOf } from './dom-measure.ts';

/** "Figure 3: ...", "Abb. 2 ...": a numbered caption, not a credit, though it starts like a label. */
const FIGURE_NUMBER = /^(?:fig(?:ure|\.)|abbildung|abb\.)/i;

/**
 * What a credit may be set off by before its label: an opening bracket, or the stop and dash that
 * part it from the caption it was written after ("(Photo: ...)", ". Imagen: ...", "– © ...").
 */
const LEADING_MARKS = /^[\s([.,;:·•|/–—-]+/u;

/** Is this line an image credit ("Photo: ...", "© ...", "Source: ...", "(Foto: ...)")? */
export const isCreditLine = (text: string): boolean => {
  const line = text.replace(LEADING_MARKS, '');
  return CAPTION_LABEL.test(line) && !FIGURE_NUMBER.test(line);
};

/**
 * Where a credit written into the caption's own last words starts: after a stop, a bracket or a
 * dash ("Pumps at dusk. Bild: A. Berg", "The pier (Photo: City Works)", "Gulls – © A. Berg"), up
 * to the caption's end. A credit is a label and a name or two, so the tail is short. A stop ends
 * the caption's sentence and stays; a bracket or a dash goes with the credit.
 */
const CREDIT_START = /(?:[.!?…]\s+|\s*[([]\s*|\s+[–—|/-]\s+)(?=\S)/gu;
const CREDIT_TAIL_MAX = 90;

function creditTailAt(text: string): number {
  for (const m of text.matchAll(CREDIT_START)) {
    const at = m.index ?? 0;
    if (at === 0) continue;
    const from = at + m[0].length;
    const tail = text.slice(from);
    if (tail.trim().length <= CREDIT_TAIL_MAX && isCreditLine(tail)) return /[.!?…]/u.test(m[0]) ? from : at;
  }
  return -1;
}

/**
 * Cuts a credit off the end of the caption's words ('Pumps at dusk. Bild: A. Berg' → 'Pumps at
 * dusk.'), in place; an element the credit filled (a link to the photographer) goes with it.
 */
function dropCreditTail(caption: Element): void {
  const walker = caption.ownerDocument.createTreeWalker(caption, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  const at = creditTailAt(nodes.map((n) => n.nodeValue ?? '').join(''));
  if (at <= 0) return;
  let start = 0;
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    const end = start + text.length;
    if (end > at && at > start) retext(node, text.slice(0, at - start).trimEnd());
    else if (end > at) dropEmptied(node, caption);
    start = end;
  }
}

/** Removes a text node of the credit, and each element around it, below `caption`, left empty. */
function dropEmptied(node: Text, caption: Element): void {
  let parent: Element | null = node.parentElement;
  detach(node);
  while (parent !== null && parent !== caption && textOf(parent) === '' && !hasMedia(parent)) {
    const up: Element | null = parent.parentElement;
    detach(parent);
    parent = up;
  }
}

/** A credit line is a label and a name or two, not a sentence about the picture. */
export const CREDIT_LINE_MAX = 150;

/**
 * Is this part of a caption its credit? Named so, or a credit line by its words; a longer text
 * that starts with one is a box holding the credit and the caption's words
 * ("<div><div>© Getty</div><div>The pier at dusk, where …</div></div>"), and only its credit goes.
 */
export function isCredit(el: Element): boolean {
  if (furnitureKinds(el).includes('credit')) return true;
  const text = textOf(el);
  return text.length <= CREDIT_LINE_MAX && isCreditLine(text);
}

function figureImage(caption: Element): HTMLImageElement | null {
  const figure = caption.closest('figure') ?? caption.parentElement;
  const img = figure?.querySelector('img');
  return img && figure && textOf(figure).length <= textOf(caption).length + 5 ? img : null;
}

/**
 * Settles a caption (a `figcaption`, or an element named `caption`) or a credit (an element named
 * `credit`) in place: the caption stays without its credit and names an image that has no
 * alternative text; a credit, and a caption that was only a credit, go.
 */
export function settleCaption(el: Element): void {
  let words = '';
  if (el.tagName === 'FIGCAPTION' || furnitureKinds(el).includes('caption')) {
    for (const part of Array.from(el.querySelectorAll('*'))) if (el.contains(part) && isCredit(part)) detach(part);
    dropCreditTail(el);
    words = textOf(el);
    if (isCreditLine(words)) words = '';
  }
  const img = figureImage(el);
  if (img && !img.getAttribute('alt')?.trim() && words) img.setAttribute('alt', words);
  if (!words) detach(el);
}
