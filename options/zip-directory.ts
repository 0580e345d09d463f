import { inflateSync } from 'fflate';

// A zip's central directory, read from the end of a Blob, and its entries unpacked from pieces of
// the file: an import worker reads only the part of a picked zip that it unpacks, not the whole
// file once per worker. Hand-written because fflate (which inflates here) lists a zip's entries
// only from the whole file in memory and without where each one lies; the directory's layout is
// the zip format's own (PKWARE's APPNOTE, sections 4.3.12 and 4.3.16). Anything this reader does
// not take on (zip64, encryption, archives on several disks, a damaged end) returns null, and the
// caller reads the whole file as before.

export interface ZipEntry {
  /** Decoded as fflate decodes it (UTF-8 when the entry's flag says so, else one byte a character), so both readers name an entry alike. */
  name: string;
  /** 0 stored, 8 deflated; any other is refused when unpacked. */
  method: number;
  compressedSize: number;
  originalSize: number;
  /** Where its local header starts in the file. */
  offset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the directory starts in the file: no entry's data goes past it. */
  start: number;
}

const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_SIZE = 22;
/** The end record and the longest comment it may carry. */
const TAIL_BYTES = END_SIZE + 0xffff;

const utf8 = new TextDecoder();
const latin1 = (bytes: Uint8Array): string => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
};

const bytesOf = async (blob: Blob, from: number, to: number): Promise<Uint8Array> => new Uint8Array(await blob.slice(from, to).arrayBuffer());

/** The directory of the zip `blob` holds, read from its end; null when it is not a zip this reader takes on. */
export async function readZipDirectory(blob: Blob): Promise<ZipDirectory | null> {
  const tailStart = Math.max(0, blob.size - TAIL_BYTES);
  const tail = await bytesOf(blob, tailStart, blob.size);
  const end = endRecord(tail, tailStart);
  if (!end) return null;
  const { start, size } = end;
  const directory = start >= tailStart ? tail.subarray(start - tailStart, start - tailStart + size) : await bytesOf(blob, start, start + size);
  return directoryOf(directory, end);
}

/** The directory of a zip held whole in memory; null as for `readZipDirectory`. */
export function zipDirectoryOf(bytes: Uint8Array): ZipDirectory | null {
  const tailStart = Math.max(0, bytes.length - TAIL_BYTES);
  const end = endRecord(bytes.subarray(tailStart), tailStart);
  return end ? directoryOf(bytes.subarray(end.start, end.start + end.size), end) : null;
}

interface EndRecord {
  count: number;
  size: number;
  start: number;
}

/** The end record's facts, from the file's last bytes (`tail`, which start at `tailStart` in the file). */
function endRecord(tail: Uint8Array, tailStart: number): EndRecord | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // The end record is the last one whose comment reaches exactly to the end of the file.
  let at = tail.length - END_SIZE;
  while (at >= 0 && !(view.getUint32(at, true) === END && at + END_SIZE + view.getUint16(at + 20, true) === tail.length)) at--;
  if (at < 0) return null;
  if (at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR) return null;
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) return null;
  const count = view.getUint16(at + 8, true);
  if (count !== view.getUint16(at + 10, true)) return null;
  const size = view.getUint32(at + 12, true);
  const start = view.getUint32(at + 16, true);
  return start + size > tailStart + at ? null : { count, size, start };
}

function directoryOf(directory: Uint8Array, { count, start }: EndRecord): ZipDirectory | null {
  const entries = parseDirectory(directory, count);
  return entries && entries.every((entry) => entry.offset < start) ? { entries, start } : null;
}

function parseDirectory(directory: Uint8Array, count: number): ZipEntry[] | null {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL) return null;
    const flags = view.getUint16(at + 8, true);
    const compressedSize = view.getUint32(at + 20, true);
    const originalSize = view.getUint32(at + 24, true);
    const offset = view.getUint32(at + 42, true);
    // Encrypted, or sizes and offsets kept in a zip64 field.
    if (flags & 1 || compressedSize === 0xffffffff || originalSize === 0xffffffff || offset === 0xffffffff) return null;
    const nameEnd = at + 46 + view.getUint16(at + 28, true);
    if (nameEnd > directory.length) return null;
    const nameBytes = directory.subarray(at + 46, nameEnd);
    entries.push({ name: flags & 0x800 ? utf8.decode(nameBytes) : latin1(nameBytes), method: view.getUint16(at + 10, true), compressedSize, originalSize, offset });
    at = nameEnd + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** A run of the file's bytes: `bytes` are the file's from `from` on. */
export interface ZipPiece {
  from: number;
  bytes: Uint8Array;
}

/** Reads the pieces of `blob` that hold `entries` (each up to where the next entry in the file starts): the fewest bytes that unpack them. */
export async function readZipPieces(blob: Blob, directory: ZipDirectory, entries: readonly ZipEntry[]): Promise<ZipPiece[]> {
  const offsets = [...new Set(directory.entries.map((entry) => entry.offset)), directory.start].sort((a, b) => a - b);
  const endOf = (offset: number): number => {
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    return offsets[low]!;
  };
  // Neighbouring entries are read as one piece.
  const spans = entries.map((entry) => [entry.offset, endOf(entry.offset)] as const).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return Promise.all(merged.map(async ([from, to]) => ({ from, bytes: await bytesOf(blob, from, to) })));
}

/** An entry's bytes unpacked from the pieces read for it; throws when they do not hold it whole. */
export function unpackEntry(pieces: readonly ZipPiece[], entry: ZipEntry): Uint8Array {
  const piece = pieces.find((p) => entry.offset >= p.from && entry.offset + 30 <= p.from + p.bytes.length);
  if (!piece) throw new Error(`${entry.name} was not read`);
  const view = new DataView(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength);
  const at = entry.offset - piece.from;
  if (view.getUint32(at, true) !== LOCAL) throw new Error(`${entry.name} has no local header where the directory says`);
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = piece.bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`${entry.name} is cut short`);
  // As fflate's own unzipping does: the output is at most the size the directory gives, so a
  // directory that lies about it cannot make an entry unpack to more.
  if (entry.method === 0) return data.slice();
  if (entry.method === 8) return inflateSync(data, { out: new Uint8Array(entry.originalSize) });
  throw new Error(`unknown compression type ${entry.method}`);
}
