// Draws the toolbar and store icons (icons/icon-N.png): a blue rounded square holding a white page
// with a folded corner and three text lines. Run with `npm run icons`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

type Rgba = [number, number, number, number];

const BLUE: Rgba = [37, 99, 235, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const FOLD: Rgba = [191, 219, 254, 255];
const LINE: Rgba = [30, 64, 175, 255];

/** Which colour covers a point of the unit square (0..1 both ways), or null for transparent. */
function colourAt(x: number, y: number): Rgba | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const [left, right, top, bottom, fold] = [0.26, 0.74, 0.16, 0.84, 0.16];
  if (x >= left && x <= right && y >= top && y <= bottom) {
    const fx = x - (right - fold);
    const fy = y - top;
    if (fx > 0 && fy < fold) {
      if (fx > fy) return BLUE; // cut away beyond the fold
      return FOLD;
    }
    for (const lineY of [0.42, 0.55, 0.68]) {
      const end = lineY === 0.68 ? 0.56 : 0.66;
      if (y >= lineY && y <= lineY + 0.055 && x >= 0.34 && x <= end) return LINE;
    }
    return WHITE;
  }
  return BLUE;
}

/** RGBA pixels with 4x4 supersampling, so small sizes stay smooth. */
function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) sum[k]! += c[k]! * c[3];
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]! / (n * n);
      const at = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) pixels[at + k] = sum[3] ? Math.round(sum[k]! / sum[3]!) : 0;
      pixels[at + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of 8-bit RGBA rows, each prefixed with filter type 0. */
export function png(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = resolve(import.meta.dirname, '..', 'icons');
await mkdir(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await writeFile(join(out, `icon-${size}.png`), png(size, render(size)));
}
console.log(`Wrote icons/icon-{16,32,48,128}.png`);
