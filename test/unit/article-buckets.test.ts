import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_BUCKETS, articleBucket } from '../../src/storage/article-buckets.ts';
import { BucketedRecords } from '../../src/storage/bucketed-records.ts';
import { deleteArticles, getArticle, importArticles, retagArticles, saveArticle } from '../../src/storage/library.ts';
import { openLibrary } from '../../src/storage/library-schema.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { sampleArticle } from './ui-helpers.ts';

const T1 = new Date('2026-01-01T10:00:00Z');
const T2 = new Date('2026-01-02T10:00:00Z');

const article = (n: number) => sampleArticle({ link: `https://news.example/2026/story-${n}`, title: `Story ${n}`, slug: `story-${n}`, tags: ['news'], body: `Body ${n}.\n` });

async function bucketRecords() {
  const db = await openLibrary();
  try {
    return await db.getAll('articleBuckets');
  } finally {
    db.close();
  }
}

/** Counts the puts made on the `articleBuckets` store while `run` runs. */
async function bucketPuts(run: () => Promise<unknown>): Promise<number> {
  const put = IDBObjectStore.prototype.put;
  let count = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'articleBuckets') count++;
    return put.call(this, value, key);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.put = put;
  }
  return count;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('articles kept in buckets', () => {
  it('spreads links over the buckets', () => {
    const used = new Set(Array.from({ length: 5000 }, (_, n) => articleBucket(article(n).link)));
    expect(used.size).toBeGreaterThan(ARTICLE_BUCKETS * 0.95);
  });

  it('an import writes each bucket once; a save writes one bucket', async () => {
    const many = Array.from({ length: 1500 }, (_, n) => article(n));
    const importPuts = await bucketPuts(() => importArticles(many, { now: T1 }));
    const records = await bucketRecords();
    expect(importPuts).toBe(records.length);
    expect(records.flat()).toHaveLength(1500);
    expect(await bucketPuts(() => saveArticle({ ...article(3), title: 'Again' }, T2))).toBe(1);
    expect((await getArticle(article(3).link))?.title).toBe('Again');
  });

  it('many changes in one bucket inside one transaction all land', async () => {
    // 1,500 articles over 256 buckets: every bucket is changed by several edits side by side.
    const many = Array.from({ length: 1500 }, (_, n) => article(n));
    await importArticles(many, { now: T1 });
    expect(await retagArticles(many.map((a) => a.link), { add: ['kept'], remove: [] }, { now: T2 })).toBe(1500);
    const all = await allArticles();
    expect(all).toHaveLength(1500);
    expect(all.every((a) => a.tags.includes('kept') && a.editedAt === T2.toISOString())).toBe(true);
  });

  it('an emptied bucket is removed, its neighbours kept', async () => {
    const one = article(1);
    const other = Array.from({ length: 40 }, (_, n) => article(n + 2)).find((a) => articleBucket(a.link) !== articleBucket(one.link))!;
    await saveArticle(one, T1);
    await saveArticle(other, T1);
    expect(await bucketRecords()).toHaveLength(2);
    await deleteArticles([one.link]);
    const left = await bucketRecords();
    expect(left).toHaveLength(1);
    expect(left[0]!.map((a) => a.link)).toEqual([other.link]);
  });
});

describe('BucketedRecords.getMany', () => {
  // An in-memory bucket store that counts its reads.
  const memoryStore = () => {
    const data = new Map<number, { link: string; n: number }[]>();
    const reads = { count: 0 };
    const store = {
      get: async (bucket: number) => { reads.count++; return data.get(bucket); },
      getAll: async () => [...data.values()],
      getAllKeys: async () => [...data.keys()],
      put: async (value: { link: string; n: number }[], bucket: number) => { data.set(bucket, value); },
      delete: async (bucket: number) => { data.delete(bucket); },
    };
    return { store, reads };
  };
  const layout = { bucketOf: (link: string) => link.length % 3, encode: (r: { link: string; n: number }[]) => r, decode: (v: { link: string; n: number }[]) => v };

  it('gives each link\'s record in the links\' order, undefined where none, reading each bucket once, with the transaction\'s own changes', async () => {
    const { store, reads } = memoryStore();
    const first = new BucketedRecords(store, layout);
    await first.putAll(['a', 'bb', 'ccc', 'dddd', 'eeeee'].map((link, n) => ({ link, n })));
    await first.flush();
    const records = new BucketedRecords(store, layout);
    await records.put({ link: 'ffffff', n: 9 });
    reads.count = 0;
    const got = await records.getMany(['eeeee', 'zz', 'a', 'ffffff', 'bb', 'a']);
    expect(got.map((r) => r?.n)).toEqual([4, undefined, 0, 9, 1, 0]);
    // Buckets 2 and 1 were not loaded yet (bucket 0 was, by the put): one read each.
    expect(reads.count).toBe(2);
  });
});
