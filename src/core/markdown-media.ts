import type TurndownService from 'turndown';
import { foldSpaces } from './fold.ts';

/**
 * Markdown has no player: a page's own `<video>` or `<audio>` becomes a link to its file, titled
 * by its `title` or `aria-label` (else "Video", "Audio"), the way an embedded player becomes a
 * link to what it plays (embeds.ts). The text inside such an element (and inside `<canvas>`) is what a
 * browser without the element shows, "Your browser does not support the video tag.": never what a
 * reader sees, so it is left out with the element.
 */

/** A link target written so that Markdown cannot end it early (spaces, parentheses). */
function destination(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

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
      const kind = media.nodeName === 'VIDEO' ? 'Video' : 'Audio';
      const label = service.escape(foldSpaces(media.getAttribute('title') || media.getAttribute('aria-label') || '') || kind);
      return `\n\n[${label}](${destination(src)})\n\n`;
    },
  });
  service.remove(['canvas']);
}
