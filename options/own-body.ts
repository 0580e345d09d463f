// An imported body as a string of its own. The reader slices the body out of the file's text, and
// Firefox copies such a slice far more slowly than a string it decoded itself when the article is
// posted from the import worker to the page: in one worker's half of a 10,000-file import, cloning
// the sliced bodies took 1.3-1.8 s, the same bodies decoded on their own 10-80 ms. Chromium clones
// both alike.

// `ignoreBOM` keeps a U+FEFF that a body itself begins with (the default decoder would drop it).
const bodyDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const LF = 0x0a;
const DASH = 0x2d;

/**
 * Where the body of a file in the writer's layout lies in its bytes: after the first `\n---\n`
 * that closes the front matter, up to the final line break. Found in the bytes, not the text:
 * comparing or searching the long text costs more than the decoding saves. Null when there is no
 * such line.
 */
export function bodyRange(bytes: Uint8Array): [start: number, end: number] | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // As the reader's `indexOf('\n---\n', 4)`: past the opening `---\n`. UTF-8 never puts these
  // bytes inside a multi-byte character, so the first match here is the first in the text.
  for (let i = bom + 4; i + 4 < bytes.length; i++) {
    if (bytes[i] === LF && bytes[i + 1] === DASH && bytes[i + 2] === DASH && bytes[i + 3] === DASH && bytes[i + 4] === LF) {
      return [i + 5, bytes[bytes.length - 1] === LF ? bytes.length - 1 : bytes.length];
    }
  }
  return null;
}

/**
 * `body`, decoded again from its own bytes when they hold exactly it (every file in the writer's
 * layout); otherwise (a body the YAML reader changed) `body` as it is. Always equal to `body`.
 */
export function ownBody(body: string, bytes: Uint8Array): string {
  const range = body === '' ? null : bodyRange(bytes);
  if (range === null) return body;
  try {
    const decoded = bodyDecoder.decode(bytes.subarray(...range));
    return decoded === body ? decoded : body;
  } catch {
    return body;
  }
}
