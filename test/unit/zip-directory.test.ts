import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readZipDirectory, readZipPieces, unpackEntry, zipDirectoryOf } from '../../options/zip-directory.ts';
import { zipView } from '../../options/zip-view.ts';

const name = fc.oneof(fc.constantFrom('a.md', 'dir/', 'dir/b.md', 'ünï/日本.md', 'x y.html', '__MACOSX/._a.md'), fc.string({ minLength: 1, maxLength: 12 }).map((s) => `${s.replace(/\//g, '_')}.md`));
const content = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 400 }).map((s) => strToU8(s.repeat(3))));
const entries = fc.uniqueArray(fc.tuple(name, content, fc.constantFrom(0, 1, 6, 9)), { selector: ([n]) => n, minLength: 0, maxLength: 12 });

const zipOf = (files: readonly [string, Uint8Array, number][]): Uint8Array<ArrayBuffer> => {
  const zippable: Zippable = {};
  for (const [n, bytes, level] of files) zippable[n] = [bytes, { level: level as 0 | 1 | 6 | 9 }];
  return zipSync(zippable);
};

/** What fflate lists of a zip: names and sizes in the directory's order. */
const fflateListing = (zip: Uint8Array) => {
  const out: { name: string; originalSize: number }[] = [];
  unzipSync(zip, { filter: ({ name: n, originalSize }) => (out.push({ name: n, originalSize }), false) });
  return out;
};

/** A blob that counts the bytes read out of it. */
function countingBlob(bytes: Uint8Array<ArrayBuffer>): { blob: Blob; read: () => number } {
  let read = 0;
  const wrap = (blob: Blob): Blob => new Proxy(blob, {
    get(target, key) {
      if (key === 'slice') return (...args: Parameters<Blob['slice']>) => wrap(target.slice(...args));
      if (key === 'arrayBuffer') return () => (read += target.size, target.arrayBuffer());
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { blob: wrap(new Blob([bytes])), read: () => read };
}

describe('the zip directory reader', () => {
  it('lists and unpacks every zip fflate writes as fflate does, from memory and from a blob', async () => {
    await fc.assert(fc.asyncProperty(entries, async (files) => {
      const zip = zipOf(files);
      const directory = zipDirectoryOf(zip)!;
      expect(directory.entries.map(({ name: n, originalSize }) => ({ name: n, originalSize }))).toEqual(fflateListing(zip));
      expect(await readZipDirectory(new Blob([zip]))).toEqual(directory);
      const whole = unzipSync(zip);
      for (const entry of directory.entries) expect(unpackEntry([{ from: 0, bytes: zip }], entry)).toEqual(whole[entry.name]);
    }), { numRuns: 300 });
  });

  it('reads only the stretches of a file that hold the entries asked for, and unpacks just those', async () => {
    await fc.assert(fc.asyncProperty(entries, fc.func(fc.boolean()), async (files, wanted) => {
      const zip = zipOf(files);
      const { blob } = countingBlob(zip);
      const directory = (await readZipDirectory(blob))!;
      const asked = directory.entries.filter((entry) => wanted(entry.name));
      const pieces = await readZipPieces(blob, directory, asked);
      const whole = unzipSync(zip);
      for (const entry of directory.entries) {
        if (asked.includes(entry)) expect(unpackEntry(pieces, entry)).toEqual(whole[entry.name]);
        else expect(() => unpackEntry(pieces, entry)).toThrow('was not read');
      }
    }), { numRuns: 300 });
  });

  it('reads half of a large zip for half of its entries', async () => {
    // Bytes that do not compress, as a zip of many articles is mostly its entries' data.
    let seed = 7;
    const noise = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const files = Array.from({ length: 200 }, (_, i) => [`${i}.md`, Uint8Array.from({ length: 2000 }, noise), 1] as [string, Uint8Array, number]);
    expect(zipOf(files).length).toBeGreaterThan(400_000);
    const zip = zipOf(files);
    const { blob, read } = countingBlob(zip);
    const directory = (await readZipDirectory(blob))!;
    const directoryRead = read();
    expect(directoryRead).toBeLessThan(70_000); // the end record's tail, which holds this directory
    const pieces = await readZipPieces(blob, directory, directory.entries.slice(100));
    expect(pieces).toHaveLength(1);
    expect(read() - directoryRead).toBeGreaterThan(zip.length * 0.4);
    expect(read() - directoryRead).toBeLessThan(zip.length * 0.6);
  });

  it('finds the end record behind a comment that holds its signature', () => {
    const zip = zipOf([['a.md', strToU8('text'), 6]]);
    const comment = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(30).fill(0x20)]);
    const withComment = new Uint8Array([...zip, ...comment]);
    new DataView(withComment.buffer).setUint16(zip.length - 2, comment.length, true);
    const directory = zipDirectoryOf(withComment)!;
    expect(directory.entries.map((e) => e.name)).toEqual(['a.md']);
    expect(new TextDecoder().decode(unpackEntry([{ from: 0, bytes: withComment }], directory.entries[0]!))).toBe('text');
  });

  it('declines what it does not read (the caller then reads the file whole with fflate)', () => {
    const zip = zipOf([['a.md', strToU8('text'), 6]]);
    const cd = new DataView(zip.buffer).getUint32(zip.length - 6, true);
    expect(zipDirectoryOf(strToU8('not a zip at all, just text that goes on for a while'))).toBeNull();
    expect(zipDirectoryOf(zip.subarray(0, zip.length - 3))).toBeNull(); // cut short
    const encrypted = zip.slice();
    new DataView(encrypted.buffer).setUint16(cd + 8, 1, true);
    expect(zipDirectoryOf(encrypted)).toBeNull();
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint32(cd + 24, 0xffffffff, true);
    expect(zipDirectoryOf(zip64)).toBeNull();
    const pastEnd = zip.slice();
    new DataView(pastEnd.buffer).setUint32(pastEnd.length - 6, zip.length, true);
    expect(zipDirectoryOf(pastEnd)).toBeNull();
  });

  it('refuses an entry whose method it does not know, or whose header is not where the directory says', () => {
    const zip = zipOf([['a.md', strToU8('text'), 0], ['b.md', strToU8('more'), 0]]);
    const [a, b] = zipDirectoryOf(zip)!.entries;
    expect(() => unpackEntry([{ from: 0, bytes: zip }], { ...a!, method: 12 })).toThrow('unknown compression type 12');
    expect(() => unpackEntry([{ from: 0, bytes: zip }], { ...b!, offset: b!.offset + 1 })).toThrow('no local header');
  });

  it('loses only the entry whose data is damaged', () => {
    const zip = zipOf([['a.md', strToU8('first '.repeat(50)), 6], ['b.md', strToU8('second '.repeat(50)), 6]]);
    const a = zipDirectoryOf(zip)!.entries[0]!;
    const damaged = zip.slice();
    damaged[a.offset + 30 + 'a.md'.length] = 0xff; // the first deflate block's header: a block type that does not exist
    const files = zipView(damaged).unpack(() => true);
    expect(files.get('a.md')).toBeInstanceOf(Error);
    expect(new TextDecoder().decode(files.get('b.md') as Uint8Array)).toBe('second '.repeat(50));
  });
});
