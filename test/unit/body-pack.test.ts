import { describe, expect, it } from 'vitest';
import { packBodies, unpackBodies } from '../../options/body-pack.ts';

describe('bodies packed for the way from an import worker to the page', () => {
  it('gives every body back exactly, whatever its characters, and leaves the packed articles empty', () => {
    const bodies = [
      'Plain text.\n\nSecond paragraph.',
      '',
      '\uFEFFA body that begins with a byte order mark',
      'Accents: é, ü, ß; CJK: 日本語の記事; emoji: 🧭🚲',
      '日本語'.repeat(5000), // three bytes a character: more than the first buffer holds
      'last',
    ];
    const articles = bodies.map((body) => ({ body }));
    const packed = packBodies(articles);
    expect(articles.every((a) => a.body === '')).toBe(true);
    // What a worker posts: a copy, as structured clone or transfer gives the page.
    const received = { bytes: new Uint8Array(packed.bytes), ends: [...packed.ends] };
    unpackBodies(articles, received);
    expect(articles.map((a) => a.body)).toEqual(bodies);
  });

  it('keeps a body with a lone surrogate as it is, which UTF-8 could not carry', () => {
    const lone = 'broken \uD83D half';
    const articles = [{ body: 'before' }, { body: lone }, { body: 'after' }];
    const packed = packBodies(articles);
    expect(articles[1]!.body).toBe(lone);
    unpackBodies(articles, packed);
    expect(articles.map((a) => a.body)).toEqual(['before', lone, 'after']);
  });
});
