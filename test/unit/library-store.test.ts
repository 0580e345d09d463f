import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { normalize, write } from '../../src/core/frontmatter.ts';
import {
  deleteArticles, getArticle, importArticles, knownTags, listNewestSummaries, listSummaries, lookupArticle, markExported,
  readArticleBatches, restoreArticles, retagArticles, saveArticle,
} from '../../src/storage/library.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { DB_NAME, DB_VERSION, openLibrary } from '../../src/storage/library-schema.ts';
import { articleBucket } from '../../src/storage/article-buckets.ts';
import { SUMMARY_BUCKETS } from '../../src/storage/summary-buckets.ts';
import { summaryOf } from '../../src/storage/library-record.ts';
import { sampleArticle } from './ui-helpers.ts';

const T1 = new Date('2026-01-01T10:00:00Z');
const T2 = new Date('2026-01-02T10:00:00Z');
const T3 = new Date('2026-01-03T10:00:00Z');

const article = (n: number, tags: string[] = ['news']) => sampleArticle({
  link: `https://site${n % 3}.example/a/${n}`,
  title: `Article number ${n}`,
  slug: `article-number-${n}`,
  tags,
  body: `Body of article ${n}.\n`,
});

beforeEach(() => {
  // A fresh, empty browser profile for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('the library store', () => {
  it('saves an article under its link; a second save of the link updates it, keeping savedAt', async () => {
    await saveArticle(article(1, ['a']), T1);
    const again = await saveArticle({ ...article(1, ['a', 'b']), title: 'Retitled' }, T2);
    expect(again.savedAt).toBe(T1.toISOString());
    expect(again.editedAt).toBe(T2.toISOString());
    expect(await allArticles()).toHaveLength(1);
    const entry = await getArticle(article(1).link);
    expect(entry).toMatchObject({ title: 'Retitled', tags: ['a', 'b'], site: 'site1.example', savedAt: T1.toISOString(), exportedAt: null });
    expect(await lookupArticle(article(1).link)).toMatchObject({ title: 'Retitled', tags: ['a', 'b'], savedAt: T1.toISOString() });
  });

  it('stores an article as its file reads back, so an export and import give the same entry', async () => {
    const messy = { ...article(2), title: '  Two\tspaces  ', body: 'Text\n\n\n' };
    const entry = await saveArticle(messy, T1);
    expect(entry.title).toBe('Two spaces');
    expect(entry.body).toBe('Text');
    expect(write(entry)).toBe(write(messy));
    expect(normalize(entry)).toEqual(normalize(messy));
  });

  it('lists summaries newest first, without bodies', async () => {
    await saveArticle(article(1), T2);
    await saveArticle(article(2), T3);
    await saveArticle(article(3), T1);
    const list = await listSummaries();
    expect(list.map((s) => s.title)).toEqual(['Article number 2', 'Article number 1', 'Article number 3']);
    expect(list[0]).not.toHaveProperty('body');
  });

  it('ranks known tags by use through the tags index, ties alphabetically', async () => {
    await saveArticle(article(1, ['nato', 'ukraine']), T1);
    await saveArticle(article(2, ['nato', 'security']), T1);
    await saveArticle(article(3, ['ukraine', 'nato']), T1);
    await saveArticle(article(4, ['alpha']), T1);
    expect(await knownTags()).toEqual(['nato', 'ukraine', 'alpha', 'security']);
  });

  it('a write that fails part way leaves the earlier entry exactly as it was', async () => {
    const first = await saveArticle(article(1, ['kept']), T1);
    // A value structured clone cannot store: the put throws inside the transaction.
    const broken = { ...article(1, ['lost']), keywords: [() => 1] as unknown as string[] };
    await expect(saveArticle(broken, T2)).rejects.toThrow();
    expect(await getArticle(article(1).link)).toEqual(first);
    expect((await lookupArticle(article(1).link))?.tags).toEqual(['kept']);
  });

  it('deletes several articles and restores them exactly, times and exportedAt included', async () => {
    for (const n of [1, 2, 3]) await saveArticle(article(n), T1);
    await markExported([{ link: article(2).link, editedAt: T1.toISOString() }], T2);
    const before = await Promise.all([1, 2, 3].map((n) => getArticle(article(n).link)));
    const removed = await deleteArticles([article(1).link, article(2).link, 'https://not.saved/']);
    expect(removed).toHaveLength(2);
    expect((await listSummaries()).map((s) => s.link)).toEqual([article(3).link]);
    expect(await restoreArticles(removed)).toBe(2);
    const after = await Promise.all([1, 2, 3].map((n) => getArticle(article(n).link)));
    expect(after).toEqual(before);
    expect(after[1]?.exportedAt).toBe(T2.toISOString());
  });

  it('an undo never overwrites a link saved again since the delete', async () => {
    await saveArticle(article(1, ['old']), T1);
    const removed = await deleteArticles([article(1).link]);
    await saveArticle(article(1, ['new']), T2);
    expect(await restoreArticles(removed)).toBe(0);
    expect((await getArticle(article(1).link))?.tags).toEqual(['new']);
  });

  it('adds and removes a tag on many articles at once, touching only those that change', async () => {
    await saveArticle(article(1, ['a', 'b']), T1);
    await saveArticle(article(2, ['b']), T1);
    await saveArticle(article(3, ['c']), T1);
    const links = [1, 2, 3].map((n) => article(n).link);
    expect(await retagArticles(links, { add: ['z'], remove: ['b'] }, { now: T2 })).toBe(3);
    expect((await listSummaries()).map((s) => [s.title, s.tags])).toEqual(
      expect.arrayContaining([['Article number 1', ['a', 'z']], ['Article number 2', ['z']], ['Article number 3', ['c', 'z']]]),
    );
    expect(await retagArticles(links, { add: ['z'], remove: [] }, { now: T3 })).toBe(0);
    expect((await getArticle(article(1).link))?.editedAt).toBe(T2.toISOString());
  });

  it('imports new links, merges tags into saved ones, and counts duplicates', async () => {
    await saveArticle(article(1, ['mine']), T1);
    const outcome = await importArticles([
      { ...article(1, ['theirs', 'mine']), title: 'Their title' },
      article(2, ['x']),
      article(2, ['y']),
      article(3),
    ], { now: T2 });
    expect(outcome).toEqual({ added: 2, merged: 1, unchanged: 0, duplicates: 1, refused: [] });
    const one = await getArticle(article(1).link);
    expect(one).toMatchObject({ title: 'Article number 1', tags: ['mine', 'theirs'], savedAt: T1.toISOString(), editedAt: T2.toISOString() });
    expect((await getArticle(article(2).link))?.tags).toEqual(['x', 'y']);
    expect(await importArticles([article(1, ['mine'])], { now: T3 })).toEqual({ added: 0, merged: 0, unchanged: 1, duplicates: 0, refused: [] });
  });

  it('an import that fails mid-write leaves the library as before: nothing half imported', async () => {
    await saveArticle(article(1, ['mine']), T1);
    const before = await allArticles();
    // A record that passes the checks but fails while it is written, inside the transaction (the
    // disk fills up at the put of a bucket that holds it: its articles, or its summaries' text).
    const bad = article(7);
    const holdsBad = (value: unknown) => Array.isArray(value) && value.some((entry: { link?: string } | string) => (typeof entry === 'string' ? entry.includes(JSON.stringify(bad.link)) : entry.link === bad.link));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (holdsBad(value)) throw new DOMException('The disk is full.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
    try {
      await expect(importArticles([article(1, ['more']), article(5), article(6), bad, article(8)], { now: T2 })).rejects.toThrow('The disk is full.');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await allArticles()).toEqual(before);
    expect(await listSummaries()).toHaveLength(1);
  });

  it('the first screen is the newest summaries, in the list\'s order, ties included', async () => {
    expect(await listNewestSummaries(3)).toEqual([]);
    // Saved at six times, three of them at the same moment (an import saves many at once).
    const times = [T1, T2, T3, T3, T3, new Date('2026-01-04T10:00:00Z')];
    for (const [n, at] of times.entries()) await saveArticle(article(n), at);
    const all = await listSummaries();
    for (const limit of [1, 2, 3, 4, 6, 10]) expect(await listNewestSummaries(limit)).toEqual(all.slice(0, limit));
    expect((await listNewestSummaries(2)).map((s) => s.title)[0]).toBe('Article number 5');
  });

  it('the first screen is the newest summaries across every bucket, whatever order they were saved in', async () => {
    // 400 articles over the 64 buckets, saved in an order unrelated to their times, some at the
    // same instant; one saved again later (it keeps its first save's time).
    const times = Array.from({ length: 400 }, (_, n) => new Date(Date.UTC(2025, 0, 1, 0, (n * 37) % 300)));
    await importArticles(times.map((at, n) => ({ ...article(n), savedAt: at.toISOString(), editedAt: at.toISOString() })));
    await saveArticle({ ...article(123), title: 'Edited' }, T3);
    const all = await listSummaries();
    expect(all).toHaveLength(400);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.savedAt >= all[i]!.savedAt).toBe(true);
    for (const limit of [1, 7, 40, 399, 400, 500]) expect(await listNewestSummaries(limit)).toEqual(all.slice(0, limit));
    expect(all.find((s) => s.link === article(123).link)?.title).toBe('Edited');
  });

  it('reads all articles in batches, or the given links', async () => {
    for (let n = 0; n < 7; n++) await saveArticle(article(n), T1);
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const batch of readArticleBatches(null, 3)) {
      sizes.push(batch.length);
      seen.push(...batch.map((e) => e.link));
    }
    // Read by buckets (a few per batch), every article once.
    expect(sizes.length).toBeGreaterThan(1);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const some: string[] = [];
    for await (const batch of readArticleBatches([article(4).link, 'https://gone/', article(2).link], 2)) some.push(...batch.map((e) => e.title));
    expect(some).toEqual(['Article number 4', 'Article number 2']);
  });
});

describe('the version 1 upgrade', () => {
  it('keeps every version-1 article and builds the summaries', async () => {
    // The library exactly as version 1 created it.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'link' }).createIndex('savedAt', 'savedAt');
      },
    });
    const old = [1, 2].map((n) => ({ ...article(n, ['legacy', `t${n}`]), savedAt: `2025-0${n}-01T00:00:00.000Z`, editedAt: `2025-0${n}-02T00:00:00.000Z` }));
    for (const entry of old) await v1.put('articles', entry);
    v1.close();

    const db = await openLibrary();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articleBuckets', 'exports', 'images', 'summaryBuckets', 'summaryViews']);
    // Articles and summaries are kept in buckets without an index (each is work on every put).
    expect([...db.transaction('articleBuckets').store.indexNames]).toEqual([]);
    expect([...db.transaction('summaryBuckets').store.indexNames]).toEqual([]);
    expect([...db.transaction('summaryViews').store.indexNames]).toEqual([]);
    db.close();

    for (const entry of old) {
      expect(await getArticle(entry.link)).toEqual({ ...entry, site: new URL(entry.link).hostname, exportedAt: null });
    }
    expect((await listSummaries()).map((s) => s.title)).toEqual(['Article number 2', 'Article number 1']);
    expect(await knownTags()).toEqual(['legacy', 't1', 't2']);
  });
});

/** The stores versions 5 and 6 both kept: one summary per record with its two indexes, images, export marks. */
function createSharedLegacyStores(db: IDBPDatabase): void {
  const summaries = db.createObjectStore('summaries', { keyPath: 'link' });
  summaries.createIndex('savedAt', 'savedAt');
  summaries.createIndex('tags', 'tags', { multiEntry: true });
  db.createObjectStore('images', { keyPath: ['link', 'name'] }).createIndex('link', 'link');
  db.createObjectStore('exports');
}

describe('the version 5 upgrade', () => {
  it('moves every article and summary from its own record into its bucket and drops the old stores', async () => {
    // The library exactly as version 5 created it.
    const v5 = await openDB(DB_NAME, 5, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'link' });
        createSharedLegacyStores(db);
      },
    });
    const old = Array.from({ length: 600 }, (_, n) => ({ ...article(n, [`t${n % 5}`]), site: `site${n % 3}.example`, savedAt: T1.toISOString(), editedAt: T2.toISOString() }));
    for (const entry of old) {
      await v5.put('articles', entry);
      await v5.put('summaries', summaryOf(entry));
    }
    v5.close();

    const db = await openLibrary();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articleBuckets', 'exports', 'images', 'summaryBuckets', 'summaryViews']);
    const buckets = await db.getAll('articleBuckets');
    expect(await db.count('summaryBuckets')).toBe(SUMMARY_BUCKETS);
    db.close();
    // Every summary listed, newest first; the tags counted from them.
    expect(await listSummaries()).toHaveLength(600);
    expect(await knownTags()).toEqual(['t0', 't1', 't2', 't3', 't4']);
    // 600 articles in a few hundred records, each bucket in link order.
    expect(buckets.length).toBeGreaterThan(100);
    expect(buckets.length).toBeLessThanOrEqual(256);
    for (const bucket of buckets) expect(bucket.map((a) => a.link)).toEqual(bucket.map((a) => a.link).sort());
    expect(await allArticles()).toEqual([...old].sort((a, b) => (a.link < b.link ? -1 : 1)));
    for (const entry of [old[0]!, old[299]!, old[599]!]) expect(await getArticle(entry.link)).toEqual({ ...entry, exportedAt: null });
    // The moved articles are written and deleted as any other.
    await saveArticle({ ...article(7, ['t2']), title: 'Retitled' }, T3);
    expect((await getArticle(article(7).link))?.title).toBe('Retitled');
    await deleteArticles([article(8).link]);
    expect(await allArticles()).toHaveLength(599);
    expect(await listSummaries()).toHaveLength(599);
    expect((await lookupArticle(article(7).link))?.title).toBe('Retitled');
  });
});

describe('the version 6 upgrade', () => {
  it('moves every summary from its own record into its bucket, keeps the export marks, and drops the old store', async () => {
    // The library exactly as version 6 created it: articles in buckets, one summary per record.
    const v6 = await openDB(DB_NAME, 6, {
      upgrade(db) {
        createSharedLegacyStores(db);
        db.createObjectStore('articleBuckets');
      },
    });
    const old = Array.from({ length: 300 }, (_, n) => ({
      ...article(n, n % 2 === 0 ? ['even', `t${n % 3}`] : [`t${n % 3}`]), site: 'site.example',
      savedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(), editedAt: T2.toISOString(),
    }));
    const buckets = new Map<number, typeof old>();
    for (const entry of old) buckets.set(articleBucket(entry.link), [...(buckets.get(articleBucket(entry.link)) ?? []), entry]);
    for (const [bucket, entries] of buckets) await v6.put('articleBuckets', entries.sort((a, b) => (a.link < b.link ? -1 : 1)), bucket);
    for (const entry of old) {
      await v6.put('summaries', summaryOf(entry));
    }
    v6.close();

    const db = await openLibrary();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articleBuckets', 'exports', 'images', 'summaryBuckets', 'summaryViews']);
    db.close();
    const listed = await listSummaries();
    expect(listed.map((s) => s.link)).toEqual([...old].reverse().map((e) => e.link));
    expect(listed[0]).toEqual({ link: old[299]!.link, title: old[299]!.title, description: old[299]!.description, siteName: old[299]!.siteName, site: 'site.example', date: old[299]!.date, tags: old[299]!.tags, draft: old[299]!.draft, savedAt: old[299]!.savedAt, editedAt: old[299]!.editedAt, exportedAt: null, exportedVersion: null });
    expect((await listNewestSummaries(2)).map((s) => s.link)).toEqual([old[299]!.link, old[298]!.link]);
    expect((await knownTags())[0]).toBe('even');
    expect(await markExported([{ link: old[10]!.link, editedAt: old[10]!.editedAt }], T3)).toBe(1);
    expect((await lookupArticle(old[10]!.link))?.exportedAt).toBe(T3.toISOString());
  });
});

describe('the views kept beside the summaries', () => {
  it('always give the newest summaries and the tag counts that reading every summary gives', async () => {
    // A seeded run of every kind of write: saves (new and again), an import of older articles,
    // retags, deletes (of the newest too) and restores, checked against a full read after each.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const counted = (summaries: { tags: string[] }[]) => {
      const counts = new Map<string, number>();
      for (const s of summaries) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).map(([t]) => t);
    };
    let clock = Date.UTC(2026, 0, 1);
    const tick = () => new Date((clock += 60_000));
    await importArticles(Array.from({ length: 150 }, (_, n) => ({ ...article(n, [`t${n % 4}`]), savedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString() })));
    for (let step = 0; step < 40; step++) {
      const kind = random(5);
      const n = random(220);
      if (kind === 0) await saveArticle(article(n, [`t${random(9)}`, `u${random(3)}`]), tick());
      else if (kind === 1) {
        const newest = await listNewestSummaries(3);
        await deleteArticles(newest.slice(0, 1 + random(3)).map((s) => s.link));
      } else if (kind === 2) await retagArticles([article(n).link, article(random(220)).link], { add: [`r${random(4)}`], remove: [`t${random(4)}`] }, { now: tick() });
      else if (kind === 3) {
        const removed = await deleteArticles([article(n).link, article(random(220)).link]);
        if (random(2) === 0) await restoreArticles(removed);
      } else await importArticles([article(n, ['imported']), article(random(220), ['imported'])], { now: tick() });
      const all = await listSummaries();
      for (const limit of [1, 40, 100, 101]) expect(await listNewestSummaries(limit), `step ${step}, limit ${limit}`).toEqual(all.slice(0, limit));
      expect(await knownTags(), `step ${step}`).toEqual(counted(all));
    }
  });

  it('an empty library has no newest summaries and no tags; deleting every article empties them again', async () => {
    expect(await listNewestSummaries(40)).toEqual([]);
    expect(await knownTags()).toEqual([]);
    await saveArticle(article(1, ['one']), T1);
    expect(await knownTags()).toEqual(['one']);
    await deleteArticles([article(1).link]);
    expect(await listNewestSummaries(40)).toEqual([]);
    expect(await knownTags()).toEqual([]);
  });
});
