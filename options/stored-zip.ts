import CRC32 from 'crc-32';
import type { ZipSink } from './zip-sink.ts';
import type { ZipEntryInput } from './zip-writer.ts';
import { piecesBytes, type FilePiece } from './file-pieces.ts';

/**
 * A zip of stored (uncompressed) entries, written straight into pieces of the size the sink
 * writes: each file's header and bytes are put into the current piece, a text file encoded into
 * it in place. Written by hand because fflate's streaming Zip hands every header, file and data
 * descriptor over as an array of its own, which the sink then copies into its pieces: in a CPU
 * profile of Export all (10,000 articles) that copying and the garbage it left were about a third
 * of the page's work. The format is the zip's plainest: a local header with the CRC and sizes
 * known up front, the file's bytes, then the central directory. Entries are named in UTF-8
 * (flag bit 11), timed in DOS local time (1980-2107). No zip64: a zip that would pass 65,535
 * files or 4 GB is refused with a clear message rather than written wrong.
 */

const PIECE_BYTES = 4 * 1024 * 1024;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

const encoder = new TextEncoder();

/** DOS date and time of a Date in local time, as the zip's two 16-bit fields. */
function dosStamp(time: Date | undefined): { date: number; time: number } {
  if (!time || Number.isNaN(time.getTime()) || time.getFullYear() < 1980 || time.getFullYear() > 2107) {
    return { date: (1 << 5) | 1, time: 0 };
  }
  return {
    date: ((time.getFullYear() - 1980) << 9) | ((time.getMonth() + 1) << 5) | time.getDate(),
    time: (time.getHours() << 11) | (time.getMinutes() << 5) | (time.getSeconds() >> 1),
  };
}

/** What the central directory says of one file; `offset` is where its local header starts. */
export interface CentralEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
  date: number;
  time: number;
}

/** Central directory records written elsewhere (by the parts of a zip), and how many files they list. */
export interface PriorDirectory {
  records: readonly Uint8Array[];
  count: number;
}

/** Central directory records of a part, their offsets moved `by` bytes (the parts before it). */
export function moveDirectory(records: Uint8Array, by: number): Uint8Array {
  const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
  for (let at = 0; at < records.length; at += CENTRAL_HEADER + view.getUint16(at + 28, true)) {
    const offset = view.getUint32(at + 42, true) + by;
    if (offset > MAX_OFFSET) throw new Error('the zip would be larger than 4 GB: export fewer articles at once');
    view.setUint32(at + 42, offset, true);
  }
  return records;
}

export class StoredZipWriter {
  private piece = new Uint8Array(PIECE_BYTES);
  private view = new DataView(this.piece.buffer);
  private at = 0;
  /** Bytes of the zip handed to the sink before the current piece. */
  private written: number;
  private readonly entries: CentralEntry[] = [];
  private readonly prior: PriorDirectory;
  /** The files' total size, in bytes. */
  bytes = 0;

  /**
   * `start` continues a zip whose first files were written elsewhere (the parts of an export
   * written side by side, `export-parallel.ts`): this writer's bytes begin at that offset, and the
   * central directory it ends with begins with those files' records (moved to their offsets in the
   * whole zip, `moveDirectory`).
   */
  constructor(private readonly sink: ZipSink, start: { offset: number; prior: PriorDirectory } = { offset: 0, prior: { records: [], count: 0 } }) {
    this.written = start.offset;
    this.prior = start.prior;
  }

  private sendPiece(): void {
    if (this.at === 0) return;
    this.sink.write(this.piece.subarray(0, this.at));
    this.written += this.at;
    this.piece = new Uint8Array(PIECE_BYTES);
    this.view = new DataView(this.piece.buffer);
    this.at = 0;
  }

  /** Room for `size` bytes in the current piece, sending it first when they do not fit. */
  private room(size: number): boolean {
    if (this.at + size <= PIECE_BYTES) return true;
    this.sendPiece();
    return size <= PIECE_BYTES;
  }

  /** Writes bytes that may be larger than a piece: whole when they fit, else on their own. */
  private put(bytes: Uint8Array): void {
    if (this.room(bytes.length)) {
      this.piece.set(bytes, this.at);
      this.at += bytes.length;
      return;
    }
    this.sink.write(bytes);
    this.written += bytes.length;
  }

  /**
   * The fields a local header and a central directory entry share, in the same order (version
   * needed, flags, method, time, date, CRC, both sizes, name length), from `at`.
   */
  private static fileFields(v: DataView, at: number, entry: CentralEntry): void {
    v.setUint16(at, VERSION, true);
    v.setUint16(at + 2, UTF8_NAMES, true);
    v.setUint16(at + 4, 0, true);
    v.setUint16(at + 6, entry.time, true);
    v.setUint16(at + 8, entry.date, true);
    v.setUint32(at + 10, entry.crc, true);
    v.setUint32(at + 14, entry.size, true);
    v.setUint32(at + 18, entry.size, true);
    v.setUint16(at + 22, entry.name.length, true);
  }

  private localHeader(at: number, entry: CentralEntry): void {
    this.view.setUint32(at, 0x04034b50, true);
    StoredZipWriter.fileFields(this.view, at + 4, entry);
    this.view.setUint16(at + 28, 0, true);
    this.piece.set(entry.name, at + LOCAL_HEADER);
  }

  /** Adds one file, stored as it is (text, or text in pieces, is written in UTF-8). */
  async add(input: ZipEntryInput): Promise<void> {
    if (this.prior.count + this.entries.length >= MAX_ENTRIES) throw new Error('the zip would hold more than 65,535 files: export fewer articles at once');
    const name = encoder.encode(input.path);
    const entry: CentralEntry = { name, crc: 0, size: 0, offset: 0, ...dosStamp(input.mtime) };
    const head = LOCAL_HEADER + name.length;
    const data = input.data;
    const text = typeof data === 'string' ? [data] : Array.isArray(data) ? data as readonly FilePiece[] : null;
    // Text that surely fits is encoded straight after its header, in this piece, a piece at a time.
    // The browser's `encodeInto` measured faster than a hand-written loop in both browsers (Export
    // all of 10,000 articles, `npm run bench:library`, two pairs: Firefox 3.55/3.24 -> 3.39/2.89 s,
    // Chromium 2.36/1.64 -> 2.26/1.50 s).
    if (text !== null && this.room(head + text.reduce((n, part) => n + (typeof part === 'string' ? part.length * 3 : part.length), 0))) {
      const start = this.at + head;
      let end = start;
      for (const part of text) {
        if (typeof part === 'string') end += encoder.encodeInto(part, this.piece.subarray(end)).written;
        else {
          this.piece.set(part, end);
          end += part.length;
        }
      }
      entry.size = end - start;
      entry.crc = CRC32.buf(this.piece.subarray(start, end)) >>> 0;
      entry.offset = this.written + this.at;
      this.localHeader(this.at, entry);
      this.at = end;
    } else {
      const bytes = text !== null ? piecesBytes(text) : data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data as Uint8Array;
      entry.size = bytes.length;
      entry.crc = CRC32.buf(bytes) >>> 0;
      this.room(head);
      entry.offset = this.written + this.at;
      this.localHeader(this.at, entry);
      this.at += head;
      this.put(bytes);
    }
    if (this.written + this.at > MAX_OFFSET) throw new Error('the zip would be larger than 4 GB: export fewer articles at once');
    this.bytes += entry.size;
    this.entries.push(entry);
  }

  /** Waits for what was written so far to reach the sink's file (back-pressure between batches). */
  async flush(): Promise<void> {
    await this.sink.drain();
  }

  /** The central directory records of this writer's files (offsets as this writer knows them). */
  private directory(): Uint8Array {
    const records = new Uint8Array(this.entries.reduce((n, entry) => n + CENTRAL_HEADER + entry.name.length, 0));
    const v = new DataView(records.buffer);
    let at = 0;
    for (const entry of this.entries) {
      v.setUint32(at, 0x02014b50, true);
      v.setUint16(at + 4, VERSION, true);
      StoredZipWriter.fileFields(v, at + 6, entry);
      // Extra field, comment, disk number, internal and external attributes: none (zeros).
      v.setUint32(at + 42, entry.offset, true);
      records.set(entry.name, at + CENTRAL_HEADER);
      at += CENTRAL_HEADER + entry.name.length;
    }
    return records;
  }

  /** Writes the central directory and the end record; resolves with the finished file. */
  async end(): Promise<{ file: Blob; release: () => void }> {
    const start = this.written + this.at;
    const records = [...this.prior.records, this.directory()];
    const size = records.reduce((n, r) => n + r.length, 0);
    const count = this.prior.count + this.entries.length;
    if (start + size > MAX_OFFSET) throw new Error('the zip would be larger than 4 GB: export fewer articles at once');
    for (const part of records) this.put(part);
    this.room(END_RECORD);
    const v = this.view;
    const at = this.at;
    v.setUint32(at, 0x06054b50, true);
    v.setUint32(at + 4, 0, true);
    v.setUint16(at + 8, count, true);
    v.setUint16(at + 10, count, true);
    v.setUint32(at + 12, size, true);
    v.setUint32(at + 16, start, true);
    v.setUint16(at + 20, 0, true);
    this.at += END_RECORD;
    this.sendPiece();
    await this.sink.drain();
    return this.sink.finish();
  }

  /**
   * Ends a part of a zip without an end record: its file, and its files' central directory
   * records with offsets from the part's start (the whole zip's directory is written after the
   * last part, `moveDirectory` moving each part's records).
   */
  async endPart(): Promise<{ file: Blob; release: () => void; directory: Uint8Array; count: number; size: number }> {
    this.sendPiece();
    await this.sink.drain();
    const finished = await this.sink.finish();
    return { ...finished, directory: this.directory(), count: this.entries.length, size: this.written };
  }

  /** Stops, and drops what was written. */
  async abort(): Promise<void> {
    await this.sink.discard();
  }
}
