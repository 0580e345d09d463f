// An imported body as a string of its own. The reader slices the body out of the file's text, and
// Firefox copies such a slice far more slowly than a string it decoded itself when the article is
// posted from the import worker to the page: in one worker's half of a 10,000-file import, cloning
// the sliced bodies took 1.3-1.8 s, the same bodies decoded on their own 10-80 ms. Chromium clones
// both alike.

const encoder = new TextEncoder();
// `ignoreBOM` keeps a U+FEFF that a body itself begins with (the default decoder would drop it).
const bodyDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Where `body` lies in the file's `bytes`, when it is the tail of the file's `text` (with or
 * without the final line break), as in every file of the writer's layout; null otherwise (a body
 * the YAML reader changed, or none).
 */
export function bodyRange(body: string, text: string, bytes: Uint8Array): [start: number, end: number] | null {
  if (body === '') return null;
  const tail = text.endsWith(body) ? 0 : text.endsWith(`${body}\n`) ? 1 : -1;
  if (tail === -1) return null;
  // The text was decoded from these bytes (a leading byte order mark dropped), so the head's
  // UTF-8 length is where the body's bytes begin.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const start = bom + encoder.encode(text.slice(0, text.length - body.length - tail)).length;
  return [start, bytes.length - tail];
}

/** `body`, decoded again from its own bytes where `bodyRange` finds them; always equal to `body`. */
export function ownBody(body: string, text: string, bytes: Uint8Array): string {
  const range = bodyRange(body, text, bytes);
  if (range === null) return body;
  try {
    const decoded = bodyDecoder.decode(bytes.subarray(...range));
    return decoded === body ? decoded : body;
  } catch {
    return body;
  }
}
