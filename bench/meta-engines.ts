/**
 * The metadata bench's engines, each on a fresh jsdom document of the page (no engine sees
 * another's changes):
 * - Frontclip: the real `extract(doc, url, {now})`, the code path of the extension and the CLI; a
 *   page where it finds no article is clipped again with `mode: 'page'`, as the popup offers (its
 *   metadata is the same either way);
 * - Readability alone: `title`, `excerpt` (as description), `publishedTime`;
 * - Defuddle (dev dependency, only here): `title`, `description`, `image`, `published`.
 */
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { extract, NoArticleError } from '../src/core/extract.ts';
import type { Article } from '../src/core/article.ts';
import { parseDay } from '../src/core/date-parse.ts';
import { CLOCK, NOW } from './meta-judge.ts';
import { domOf } from './page-load.ts';

export const ENGINES = ['frontclip', 'readability', 'defuddle'] as const;
export type Engine = (typeof ENGINES)[number];

/** What one engine said about one page; `undefined`: the engine has no such field. */
export interface Answer {
  title?: string;
  description?: string;
  /** Calendar day or `null` when the engine gave none. */
  day?: string | null;
  image?: string;
  link?: string;
  /** Raw value the day came from, for the misses file. */
  rawDate?: string;
}

/** Runs `read` on a fresh jsdom document of the page, then frees the window (jsdom keeps it otherwise). */
export function withPage<T>(source: string | Buffer, url: string, read: (doc: Document) => T): T {
  const dom = domOf(source, url);
  try {
    return read(dom.window.document);
  } finally {
    dom.window.close();
  }
}

export function clip(doc: Document, url: string, onMetadataMs?: (ms: number) => void): Article {
  const onPhase = (phase: string, ms: number) => { if (phase === 'metadata') onMetadataMs?.(ms); };
  try {
    return extract(doc, url, { now: NOW, onPhase });
  } catch (error) {
    if (!(error instanceof NoArticleError)) throw error;
    return extract(doc, url, { now: NOW, mode: 'page', onPhase });
  }
}

export function frontclipAnswer(article: Article): Answer {
  return {
    title: article.title,
    description: article.description,
    day: article.dateSource === 'clip-date' ? null : article.date,
    rawDate: `${article.date} (${article.dateSource})`,
    image: article.image,
    link: article.link,
  };
}

export function readabilityAnswer(doc: Document): Answer {
  const result = new Readability(doc).parse();
  const raw = result?.publishedTime ?? '';
  return { title: result?.title ?? '', description: result?.excerpt ?? '', day: parseDay(raw, CLOCK), rawDate: raw };
}

export function defuddleAnswer(doc: Document, url: string): Answer {
  const result = new DefuddleClass(doc, { url }).parse();
  const raw = result.published ?? '';
  return {
    title: result.title ?? '',
    description: result.description ?? '',
    day: parseDay(raw, CLOCK),
    rawDate: raw,
    image: result.image ?? '',
  };
}

/** Whether the page declares its image the standard way (the "image metadata"). */
export function hasImageMetadata(doc: Document): boolean {
  for (const meta of doc.querySelectorAll('meta')) {
    const key = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''}`.toLowerCase();
    if (/(?:^|\s)(?:og:image(?::url|:secure_url)?|twitter:image(?::src)?)(?:\s|$)/.test(key)
      && (meta.getAttribute('content') ?? '').trim() !== '') return true;
  }
  for (const script of doc.querySelectorAll('script[type]')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    if (/"(?:image|thumbnailUrl)"\s*:/.test(script.textContent ?? '')) return true;
  }
  return false;
}

/** The page without any declared image, for the content-only image row. */
export function stripImageMetadata(doc: Document): void {
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const key = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''} ${meta.getAttribute('itemprop') ?? ''}`;
    if (/image/i.test(key)) meta.remove();
  }
  for (const link of Array.from(doc.querySelectorAll('link[rel~="image_src"]'))) link.remove();
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (/ld\+json/i.test(script.getAttribute('type') ?? '')) script.remove();
  }
}
