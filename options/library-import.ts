import { buildFilename } from '../src/core/filename.ts';
import type { Article, ArticleFile } from '../src/core/article.ts';
import { FrontMatterError, parse } from '../src/core/frontmatter.ts';
import { parseWritten, parseWrittenHead } from '../src/core/frontmatter-fast.ts';
import { slugify } from '../src/core/slug.ts';
import { parseUrl, siteHost } from '../src/core/urls.ts';
import { MANIFEST_NAME, readManifest, type ManifestEntry } from './library-manifest.ts';
import { imageTypeOfName, linkedImages, type ImportedImage } from './import-images.ts';
import { messageOf } from '../src/core/error-message.ts';
import { NOT_UTF8 } from '../src/core/utf8-check.ts';
import { zipView, type ZipView } from './zip-view.ts';
import { partRun, type Part } from './part-run.ts';

/** One picked file: its name and bytes (a browser File's arrayBuffer, or a Node buffer in tests). */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
  /**
   * A zip read in part (`bytes` is then empty): an import worker reads only its part's entries
   * of a picked zip (./import-source.ts).
   */
  zip?: ZipView;
}

export interface InvalidFile {
  name: string;
  reason: string;
}

/** An article read from a file, with what a library zip's manifest adds, and the file's name. */
export interface ImportedFileArticle extends Article {
  savedAt?: string;
  editedAt?: string;
  /** The file it came from (`library.zip: a.md`), for the report of articles the library refuses. */
  from: string;
  /** Its place among all the files picked, so readings done in parts can be put back in order. */
  order: number;
  /** The images its bundle (or its flat folder) holds in the same zip, that the file links. */
  bundledImages?: ImportedImage[];
  /**
   * Its body as the file's UTF-8 bytes, not decoded (`body` is then `''`): read so with
   * `ReadOptions.bodyBytes`; the page decodes them (`unpackBodies`), or in Firefox the library
   * stores them as they are, after checking that they are UTF-8.
   */
  bodyBytes?: Uint8Array;
}

export interface ImportReading {
  /** Every valid article, ready for `importArticles`. */
  articles: ImportedFileArticle[];
  /** Files that are not article files, each with why. */
  invalid: InvalidFile[];
  /** Files inside a zip that are not article files by name (images of a page bundle, kept with the article that links them; notes). */
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

/** The largest image an import keeps: as large as a saved image may be. */
export const MAX_IMPORT_IMAGE_BYTES = 20 * 1024 * 1024;

export const isArticleEntry = (name: string): boolean => !name.endsWith('/') && !name.startsWith('__MACOSX/') && ARTICLE_NAME.test(name);

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

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
  // A file Frontclip wrote is read without the YAML parser (proved equal to what it would give).
  return checkedArticle(parseWritten(text) ?? parse(text), template);
}

/** The article a file's fields give; throws a one-line reason when it cannot join the library. */
function checkedArticle(file: ArticleFile, template: string): Article {
  const link = file.link.trim();
  if (link === '') throw new Error('it has no link, and the library keeps each article under its link');
  // The library checks every record it is given; a link it would refuse is named here already,
  // with the file it came from.
  const url = parseUrl(link);
  if (url === null || !['http:', 'https:', 'file:'].includes(url.protocol)) throw new Error(`its link "${link.slice(0, 80)}" is not a web address`);
  return articleFromFile(file, template);
}

const DASH = 0x2d;
const NEWLINE = 0x0a;

/**
 * A file in the writer's own layout split into its front matter (decoded and proved, as
 * `parseWrittenHead` does) and its body's bytes, undecoded; null for any other file, or a body
 * whose own round trip through the writer is not plain from its bytes (final line breaks other
 * than the one `\n` the writer ends a body with). The split is at ASCII bytes, which UTF-8 never
 * uses inside a longer character, so the two parts decode to the file's text.
 */
function splitWritten(bytes: Uint8Array): { head: Omit<ArticleFile, 'body'>; body: Uint8Array } | null {
  if (bytes.length < 8 || bytes[0] !== DASH || bytes[1] !== DASH || bytes[2] !== DASH || bytes[3] !== NEWLINE) return null;
  let end = bytes.indexOf(NEWLINE, 4);
  while (end !== -1 && !(bytes[end + 1] === DASH && bytes[end + 2] === DASH && bytes[end + 3] === DASH && bytes[end + 4] === NEWLINE)) end = bytes.indexOf(NEWLINE, end + 1);
  if (end === -1) return null;
  const rest = bytes.subarray(end + 5);
  const last = rest.length - 1;
  if (rest.length > 0 && (rest.length < 2 || rest[last] !== NEWLINE || rest[last - 1] === NEWLINE || rest[last - 1] === 0x0d)) return null;
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(0, end + 5));
  } catch {
    return null;
  }
  const head = parseWrittenHead(text);
  return head ? { head, body: rest.subarray(0, Math.max(0, last)) } : null;
}

/** The manifest's bookkeeping on an article from the same zip, when it describes that very link. */
function withManifest(article: Article, entry: ManifestEntry | undefined): Article & { savedAt?: string; editedAt?: string } {
  if (!entry || entry.link.trim() !== article.link.trim()) return article;
  return { ...article, savedAt: entry.savedAt, editedAt: entry.editedAt, siteName: entry.siteName, dateSource: entry.dateSource, keywords: [...entry.keywords] };
}

export interface ReadOptions {
  /**
   * Read only one part of the article files, for a reading shared out among workers: of each
   * zip, the `index`-th of `of` runs of its article entries (./part-run.ts: a worker then reads
   * only that run of the file), and every `of`-th of the other files, starting at `index`.
   */
  part?: Part;
  /** Called as files are read: how many of how many (of this part). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Leaves the body of a file in the writer's own layout as its bytes (`bodyBytes`), undecoded: an
   * import worker hands the bodies to the page as UTF-8 bytes (./body-pack.ts), which decodes
   * them or (Firefox) has the library store them so (in Firefox, decoding each body in the worker
   * cost 0.25-0.6 s a worker of 5,000 files, and encoding it again for the page 0.14-0.3 s).
   */
  bodyBytes?: boolean;
}

/**
 * Reads picked files (article files, or zips of them) into articles and a list of what could not
 * be read, with the reason. A zip's `frontclip.json` (optional) gives back what the file format
 * does not hold. Nothing is written here: the caller writes every valid article in one
 * transaction, so an import is never half done.
 */
export function readImport(sources: readonly ImportSource[], template: string, options: ReadOptions = {}): ImportReading {
  const reading: ImportReading = { articles: [], invalid: [], skipped: [] };
  const part = options.part ?? { index: 0, of: 1 };
  let order = 0;
  const mine = () => order++ % part.of === part.index;

  // First the list of what to read (a zip's entries by name, from its directory: nothing is
  // unpacked yet), so that progress can be reported against a total.
  const plan: { source: ImportSource; zip?: ZipView; entries: Map<string, number> | null; first: number; manifest?: Map<string, ManifestEntry>; images?: Map<string, number> }[] = [];
  let total = 0;
  for (const source of sources) {
    let zip: ZipView | null = source.zip ?? null;
    if (!zip && isZip(source.bytes)) {
      try {
        // Names and sizes come from the zip's own directory, read before anything is unpacked, so
        // nothing too large ever is (a zip bomb inflates a megabyte into gigabytes).
        zip = zipView(source.bytes);
      } catch (err) {
        if (part.index === 0) reading.invalid.push({ name: source.name, reason: `it is not a readable zip archive (${messageOf(err)})` });
        continue;
      }
    }
    if (zip) {
      const names: string[] = [];
      const named = new Set<string>();
      const images = new Map<string, number>();
      let unpacked = 0;
      let hasManifest = false;
      for (const file of zip.entries) {
        if (file.name === MANIFEST_NAME) hasManifest = true;
        else if (isArticleEntry(file.name)) {
          // A name the zip holds twice is read once, as unzipping gives it: its last copy.
          if (named.has(file.name)) continue;
          named.add(file.name);
          names.push(file.name);
          if (file.originalSize <= MAX_IMPORT_FILE_BYTES) unpacked += file.originalSize;
        } else if (!file.name.endsWith('/')) {
          if (part.index === 0) reading.skipped.push(`${source.name}: ${file.name}`);
          // A bundle's picture: read later, for the article that links it.
          if (imageTypeOfName(file.name) && file.originalSize <= MAX_IMPORT_IMAGE_BYTES) {
            images.set(file.name, file.originalSize);
            unpacked += file.originalSize;
          }
        }
      }
      if (unpacked > MAX_IMPORT_ZIP_BYTES) {
        if (part.index === 0) {
          reading.invalid.push({ name: source.name, reason: `it unpacks to ${megabytes(unpacked)}, more than ${megabytes(MAX_IMPORT_ZIP_BYTES)} at once: split it into smaller zips` });
        }
        continue;
      }
      const first = order;
      // Each entry keeps its place among all the files, whichever part reads it.
      const run = partRun(names.length, part);
      const wanted = new Map<string, number>();
      for (let k = run.from; k < run.to; k++) wanted.set(names[k]!, first + k);
      order += names.length;
      total += wanted.size;
      plan.push({ source, zip, entries: wanted, first, images, ...(hasManifest ? { manifest: manifestOf(source.name, zip, part.index === 0 ? reading : null) } : {}) });
    } else if (/\.zip$/i.test(source.name)) {
      if (part.index === 0) reading.invalid.push({ name: source.name, reason: 'it is named .zip but is not a zip archive' });
    } else {
      const first = order;
      if (mine()) {
        total++;
        plan.push({ source, entries: null, first });
      }
    }
  }

  let done = 0;
  const take = (name: string, bytes: Uint8Array, at: number, entry?: ManifestEntry, bodyBytes = false): ImportedFileArticle | null => {
    done++;
    if (options.onProgress && (done % 50 === 0 || done === total)) options.onProgress(done, total);
    if (bytes.length > MAX_IMPORT_FILE_BYTES) {
      reading.invalid.push({ name, reason: `it is ${megabytes(bytes.length)}, too large for an article file (the limit is ${megabytes(MAX_IMPORT_FILE_BYTES)})` });
      return null;
    }
    const split = bodyBytes ? splitWritten(bytes) : null;
    if (split) {
      try {
        const article = { ...withManifest(checkedArticle({ ...split.head, body: '' }, template), entry), from: name, order: at, bodyBytes: split.body };
        reading.articles.push(article);
        return article;
      } catch {
        // Read again from its text below, which gives the reason.
      }
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      reading.invalid.push({ name, reason: NOT_UTF8 });
      return null;
    }
    try {
      const article = { ...withManifest(readArticle(text, template), entry), from: name, order: at };
      reading.articles.push(article);
      return article;
    } catch (err) {
      const reason = err instanceof FrontMatterError ? err.message : messageOf(err);
      reading.invalid.push({ name, reason });
      return null;
    }
  };

  for (const { source, zip, entries, first, manifest, images } of plan) {
    if (entries === null || !zip) {
      take(source.name, source.bytes, first, undefined, options.bodyBytes);
      continue;
    }
    const wanted = entries;
    let unpacked: Map<string, Uint8Array | Error>;
    try {
      unpacked = zip.unpack((file) => {
        if (!wanted.has(file.name)) return false;
        if (file.originalSize > MAX_IMPORT_FILE_BYTES) {
          done++;
          reading.invalid.push({
            name: `${source.name}: ${file.name}`,
            reason: `it unpacks to ${megabytes(file.originalSize)}, too large for an article file (the limit is ${megabytes(MAX_IMPORT_FILE_BYTES)})`,
          });
          return false;
        }
        return true;
      });
    } catch (err) {
      // Each part unpacks its own entries, so each says when it cannot.
      reading.invalid.push({ name: source.name, reason: `it is not a readable zip archive (${messageOf(err)})` });
      continue;
    }
    const read: { path: string; article: ImportedFileArticle }[] = [];
    for (const [name, bytes] of unpacked) {
      if (bytes instanceof Error) {
        done++;
        reading.invalid.push({ name: `${source.name}: ${name}`, reason: `it could not be unpacked (${bytes.message})` });
        continue;
      }
      // Bodies stay text where the zip holds pictures: which ones an article keeps is read from its body.
      const article = take(`${source.name}: ${name}`, bytes, wanted.get(name) ?? first, manifest?.get(name), options.bodyBytes && !images?.size);
      if (article) read.push({ path: name, article });
    }
    if (images && images.size > 0) attachImages(zip, read, images);
  }
  return reading;
}

/**
 * Gives each article read from a zip the images it links that the zip holds (a bundle's or a
 * flat file's folder), read in one more pass over the zip that unpacks only those.
 */
function attachImages(zip: ZipView, read: readonly { path: string; article: ImportedFileArticle }[], available: ReadonlyMap<string, number>): void {
  const wanted = new Map<string, { article: ImportedFileArticle; src: string }[]>();
  for (const { path, article } of read) {
    for (const [zipPath, src] of linkedImages(article, path)) {
      if (available.has(zipPath)) wanted.set(zipPath, [...(wanted.get(zipPath) ?? []), { article, src }]);
    }
  }
  if (wanted.size === 0) return;
  let unpacked: Map<string, Uint8Array | Error>;
  try {
    unpacked = zip.unpack((file) => wanted.has(file.name));
  } catch {
    return; // the articles import without their pictures, which stay as the links they are
  }
  for (const [zipPath, bytes] of unpacked) {
    if (bytes instanceof Error) continue; // that picture stays the link it is
    const name = zipPath.slice(zipPath.lastIndexOf('/') + 1);
    for (const { article, src } of wanted.get(zipPath) ?? []) {
      (article.bundledImages ??= []).push({ name, src, type: imageTypeOfName(name)!, bytes });
    }
  }
}

/** A zip's manifest, or none (reported once) when it cannot be read: its files import as plain files. */
function manifestOf(zipName: string, zip: ZipView, report: ImportReading | null): Map<string, ManifestEntry> {
  try {
    const bytes = zip.unpack((file) => file.name === MANIFEST_NAME && file.originalSize <= MAX_IMPORT_FILE_BYTES).get(MANIFEST_NAME);
    if (bytes instanceof Error) throw bytes;
    return bytes ? readManifest(bytes) : new Map();
  } catch (err) {
    report?.invalid.push({ name: `${zipName}: ${MANIFEST_NAME}`, reason: `${messageOf(err)}; the zip's articles are imported without it` });
    return new Map();
  }
}
