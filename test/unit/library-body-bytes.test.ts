import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteArticles, getArticle, importArticles, readArticleBatches, restoreArticles, retagArticles, type ImportedArticle } from '../../src/storage/library.ts';
import { openLibrary } from '../../src/storage/library-schema.ts';
import { articleBucket } from '../../src/storage/article-buckets.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { sampleArticle } from './ui-helpers.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** An imported article whose body comes as bytes, as an import worker's does. */
const withBytes = (n: number, bytes: Uint8Array): ImportedArticle => ({ ...sampleArticle({ link: `https://bytes.example/${n}`, slug: `a-${n}` }), body: '', bodyBytes: bytes });

/** The body as the store holds it, read past the library's own reading. */
async function rawBody(link: string): Promise<unknown> {
  const db = await openLibrary();
  try {
    return (await db.get('articleBuckets', articleBucket(link)))?.find((entry) => entry.link === link)?.body;
  } finally {
    db.close();
  }
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('imported bodies kept as UTF-8 bytes', () => {
  it('are stored as bytes and read back as the text they encode, by every reader', async () => {
    const text = 'Accents é ü, 日本語, 🧭, and \uFEFF a BOM inside';
    const outcome = await importArticles([withBytes(1, utf8(text))], { now: NOW });
    expect(outcome.added).toBe(1);
    const stored = await rawBody('https://bytes.example/1');
    expect(stored).toBeInstanceOf(Uint8Array);
    expect((await getArticle('https://bytes.example/1'))?.body).toBe(text);
    const batches = [];
    for await (const batch of readArticleBatches(null)) batches.push(...batch);
    expect(batches.map((a) => a.body)).toEqual([text]);
    expect((await allArticles()).map((a) => a.body)).toEqual([text]);
  });

  it('are folded as a text body is (final line breaks cut), and the same article results either way', async () => {
    await importArticles([withBytes(1, utf8('Body\r\n\n\n'))], { now: NOW });
    const fromBytes = await allArticles();
    globalThis.indexedDB = new IDBFactory();
    await importArticles([{ ...withBytes(1, new Uint8Array()), bodyBytes: undefined, body: 'Body\r\n\n\n' }], { now: NOW });
    expect(fromBytes).toEqual(await allArticles());
    expect(fromBytes[0]!.body).toBe('Body');
  });

  it('stores a body given as a view of a larger buffer as its own bytes only', async () => {
    const shared = utf8('ONE-BODY|TWO-BODY');
    await importArticles([withBytes(1, shared.subarray(0, 8)), withBytes(2, shared.subarray(9))], { now: NOW });
    const stored = (await rawBody('https://bytes.example/2')) as Uint8Array;
    expect(stored.buffer.byteLength).toBe(8);
    expect((await allArticles()).map((a) => a.body)).toEqual(['ONE-BODY', 'TWO-BODY']);
  });

  it('refuses bytes that are not UTF-8, and a body given both ways, and imports the rest', async () => {
    const outcome = await importArticles([
      withBytes(1, new Uint8Array([0x42, 0xff, 0xfe])),
      withBytes(2, new Uint8Array([0xed, 0xa0, 0x80])), // an encoded surrogate
      { ...withBytes(3, utf8('bytes')), body: 'and text' },
      withBytes(4, utf8('fine')),
    ], { now: NOW });
    expect(outcome.refused).toEqual([
      { index: 0, reason: 'it is not UTF-8 text' },
      { index: 1, reason: 'it is not UTF-8 text' },
      { index: 2, reason: 'it has a body both as text and as bytes' },
    ]);
    expect((await allArticles()).map((a) => [a.link, a.body])).toEqual([['https://bytes.example/4', 'fine']]);
  });

  it('stay bytes through a retag, and a delete undone puts back exactly what was stored', async () => {
    await importArticles([withBytes(1, utf8('Text ü'))], { now: NOW });
    expect(await retagArticles(['https://bytes.example/1'], { add: ['fresh'], remove: [] })).toBe(1);
    expect(await rawBody('https://bytes.example/1')).toBeInstanceOf(Uint8Array);
    const before = await allArticles();
    expect(before[0]!.tags).toContain('fresh');
    const removed = await deleteArticles(['https://bytes.example/1']);
    expect(await allArticles()).toEqual([]);
    expect(await restoreArticles(removed)).toBe(1);
    expect(await allArticles()).toEqual(before);
    expect(await rawBody('https://bytes.example/1')).toBeInstanceOf(Uint8Array);
  });
});
