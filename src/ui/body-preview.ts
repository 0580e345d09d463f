import type { BodyFormat } from '../core/article.ts';
import { sanitizeElement } from '../core/sanitize.ts';
import { h } from './h.ts';
import { markdownPreview } from './markdown-preview.ts';

// Everything that could make the preview fetch something. The page already loaded its images;
// the preview shows where they are instead of contacting the page's hosts again from the extension.
const MEDIA = 'img, picture, video, audio, source, track, svg, math, canvas';
const URL_ATTRIBUTES = ['src', 'srcset', 'poster', 'href', 'xlink:href', 'data', 'background', 'cite', 'longdesc'];

function mediaLabel(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const alt = (el.getAttribute('alt') ?? '').trim();
  if (tag === 'img') return alt === '' ? '[Image]' : `[Image: ${alt}]`;
  if (tag === 'video') return '[Video]';
  if (tag === 'audio') return '[Audio]';
  return '';
}

/**
 * The library's own copy of an image (a `blob:` URL of the bytes it keeps), for an image address
 * as the sanitized body writes it; undefined for an image it does not keep.
 */
export type LocalImage = (src: string) => string | undefined;

/** An image shown from the library's own copy: only its alternative text goes along. */
function localImage(el: Element, local: LocalImage | undefined): Element | null {
  if (!local) return null;
  const img = el.localName === 'img' ? el : el.localName === 'picture' ? el.querySelector('img') : null;
  const copy = img ? local(img.getAttribute('src') ?? '') : undefined;
  if (!img || !copy?.startsWith('blob:')) return null;
  const shown = el.ownerDocument.createElement('img');
  shown.setAttribute('src', copy);
  shown.setAttribute('alt', img.getAttribute('alt') ?? '');
  shown.setAttribute('class', 'kept-image');
  return shown;
}

/** Makes sanitized article HTML inert for display: no loads, links open outside the popup. */
function neutralize(root: Element, local?: LocalImage): void {
  for (const el of Array.from(root.querySelectorAll(MEDIA))) {
    // A <picture>'s or <video>'s inner image is dropped with it, so one label stands for both.
    if (!root.contains(el)) continue;
    const kept = localImage(el, local);
    if (kept) {
      el.replaceWith(kept);
      continue;
    }
    const label = mediaLabel(el);
    el.replaceWith(...(label === '' ? [] : [root.ownerDocument.createTextNode(label)]));
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const isLink = el.tagName === 'A';
    // Only the library's own copies (blob: URLs it made) may load: nothing from the network.
    const keptCopy = el.classList.contains('kept-image') && (el.getAttribute('src') ?? '').startsWith('blob:');
    for (const name of URL_ATTRIBUTES) {
      if (isLink && name === 'href') continue;
      if (keptCopy && name === 'src') continue;
      el.removeAttribute(name);
    }
    // The page's ids and ARIA references must not meet the popup's own (a page could name an
    // element after a popup field and hijack what that field is described by).
    for (const attr of Array.from(el.attributes)) {
      if (/^(?:id|name|for|form|headers|role|tabindex|aria-.*)$/i.test(attr.name)) el.removeAttribute(attr.name);
    }
    if (isLink) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
      // An article has dozens of links; Tab goes from the preview straight to Save and Download.
      el.setAttribute('tabindex', '-1');
    }
  }
}

/**
 * A read-only view of an article body. A Markdown body is shown as text; an HTML body is parsed in
 * an inert document, sanitized with DOMPurify (the core's configuration) and only then moved into
 * the page. This is the one place where page-derived text is parsed as HTML.
 */
export function renderBodyPreview(body: string, format: BodyFormat, baseUrl: string, local?: LocalImage): HTMLElement {
  if (format === 'markdown') return markdownPreview(body);
  const parsed = new DOMParser().parseFromString(body, 'text/html');
  const clean = sanitizeElement(parsed.body, baseUrl, document);
  neutralize(clean, local);
  const container = h('div', { class: 'preview-html' });
  container.append(...Array.from(clean.childNodes, (node) => document.importNode(node, true)));
  return container;
}
