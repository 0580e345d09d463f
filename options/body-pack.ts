// The bodies of an import worker's articles cross to the page as one UTF-8 buffer, transferred
// (not copied), and are decoded there. Posted as strings, they cost Chromium's page about a
// second per worker of 5,000 files to receive (structured clone, measured with `npm run
// bench:library`), and Firefox copied bodies sliced out of their file's text far more slowly than
// strings of their own. Written here because structured clone has no cheaper form for many
// strings and no library packs them.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `String.prototype.isWellFormed` (ES2024), with the same test by hand where it is missing. */
function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(text) : !LONE_SURROGATE.test(text);
}

/** Where each article's body ends in `bytes` (its start is the previous end); -1: kept as a string. */
export interface PackedBodies {
  bytes: Uint8Array;
  ends: number[];
}

/**
 * Takes every body out of `articles` (each left `''`) into one buffer; a body that is not
 * well-formed UTF-16 (a lone surrogate, which UTF-8 cannot carry) stays in place.
 */
export function packBodies(articles: readonly { body: string }[]): PackedBodies {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(Math.max(1024, articles.reduce((n, a) => n + a.body.length, 0) + 1024));
  let at = 0;
  const ends: number[] = [];
  for (const article of articles) {
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
      const larger = new Uint8Array(Math.max(bytes.length * 2, at + article.body.length * 3));
      larger.set(bytes.subarray(0, at));
      bytes = larger;
    }
    ends.push(at);
    article.body = '';
  }
  return { bytes: bytes.subarray(0, at), ends };
}

/** Puts the bodies `packBodies` took back into the same articles, in the same order. */
export function unpackBodies(articles: readonly { body: string }[], packed: PackedBodies): void {
  // `ignoreBOM` keeps a U+FEFF that a body itself begins with (the default decoder drops it).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let start = 0;
  articles.forEach((article, i) => {
    const end = packed.ends[i] ?? -1;
    if (end < 0) return;
    article.body = decoder.decode(packed.bytes.subarray(start, end));
    start = end;
  });
}
