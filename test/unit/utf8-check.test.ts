import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isUtf8 } from '../../src/core/utf8-check.ts';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('isUtf8', () => {
  it('accepts text of every length of character, and the edges of each range', () => {
    expect(isUtf8(new TextEncoder().encode('plain, é, 日本, 😀, \u0000, \uffff, \u{10ffff}'))).toBe(true);
    expect(isUtf8(new Uint8Array())).toBe(true);
    for (const ok of [[0x7f], [0xc2, 0x80], [0xdf, 0xbf], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xee, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf]]) {
      expect(isUtf8(new Uint8Array(ok)), ok.join(' ')).toBe(true);
    }
  });

  it('refuses overlong forms, surrogates, code points past U+10FFFF and cut-off sequences', () => {
    const bad = [
      [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
      [0xf0, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xff], [0xc3], [0xe6, 0x97], [0xf0, 0x9f, 0x98],
      [0x41, 0xc3, 0x41], [0xe6, 0x41, 0x97],
    ];
    for (const bytes of bad) expect(isUtf8(new Uint8Array(bytes)), bytes.join(' ')).toBe(false);
  });

  it('judges any bytes as a fatal TextDecoder does', () => {
    // Bytes near the boundaries of the encoding's ranges, where a hand-written check goes wrong.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5));
    fc.assert(fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
      const array = new Uint8Array(bytes);
      expect(isUtf8(array)).toBe(decodes(array));
    }), { numRuns: 20_000 });
    // Long ASCII runs (checked a word at a time) with bytes of any kind among them, in views that
    // start on and off a word boundary.
    fc.assert(fc.property(fc.array(fc.oneof(fc.constant(0x61), fc.constant(0x61), byte), { maxLength: 40 }), fc.nat(3), (bytes, skip) => {
      const view = new Uint8Array(bytes).subarray(Math.min(skip, bytes.length));
      expect(isUtf8(view)).toBe(decodes(view));
    }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(isUtf8(new TextEncoder().encode(text))).toBe(true);
    }));
  });
});
