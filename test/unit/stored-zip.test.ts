import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { StoredZipWriter } from '../../options/stored-zip.ts';
import type { ZipSink } from '../../options/zip-sink.ts';

/** A sink that keeps what it is given, to read the zip back. */
function collectingSink() {
  const chunks: Uint8Array[] = [];
  const sink: ZipSink = {
    write: (chunk) => void chunks.push(chunk.slice()),
    drain: async () => {},
    finish: async () => ({ file: new Blob(chunks as BlobPart[]), release: () => {} }),
    discard: async () => void (chunks.length = 0),
  };
  return { sink, chunks };
}

/** The central directory's entries: name, CRC, size and DOS date/time, read field by field. */
function centralEntries(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: { name: string; crc: number; size: number; date: number; time: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true),
      time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true), offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength;
  }
  return out;
}

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('the stored-entry zip writer', () => {
  it('writes text, bytes and blobs, across pieces and larger than one, that any reader takes back whole', async () => {
    const big = 'Ünïcödé line of an article body, repeated. '.repeat(120_000); // ~5.5 MB in UTF-8
    const raw = Uint8Array.from({ length: 5 * 1024 * 1024 + 3 }, (_, i) => (i * 31) & 0xff);
    const files: Record<string, Uint8Array> = {};
    const { sink } = collectingSink();
    const zip = new StoredZipWriter(sink);
    const mtime = new Date(2026, 0, 6, 13, 45, 30);
    for (let n = 0; n < 3000; n++) {
      const text = `---\ntitle: "Story ${n}"\n---\n${'Body text. '.repeat(n % 400)}\n`;
      await zip.add({ path: `2026/story-${n}.md`, data: text, mtime });
      files[`2026/story-${n}.md`] = new TextEncoder().encode(text);
    }
    await zip.add({ path: 'élan/grand.md', data: big, mtime });
    files['élan/grand.md'] = new TextEncoder().encode(big);
    await zip.add({ path: 'images/raw.bin', data: raw, mtime });
    files['images/raw.bin'] = raw;
    await zip.add({ path: 'images/blob.png', data: new Blob([raw.subarray(0, 1000)]), mtime });
    files['images/blob.png'] = raw.subarray(0, 1000);
    const { file } = await zip.end();
    const written = await bytes(file);

    const back = unzipSync(written);
    expect(Object.keys(back)).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) expect(Buffer.from(back[name]!).equals(Buffer.from(data)), name).toBe(true);
    expect(zip.bytes).toBe(Object.values(files).reduce((sum, data) => sum + data.length, 0));

    // The checksums and times are those an independent writer gives the same files.
    const reference = new Map(centralEntries(zipSync(files, { level: 0, mtime })).map((e) => [e.name, e]));
    for (const entry of centralEntries(written)) {
      const other = reference.get(entry.name)!;
      expect({ crc: entry.crc, size: entry.size, date: entry.date, time: entry.time }).toEqual({ crc: other.crc, size: other.size, date: other.date, time: other.time });
      // Each local header is where the directory says, with the same CRC.
      const view = new DataView(written.buffer, written.byteOffset);
      expect(view.getUint32(entry.offset, true)).toBe(0x04034b50);
      expect(view.getUint32(entry.offset + 14, true)).toBe(entry.crc);
    }
  });

  it('refuses a 65,536th file with a clear message instead of writing a broken zip', async () => {
    const zip = new StoredZipWriter(collectingSink().sink);
    for (let n = 0; n < 0xffff; n++) await zip.add({ path: `${n}.md`, data: 'x' });
    await expect(zip.add({ path: 'one-more.md', data: 'x' })).rejects.toThrow('more than 65,535 files');
  });

  it('an aborted zip is discarded', async () => {
    const { sink, chunks } = collectingSink();
    const zip = new StoredZipWriter(sink);
    await zip.add({ path: 'a.md', data: 'text '.repeat(1_000_000) });
    await zip.add({ path: 'b.md', data: 'text' });
    await zip.abort();
    expect(chunks).toEqual([]);
  });
});
