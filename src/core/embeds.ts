/**
 * A frame cannot travel in a file: a video or audio player of a known kind becomes a link to what
 * it plays, titled as the page titled the frame (`[Load test of the new bridge](https://www.youtube.com/watch?v=ID)`);
 * another embed becomes a link to its `src` when the page gave it a title, else nothing.
 */
import { embedKind } from './embed-kinds.ts';
import { foldSpaces } from './fold.ts';
import { furnitureKinds } from './furniture-names.ts';
import { parseUrl } from './urls.ts';

export interface EmbedLink {
  href: string;
  text: string;
}

/** Lazy loaders leave `src` empty or blank and keep the address in a data attribute. */
function frameSrc(frame: Element): string {
  const src = (frame.getAttribute('src') ?? '').trim();
  if (src && src !== 'about:blank') return src;
  return (frame.getAttribute('data-src') ?? frame.getAttribute('data-lazy-src') ?? '').trim();
}

const TINY = /^\s*[0-2](?:px)?\s*$/;

/** Trackers and tag managers load through frames nobody sees. */
function isHidden(frame: Element): boolean {
  const style = (frame.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return frame.hasAttribute('hidden') || frame.getAttribute('aria-hidden') === 'true'
    || TINY.test(frame.getAttribute('width') ?? 'x') || TINY.test(frame.getAttribute('height') ?? 'x')
    || style.includes('display:none') || style.includes('visibility:hidden');
}

/** Titles of frames that are ads or social buttons, not something the article shows. */
const NOT_CONTENT = /\b(?:ads?|advert(?:isement|ising)?|sponsored|anzeige|werbung|publicidad|publicité)\b|social plugin|(?:follow|share|like) button/i;

/** Words players call themselves by ("YouTube video player"): a title of only these names nothing. */
const PLAYER_WORDS = /\b(?:video|audio|player|embed(?:ded)?|content|i?frame|media|widget)\b/gi;

function isPlayerName(title: string, name: string): boolean {
  const rest = title.toLowerCase().split(name.toLowerCase()).join(' ').replace(PLAYER_WORDS, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** The link a frame stands for, or null when it is to go without a trace. */
export function embedLink(frame: Element, base: string): EmbedLink | null {
  const src = frameSrc(frame);
  if (!src || isHidden(frame)) return null;
  const url = parseUrl(src, base);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const title = foldSpaces(frame.getAttribute('title') || frame.getAttribute('aria-label') || '');
  const kind = embedKind(url.href);
  if (kind) return { href: kind.href, text: title && !isPlayerName(title, kind.name) ? title : `${kind.name} ${kind.medium}` };
  if (!title || NOT_CONTENT.test(title) || furnitureKinds(frame).length > 0) return null;
  return { href: url.href, text: title };
}

const INLINE_PARENT = /^(?:P|SPAN|A|EM|STRONG|I|B|LI|TD|TH|DD|DT|FIGCAPTION|H[1-6])$/;

/** Replaces every frame under `root` with its link (or nothing), in place. */
export function embedsToLinks(root: Element, base: string): void {
  for (const frame of Array.from(root.querySelectorAll('iframe'))) {
    const link = embedLink(frame, base);
    if (!link || frame.parentElement?.closest('a')) {
      frame.remove();
      continue;
    }
    const doc = root.ownerDocument;
    const a = doc.createElement('a');
    a.setAttribute('href', link.href);
    a.textContent = link.text;
    // Standing between blocks, the link is a paragraph of its own.
    if (INLINE_PARENT.test(frame.parentElement?.tagName ?? '')) frame.replaceWith(a);
    else {
      const p = doc.createElement('p');
      p.append(a);
      frame.replaceWith(p);
    }
  }
}
