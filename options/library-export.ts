import { write, writeParts } from '../src/core/frontmatter.ts';
import { bundlePaths, formatOfFilename, localizeArticle } from '../src/core/bundle.ts';
import { articleOfRecord, type ArticleRecord, type StoredArticle } from '../src/storage/library.ts';
import { manifestBytes, MANIFEST_NAME, type ManifestEntry } from './library-manifest.ts';
import { exportFilename, ZipNamer, type ExportLayout } from './zip-names.ts';
import { messageOf } from '../src/core/error-message.ts';

export { zipFilename } from './zip-names.ts';
import type { ZipSink } from './zip-sink.ts';
import { ZipWriter, type ZipCompression, type ZipEntryInput, type ZipOutput } from './zip-writer.ts';
import { StoredZipWriter } from './stored-zip.ts';
import type { FilePiece } from './file-pieces.ts';

export interface ExportOptions {
  /** The articles, a batch at a time (`readArticleBatches`): never the whole library at once. */
  batches: AsyncIterable<readonly ArticleRecord[]>;
  /** The file name template from the settings. */
  template: string;
  layout: ExportLayout;
  sink: ZipSink;
  compression: ZipCompression;
  /** Stops the export between batches; the sink is then discarded. */
  signal?: AbortSignal;
  /** Called after each batch with how many articles were handled so far. */
  onProgress?: (done: number) => void;
  /** The bytes of the images an article keeps (by file name); without it, images stay links. */
  readImages?: (link: string) => Promise<Map<string, Blob>>;
}

/** An article in the zip, with the version (`editedAt`) that was written: the exported mark's source. */
export interface ExportedFile {
  name: string;
  link: string;
  editedAt: string;
}

/** An article that could not be written, and why; the export goes on without it. */
export interface FailedArticle {
  title: string;
  link: string;
  reason: string;
}

export interface ExportResult {
  file: Blob;
  /** Frees the zip's spool file; call once the browser has copied it. */
  release: () => void;
  files: ExportedFile[];
  failed: FailedArticle[];
  /** The files' total size before compression, in bytes. */
  bytes: number;
  /** Milliseconds spent waiting for the store, and writing and compressing (for the benchmark). */
  readMs: number;
  zipMs: number;
}


/** The images of `images` the article keeps (FORMAT.md, "Images saved with the article"). */
function keptImages(entry: ArticleRecord, images: ReadonlyMap<string, Blob> | null) {
  return (entry.savedImages ?? []).filter((ref) => images?.has(ref.name));
}

/**
 * The zip entries of an article that keeps images, its file at `path`: the images inside its
 * bundle, or in a `<name>/` folder beside a flat file, the file's links pointing at them. Throws
 * when the article cannot be written (a record the file writer refuses).
 */
function entriesWithImages(entry: ArticleRecord, path: string, layout: ExportLayout, images: ReadonlyMap<string, Blob>): ZipEntryInput[] {
  const mtime = new Date(entry.editedAt);
  const kept = keptImages(entry, images);
  const paths = bundlePaths(path, layout === 'bundles' ? 'bundle' : 'flat');
  const data = write(localizeArticle(articleOfRecord(entry), formatOfFilename(path), kept, paths.linkPrefix));
  const folder = layout === 'bundles' ? path.slice(0, path.lastIndexOf('/')) : path.replace(/\.(?:md|html)$/i, '');
  const pictures = [...new Set(kept.map((ref) => ref.name))].map((name) => ({ path: `${folder}/${name}`, data: images.get(name)!, mtime }));
  return [{ path, data, mtime }, ...pictures];
}

/**
 * The file of a stored article in the pieces `writeParts` gives, its body as the library keeps
 * it. A body kept as bytes is already folded as `writeParts` folds one (the library did so when
 * it stored it) and goes into the zip as it is: decoding it only to encode it again cost as much
 * as keeping it saved. The front matter does not depend on the body, so it is written without.
 */
export function filePieces(record: ArticleRecord): readonly FilePiece[] {
  if (typeof record.body === 'string') return writeParts(record as StoredArticle);
  const [head] = writeParts({ ...record, body: '' });
  return record.body.length === 0 ? [head] : [head, record.body, '\n'];
}

/**
 * The zip entries of an article whose file is `path`: with the images it keeps when `images` holds
 * any of them, else its file alone (`text`, when the caller has already written it). Throws when
 * the article cannot be written (a record the file writer refuses).
 */
export function entriesAt(entry: ArticleRecord, path: string, layout: ExportLayout, images: ReadonlyMap<string, Blob> | null, text: readonly FilePiece[] | null = null): ZipEntryInput[] {
  if (images !== null && keptImages(entry, images).length > 0) return entriesWithImages(entry, path, layout, images);
  return [{ path, data: text ?? filePieces(entry), mtime: new Date(entry.editedAt) }];
}

/**
 * The zip entries of one article: its file, named by the template and the layout, and the images
 * the library keeps for it. Throws when the article cannot be written; such an article takes no
 * name from the next one.
 */
export function articleEntries(entry: ArticleRecord, namer: ZipNamer, template: string, images: ReadonlyMap<string, Blob> | null = null): ZipEntryInput[] {
  const filename = exportFilename(template, entry);
  const entries = entriesAt(entry, namer.peek(filename), namer.layout, images);
  namer.name(filename);
  return entries;
}

const cancelled = () => new DOMException('The export was cancelled.', 'AbortError');

/**
 * Builds a zip of article files in our format (`write`, the same text as a download) plus the
 * library's manifest, streaming: each batch read from the store is written and compressed into
 * the sink while the next one is read. An article that cannot be written is listed in `failed`
 * and the rest go on. A cancelled or failed export discards the sink: no partial zip is left.
 */
export async function buildExportZip(options: ExportOptions): Promise<ExportResult> {
  const namer = new ZipNamer(options.layout);
  const zip: ZipOutput = options.compression === 'store' ? new StoredZipWriter(options.sink) : new ZipWriter(options.sink, options.compression);
  const files: ExportedFile[] = [];
  const failed: FailedArticle[] = [];
  const manifest: ManifestEntry[] = [];
  let handled = 0;
  let readMs = 0;
  let zipMs = 0;
  let mark = performance.now();
  // One batch is read ahead while the one before is written: the store's reading (deserializing
  // bodies) and the zip's writing overlap, and at most two batches are in memory.
  const iterator = options.batches[Symbol.asyncIterator]();
  try {
    let ahead = iterator.next();
    for (;;) {
      const step = await ahead;
      if (step.done) break;
      const batch = step.value;
      ahead = iterator.next();
      const read = performance.now();
      readMs += read - mark;
      if (options.signal?.aborted) throw cancelled();
      for (const entry of batch) {
        let entries: ZipEntryInput[];
        try {
          const images = entry.savedImages?.length && options.readImages ? await options.readImages(entry.link) : null;
          entries = articleEntries(entry, namer, options.template, images);
        } catch (err) {
          failed.push({ title: entry.title || entry.link, link: entry.link, reason: messageOf(err) });
          continue;
        }
        for (const input of entries) await zip.add(input);
        const name = entries[0]!.path;
        files.push({ name, link: entry.link, editedAt: entry.editedAt });
        manifest.push({
          file: name, link: entry.link, savedAt: entry.savedAt, editedAt: entry.editedAt, siteName: entry.siteName, dateSource: entry.dateSource, keywords: entry.keywords,
        });
      }
      await zip.flush();
      handled += batch.length;
      options.onProgress?.(handled);
      mark = performance.now();
      zipMs += mark - read;
    }
    if (options.signal?.aborted) throw cancelled();
    const bytes = zip.bytes;
    // Timed by the newest edit it describes, so the same library gives the same zip entry.
    const newest = manifest.reduce((latest, e) => (e.editedAt > latest ? e.editedAt : latest), '');
    if (files.length > 0) await zip.add({ path: MANIFEST_NAME, data: manifestBytes(manifest), mtime: new Date(newest) });
    const { file, release } = await zip.end();
    return { file, release, files, failed, bytes, readMs, zipMs };
  } catch (err) {
    await iterator.return?.();
    await zip.abort();
    throw err;
  }
}
