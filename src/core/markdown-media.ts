import type TurndownService from 'turndown';
import { foldSpaces } from './fold.ts';

/**
 * Markdown has no player: a page's own `<video>` or `<audio>` becomes a link to its file, titled
 * by its `title` or `aria-label` (else "Video", "Audio"), the way an embedded player becomes a
 * link to what it plays (embeds.ts). The text inside such an element (and inside `<canvas>`) is what a
 * browser without the element shows, "Your browser does not support the video tag.": never what a
 * reader sees, so it is left out with the element.
 */

/** The media's own address: `src`, else its first `<source>`'s; web addresses only. */
function mediaSource(media: Element): string {
  const src = (media.getAttribute('src') ?? '').trim() || (media.querySelector('source[src]')?.getAttribute('src') ?? '').trim();
  return /^https?:\/\//i.test(src) ? src : '';
}

export function addMediaRules(service: TurndownService): void {
  service.addRule('nativeMedia', {
    filter: ['video', 'audio'],
    replacement: (_content, node) => {
      const media = node as Element;
      const src = mediaSource(media);
      if (!src) return '';
      // Written as the link it stands for, so Turndown's own link rule escapes the text and address.
      // (Turndown converts what an element holds: the link goes in a holder.)
      const holder = media.ownerDocument.createElement('div');
      const link = holder.appendChild(media.ownerDocument.createElement('a'));
      link.setAttribute('href', src);
      link.textContent = foldSpaces(media.getAttribute('title') || media.getAttribute('aria-label') || '') || (media.nodeName === 'VIDEO' ? 'Video' : 'Audio');
      return `\n\n${service.turndown(holder)}\n\n`;
    },
  });
  service.remove(['canvas']);
}
