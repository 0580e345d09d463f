import { ARTICLE_KEYS, DATE_SOURCES as SOURCES, type Article } from '../core/article.ts';
import { isIsoDay } from '../core/fold.ts';
import { parseUrl } from '../core/urls.ts';
import { isUtf8, NOT_UTF8 } from '../core/utf8-check.ts';

const DATE_SOURCES: ReadonlySet<string> = new Set(SOURCES);

/** Schemes a stored link may have: what a clip produces (a web page, or a page opened from disk). */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'file:']);

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * What keeps a value from being stored as an article, in a few words, or null when it may be
 * stored. The one set of rules for every way into the library (a clip saved by the worker, an
 * import on the library page): the file writer refuses a day that does not exist, so the store
 * does too, and a link the reader may open must be a page's address, never `javascript:`.
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
  const date = a.date as string;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return '"date" must be YYYY-MM-DD';
  if (!isIsoDay(date)) return `its date ${date} is not a day of the calendar`;
  const link = (a.link as string).trim();
  if (!link) return 'the article has an empty "link"';
  const url = parseUrl(link);
  if (url === null || !LINK_SCHEMES.has(url.protocol)) return `its link "${link.slice(0, 80)}" is not a web address`;
  return null;
}

/** What keeps an imported body given as bytes (in place of `body`, then `''`) from being stored, or null. */
export function bodyBytesProblem(body: string, bytes: unknown): string | null {
  if (!(bytes instanceof Uint8Array)) return 'its body is neither text nor bytes';
  if (body !== '') return 'it has a body both as text and as bytes';
  return isUtf8(bytes) ? null : NOT_UTF8;
}

/**
 * A body's UTF-8 bytes folded as `normalize` folds a body's text: its final line breaks cut (a
 * lone surrogate, the fold's other change, cannot be in UTF-8). The bytes are the caller's, or a
 * copy when cut or when they are a view of a larger buffer, which would be stored whole.
 */
export function foldBodyBytes(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  return end === bytes.length && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(0, end);
}

export function isArticle(value: unknown): value is Article {
  return articleProblem(value) === null;
}

/** Raised by the store for a record it refuses; the message is `articleProblem`'s. */
export class RecordError extends Error {
  override name = 'RecordError';
}
