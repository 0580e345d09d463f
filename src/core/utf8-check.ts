/** Why a file (or an imported body) that is not UTF-8 is not imported. */
export const NOT_UTF8 = 'it is not UTF-8 text';

/**
 * Whether `bytes` are well-formed UTF-8, exactly as a fatal `TextDecoder` judges them (no
 * overlong forms, no encoded surrogates, nothing above U+10FFFF, no cut-off sequence).
 *
 * Written by hand because browsers offer no check that does not decode: a fatal `TextDecoder`
 * builds the whole text, which Firefox holds two bytes a character, and checking an import's
 * 86 MB of bodies that way is what keeping them as bytes saves (library-record.ts).
 */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  // Runs of ASCII are skipped four bytes at a time where the bytes start on a word boundary.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, n >>> 2) : null;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      if (words !== null && (i & 3) === 0) {
        let w = i >>> 2;
        while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
        i = Math.max(i + 1, w << 2);
      } else i++;
      continue;
    }
    // The range the second byte may take, and how many bytes follow the lead (Unicode's table 3-7).
    let low = 0x80;
    let high = 0xbf;
    let follow: number;
    if (lead >= 0xc2 && lead <= 0xdf) follow = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      follow = 2;
      if (lead === 0xe0) low = 0xa0; // not overlong
      else if (lead === 0xed) high = 0x9f; // not a surrogate
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      follow = 3;
      if (lead === 0xf0) low = 0x90; // not overlong
      else if (lead === 0xf4) high = 0x8f; // not above U+10FFFF
    } else return false;
    if (i + follow >= n) return false;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return false;
    for (let k = 2; k <= follow; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += follow + 1;
  }
  return true;
}
