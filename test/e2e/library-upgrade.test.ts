import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './harness/firefox.ts';
import { waitForFile } from './harness/downloads.ts';
import { browserAvailable, CHROMIUM_PATH, FIREFOX_PATH, requireBuild } from './harness/paths.ts';
import { byRole, statusMatching, waitInPage } from './harness/firefox-page.ts';

/** A page of either harness (Playwright or Puppeteer): both run a function with one argument. */
interface AnyPage {
  evaluate<A, R>(run: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

const COUNT = 400;

/**
 * Writes a library exactly as version 5 kept it (one record per article in `articles`), with the
 * bare IndexedDB API: what a user's profile holds before this version first opens it.
 */
function writeVersion5Library(page: AnyPage, count: number): Promise<void> {
  return page.evaluate((n) => new Promise<void>((resolve, reject) => {
    const gone = indexedDB.deleteDatabase('frontclip');
    gone.onerror = () => reject(gone.error);
    gone.onsuccess = () => {
      const open = indexedDB.open('frontclip', 5);
      open.onerror = () => reject(open.error);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore('articles', { keyPath: 'link' });
        const summaries = db.createObjectStore('summaries', { keyPath: 'link' });
        summaries.createIndex('savedAt', 'savedAt');
        summaries.createIndex('tags', 'tags', { multiEntry: true });
        db.createObjectStore('images', { keyPath: ['link', 'name'] }).createIndex('link', 'link');
        db.createObjectStore('exports');
      };
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['articles', 'summaries'], 'readwrite');
        for (let i = 0; i < n; i++) {
          const saved = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
          const article = {
            title: `Harbour story ${i}`, date: '2025-03-04', dateSource: 'meta', description: `What happened at the harbour, part ${i}.`,
            summary: `What happened at the harbour, part ${i}.`, slug: `harbour-story-${i}`, image: '', link: `https://harbour.example/news/${i}`,
            source: 'Harbour News', categories: ['news'], tags: ['harbour', `t${i % 7}`], draft: false,
            body: `The council met on Tuesday (${i}).\n\n${'A paragraph of the story. '.repeat(40)}\n`,
            siteName: 'Harbour News', keywords: [], filename: `harbour-story-${i}.md`, site: 'harbour.example', savedAt: saved, editedAt: saved,
          };
          tx.objectStore('articles').put(article);
          tx.objectStore('summaries').put({
            link: article.link, title: article.title, description: article.description, siteName: article.siteName, site: article.site,
            date: article.date, tags: article.tags, draft: article.draft, savedAt: article.savedAt, editedAt: article.editedAt,
          });
        }
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    };
  }), count);
}

/** The stores and every article the library holds now, read with the bare API. */
interface LibraryContents {
  stores: string[];
  version: number;
  articles: { link: string; body: string }[];
  summaries: { link: string; title: string; tags: string[] }[];
}

function readLibrary(page: AnyPage): Promise<LibraryContents> {
  return page.evaluate(() => new Promise<LibraryContents>((resolve, reject) => {
    const open = indexedDB.open('frontclip');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articleBuckets', 'summaryBuckets']);
      const articles = tx.objectStore('articleBuckets').getAll();
      const summaries = tx.objectStore('summaryBuckets').getAll();
      tx.onerror = () => reject(tx.error);
      tx.oncomplete = () => {
        db.close();
        resolve({
          stores: [...db.objectStoreNames].sort(), version: db.version,
          articles: (articles.result as LibraryContents['articles'][]).flat(),
          summaries: (summaries.result as string[][]).flat().map((text) => JSON.parse(text) as LibraryContents['summaries'][number]),
        });
      };
    };
  }), null);
}

/** What the library holds after the upgrade: version 7, the buckets, every article and summary whole. */
async function expectMoved(page: AnyPage): Promise<void> {
  const after = await readLibrary(page);
  expect(after.version).toBe(7);
  expect(after.stores).toEqual(['articleBuckets', 'exports', 'images', 'summaryBuckets', 'summaryViews']);
  expect(after.articles).toHaveLength(COUNT);
  expect(after.summaries).toHaveLength(COUNT);
  expect(after.summaries.find((s) => s.link === 'https://harbour.example/news/123')).toMatchObject({ title: 'Harbour story 123', tags: ['harbour', 't4'] });
  const one = after.articles.find((a) => a.link === 'https://harbour.example/news/123');
  expect(one?.body).toContain('The council met on Tuesday (123).');
}

/** The exported zip, from the status line's file name: every article in it. */
async function expectExported(downloads: string, status: string): Promise<void> {
  expect(status).toMatch(new RegExp(`^Exported ${COUNT} articles to \\S+\\.zip$`));
  const zip = unzipSync(new Uint8Array(await waitForFile(join(downloads, /to (\S+\.zip)$/.exec(status)![1]!), 60_000)));
  expect(Object.keys(zip).filter((name) => name.endsWith('.md'))).toHaveLength(COUNT);
  expect(new TextDecoder().decode(zip['harbour-story-123.md'])).toContain('The council met on Tuesday (123).');
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('a version 5 library opened by this version, in Chromium', { timeout: 120_000 }, () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('moves every article and summary into its bucket, lists them, and exports them all', async () => {
    const blank = await ext.openExtensionPage('options/index.html');
    await writeVersion5Library(blank as AnyPage, COUNT);
    await blank.close();

    const library = await ext.openExtensionPage('options/library.html');
    await expect.poll(() => library.locator('.library-count').textContent(), { timeout: 60_000 }).toBe(`${COUNT} articles`);
    await expectMoved(library as AnyPage);
    await library.getByRole('button', { name: 'Export all' }).click();
    const done = library.getByRole('status').filter({ hasText: /^Exported|^Couldn't/ });
    await done.waitFor({ timeout: 60_000 });
    await expectExported(ext.downloads, (await done.textContent()) ?? '');
  });
});

describe.skipIf(!browserAvailable('Firefox', FIREFOX_PATH))('a version 5 library opened by this version, in Firefox ESR', { timeout: 120_000 }, () => {
  let ff: FirefoxWithExtension;

  beforeAll(async () => {
    ff = await launchFirefoxWithExtension(requireBuild('firefox-e2e'));
  });

  afterAll(async () => {
    await ff?.close();
  });

  it('moves every article and summary into its bucket, lists them, and exports them all', async () => {
    const blank = await ff.openExtensionPage('options/index.html');
    await writeVersion5Library(blank as unknown as AnyPage, COUNT);
    await blank.close();

    const library = await ff.openExtensionPage('options/library.html');
    await waitInPage(library, (n) => document.querySelector('.library-count')?.textContent === `${n} articles`, COUNT, 60_000);
    await expectMoved(library as unknown as AnyPage);
    await (await byRole(library, 'Export all', 'button')).click();
    await expectExported(ff.downloads, await statusMatching(library, /^Exported|^Couldn't/, 60_000));
  });
});
