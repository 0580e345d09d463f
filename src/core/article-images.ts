import type { ArticleImage } from './article.ts';
import { bestCandidate, parseSrcset, type SrcsetCandidate } from './srcset.ts';
import { parseUrl } from './urls.ts';

/** Formats a `<picture>` may offer that browsers show and image folders keep. */
const PICTURE_TYPES = /^image\/(?:jpeg|png|gif|webp|avif)$/i;

function savable(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const url = parseUrl(href.trim(), base);
  if (!url) return null;
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'data:' ? url.href : null;
}

function candidatesOf(img: Element): SrcsetCandidate[] {
  const list = parseSrcset(img.getAttribute('srcset') ?? '');
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  for (const source of picture ? Array.from(picture.children) : []) {
    if (source.localName !== 'source') continue;
    const type = source.getAttribute('type');
    if (type && !PICTURE_TYPES.test(type.trim())) continue;
    list.push(...parseSrcset(source.getAttribute('srcset') ?? ''));
  }
  return list;
}

/**
 * The article's images, in body order, each once: the URL the body will write for it (its `src`
 * made absolute exactly as the sanitizer does) and the copy worth saving (the best `srcset` or
 * `<picture>` candidate). Run on the article after lazy images are resolved, before sanitizing.
 */
export function collectImages(root: Element, base: string): ArticleImage[] {
  const seen = new Set<string>();
  const out: ArticleImage[] = [];
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = savable(img.getAttribute('src'), base);
    if (!src || seen.has(src)) continue;
    seen.add(src);
    const best = bestCandidate(candidatesOf(img));
    const url = src.startsWith('data:') ? src : (savable(best?.url, base) ?? src);
    out.push({ src, url: url.startsWith('data:') ? src : url });
  }
  return out;
}

/**
 * The images worth saving for a finished body: those the body still links (sanitizing or the
 * furniture rules may have dropped some), and the lead image, first, even when the body lacks it.
 */
export function imagesOfArticle(found: readonly ArticleImage[], body: string, leadImage: string): ArticleImage[] {
  const inBody = found.filter((image) => body.includes(image.src) || body.includes(image.src.replace(/&/g, '&amp;')));
  if (leadImage === '' || inBody.some((image) => image.src === leadImage || image.url === leadImage)) return inBody;
  return [{ src: leadImage, url: leadImage }, ...inBody];
}
