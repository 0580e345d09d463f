import { sanitizeHtml } from '../core/sanitize.ts';
import { renderBodyPreview } from './body-preview.ts';

/** What a form needs for an HTML body: its safe preview, and the sanitizer an edited body goes through. */
export interface HtmlBody {
  preview(body: string, baseUrl: string): HTMLElement;
  sanitize(body: string, baseUrl: string): string;
}

export const htmlBody: HtmlBody = {
  preview: (body, baseUrl) => renderBodyPreview(body, 'html', baseUrl),
  sanitize: (body, baseUrl) => sanitizeHtml(body, baseUrl, document),
};
