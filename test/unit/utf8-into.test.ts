import { describe, expect, it } from 'vitest';
import { encodeUtf8Into } from '../../options/utf8-into.ts';

const encoded = (text: string, at = 0) => {
  const target = new Uint8Array(at + text.length * 3);
  const written = encodeUtf8Into(text, target, at);
  return target.subarray(at, at + written);
};

describe('encodeUtf8Into', () => {
  it('writes what TextEncoder writes: one- to four-byte characters, at any offset', () => {
    for (const text of ['', 'plain ASCII', 'Grüße, ½ and ß', 'Привет', '日本語のテキスト', '😀 and 𝔘𝔫𝔦', '\u007f\u0080\u07ff\u0800\uffff', 'a\u{10ffff}z']) {
      expect(encoded(text, 5)).toEqual(new TextEncoder().encode(text));
    }
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    for (const text of ['a\ud800b', '\udc00', 'end\ud83d', '\ude00\ud83d', '\ud83d\ud83d\ude00']) {
      expect(encoded(text)).toEqual(new TextEncoder().encode(text));
    }
  });

  it('agrees with TextEncoder on every UTF-16 code unit', () => {
    const units = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('');
    expect(encoded(units)).toEqual(new TextEncoder().encode(units));
  });
});
