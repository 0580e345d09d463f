/**
 * Captions and image credits inside an extracted article. A caption is part of what the article
 * says: it stays under its image (an italic line in Markdown, the `<figcaption>` in HTML), and its
 * words become the image's alternative text when the image has none. A credit ("Photo: Ansel
 * Grove", an element named `credit`) is not: it goes, and so does a caption that is only a credit.
 */
import { furnitureKinds } from './furniture-names.ts';
import { CAPTION_LABEL } from './furniture-text.ts';
import { detach, textOf } from './dom-measure.ts';
import { foldSpaces } from './fold.ts';

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
 * to the caption's end. A credit is a label and a name or two, so the tail is short.
 */
const CREDIT_START = /(?:[.!?…]\s+|\s*[([]\s*|\s+[–—|/-]\s+)(?=\S)/gu;
const CREDIT_TAIL_MAX = 90;

function creditTailAt(text: string): number {
  for (const m of text.matchAll(CREDIT_START)) {
    const from = (m.index ?? 0) + m[0].length;
    if (m.index === 0) continue;
    const tail = text.slice(from).trim();
    if (tail.length > CREDIT_TAIL_MAX) continue;
    if (CAPTION_LABEL.test(tail) && !FIGURE_NUMBER.test(tail)) return /[.!?…]/u.test(m[0]) ? from : m.index ?? from;
  }
  return -1;
}

/** Cuts a credit off the end of the caption's words ('Pumps at dusk. Bild: A. Berg' → 'Pumps at dusk.'). */
function dropCreditTail(caption: Element): void {
  const walker = caption.ownerDocument.createTreeWalker(caption, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  const at = creditTailAt(nodes.map((n) => n.nodeValue ?? '').join(''));
  if (at <= 0) return;
  let start = 0;
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    if (start + text.length > at) node.nodeValue = at > start ? text.slice(0, at - start).trimEnd() : '';
    start += text.length;
  }
  // Elements the credit filled (a link to the photographer) go with it.
  for (const el of Array.from(caption.querySelectorAll('*')).reverse()) {
    if (!el.querySelector('img, picture, video, audio, iframe, svg') && !el.matches('img, picture, video, audio, iframe, svg, br') && (el.textContent ?? '').trim() === '') el.remove();
  }
}

const isCredit = (el: Element): boolean => furnitureKinds(el).includes('credit') || isCreditLine(foldSpaces(el.textContent ?? ''));

function figureImage(caption: Element): HTMLImageElement | null {
  const figure = caption.closest('figure') ?? caption.parentElement;
  const img = figure?.querySelector('img');
  return img && figure && textOf(figure).length <= textOf(caption).length + 5 ? img : null;
}

/** A caption's words without the credit line inside it ('' for a credit alone). */
function captionWords(caption: Element): string {
  const copy = caption.cloneNode(true) as Element;
  for (const part of Array.from(copy.querySelectorAll('*'))) if (isCredit(part)) part.remove();
  dropCreditTail(copy);
  const words = foldSpaces(copy.textContent ?? '');
  return isCreditLine(words) ? '' : words;
}

/**
 * Settles a caption (a `figcaption`, or an element named `caption`) or a credit (an element named
 * `credit`) in place: the caption stays without its credit and names an image that has no
 * alternative text; a credit goes.
 */
export function settleCaption(el: Element): void {
  const caption = el.tagName === 'FIGCAPTION' || furnitureKinds(el).includes('caption');
  const words = caption ? captionWords(el) : '';
  const img = figureImage(el);
  if (img && !img.getAttribute('alt')?.trim() && words) img.setAttribute('alt', words);
  if (!words) {
    detach(el);
    return;
  }
  for (const part of Array.from(el.querySelectorAll('*'))) if (el.contains(part) && isCredit(part)) detach(part);
  dropCreditTail(el);
}
