import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser as Api } from 'webextension-polyfill';
import type { Page } from 'puppeteer-core';
import { write } from '../../src/core/frontmatter.ts';
import type { MessageName, RequestOf, ResponseOf } from '../../src/messages.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './harness/firefox.ts';
import { waitForFile } from './harness/downloads.ts';
import { cliArticle } from './harness/expected-file.ts';
import { browserAvailable, FIREFOX_PATH, requireBuild } from './harness/paths.ts';
import { byRole, statusMatching } from './harness/firefox-page.ts';
import { readStoredArticles } from './harness/stored-articles.ts';

/** A smoke test: the library page lists, and exports a zip (a blob: download, deflate workers), in Firefox too. */
describe.skipIf(!browserAvailable('Firefox', FIREFOX_PATH))('the library in Firefox ESR', { timeout: 90_000 }, () => {
  let server: FixtureServer;
  let ff: FirefoxWithExtension;
  let messenger: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    ff = await launchFirefoxWithExtension(requireBuild('firefox-e2e'));
    messenger = await ff.openExtensionPage('options/index.html');
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  const send = <K extends MessageName>(name: K, request: RequestOf<K>) => messenger.evaluate((n, r) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    return api.runtime.sendMessage({ name: n, request: r });
  }, name, request) as Promise<ResponseOf<K>>;

  it('lists a saved article and exports the library as a zip of our files', async () => {
    const page = await ff.browser.newPage();
    const url = server.url('library-bridge.html');
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await messenger.evaluate(async (u) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    }, url);
    const clip = await send('clip', { tabId });
    expect(clip.ok).toBe(true);
    if (!clip.ok) return;
    expect(await send('save', { article: clip.article })).toMatchObject({ ok: true });

    const library = await ff.openExtensionPage('options/library.html');
    await byRole(library, clip.article.title, 'button');
    await (await byRole(library, 'Export all', 'button')).click();
    const text = await statusMatching(library, /^Exported|^Couldn't/, 30_000);
    expect(text).toMatch(/^Exported 1 article to Frontclip\/frontclip-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await waitForFile(join(ff.downloads, text.replace(/^Exported 1 article to /, '')));
    const files = unzipSync(new Uint8Array(zip));
    const expected = cliArticle('library-bridge.html', url);
    expect(Object.keys(files)).toEqual([expected.filename, 'frontclip.json']);
    expect(new TextDecoder().decode(files[expected.filename])).toBe(write(expected));

    // Import runs in module workers, and the export went through the private file system and the
    // browser's own deflate: the zip imports back as it is.
    const input = await library.$('input[type="file"]');
    const path = join(ff.downloads, text.replace(/^Exported 1 article to /, ''));
    await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(path);
    expect(await statusMatching(library, /^Imported|^Nothing/, 60_000)).toBe('Imported 1 article (1 already saved as they are).');
  });

  it('keeps an imported zip\'s bodies as bytes, refuses one that is not UTF-8, and exports the files back byte for byte', async () => {
    const article = (n: number, body: string) => write({
      title: `Imported ${n}`, date: '2025-05-0' + (n + 1), description: '', summary: '', slug: `imported-${n}`, image: '', link: `https://import.example/${n}`,
      source: '', categories: [], tags: ['kept'], draft: false, body,
    });
    const files: Record<string, Uint8Array> = {
      'imported-0.md': strToU8(article(0, 'Plain ASCII body.\n\nSecond paragraph.')),
      'imported-1.md': strToU8(article(1, 'Über die Brücke — 日本語 😀 and a \uFEFF inside')),
      'imported-2.md': strToU8(article(2, '')),
      'broken.md': new Uint8Array([...strToU8(article(3, '').replace('import.example/3', 'import.example/broken')), 0x42, 0xff, 0x0a]),
    };
    const dir = await mkdtemp(join(tmpdir(), 'frontclip-ff-import-'));
    try {
      const path = join(dir, 'to-import.zip');
      await writeFile(path, zipSync(files));
      const library = await ff.openExtensionPage('options/library.html');
      await byRole(library, 'Export all', 'button');
      const input = await library.$('input[type="file"]');
      await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(path);
      expect(await statusMatching(library, /^Imported|^Nothing/, 60_000)).toBe('Imported 3 articles (3 new). 1 file could not be imported: see the list below.');
      expect(await library.evaluate(() => document.body.textContent ?? '')).toContain('to-import.zip: broken.md');
      // Read with the bare IndexedDB API: the imported bodies (not the empty one) are bytes.
      const { articles, bytes } = await readStoredArticles(library);
      const imported = (links: string[]) => links.filter((link) => link.startsWith('https://import.example/')).sort();
      expect(imported(articles.map((a) => a.link))).toEqual(['https://import.example/0', 'https://import.example/1', 'https://import.example/2']);
      expect(imported(bytes)).toEqual(['https://import.example/0', 'https://import.example/1']);
      await (await byRole(library, 'Export all', 'button')).click();
      const text = await statusMatching(library, /^Exported|^Couldn't/, 30_000);
      const exported = unzipSync(new Uint8Array(await waitForFile(join(ff.downloads, text.replace(/^Exported \d+ articles to /, '')))));
      for (const name of ['imported-0.md', 'imported-1.md', 'imported-2.md']) {
        expect(Buffer.compare(Buffer.from(exported[name]!), Buffer.from(files[name]!)), name).toBe(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
