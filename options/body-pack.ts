// The bodies of an import worker's articles cross to the page as one UTF-8 buffer, transferred
// (not copied), and are decoded there, or (in Firefox) cut into one buffer a body that the
// library stores as it is. Posted as strings, they cost Chromium's page about a second per worker
// of 5,000 files to receive (structured clone, measured with `npm run bench:library`), and Firefox
// copied bodies sliced out of their file's text far more slowly than strings of their own. A body
// the worker kept as its file's bytes goes in as it is, and the page's decoding (or the library,
// for bytes) is then the check that it is UTF-8. Written here because structured clone has no
// cheaper form for many bodies and no library packs them.

import type { ImportReading } from './library-import.ts';
import { isWellFormed } from '../src/core/fold.ts';
import { NOT_UTF8 } from '../src/core/utf8-check.ts';

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
 * Gives the articles `packBodies` emptied their bodies back, in the same order: as UTF-8 bytes
 * (`bodyBytes`, each in a buffer of its own; an empty body stays `''`) with `asBytes`, for the
 * library to store as they are (it checks that they are UTF-8: library-record.ts says where that
 * is faster), else decoded. Returns the places of the articles whose body is not UTF-8 (a file's
 * bytes, not checked before), found by the decoding: their body is left `''`, for the caller to
 * report them.
 */
export function unpackBodies(articles: readonly { body: string; bodyBytes?: Uint8Array }[], packed: PackedBodies, asBytes = false): number[] {
  // `ignoreBOM` keeps a U+FEFF that a body itself begins with (the default decoder drops it).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  const broken: number[] = [];
  let start = 0;
  articles.forEach((article, i) => {
    const end = packed.ends[i] ?? -1;
    if (end < 0) return;
    if (asBytes) {
      if (end > start) article.bodyBytes = packed.bytes.slice(start, end);
    } else {
      try {
        article.body = decoder.decode(packed.bytes.subarray(start, end));
      } catch {
        broken.push(i);
      }
    }
    start = end;
  });
  return broken;
}

/**
 * A worker's reading with the bodies it packed given back (`unpackBodies`); an article whose body
 * the decoding finds is not UTF-8 is taken out and listed with the files not imported, as the
 * worker would have listed its file (with `asBytes`, the library finds and lists it).
 */
export function unpackReading(reading: ImportReading, packed: PackedBodies, asBytes = false): ImportReading {
  const broken = new Set(unpackBodies(reading.articles, packed, asBytes));
  if (broken.size === 0) return reading;
  const notText = reading.articles.filter((_, i) => broken.has(i)).map((a) => ({ name: a.from, reason: NOT_UTF8 }));
  return { ...reading, articles: reading.articles.filter((_, i) => !broken.has(i)), invalid: [...reading.invalid, ...notText] };
}
