import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { holdArticleStore } from './harness/hold-store.ts';
import { readStoredArticles } from './harness/stored-articles.ts';
import { articleZip } from './harness/hostile-files.ts';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';

/** The articles the library holds (link, title, date), read with the bare IndexedDB API (./harness/stored-articles.ts). */
const stored = async (page: Page) => (await readStoredArticles(page)).articles.map(({ link, title, date }) => ({ link, title, date }));

/** Spool files an export left in the page's private file system. */
const spoolFiles = (page: Page) => page.evaluate(async () => {
  const root = await navigator.storage.getDirectory() as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
  const names: string[] = [];
  for await (const name of root.keys()) names.push(name);
  return names;
});

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('long library work in Chromium: progress, Cancel, and records that cannot be written', { timeout: 180_000 }, () => {
  let ext: ExtensionBrowser;
  let library: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
    library = await ext.openExtensionPage('options/library.html');
    await library.setViewportSize({ width: 1200, height: 900 });
  });

  afterAll(async () => {
    await ext?.close();
  });

  const status = async (pattern: RegExp, timeout = 60_000) => {
    const line = library.getByRole('status').filter({ hasText: pattern });
    await line.waitFor({ timeout });
    return (await line.textContent()) ?? '';
  };
  const progress = () => library.getByRole('group', { name: 'Progress' });

  it('a cancelled import writes nothing; the import then runs whole', async () => {
    const zip = Buffer.from(articleZip(3000));
    // The store held, so that Cancel surely lands before the import's write can start (the
    // files are read in workers, which a slowed page does not slow).
    const release = await holdArticleStore(library);
    await library.getByLabel('Import…').setInputFiles({ name: 'many.zip', mimeType: 'application/zip', buffer: zip });
    await progress().getByRole('button', { name: 'Cancel' }).click();
    await release();
    expect(await status(/^Import cancelled|^Imported/)).toBe('Import cancelled: nothing was imported.');
    expect(await stored(library)).toEqual([]);
    expect(await progress().isHidden()).toBe(true);

    await library.getByLabel('Import…').setInputFiles({ name: 'many.zip', mimeType: 'application/zip', buffer: zip });
    expect(await status(/^Imported|^Nothing/, 120_000)).toBe('Imported 3,000 articles (3,000 new).');
    expect(await stored(library)).toHaveLength(3000);
  });

  it('a cancelled export leaves no zip, in the downloads folder or in the page\'s own storage', async () => {
    // The store held: the export's reads wait behind it until Cancel has been pressed.
    const release = await holdArticleStore(library);
    await library.getByRole('button', { name: 'Export all' }).click();
    await progress().getByRole('button', { name: 'Cancel' }).click();
    await release();
    expect(await status(/^Export cancelled|^Exported|^Couldn't/)).toBe('Export cancelled: no zip was saved.');
    await library.waitForTimeout(500);
    expect(await readdir(ext.downloads, { recursive: true })).toEqual([]);
    expect((await spoolFiles(library)).filter((n) => n.startsWith('frontclip-export-'))).toEqual([]);
    expect(await library.locator('.row-exported').first().textContent()).toBe('Not exported');
  });

  it('an article with a day that does not exist is skipped and reported, and the rest is exported', async () => {
    // A record as an older version stored it, before the library checked dates.
    const broken = 'https://harbour.example/imported/17';
    await library.evaluate((link) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('frontclip');
      open.onsuccess = () => {
        // Articles are kept in buckets (records of many): change the one in its bucket.
        const tx = open.result.transaction('articleBuckets', 'readwrite');
        const store = tx.objectStore('articleBuckets');
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          const bucket = at.value as { link: string }[];
          if (bucket.some((a) => a.link === link)) at.update(bucket.map((a) => (a.link === link ? { ...a, date: '2026-02-31' } : a)));
          else at.continue();
        };
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    }), broken);
    const workers: string[] = [];
    const started = (worker: { url(): string }) => workers.push(worker.url());
    library.on('worker', started);
    await library.getByRole('button', { name: 'Export all' }).click();
    const text = await status(/^Exported|^Couldn't|^Nothing/, 120_000);
    library.off('worker', started);
    // Chromium writes the zip in parts, one worker per core, each reading its share of the store.
    expect(workers.filter((url) => /export-worker/.test(url)).length).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^Exported 2,999 articles to Frontclip\/frontclip-\d{4}-\d{2}-\d{2}\.zip\. 1 article could not be written: Imported story 17: cannot write article: date must be a calendar day written YYYY-MM-DD, not string "2026-02-31"\.$/);
    expect(await library.getByRole('region', { name: 'Articles not exported' }).getByRole('listitem').allTextContents())
      .toEqual(['Imported story 17: cannot write article: date must be a calendar day written YYYY-MM-DD, not string "2026-02-31"']);
    const name = /to (\S+\.zip)\./.exec(text)![1]!;
    const files = unzipSync(new Uint8Array(await waitForFile(join(ext.downloads, name), 60_000)));
    expect(Object.keys(files)).toHaveLength(3000); // 2,999 articles and frontclip.json
    expect(Object.keys(files)).not.toContain('imported-story-17.md');
    expect((await spoolFiles(library)).filter((n) => n.startsWith('frontclip-export-'))).toEqual([]);
    // Marked exported from what went into the zip: all but the one left out.
    await library.getByLabel('Not exported yet').check();
    // The status shows before the 2,999 records are marked: on a loaded machine that takes seconds.
    await expect.poll(() => library.locator('.row-title').allTextContents(), { timeout: 30_000 }).toEqual(['Imported story 17']);
  });

  it('sorts, filters what is not exported, exports only the new, and selects a range with Shift', async () => {
    await library.getByLabel('Not exported yet').uncheck();
    await library.getByRole('searchbox').fill('imported story 299');
    await library.getByLabel('Sort by').selectOption({ label: 'Title' });
    await expect.poll(() => library.locator('.row-title').allTextContents()).toEqual([
      'Imported story 299', 'Imported story 2990', 'Imported story 2991', 'Imported story 2992', 'Imported story 2993',
      'Imported story 2994', 'Imported story 2995', 'Imported story 2996', 'Imported story 2997', 'Imported story 2998', 'Imported story 2999',
    ]);
    await library.getByRole('checkbox', { name: 'Select Imported story 2991' }).click();
    await library.getByRole('checkbox', { name: 'Select Imported story 2995' }).click({ modifiers: ['Shift'] });
    expect(await library.locator('.selected-count').textContent()).toBe('5 articles selected');
    await library.getByRole('searchbox').fill('imported story 2993');
    expect(await library.locator('.selected-count').textContent()).toBe('1 article selected (4 more hidden by the search and filters)');
    await library.getByRole('searchbox').fill('zzz');
    await library.getByRole('button', { name: 'Clear search and filters' }).click();
    expect(await library.locator('.library-count').textContent()).toBe('3,000 articles');
    expect(await library.locator('.selected-count').textContent()).toBe('5 articles selected');

    // A bulk edit changes the five: they are new to export again, with the one never written.
    await library.getByRole('combobox', { name: 'Add tag' }).fill('harbour');
    await library.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await library.getByRole('button', { name: 'Add to selected' }).click();
    expect(await status(/^Added|^Couldn't/)).toBe('Added tag harbour to 5 articles');
    await library.getByLabel('Not exported yet').check();
    await expect.poll(() => library.locator('.library-count').textContent()).toBe('6 of 3,000 articles');
    await library.getByRole('button', { name: 'Export new' }).click();
    const text = await status(/^Exported|^Couldn't|^Nothing/);
    expect(text).toMatch(/^Exported 5 articles to Frontclip\/frontclip-[\d-]+( \(\d\))?\.zip\. 1 article could not be written: Imported story 17: /);
    const name = /to (\S+(?: \(\d\))?\.zip)\./.exec(text)![1]!;
    const files = unzipSync(new Uint8Array(await waitForFile(join(ext.downloads, name), 60_000)));
    expect(Object.keys(files).sort()).toEqual(['frontclip.json', ...[1, 2, 3, 4, 5].map((n) => `imported-story-299${n}.md`)]);
    // The status shows before the 2,999 records are marked: on a loaded machine that takes seconds.
    await expect.poll(() => library.locator('.row-title').allTextContents(), { timeout: 30_000 }).toEqual(['Imported story 17']);
  });
});
