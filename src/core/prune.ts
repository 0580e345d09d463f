/**
 * What Readability is given: a clone of the page without what can never be article text. Its
 * cost grows with the nodes it scores, and a page's scripts, styles, inline drawings and menus
 * often outnumber its paragraphs. Nothing here can hold the article's words, and nothing that
 * holds the article's media or math is ever taken: images, pictures, figures and their captions,
 * frames, video, audio, MathML, `script[type^="math/"]`, footnote marks.
 */

/** Elements that never hold article text, whatever their place. */
const NEVER_TEXT = ['style', 'template', 'link'];
/** Scripts hold code, except math written as TeX (`math/tex`) and JSON-LD, which Readability reads for its metadata. */
const KEPT_SCRIPT = /^(?:math\/|application\/ld\+json)/i;
/** Media and math: neither they nor anything inside them is pruned. */
const KEEP = 'math, img, picture, figure, figcaption, iframe, video, audio, sup, object, embed, canvas';

function remove(elements: HTMLCollectionOf<Element> | Element[], keep: (el: Element) => boolean): void {
  // A live collection shrinks as its elements go: walk a copy.
  for (const el of Array.from(elements)) {
    if (el.parentNode !== null && !keep(el)) el.remove();
  }
}

const holdsKept = (el: Element): boolean => el.closest(KEEP) !== null || el.querySelector(KEEP) !== null;

/** Prunes `clone` (a copy of the page, never the page itself) in place. */
export function pruneForReadability(clone: Document): void {
  for (const tag of NEVER_TEXT) remove(clone.getElementsByTagName(tag), () => false);
  remove(clone.getElementsByTagName('script'), (el) => KEPT_SCRIPT.test(el.getAttribute('type') ?? ''));
  // An inline drawing is an icon, a logo or a chart; a chart stands in a figure, which keeps it.
  remove(clone.getElementsByTagName('svg'), (el) => el.closest(KEEP) !== null);
  const body = clone.body;
  if (body === null) return;
  // Menus and hidden blocks: never the article, unless they hold its media (a hidden
  // `<noscript>`-free lazy image, a collapsed figure).
  remove(Array.from(body.querySelectorAll('nav, [role="navigation"], [hidden], [aria-hidden="true"]')), holdsKept);
}
