import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { FILE_KEYS, type Article } from '../../src/core/article.ts';
import { write } from '../../src/core/frontmatter.ts';
import type { StoredArticle } from '../../src/storage/library-record.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchFaultBrowser, type FaultBrowser } from './harness/fault-browser.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { readStoredArticles } from './harness/stored-articles.ts';
import { cliArticle } from './harness/expected-file.ts';
import { browserAvailable, CHROMIUM_PATH, requireBuild, ROOT } from './harness/paths.ts';

const PAGES = ['library-orchard.html', 'library-bridge.html', 'library-observatory.html'] as const;

/** Every article of the library's buckets, bodies as text (./harness/stored-articles.ts). */
const readLibrary = async (page: Page): Promise<StoredArticle[]> => (await readStoredArticles(page)).articles;

/** The zip's files as text, by name. */
const textsOf = (zip: Buffer) => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name, Buffer.from(bytes)]));

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('the library in Chromium', { timeout: 120_000 }, () => {
  let server: FixtureServer;
  let b: FaultBrowser;
  let fresh: ExtensionBrowser | undefined;
  let context: BrowserContext;
  let extensionId: string;
  let send: FaultBrowser['send'];
  let tabIdOf: FaultBrowser['tabIdOf'];
  let stopWorker: FaultBrowser['stopWorker'];

  beforeAll(async () => {
    const dir = requireBuild('chrome-e2e');
    server = await startFixtureServer();
    // Started by hand and attached over CDP: the test stops the worker (docs/DESIGN.md, "Platform facts").
    b = await launchFaultBrowser(dir);
    ({ context, extensionId, send, tabIdOf, stopWorker } = b);
  });

  afterAll(async () => {
    await fresh?.close();
    await b?.close();
    await server?.close();
  });

  it('saves three articles, survives a stopped worker, edits tags in the library, exports all byte for byte, and imports into a fresh profile', async () => {
    // Save three articles as the popup's Save does.
    const clipped = new Map<string, Article>();
    for (const name of PAGES) {
      const page = await context.newPage();
      const url = server.url(name);
      await page.goto(url);
      const reply = await send('clip', { tabId: await tabIdOf(url) });
      expect(reply.ok, name).toBe(true);
      if (!reply.ok) return;
      expect(reply.article).toEqual(cliArticle(name, url));
      expect(await send('save', { article: reply.article })).toMatchObject({ ok: true });
      clipped.set(name, reply.article);
    }
    const orchard = clipped.get('library-orchard.html')!;

    // Nothing may depend on the worker that saved them.
    await stopWorker();

    const library = await context.newPage();
    await library.setViewportSize({ width: 1100, height: 900 });
    await library.goto(`chrome-extension://${extensionId}/options/library.html`);
    await expect.poll(() => library.locator('.lib-row').count()).toBe(3);
    expect(await library.locator('.library-count').textContent()).toBe('3 articles');

    // Read one article, then edit its tags, by accessible names only.
    await library.getByRole('button', { name: orchard.title, exact: true }).click();
    const reader = library.getByRole('dialog', { name: orchard.title });
    expect(await reader.getByRole('link', { name: 'Open original' }).getAttribute('href')).toBe(orchard.link);
    await reader.getByRole('button', { name: 'Edit' }).click();
    const dialog = library.getByRole('dialog', { name: 'Edit article' });
    await dialog.getByRole('button', { name: 'Remove tag forty' }).click();
    await dialog.getByRole('combobox', { name: 'Add tag' }).fill('heritage');
    await dialog.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    // Save goes through the worker: the message wakes a new one.
    await dialog.getByRole('status').filter({ hasText: 'Saved to your library' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const editedTags = [...orchard.tags.filter((t) => t !== 'forty'), 'heritage'];
    await expect.poll(() => library.getByRole('listitem').filter({ hasText: orchard.title }).locator('.row-tag').allTextContents()).toEqual(editedTags);
    await mkdir(join(ROOT, 'docs'), { recursive: true });
    await library.screenshot({ path: join(ROOT, 'docs', 'library.png') });

    // Export all: every file is what the core writes for that article, byte for byte.
    await library.getByRole('button', { name: 'Export all' }).click();
    const status = library.getByRole('status').filter({ hasText: /^Exported|^Couldn't/ });
    await status.waitFor({ timeout: 30_000 });
    const outcome = (await status.textContent())!;
    expect(outcome).toMatch(/^Exported 3 articles to Frontclip\/frontclip-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipName = outcome.replace(/^Exported 3 articles to /, '');
    const zip = await waitForFile(join(b.chromium.downloads, zipName));
    const { 'frontclip.json': manifest, ...files } = textsOf(zip);
    expect(manifest, 'the zip carries its manifest').toBeDefined();
    const expected = new Map([...clipped].map(([name, article]) => {
      const final = name === 'library-orchard.html' ? { ...article, tags: editedTags } : article;
      return [final.filename, Buffer.from(write(final), 'utf8')];
    }));
    expect(Object.keys(files).sort()).toEqual([...expected.keys()].sort());
    for (const [filename, bytes] of expected) expect(Buffer.compare(files[filename]!, bytes), filename).toBe(0);
    const saved = await readLibrary(library);
    expect(saved).toHaveLength(3);

    // One article downloaded from its row, through the worker.
    const bridge = clipped.get('library-bridge.html')!;
    await library.getByRole('button', { name: `Download ${bridge.title}` }).click();
    await library.getByRole('status').filter({ hasText: `Downloaded Frontclip/${bridge.filename}` }).waitFor();
    expect((await waitForFile(join(b.chromium.downloads, 'Frontclip', bridge.filename))).toString('utf8')).toBe(write(bridge));

    // Delete with undo gives back exactly what was there.
    await library.getByRole('checkbox', { name: `Select ${bridge.title}` }).check();
    await library.getByRole('button', { name: 'Delete selected' }).click();
    await library.getByRole('status').filter({ hasText: 'Deleted 1 article.' }).waitFor();
    expect(await library.locator('.lib-row').count()).toBe(2);
    await library.getByRole('button', { name: 'Undo' }).click();
    await library.getByRole('status').filter({ hasText: 'Restored 1 article.' }).waitFor();
    expect(await readLibrary(library)).toEqual(saved);

    // The popup knows the link is saved, and links to the library.
    const orchardUrl = server.url('library-orchard.html');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup/index.html?tabId=${await tabIdOf(orchardUrl)}`);
    await popup.getByRole('note').filter({ hasText: /^Already saved on / }).waitFor();
    expect(await popup.getByRole('link', { name: 'Library' }).getAttribute('href')).toBe(`chrome-extension://${extensionId}/options/library.html`);
    const chips = await popup.locator('.tag-list .tag-text').allTextContents();
    expect(chips).toEqual(editedTags);

    // A fresh profile imports the zip and holds the same library.
    fresh = await launchWithExtension(requireBuild('chrome-e2e'));
    const other = await fresh.openExtensionPage('options/library.html');
    await other.getByLabel('Import…').setInputFiles({ name: zipName.split('/').pop()!, mimeType: 'application/zip', buffer: zip });
    await other.getByRole('status').filter({ hasText: 'Imported 3 articles (3 new).' }).waitFor({ timeout: 30_000 });
    const { articles: imported, bytes } = await readStoredArticles(other);
    // Chromium keeps an import's bodies as text (Firefox keeps them as bytes: library-firefox.test.ts).
    expect(bytes).toEqual([]);
    const byLink = new Map(imported.map((e) => [e.link, e]));
    expect([...byLink.keys()].sort()).toEqual(saved.map((e) => e.link).sort());
    for (const entry of saved) {
      const copy = byLink.get(entry.link)!;
      for (const key of FILE_KEYS) expect(copy[key], `${entry.link} ${key}`).toEqual(entry[key]);
      // What the file format cannot carry came back from the zip's frontclip.json.
      expect(copy).toEqual({ ...entry, filename: copy.filename });
      expect(copy.dateSource).not.toBe('import');
    }
    // In the list order the first profile had (saved dates kept).
    expect(await other.locator('.row-title').allTextContents()).toEqual(await library.locator('.row-title').allTextContents());

    // And its export is the same zip content, file for file.
    await other.getByRole('button', { name: 'Export all' }).click();
    const again = other.getByRole('status').filter({ hasText: /^Exported|^Couldn't/ });
    await again.waitFor({ timeout: 30_000 });
    const secondName = (await again.textContent())!.replace(/^Exported 3 articles to /, '');
    const second = textsOf(await waitForFile(join(fresh.downloads, secondName)));
    const first: Record<string, Buffer> = { ...files, 'frontclip.json': manifest! };
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    // The files and the manifest alike: the library came back whole.
    for (const name of Object.keys(first)) expect(Buffer.compare(second[name]!, first[name]!), name).toBe(0);
  });
});
