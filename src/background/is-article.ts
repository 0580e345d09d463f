import { ARTICLE_KEYS, type Article, type DateSource } from '../core/article.ts';

const DATE_SOURCES: ReadonlySet<string> = new Set<DateSource>([
  'article:published_time', 'json-ld', 'microdata', 'time-element', 'meta', 'byline', 'url', 'clip-date', 'import',
]);

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Whether a value that arrived in a message is a whole Article. The worker writes it to the
 * library and to disk, so a page bug must give a clear error, not a half-filled record.
 */
export function articleProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the article is not an object';
  const a = value as Record<string, unknown>;
  for (const key of ARTICLE_KEYS) {
    if (!(key in a)) return `the article has no "${key}"`;
  }
  for (const key of ['title', 'date', 'description', 'summary', 'slug', 'image', 'link', 'source', 'body', 'siteName', 'filename'] as const) {
    if (typeof a[key] !== 'string') return `"${key}" must be a string`;
  }
  for (const key of ['categories', 'tags', 'keywords'] as const) {
    if (!isStrings(a[key])) return `"${key}" must be a list of strings`;
  }
  if (typeof a.draft !== 'boolean') return '"draft" must be true or false';
  if (typeof a.dateSource !== 'string' || !DATE_SOURCES.has(a.dateSource)) return '"dateSource" is not a known source';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date as string)) return '"date" must be YYYY-MM-DD';
  if (!a.link) return 'the article has an empty "link"';
  return null;
}

export function isArticle(value: unknown): value is Article {
  return articleProblem(value) === null;
}
