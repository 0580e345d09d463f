import { clipHtml } from '../../../src/cli/page.ts';
import { write } from '../../../src/core/frontmatter.ts';
import type { Article } from '../../../src/core/article.ts';
import type { ExtractOptions } from '../../../src/core/extract.ts';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** Today as the browser's clock sees it: the local calendar day. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A served page's HTML: the end-to-end pages first, then the shared fixtures (as the server does). */
export function pageHtml(name: string): string {
  const own = join(ROOT, 'test/e2e/pages', name);
  return readFileSync(existsSync(own) ? own : join(ROOT, 'test/fixtures', name), 'utf8');
}

/** What the CLI clips from a fixture served at `url`: the reference the browser's result must equal. */
export function cliArticle(fixture: string, url: string, options: Partial<ExtractOptions> = {}): Article {
  return clipHtml(pageHtml(fixture), url, { now: today(), body: 'markdown', ...options });
}

/** The file the extension must write for that article. */
export const expectedFile = (article: Article): string => write(article);
