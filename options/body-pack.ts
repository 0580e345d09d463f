// The bodies of an import worker's articles cross to the page as one UTF-8 buffer, transferred
// (not copied), and are cut into one buffer a body there, never decoded: the library stores
// them as bytes. Posted as strings, they cost Chromium's page about a second per worker of 5,000
// files to receive (structured clone, measured with `npm run bench:library`), and Firefox copied
// bodies sliced out of their file's text far more slowly than strings of their own; posted as
// 5,000 buffers each, they would be 5,000 transfers. A body the worker kept as its file's bytes
// goes in as it is. Written here because structured clone has no cheaper form for many bodies
// and no library packs them.

import type { ImportReading } from './library-import.ts';
import { isWellFormed } from '../src/core/fold.ts';

/** Where each article's body ends in `bytes` (its start is the previous end); -1: kept as a string. */
export interface PackedBodies {
  bytes: Uint8Array;
  ends: number[];
}

/**
 * Takes every body out of `articles` (each left `''`) into one buffer: a body still in its file's
 * bytes (`bodyBytes`, taken out too) as they are, a text body encoded. A text body that is not
 * well-formed UTF-16 (a lone surrogate, which UTF-8 cannot carry) stays in place.
 */
export function packBodies(articles: readonly { body: string; bodyBytes?: Uint8Array }[]): PackedBodies {
  const encoder = new TextEncoder();
  const size = (a: { body: string; bodyBytes?: Uint8Array }) => a.bodyBytes?.length ?? a.body.length;
  let bytes = new Uint8Array(Math.max(1024, articles.reduce((n, a) => n + size(a), 0) + 1024));
  let at = 0;
  const ends: number[] = [];
  for (const article of articles) {
    if (article.bodyBytes) {
      // Room was made for every byte body up front, and text bodies that outgrew it grew it since.
      if (at + article.bodyBytes.length > bytes.length) bytes = grown(bytes, at, article.bodyBytes.length);
      bytes.set(article.bodyBytes, at);
      at += article.bodyBytes.length;
      ends.push(at);
      delete article.bodyBytes;
      continue;
    }
    if (!isWellFormed(article.body)) {
      ends.push(-1);
      continue;
    }
    for (;;) {
      const { read, written } = encoder.encodeInto(article.body, bytes.subarray(at));
      if (read === article.body.length) {
        at += written;
        break;
      }
      // Not enough room (bodies with characters beyond ASCII take more bytes than characters).
      bytes = grown(bytes, at, article.body.length * 3);
    }
    ends.push(at);
    article.body = '';
  }
  return { bytes: bytes.subarray(0, at), ends };
}

/** A copy of `bytes` with its first `used` bytes, and room for at least `more` after them. */
function grown(bytes: Uint8Array, used: number, more: number): Uint8Array<ArrayBuffer> {
  const larger = new Uint8Array(Math.max(bytes.length * 2, used + more));
  larger.set(bytes.subarray(0, used));
  return larger;
}

/**
 * Gives the articles `packBodies` emptied their bodies back, in the same order, as UTF-8 bytes
 * (`bodyBytes`, each in a buffer of its own), not decoded: the library stores an imported body as
 * its bytes, and checks that they are UTF-8 as it does (library-record.ts says why). An empty body
 * stays `''`.
 */
export function unpackBodies(articles: readonly { body: string; bodyBytes?: Uint8Array }[], packed: PackedBodies): void {
  let start = 0;
  articles.forEach((article, i) => {
    const end = packed.ends[i] ?? -1;
    if (end < 0) return;
    if (end > start) article.bodyBytes = packed.bytes.slice(start, end);
    start = end;
  });
}

/** A worker's reading with the bodies it packed given back (`unpackBodies`). */
export function unpackReading(reading: ImportReading, packed: PackedBodies): ImportReading {
  unpackBodies(reading.articles, packed);
  return reading;
}
