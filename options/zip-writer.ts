import { Zip, ZipPassThrough } from 'fflate';
import type { ZipSink } from './zip-sink.ts';
import { concatBytes } from '../src/concat-bytes.ts';
import { piecesBytes, type FilePiece } from './file-pieces.ts';

/** One file of a zip: an article file, or (later) one of its images. */
export interface ZipEntryInput {
  path: string;
  /** The file's bytes; text (or text in pieces, joined) is written in UTF-8, pieces that are bytes as they are. */
  data: Uint8Array | Blob | string | readonly FilePiece[];
  mtime?: Date;
}

/** What builds a zip: fflate's (with the browser's deflate) or the stored-entry writer. */
export interface ZipOutput {
  bytes: number;
  add(entry: ZipEntryInput): Promise<void>;
  flush(): Promise<void>;
  end(): Promise<{ file: Blob; release: () => void }>;
  abort(): Promise<void>;
}

/**
 * How entries are stored. `deflate` uses the browser's own zlib (`CompressionStream('deflate-raw')`,
 * in Chromium and Firefox alike) instead of deflate written in JavaScript; `store` writes the bytes
 * as they are (the faster of the two for a library of small text files, and what
 * already-compressed files such as images always get).
 */
export type ZipCompression = 'deflate' | 'store';

const textEncoder = new TextEncoder();

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw' as CompressionFormat);
  const writer = stream.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  if (chunks.length === 1) return chunks[0]!;
  return concatBytes(chunks, size);
}

/**
 * A zip entry deflated by the browser. fflate's ZipPassThrough computes the CRC and size of the raw
 * bytes as they are pushed; `process` hands them to CompressionStream and gives the Zip the result
 * when it comes back. The Zip writes entries in the order they were added whatever order they
 * finish in (it uses data descriptors, so no size is needed up front).
 */
class DeflatedEntry extends ZipPassThrough {
  readonly done: Promise<void>;
  private settle!: (err?: Error) => void;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.done = new Promise((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (!final) throw new Error('a zip entry is pushed in one piece');
    deflateRaw(chunk).then((data) => {
      this.ondata(null, data as Uint8Array<ArrayBuffer>, true);
      this.settle();
    }, (err: unknown) => this.settle(err instanceof Error ? err : new Error(String(err))));
  }
}

/** The entry's time as the zip's file time; DOS times only span 1980 to 2107. */
function dosTime(time: Date | undefined): Date | undefined {
  if (!time || Number.isNaN(time.getTime())) return undefined;
  const year = time.getFullYear();
  return year < 1980 || year > 2107 ? undefined : time;
}

/**
 * A zip written as it is built: entries go in as they are added, its bytes go to the sink. The
 * caller adds a batch of entries, then awaits `flush` before reading the next batch, so one batch
 * of files and a few megabytes of zip are in memory at a time.
 */
export class ZipWriter implements ZipOutput {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private finished = false;
  private inFlight: Promise<void>[] = [];
  /** The files' total size before compression, in bytes. */
  bytes = 0;

  constructor(private readonly sink: ZipSink, private readonly compression: ZipCompression) {
    this.zip = new Zip((err, data, final) => {
      if (err) {
        this.failure = err;
        return;
      }
      sink.write(data);
      if (final) this.finished = true;
    });
  }

  /** Adds one file; text-like files follow the writer's compression, `compress: false` stores. */
  async add(entry: ZipEntryInput, compress = true): Promise<void> {
    const data = typeof entry.data === 'string' ? textEncoder.encode(entry.data) : Array.isArray(entry.data) ? piecesBytes(entry.data) : entry.data instanceof Blob ? new Uint8Array(await entry.data.arrayBuffer()) : entry.data;
    this.bytes += data.length;
    const deflate = compress && this.compression === 'deflate';
    const file = deflate ? new DeflatedEntry(entry.path) : new ZipPassThrough(entry.path);
    const mtime = dosTime(entry.mtime);
    if (mtime) file.mtime = mtime;
    this.zip.add(file);
    file.push(data as Uint8Array<ArrayBuffer>, true);
    if (file instanceof DeflatedEntry) this.inFlight.push(file.done);
  }

  /** Waits for the entries added so far to be compressed and written. */
  async flush(): Promise<void> {
    const waiting = this.inFlight;
    this.inFlight = [];
    await Promise.all(waiting);
    if (this.failure) throw this.failure;
    await this.sink.drain();
  }

  /** Writes the zip's directory; resolves with the finished file. */
  async end(): Promise<{ file: Blob; release: () => void }> {
    await this.flush();
    this.zip.end();
    if (this.failure) throw this.failure;
    if (!this.finished) throw new Error('the zip was not completed');
    return this.sink.finish();
  }

  /** Stops, and drops what was written. */
  async abort(): Promise<void> {
    this.zip.terminate();
    await Promise.allSettled(this.inFlight);
    await this.sink.discard();
  }
}
