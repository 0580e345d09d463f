import { createDeflateRaw, crc32 } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { write } from '../../../src/core/frontmatter.ts';
import type { ArticleFile } from '../../../src/core/article.ts';

/** A valid article file for `n`, as the library exports them. */
export function articleFile(n: number, extra: Partial<ArticleFile> = {}): string {
  return write({
    title: `Imported story ${n}`,
    date: '2025-05-05',
    description: `Imported story ${n}, about the harbour.`,
    summary: `Imported story ${n}, about the harbour.`,
    slug: `imported-story-${n}`,
    image: '',
    link: `https://harbour.example/imported/${n}`,
    source: 'https://harbour.example/',
    categories: ['harbour.example'],
    tags: ['imported'],
    draft: false,
    body: `Story ${n} was imported from a file.`,
    ...extra,
  });
}

/** A zip of `count` valid article files. */
export function articleZip(count: number, first = 1): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let n = first; n < first + count; n++) files[`imported-story-${n}.md`] = strToU8(articleFile(n));
  return zipSync(files, { level: 1 });
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/**
 * A zip bomb: one entry, `name`, that is a valid article file whose body is `bodyBytes` spaces,
 * deflated to a few hundred kilobytes. The header states the true size and CRC, as a real
 * exporter would write them, so only the size itself is hostile; or it lies (`declaredSize`).
 */
export async function zipBomb(name: string, bodyBytes: number, declaredSize?: number): Promise<Buffer> {
  const head = Buffer.from(articleFile(9999, { title: 'A very large import', body: '' }).replace(/\n$/, '\n'));
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  let crc = crc32(head);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  deflate.write(head);
  for (let left = bodyBytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const size = declaredSize ?? head.length + bodyBytes;
  const fileName = Buffer.from(name);
  const local = Buffer.concat([
    u32(0x04034b50), u16(20), u16(0), u16(8), u16(0), u16(0), u32(crc), u32(data.length), u32(size), u16(fileName.length), u16(0), fileName,
  ]);
  const central = Buffer.concat([
    u32(0x02014b50), u16(20), u16(20), u16(0), u16(8), u16(0), u16(0), u32(crc), u32(data.length), u32(size),
    u16(fileName.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), fileName,
  ]);
  const end = Buffer.concat([
    u32(0x06054b50), u16(0), u16(0), u16(1), u16(1), u32(central.length), u32(local.length + data.length), u16(0),
  ]);
  return Buffer.concat([local, data, central, end]);
}
