import MarkdownIt from 'markdown-it';
import { renderBodyPreview, type LocalImage } from './body-preview.ts';

// markdown-it with raw HTML off: a Markdown body's own tags are shown as text, never parsed, and
// links with script or data URLs are refused by its link check (the sanitizer would drop them too).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * Whether a stored body is HTML: the file format keeps no flag, and an HTML body (the HTML body
 * setting) is sanitized markup that starts with a tag, where Markdown starts with text.
 */
export function looksLikeHtml(body: string): boolean {
  return /^\s*<(?:[a-z][\w-]*|!--)[\s>/]/i.test(body);
}

/**
 * An article body for reading: Markdown rendered to HTML, then either kind goes through the
 * preview's one sanitizing path (parsed in an inert document, DOMPurify, images shown as labels,
 * links opening in a new tab), so nothing runs and nothing is fetched.
 */
export function renderArticleView(body: string, baseUrl: string, local?: LocalImage): HTMLElement {
  const html = looksLikeHtml(body) ? body : markdown.render(body);
  const view = renderBodyPreview(html, 'html', baseUrl, local);
  view.classList.add('article-view');
  return view;
}
