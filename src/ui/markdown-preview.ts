import { h } from './h.ts';

/** A Markdown body as the preview shows it: its source, as text (nothing in it is parsed as HTML). */
export function markdownPreview(body: string): HTMLElement {
  return h('pre', { class: 'preview-markdown' }, body);
}
