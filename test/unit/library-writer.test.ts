import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/core/article.ts';
import {
  deleteArticles, exportedSinceChange, getArticle, importArticles, listSummaries, lookupArticle, markExported, restoreArticles, retagArticles,
  saveArticle,
} from '../../src/storage/library.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { DB_NAME, DB_VERSION, openLibrary } from '../../src/storage/library-schema.ts';
import { sampleArticle } from './ui-helpers.ts';

// The worker's handlers read settings through the polyfill; saving needs none of it.
vi.mock('webextension-polyfill', () => ({ default: { storage: { sync: { get: async () => ({}) } } } }));
const { handlers } = await import('../../src/background/handlers.ts');

const T1 = new Date('2026-01-01T10:00:00Z');
const T2 = new Date('2026-01-02T10:00:00Z');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const base = (n: number, over: Partial<Article> = {}): Article => sampleArticle({ link: `https://site.example/a/${n}`, title: `Article ${n}`, slug: `article-${n}`, ...over });

/** Records as a page bug, an old version or a hand-made file could give them. */
const RECORDS: [string, unknown][] = [
  ['a whole article', base(1)],
  ['tags in any case', base(2, { tags: ['NATO', ' Nato ', 'Climate  Change', ''] })],
  ['a page opened from disk', base(3, { link: 'file:///home/me/page.html' })],
  ['a day that does not exist', base(4, { date: '2026-02-31' })],
  ['a date that is no day', base(5, { date: '6 Jan 2026' })],
  ['a script link', base(6, { link: 'javascript:alert(1)' })],
  ['a data link', base(7, { link: 'data:text/html,<p>x</p>' })],
  ['tags that are not strings', { ...base(8), tags: [1, 2] }],
  ['an unknown date source', { ...base(9), dateSource: 'guess' }],
  ['no body', (({ body: _b, ...rest }) => rest)(base(10))],
];

describe('one set of rules for every write', () => {
  it('the worker (Save) and the library page (Import) refuse and accept the same records, and store them alike', async () => {
    const byWorker = new Map<string, string | null>();
    for (const [name, record] of RECORDS) {
      const reply = await handlers.save({ article: record as Article });
      byWorker.set(name, reply.ok ? null : reply.message.replace(/^Frontclip got an invalid article: /, '').replace(/\.$/, ''));
    }
    const savedByWorker = await allArticles();
    globalThis.indexedDB = new IDBFactory();
    const outcome = await importArticles(RECORDS.map(([, record]) => record as Article), { now: T1 });
    const byPage = new Map<string, string | null>(RECORDS.map(([name], i) => [name, outcome.refused.find((r) => r.index === i)?.reason ?? null]));
    expect(byPage).toEqual(byWorker);
    expect([...byWorker].filter(([, reason]) => reason === null).map(([name]) => name)).toEqual(['a whole article', 'tags in any case', 'a page opened from disk']);
    expect(byWorker.get('a day that does not exist')).toBe('its date 2026-02-31 is not a day of the calendar');
    expect(byWorker.get('a script link')).toBe('its link "javascript:alert(1)" is not a web address');
    const savedByPage = await allArticles();
    const fields = (list: typeof savedByPage) => list.map(({ savedAt: _s, editedAt: _e, dateSource: _d, ...rest }) => rest).sort((a, b) => (a.link < b.link ? -1 : 1));
    expect(fields(savedByPage)).toEqual(fields(savedByWorker));
    expect((await lookupArticle('https://site.example/a/2'))?.tags).toEqual(['nato', 'climate change']);
  });

  it('a bulk edit gives tags the same identity: the Tag menu never shows NATO beside nato', async () => {
    await saveArticle(base(1, { tags: ['nato'] }), T1);
    await saveArticle(base(2, { tags: [] }), T1);
    expect(await retagArticles(['https://site.example/a/1', 'https://site.example/a/2'], { add: ['NATO'], remove: [] }, { now: T2 })).toBe(1);
    expect((await listSummaries()).map((s) => s.tags)).toEqual([['nato'], ['nato']]);
    expect(await retagArticles(['https://site.example/a/1'], { add: [], remove: ['Nato'] }, { now: T2 })).toBe(1);
  });

  it('a cancelled import writes nothing, even part way through its transaction', async () => {
    await saveArticle(base(0), T1);
    const before = await allArticles();
    const controller = new AbortController();
    const many = Array.from({ length: 300 }, (_, n) => base(n + 1));
    const seen: number[] = [];
    const importing = importArticles(many, {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 100) controller.abort();
      },
    });
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen[0]).toBe(100);
    expect(await allArticles()).toEqual(before);
  });

  it('marks an article exported only for the version that was written', async () => {
    const first = await saveArticle(base(1), T1);
    // Edited while the export ran: the zip holds the first version, the library the second.
    await saveArticle(base(1, { title: 'Retitled' }), T2);
    expect(await markExported([{ link: first.link, editedAt: first.editedAt }], T2)).toBe(0);
    const summary = (await lookupArticle(first.link))!;
    expect(summary.exportedAt).toBeNull();
    expect(exportedSinceChange(summary)).toBe(false);
    expect(await markExported([{ link: first.link, editedAt: summary.editedAt }], T2)).toBe(1);
    expect(exportedSinceChange((await lookupArticle(first.link))!)).toBe(true);
    await saveArticle(base(1, { title: 'Again' }), new Date('2026-01-03T00:00:00Z'));
    const changed = (await lookupArticle(first.link))!;
    expect(changed.exportedAt).toBe(T2.toISOString());
    expect(exportedSinceChange(changed)).toBe(false);
  });
});

describe('the export marks', () => {
  it('are set for a whole library at once, leave with a deleted article and come back with its undo', async () => {
    const saved = await Promise.all([1, 2, 3].map((n) => saveArticle(base(n), T1)));
    expect(await markExported(saved.map((a) => ({ link: a.link, editedAt: a.editedAt })), T2)).toBe(3);
    expect((await listSummaries()).map((s) => [s.exportedAt, exportedSinceChange(s)])).toEqual(Array(3).fill([T2.toISOString(), true]));
    expect((await getArticle(saved[0]!.link))?.exportedAt).toBe(T2.toISOString());

    const removed = await deleteArticles([saved[0]!.link]);
    expect(removed[0]?.summary).toMatchObject({ exportedAt: T2.toISOString(), exportedVersion: T1.toISOString() });
    // Saved again after the delete: a new article to the library, never exported.
    await saveArticle(base(1), T2);
    expect((await lookupArticle(saved[0]!.link))?.exportedAt).toBeNull();
    await deleteArticles([saved[0]!.link]);
    expect(await restoreArticles(removed)).toBe(1);
    expect(await lookupArticle(saved[0]!.link)).toMatchObject({ exportedAt: T2.toISOString(), exportedVersion: T1.toISOString() });

    // An import of a link deleted after its export brings it in as never exported.
    await deleteArticles([saved[1]!.link]);
    await importArticles([{ ...base(2), savedAt: T1.toISOString(), editedAt: T1.toISOString() }]);
    expect(await lookupArticle(saved[1]!.link)).toMatchObject({ exportedAt: null, exportedVersion: null });
    expect((await lookupArticle(saved[2]!.link))?.exportedAt).toBe(T2.toISOString());
  });
});

describe('the version 2 to 3 upgrade', () => {
  it('folds tags to one identity and keeps an export current only if nothing changed after it', async () => {
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db) {
        const articles = db.createObjectStore('articles', { keyPath: 'link' });
        articles.createIndex('savedAt', 'savedAt');
        articles.createIndex('tags', 'tags', { multiEntry: true });
        articles.createIndex('site', 'site');
        db.createObjectStore('summaries', { keyPath: 'link' }).createIndex('savedAt', 'savedAt');
      },
    });
    const entry = (n: number, tags: string[], editedAt: string) => ({ ...base(n, { tags }), site: 'site.example', savedAt: T1.toISOString(), editedAt });
    const old = [entry(1, ['NATO', 'nato', 'Energy'], T1.toISOString()), entry(2, ['kept'], T2.toISOString())];
    const exportedAt = ['2026-01-01T12:00:00.000Z', '2026-01-01T12:00:00.000Z'];
    for (const [i, e] of old.entries()) {
      await v2.put('articles', e);
      await v2.put('summaries', { link: e.link, title: e.title, description: e.description, siteName: e.siteName, site: e.site, date: e.date, tags: e.tags, draft: e.draft, savedAt: e.savedAt, editedAt: e.editedAt, exportedAt: exportedAt[i]! });
    }
    v2.close();
    const db = await openLibrary();
    expect(db.version).toBe(DB_VERSION);
    db.close();
    const [one, two] = [await lookupArticle(old[0]!.link), await lookupArticle(old[1]!.link)];
    expect(one).toMatchObject({ tags: ['nato', 'energy'], exportedVersion: T1.toISOString() });
    expect((await getArticle(old[0]!.link))?.tags).toEqual(['nato', 'energy']);
    // Edited after its export: not exported as it is now.
    expect(two).toMatchObject({ tags: ['kept'], exportedAt: exportedAt[1], exportedVersion: null });
  });
});

describe('the library has one way in', () => {
  const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  const rules = async (code: string, filePath: string) => ((await eslint.lintText(code, { filePath }))[0]?.messages ?? []).map((m) => m.ruleId);

  it('pages and the worker may import src/storage/library.ts, never the store beneath it', async () => {
    expect(await rules("import { saveArticle } from '../src/storage/library.ts';\nexport const s = saveArticle;\n", 'options/probe.ts')).toEqual([]);
    for (const inner of ['library-write', 'library-tx', 'library-schema', 'library-key', 'tag-change']) {
      expect(await rules(`import * as m from '../src/storage/${inner}.ts';\nexport const x = m;\n`, 'options/probe.ts'), inner).toContain('no-restricted-imports');
      expect(await rules(`import * as m from '../storage/${inner}.ts';\nexport const x = m;\n`, 'src/background/probe.ts'), inner).toContain('no-restricted-imports');
    }
    expect(await rules("import { openDB } from 'idb';\nexport const o = openDB;\n", 'popup/probe.ts')).toContain('no-restricted-imports');
  });
});
