/**
 * The article's lead image found in its content, for pages that declare none in their metadata:
 * the first meaningful `<img>` near the headline or in the article, never a logo, an icon, an
 * avatar, a tracking pixel, an ad or a placeholder.
 *
 * Searches stay small: the few ancestors of the headline (a hero image usually sits just before or
 * after it) and the article element Readability returned, each up to a fixed number of images.
 */
import { absoluteHttpUrl } from './urls.ts';
import { nameMatcher, separatedWords } from './name-words.ts';
import { isTeaserThumbnail } from './teaser-thumbnail.ts';
import { declaredSize } from './declared-size.ts';

/** An image smaller than this on either side (by its attributes) is an icon, a bullet or a pixel. */
const MIN_SIDE = 100;
/** How many `<img>` of one region are looked at: the lead image comes early or not at all. */
const MAX_IMAGES = 25;

/** Words in an image's address, class, id or alt text that say it is not the article's picture. */
const NOT_LEAD = /(?:^|[^a-z])(?:logos?|icons?|favicons?|avatars?|gravatar|sprites?|spacer|blank|badges?|emoji|emoticons?|smiley|ads?|advert\w*|banner|sponsor\w*|promo|share|social|facebook|twitter|pinterest|whatsapp|linkedin|button|btn|arrow|menu|nav|placeholder|loading|loader|spinner|transparent|1x1|tracking|tracker|beacon|counter|author|profile|headshot|byline|signature|rating|stars?|flag|captcha|qr)(?:[^a-z]|$)/i;
/** Containers whose images are not the article's own. */
const NOT_LEAD_CONTAINER = nameMatcher([
  'header', 'masthead', 'navbar', 'nav', 'menu', 'footer', 'sidebar', 'related', 'recommend*', 'comment', 'comments',
  'author', 'byline', 'bio', 'avatar', 'share', 'social', 'promo', 'sponsor*', 'advert*', 'ad', 'ads', 'newsletter', 'logo',
], separatedWords);
const SKIP_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'BUTTON', 'FORM']);

/** Attributes lazy-loading scripts keep the real address in, most specific first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'srcset'];

/**
 * The widest candidate of a `srcset` (`a.jpg 320w, b.jpg 1024w` or `a.jpg 1x, b.jpg 2x`). Read as
 * HTML does: an address runs to the next whitespace, so commas inside it (`c_fill,w_960`) stay.
 */
export function largestFromSrcset(srcset: string): string {
  let best = '';
  let bestScore = -1;
  const candidates: [string, string][] = [];
  for (let i = 0; i < srcset.length;) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? '')) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] ?? '')) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const comma = srcset.indexOf(',', i);
      const end = comma < 0 ? srcset.length : comma;
      descriptor = srcset.slice(i, end).trim();
      i = end + 1;
    }
    candidates.push([url, descriptor]);
  }
  for (const [url, descriptor] of candidates) {
    if (url === '') continue;
    const value = Number.parseFloat(descriptor);
    const score = Number.isFinite(value) ? (descriptor.endsWith('x') ? value * 1000 : value) : 1000;
    if (score > bestScore) {
      best = url;
      bestScore = score;
    }
  }
  return best;
}

/** A `src` that only holds the place of the real image until a script swaps it in. */
function isPlaceholder(src: string): boolean {
  return src === '' || src.startsWith('data:') || /(?:^|[^a-z])(?:blank|spacer|placeholder|lazy|loading|transparent)(?:[^a-z]|$)|1x1/i.test(src);
}

/**
 * An attribute's address: a `srcset`-style list written where one address belongs (`a.jpg 320w,
 * b.jpg 1024w`, as some lazy-loading scripts and Readability's own fix-up leave it) gives its
 * widest entry; text that cannot be an address (spaces, quotes, script) gives `''`.
 */
function addressIn(value: string): string {
  const text = value.trim();
  if (/\s\d+(?:\.\d+)?[wx]\s*(?:,|$)/.test(text)) return largestFromSrcset(text);
  return /[\s'"<>(){}]/.test(text) && !/^[^\s]+$/.test(text) ? '' : text;
}

/** The address the image would show once loaded, from `src` or a lazy-loading attribute. */
export function imageSource(img: Element): string {
  // A lazy-loading attribute names the image the script will show, whatever holds its place in
  // `src` meanwhile (a blank, a grey box, a blurred preview).
  for (const name of LAZY_SRC) {
    const value = addressIn(img.getAttribute(name) ?? '');
    if (value !== '' && !value.startsWith('data:')) return value;
  }
  const src = addressIn(img.getAttribute('src') ?? '');
  if (!isPlaceholder(src)) return src;
  for (const name of LAZY_SRCSET) {
    const value = largestFromSrcset(img.getAttribute(name) ?? '');
    if (value !== '' && !value.startsWith('data:')) return value;
  }
  const source = img.parentElement?.tagName === 'PICTURE'
    ? img.parentElement.querySelector('source[srcset], source[data-srcset]') : null;
  if (source !== null && source !== undefined) {
    const value = largestFromSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
    if (value !== '' && !value.startsWith('data:')) return value;
  }
  return '';
}

/** `<noscript><img src=...></noscript>`, the fallback lazy-loading pages leave for readers without scripts. */
function noscriptImage(noscript: Element): string {
  const html = noscript.textContent ?? '';
  if (!/<img\b/i.test(html)) return '';
  const m = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').replace(/&amp;/g, '&').trim();
}

function names(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

/** Whether an element between `img` and `stop` marks the image as furniture. */
function inFurniture(img: Element, stop: Element): boolean {
  for (let node = img.parentElement; node !== null && node !== stop; node = node.parentElement) {
    if (SKIP_TAGS.has(node.tagName)) return true;
    if (NOT_LEAD_CONTAINER(node)) return true;
  }
  return false;
}

/** Not a vector drawing (icons, logos, charts) nor a video or sound file put in an `<img>`. */
export function looksLikePicture(src: string): boolean {
  return !/\.(?:svg|mp4|webm|mov|m4v|m3u8|mp3|m4a|ogg|ogv|wav)(?:[?#]|$)/i.test(src);
}

/** The image's own address if it may be the lead image, else `''`. */
function candidate(img: Element, region: Element, base: string): string {
  if (img.tagName === 'VIDEO') {
    // A video's poster frame is its picture.
    const poster = (img.getAttribute('poster') ?? '').trim();
    return poster === '' || !looksLikePicture(poster) || inFurniture(img, region) ? '' : absoluteHttpUrl(poster, base);
  }
  const { width, height } = declaredSize(img);
  if ((width !== null && width < MIN_SIDE) || (height !== null && height < MIN_SIDE)) return '';
  if (img.getAttribute('aria-hidden') === 'true' || img.getAttribute('role') === 'presentation') return '';
  let src = imageSource(img);
  if (src === '' && img.nextElementSibling?.tagName === 'NOSCRIPT') src = noscriptImage(img.nextElementSibling);
  if (src === '' && img.parentElement !== null) {
    const noscript = img.parentElement.querySelector('noscript');
    if (noscript !== null) src = noscriptImage(noscript);
  }
  if (src === '') return '';
  const described = `${src} ${names(img)} ${img.getAttribute('alt') ?? ''}`;
  if (NOT_LEAD.test(described) || !looksLikePicture(src)) return '';
  // A GIF without a declared size is far more often a spacer or an animation than a photograph.
  if (/\.gif(?:[?#]|$)/i.test(src) && (width === null || height === null)) return '';
  // A valid address has no spaces or quotes: `if(this.src!=...)` in a src is script, not a URL.
  if (/[\s'"<>]/.test(src)) return '';
  if (inFurniture(img, region) || isTeaserThumbnail(img)) return '';
  return absoluteHttpUrl(src, base);
}

/** The first lead-image candidate among the images of `region`, `''` if none. */
function firstIn(region: Element, base: string): string {
  const images = region.querySelectorAll('img, video[poster]');
  const count = Math.min(images.length, MAX_IMAGES);
  for (let i = 0; i < count; i++) {
    const img = images[i];
    if (img === undefined) continue;
    const url = candidate(img, region, base);
    if (url !== '') return url;
  }
  return '';
}

/**
 * The lead image of the article: first near the headline (the headline's parent and grandparent,
 * where a hero image sits), then in `content`, the article element Readability returned. `''`
 * when neither holds one. `base` resolves relative addresses.
 */
export function leadImageFromContent(headline: Element | null, content: Element | null | undefined, base: string): string {
  let node = headline?.parentElement ?? null;
  for (let level = 0; level < 2 && node !== null && node.tagName !== 'BODY'; level++, node = node.parentElement) {
    const found = firstIn(node, base);
    if (found !== '') return found;
  }
  return content === null || content === undefined ? '' : firstIn(content, base);
}
