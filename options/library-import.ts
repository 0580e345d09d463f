import { unzipSync } from 'fflate';
import { buildFilename } from '../src/core/filename.ts';
import type { Article, ArticleFile } from '../src/core/article.ts';
import { FrontMatterError, parse } from '../src/core/frontmatter.ts';
import { slugify } from '../src/core/slug.ts';
import { parseUrl, siteHost } from '../src/core/urls.ts';

/** One picked file: its name and bytes (a browser File's arrayBuffer, or a Node buffer in tests). */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

export interface InvalidFile {
  name: string;
  reason: string;
}

export interface ImportReading {
  /** Every valid article, ready for `importArticles`. */
  articles: Article[];
  /** Files that are not article files, each with why. */
  invalid: InvalidFile[];
  /** Files inside a zip that are not article files by name (images of a page bundle, notes). */
  skipped: string[];
}

const ARTICLE_NAME = /\.(?:md|markdown|html?)$/i;

/**
 * The largest article file an import reads, and the most a zip may unpack to. A clip is a few
 * hundred kilobytes; past these a file is not an article, and unpacking it (a zip bomb inflates a
 * megabyte into gigabytes) would exhaust the page's memory before any message could be shown.
 */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ZIP_BYTES = 1024 * 1024 * 1024;

const isArticleEntry = (name: string): boolean => !name.endsWith('/') && !name.startsWith('__MACOSX/') && ARTICLE_NAME.test(name);

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The Article an imported file becomes. A file holds only the format's fields; the rest is filled:
 * the date's source is `import`, the site name is the link's host, there are no page keywords,
 * and the file name comes from the template, as for a clip.
 */
export function articleFromFile(file: ArticleFile, template: string): Article {
  const site = siteHost(file.link);
  const slug = file.slug;
  return {
    ...file,
    dateSource: 'import',
    siteName: site,
    keywords: [],
    filename: buildFilename(template, { slug: slug || slugify(file.title), date: file.date, title: file.title, site }),
  };
}

/** Parses one file's text; throws a one-line reason when it cannot join the library. */
function readArticle(text: string, template: string): Article {
  const file = parse(text);
  const link = file.link.trim();
  if (link === '') throw new Error('it has no link, and the library keeps each article under its link');
  const url = parseUrl(link);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`its link "${link.slice(0, 80)}" is not a web address`);
  return articleFromFile(file, template);
}

/**
 * Reads picked files (article files, or zips of them) into articles and a list of what could not
 * be read, with the reason. Nothing is written here: the caller writes every valid article in one
 * transaction, so an import is never half done.
 */
export function readImport(sources: readonly ImportSource[], template: string): ImportReading {
  const reading: ImportReading = { articles: [], invalid: [], skipped: [] };
  const take = (name: string, bytes: Uint8Array) => {
    if (bytes.length > MAX_IMPORT_FILE_BYTES) {
      reading.invalid.push({ name, reason: `it is ${megabytes(bytes.length)}, too large for an article file (the limit is ${megabytes(MAX_IMPORT_FILE_BYTES)})` });
      return;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      reading.invalid.push({ name, reason: 'it is not UTF-8 text' });
      return;
    }
    try {
      reading.articles.push(readArticle(text, template));
    } catch (err) {
      const reason = err instanceof FrontMatterError ? err.message : messageOf(err);
      reading.invalid.push({ name, reason });
    }
  };

  for (const source of sources) {
    if (isZip(source.bytes)) {
      let entries: Record<string, Uint8Array>;
      try {
        // Sizes come from the zip's own directory, read in a first pass that unpacks nothing, so
        // nothing too large is ever unpacked (a zip bomb inflates a megabyte into gigabytes).
        let unpacked = 0;
        unzipSync(source.bytes, {
          filter: (file) => {
            if (isArticleEntry(file.name) && file.originalSize <= MAX_IMPORT_FILE_BYTES) unpacked += file.originalSize;
            return false;
          },
        });
        if (unpacked > MAX_IMPORT_ZIP_BYTES) {
          reading.invalid.push({
            name: source.name,
            reason: `it unpacks to ${megabytes(unpacked)}, more than ${megabytes(MAX_IMPORT_ZIP_BYTES)} at once: split it into smaller zips`,
          });
          continue;
        }
        entries = unzipSync(source.bytes, {
          filter: (file) => {
            const wanted = isArticleEntry(file.name);
            if (!wanted && !file.name.endsWith('/')) reading.skipped.push(`${source.name}: ${file.name}`);
            if (wanted && file.originalSize > MAX_IMPORT_FILE_BYTES) {
              reading.invalid.push({
                name: `${source.name}: ${file.name}`,
                reason: `it unpacks to ${megabytes(file.originalSize)}, too large for an article file (the limit is ${megabytes(MAX_IMPORT_FILE_BYTES)})`,
              });
              return false;
            }
            return wanted;
          },
        });
      } catch (err) {
        reading.invalid.push({ name: source.name, reason: `it is not a readable zip archive (${messageOf(err)})` });
        continue;
      }
      for (const [name, bytes] of Object.entries(entries)) take(`${source.name}: ${name}`, bytes);
    } else if (/\.zip$/i.test(source.name)) {
      reading.invalid.push({ name: source.name, reason: 'it is named .zip but is not a zip archive' });
    } else {
      take(source.name, source.bytes);
    }
  }
  return reading;
}
