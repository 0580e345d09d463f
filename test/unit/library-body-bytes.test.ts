import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { articleOfRecord, deleteArticles, getArticle, importArticles, readArticleBatches, restoreArticles, retagArticles, type ImportedArticle } from '../../src/storage/library.ts';
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
    // An export's reading gives the record as stored; its text is the same.
    const batches = [];
    for await (const batch of readArticleBatches(null)) batches.push(...batch);
    expect(batches.map((a) => a.body)).toEqual([utf8(text)]);
    expect(batches.map((a) => articleOfRecord(a).body)).toEqual([text]);
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

describe('an export of bodies kept as bytes', () => {
  /** Articles with bodies of every kind of character, some empty, some with a picture kept. */
  const articles = () => Array.from({ length: 30 }, (_, i) => sampleArticle({
    link: `https://site${i % 3}.example/story/${i}`,
    slug: i % 7 === 0 ? 'same-name' : `story-${i}`,
    body: i % 10 === 9 ? '' : `Paragraph ${i}: Über die Brücke — 日本語 😀 ${'text '.repeat(i)}\n\n![a picture](https://img.example/${i}.png)`,
  }));
  const asText = (list: ReturnType<typeof articles>): ImportedArticle[] => list.map((a) => ({ ...a, savedAt: NOW.toISOString(), editedAt: NOW.toISOString() }));
  const asBytes = (list: ReturnType<typeof articles>): ImportedArticle[] => asText(list).map((a) => ({ ...a, body: '', bodyBytes: utf8(a.body) }));

  /** The zip files an export of the whole library makes, one writer and in two parts, stored and deflated. */
  async function zips(): Promise<Uint8Array[]> {
    const { buildExportZip } = await import('../../options/library-export.ts');
    const { buildExportInParts, localPart } = await import('../../options/export-parallel.ts');
    const { memoryZipSink } = await import('../../options/zip-sink.ts');
    const { readArticleImages, saveArticleImages } = await import('../../src/storage/library.ts');
    await saveArticleImages('https://site1.example/story/4', [{ name: 'a.png', src: 'https://img.example/4.png', url: 'https://img.example/4.png', type: 'image/png', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]) }]);
    const out: Uint8Array[] = [];
    for (const compression of ['store', 'deflate'] as const) {
      for (const layout of ['flat', 'bundles'] as const) {
        const result = await buildExportZip({ batches: readArticleBatches(null, 7), template: '{slug}.md', layout, sink: memoryZipSink(), compression, readImages: readArticleImages });
        out.push(new Uint8Array(await result.file.arrayBuffer()));
      }
    }
    const runners = [0, 1].map((index) => localPart({ links: null, template: '{slug}.md', layout: 'flat' }, { index, of: 2 }, readArticleBatches, readArticleImages));
    out.push(new Uint8Array(await (await buildExportInParts(runners, 'flat')).file.arrayBuffer()));
    return out;
  }

  it('makes byte for byte the zips the same articles kept as text make', async () => {
    await importArticles(asBytes(articles()), { now: NOW });
    expect(await rawBody('https://site0.example/story/0')).toBeInstanceOf(Uint8Array);
    const fromBytes = await zips();
    globalThis.indexedDB = new IDBFactory();
    await importArticles(asText(articles()), { now: NOW });
    expect(typeof await rawBody('https://site0.example/story/0')).toBe('string');
    const fromText = await zips();
    expect(fromBytes.length).toBe(5);
    fromBytes.forEach((zip, i) => expect(Buffer.compare(Buffer.from(zip), Buffer.from(fromText[i]!)), `zip ${i}`).toBe(0));
  });
});
