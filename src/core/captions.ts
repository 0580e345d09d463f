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
}
