import { bestCandidate, parseSrcset } from './srcset.ts';

/**
 * The attributes lazy-loading scripts read the real picture from (lazysizes, lozad, jQuery
 * lazyload, WordPress and its caching plugins): the page swaps them in once the reader scrolls,
 * so they name the picture the reader saw. A clip has no script to do the swap.
 */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-original-src', 'data-lazy', 'data-hi-res-src', 'data-full-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];

const URL_LIKE = /^\s*\S+\s*$/;

function firstOf(el: Element, names: readonly string[], accept: (value: string) => boolean): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value !== null && value.trim() !== '' && accept(value)) return value.trim();
  }
  return null;
}

/** Whether the picture's real address is elsewhere than its `src` (a lazy-loading attribute, a `srcset`). */
export function hasOtherSource(img: Element): boolean {
  return [...LAZY_SRC, ...LAZY_SRCSET, 'srcset'].some((name) => (img.getAttribute(name) ?? '').trim() !== '');
}

/**
 * Puts the real picture where every later step looks: a lazy-loading attribute's URL into `src`
 * and `srcset` (the `src` it replaces is the page's placeholder), and, for an image that has only
 * a `srcset`, its best candidate into `src` so that the Markdown body links it. Changes `root` in
 * place; it is the clip's own copy.
 */
export function resolveLazyImages(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('img, source'))) {
    const srcset = firstOf(el, LAZY_SRCSET, (v) => parseSrcset(v).length > 0);
    if (srcset !== null) el.setAttribute('srcset', srcset);
    if (el.localName !== 'img') continue;
    const src = firstOf(el, LAZY_SRC, (v) => URL_LIKE.test(v) && !v.trim().startsWith('data:'));
    if (src !== null) {
      el.setAttribute('src', src);
      continue;
    }
    if ((el.getAttribute('src') ?? '').trim() === '') {
      const best = bestCandidate(parseSrcset(el.getAttribute('srcset') ?? ''));
      if (best) el.setAttribute('src', best.url);
    }
  }
}
