import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { extract, type ExtractOptions } from '../core/extract.ts';
import type { Article } from '../core/article.ts';
import { pageDom, pageSource } from './page-dom.ts';

/** A page's address: the one given, else the file's own `file:` URL. */
export function pageUrl(file: string, url?: string): string {
  if (url) {
    try {
      return new URL(url).href;
    } catch {
      throw new UsageError(`--url is not a valid absolute URL: ${url}`);
    }
  }
  return file === '-' ? 'about:blank' : pathToFileURL(resolve(file)).href;
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the page with jsdom (page-dom.ts) and runs the core on it. */
export function clipHtml(page: string | Uint8Array, url: string, options: ExtractOptions): Article {
  const dom = pageDom(typeof page === 'string' ? page : pageSource(page), url);
  try {
    return extract(dom.window.document, url, options);
  } finally {
    dom.window.close();
  }
}
