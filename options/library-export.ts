import { deflateSync, Zip, ZipPassThrough } from 'fflate';
import { buildFilename } from '../src/core/filename.ts';
import { write } from '../src/core/frontmatter.ts';
import type { StoredArticle } from '../src/storage/library-record.ts';
import type { Deflate } from './deflate-pool.ts';
import { ZipNamer, type ExportLayout } from './zip-names.ts';

export interface ExportOptions {
  /** The articles, a batch at a time (`readArticleBatches`): never the whole library at once. */
  batches: AsyncIterable<readonly StoredArticle[]>;
  /** The file name template from the settings. */
  template: string;
  layout: ExportLayout;
  /** Called after each batch with how many articles are in the zip so far. */
  onProgress?: (done: number) => void;
  /** Deflate level; 6 is zlib's default balance of size and speed. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Deflates one file (a worker pool on the page); fflate's deflateSync in this thread by default. */
  deflate?: Deflate;
}

export interface ExportedFile {
  name: string;
  link: string;
}

export interface ExportResult {
  blob: Blob;
  files: ExportedFile[];
  /** The files' total size before compression, in bytes. */
  bytes: number;
  /** Milliseconds spent waiting for the store, and writing and compressing (for the benchmark). */
  readMs: number;
  zipMs: number;
}

/** Zip output is moved into a Blob part once this much has gathered in the JS heap. */
const PART_BYTES = 4 * 1024 * 1024;

const inThread: Deflate = async (data, level) => deflateSync(data, { level: level as 6 });

/**
 * A zip entry whose deflating happens elsewhere. fflate's ZipPassThrough computes the CRC and
 * size of the raw bytes as they are pushed; `process` then hands them to the deflater and gives
 * the Zip the compressed bytes whenever they come back. The Zip writes entries in the order they
 * were added whatever order they finish in (it uses data descriptors, so no size is needed up
 * front).
 */
class DeflatedFile extends ZipPassThrough {
  readonly done: Promise<void>;
  private settle!: (err?: Error) => void;

  constructor(filename: string, private readonly deflate: Deflate, private readonly level: number) {
    super(filename);
    this.compression = 8;
    this.done = new Promise((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (!final) throw new Error('an article file is pushed in one piece');
    this.deflate(chunk, this.level).then((data) => {
      this.ondata(null, data, true);
      this.settle();
    }, (err: unknown) => this.settle(err instanceof Error ? err : new Error(String(err))));
  }
}

/** The entry's last edit as the zip's file time; DOS times only span 1980 to 2107. */
function fileTime(entry: StoredArticle): Date | undefined {
  const time = new Date(entry.editedAt);
  const year = time.getFullYear();
  return Number.isNaN(time.getTime()) || year < 1980 || year > 2107 ? undefined : time;
}

/** The name the template gives an article now, as the popup's Download would name it. */
export function exportFilename(template: string, entry: StoredArticle): string {
  return buildFilename(template, { slug: entry.slug, date: entry.date, title: entry.title, site: entry.site });
}

/**
 * Builds a zip of article files in our format (`write`, the same text as a download), streaming:
 * each batch read from the store is written, deflated (in workers when given) and appended to
 * fflate's streaming Zip, whose output is gathered into Blob parts of a few megabytes. The next
 * batch is read only when the last one is in the zip, so the JS heap holds one batch of articles
 * and a few megabytes of zip at a time; the zip itself lives in the Blob, which the browser keeps
 * outside the heap (on disk when large). An export therefore never holds two copies of the
 * library.
 */
export async function buildExportZip(options: ExportOptions): Promise<ExportResult> {
  const deflate = options.deflate ?? inThread;
  const level = options.level ?? 6;
  const namer = new ZipNamer(options.layout);
  const encoder = new TextEncoder();
  const files: ExportedFile[] = [];
  const parts: Blob[] = [];
  let chunks: Uint8Array[] = [];
  let pending = 0;
  let bytes = 0;
  let failure: Error | null = null;
  let finished = false;

  const flush = () => {
    if (chunks.length === 0) return;
    parts.push(new Blob(chunks as BlobPart[]));
    chunks = [];
    pending = 0;
  };

  const zip = new Zip((err, data, final) => {
    if (err) {
      failure = err;
      return;
    }
    chunks.push(data);
    pending += data.length;
    if (pending >= PART_BYTES) flush();
    if (final) finished = true;
  });

  let readMs = 0;
  let zipMs = 0;
  let mark = performance.now();
  try {
    for await (const batch of options.batches) {
      const read = performance.now();
      readMs += read - mark;
      const inFlight: Promise<void>[] = [];
      for (const entry of batch) {
        const name = namer.name(exportFilename(options.template, entry));
        const data = encoder.encode(write(entry));
        bytes += data.length;
        const file = new DeflatedFile(name, deflate, level);
        const mtime = fileTime(entry);
        if (mtime) file.mtime = mtime;
        zip.add(file);
        file.push(data, true);
        inFlight.push(file.done);
        files.push({ name, link: entry.link });
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      options.onProgress?.(files.length);
      mark = performance.now();
      zipMs += mark - read;
    }
  } catch (err) {
    zip.terminate();
    throw err;
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('the zip was not completed');
  flush();
  return { blob: new Blob(parts, { type: 'application/zip' }), files, bytes, readMs, zipMs };
}
