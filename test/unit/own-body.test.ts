import { describe, expect, it } from 'vitest';
import { parse, write } from '../../src/core/frontmatter.ts';
import { parseWritten } from '../../src/core/frontmatter-fast.ts';
import { bodyRange, ownBody } from '../../options/own-body.ts';

const file = (body: string, title = 'Ünïcödé — “title” 😀') => write({
  title, date: '2026-01-06', description: 'Café', summary: 'Café', slug: 't', image: '', link: 'https://x.example/é', source: '',
  categories: [], tags: ['zürich'], draft: false, body,
});
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('an imported body decoded from its own bytes', () => {
  it('finds the body\'s bytes after a head with multi-byte characters, with or without a byte order mark', () => {
    for (const body of ['Body with é and 😀\n\nand a second paragraph', '\ufeffA body that starts with a BOM character', 'x']) {
      const text = file(body);
      for (const bytes of [new TextEncoder().encode(text), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])]) {
        const decoded = new TextDecoder().decode(bytes);
        const read = parseWritten(decoded)!;
        expect(read.body).toBe(body);
        const range = bodyRange(bytes);
        expect(range).not.toBeNull();
        expect(decode(bytes.subarray(...range!))).toBe(body);
        expect(ownBody(read.body, bytes)).toBe(body);
      }
    }
  });

  it('leaves a body the bytes do not hold exactly, or an empty one, as it is', () => {
    const text = file('Body\r\nwith a CRLF').replace(/\n/g, '\r\n');
    const bytes = new TextEncoder().encode(text);
    const read = parse(text);
    expect(bodyRange(bytes)).toBeNull();
    expect(ownBody(read.body, bytes)).toBe(read.body);
    // A body the reader changed (here: no final line break in the file, and a trailing newline
    // the writer trims) is kept as read.
    const trimmed = new TextEncoder().encode(`${file('Body').slice(0, -1)}\n\n\n`);
    expect(ownBody('Body', trimmed)).toBe('Body');
    const empty = file('');
    expect(ownBody('', new TextEncoder().encode(empty))).toBe('');
  });
});
