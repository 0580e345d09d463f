import { describe, expect, it } from 'vitest';
import { packBodies, unpackBodies } from '../../options/body-pack.ts';

describe('bodies packed for the way from an import worker to the page', () => {
  it('gives every body back as its UTF-8 bytes, each in a buffer of its own, whatever its characters', () => {
    const bodies = [
      'Plain text.\n\nSecond paragraph.',
      '',
      '\uFEFFA body that begins with a byte order mark',
      'Accents: é, ü, ß; CJK: 日本語の記事; emoji: 🧭🚲',
      '日本語'.repeat(5000), // three bytes a character: more than the first buffer holds
      'last',
    ];
    const articles: { body: string; bodyBytes?: Uint8Array }[] = bodies.map((body) => ({ body }));
    const packed = packBodies(articles);
    expect(articles.every((a) => a.body === '')).toBe(true);
    // What a worker posts: a copy, as structured clone or transfer gives the page.
    const received = { bytes: new Uint8Array(packed.bytes), ends: [...packed.ends] };
    unpackBodies(articles, received, true);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
    expect(articles.map((a) => a.bodyBytes ? decoder.decode(a.bodyBytes) : a.body)).toEqual(bodies);
    // The empty body stays text; the others do not share the packed buffer (storing one would store it all).
    expect(articles[1]).toEqual({ body: '' });
    expect(articles.filter((a) => a.bodyBytes).every((a) => a.bodyBytes!.byteLength === a.bodyBytes!.buffer.byteLength)).toBe(true);
  });

  it('gives every body back decoded, where the library keeps text, and finds a body that is not UTF-8', () => {
    const bodies = ['Plain.', '', '\uFEFFBOM first', 'Accents: é, 日本語 🧭', 'last'];
    const articles: { body: string; bodyBytes?: Uint8Array }[] = bodies.map((body) => ({ body }));
    const packed = packBodies(articles);
    expect(unpackBodies(articles, { bytes: new Uint8Array(packed.bytes), ends: [...packed.ends] })).toEqual([]);
    expect(articles).toEqual(bodies.map((body) => ({ body })));
    const broken = [{ body: 'a' }, { body: 'b' }];
    const bad = packBodies(broken);
    bad.bytes[1] = 0xff;
    expect(unpackBodies(broken, bad)).toEqual([1]);
    expect(broken[0]!.body).toBe('a');
  });

  it('keeps a body with a lone surrogate as it is, which UTF-8 could not carry', () => {
    const lone = 'broken \uD83D half';
    const articles: { body: string; bodyBytes?: Uint8Array }[] = [{ body: 'before' }, { body: lone }, { body: 'after' }];
    const packed = packBodies(articles);
    expect(articles[1]!.body).toBe(lone);
    unpackBodies(articles, packed, true);
    expect(articles.map((a) => a.bodyBytes ? new TextDecoder().decode(a.bodyBytes) : a.body)).toEqual(['before', lone, 'after']);
    expect(articles[1]!.bodyBytes).toBeUndefined();
  });
});
