/**
 * Pictures a page sizes at one or two pixels on a side: a counting service's tracking pixel (VG
 * Wort, an analytics or affiliate beacon), a spacer, a hairline rule. None is the article's picture;
 * kept, they would show as empty images in the Markdown, and saving the article's images would
 * fetch a tracker's address. The size is the page's own markup: a picture whose real address is
 * in a lazy-loading attribute or a `srcset` keeps its placeholder's size there and is left alone.
 */
import { declaredSize } from './declared-size.ts';
import { hasOtherSource } from './lazy-images.ts';

/** A side this small or smaller shows nothing a reader could look at. */
const MAX_PIXEL_SIDE = 2;

const tiny = (side: number | null): boolean => side !== null && side > 0 && side <= MAX_PIXEL_SIDE;

/**
 * Whether `img` is sized as a pixel or a line: one side declared at most two pixels and the other
 * declared too (one side alone may be a percentage's number or a typo; `0` means "not yet known").
 */
export function isTrackingPixel(img: Element): boolean {
  if (hasOtherSource(img)) return false;
  const { width, height } = declaredSize(img);
  return width !== null && height !== null && (tiny(width) || tiny(height));
}

/** What else may make a wrapper worth keeping though it holds no text. */
const CONTENT = 'img, picture, video, audio, iframe, svg, math, canvas, object, embed, table, hr, br';

/** A table's cells keep their place, empty or not: removing one would shift the columns after it. */
const TABLE_PARTS = new Set(['TD', 'TH', 'TR', 'TBODY', 'THEAD', 'TFOOT', 'TABLE', 'CAPTION']);

/** Whether `wrapper` holds nothing but `part`: no text, no other picture or content. */
function holdsOnly(wrapper: Element, part: Element): boolean {
  if ((wrapper.textContent ?? '').trim() !== '') return false;
  return Array.from(wrapper.querySelectorAll(CONTENT)).every((el) => el === part || part.contains(el));
}

/** Removes the tracking pixels from `root` (the clip's own copy), with the wrappers (a link, a paragraph) that held nothing else. */
export function dropTrackingPixels(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (!isTrackingPixel(img)) continue;
    let gone: Element = img;
    for (let up = img.parentElement; up !== null && up !== root && !TABLE_PARTS.has(up.tagName) && holdsOnly(up, gone); up = up.parentElement) gone = up;
    gone.remove();
  }
}
