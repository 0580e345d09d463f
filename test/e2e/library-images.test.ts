import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchFaultBrowser, type FaultBrowser } from './harness/fault-browser.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { serveImageArticle, type ImageCase } from './harness/image-fixtures.ts';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { parse } from '../../src/core/frontmatter.ts';

const SLUG = 'the-footbridge-opens';

/** The images store, read with the bare IndexedDB API: [link, file name] of every image kept. */
function storedImageKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('frontclip');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('images').objectStore('images').getAllKeys();
      request.onsuccess = () => {
        open.result.close();
        resolve((request.result as [string, string][]).map(([link, name]) => `${link} ${name}`));
      };
      request.onerror = () => reject(request.error);
    };
  }));
}

async function exportZip(library: Page, layout: 'Flat files' | 'Hugo page bundles (folder/index.md)', downloads: string): Promise<Record<string, Buffer>> {
  await library.getByLabel(layout).check();
  await library.getByRole('button', { name: 'Export all' }).click();
  const status = library.getByRole('status').filter({ hasText: /^Exported|^Couldn't|^Nothing/ });
  await status.waitFor({ timeout: 30_000 });
  const text = (await status.textContent())!;
  expect(text).toMatch(/^Exported 1 article to /);
  const zip = await waitForFile(join(downloads, text.replace(/^Exported 1 article to /, '')));
  await library.getByRole('button', { name: 'Export all' }).focus(); // let the next status replace this one
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('images kept in the library, in Chromium', { timeout: 150_000 }, () => {
  let server: FixtureServer;
  let b: FaultBrowser;
  let fresh: ExtensionBrowser | undefined;
  let images: ImageCase;
  let link = '';

  beforeAll(async () => {
    server = await startFixtureServer();
    images = serveImageArticle(server);
    b = await launchFaultBrowser(requireBuild('chrome-e2e'));
  });

  afterAll(async () => {
    await fresh?.close();
    await b?.close();
    await server?.close();
  });

  it('Save keeps the images; with the site gone, reading, Download and Export all (flat and Hugo) use the library\'s copies', async () => {
    const tab = await b.context.newPage();
    await tab.goto(images.page);
    const clipped = await b.send('clip', { tabId: await b.tabIdOf(images.page) });
    expect(clipped.ok).toBe(true);
    if (!clipped.ok) return;
    link = clipped.article.link;
    const saved = await b.send('save', { article: clipped.article, images: true });
    expect(saved).toMatchObject({ ok: true, images: { saved: 7, linked: 4 } });
    expect((await storedImageKeys(b.messenger)).sort()).toEqual(Object.keys(images.files).map((name) => `${link} ${name}`).sort());

    // The site is gone: nothing more can come from it.
    await server.close();
    const library = await b.openExtensionPage('options/library.html');
    await library.setViewportSize({ width: 1100, height: 900 });
    await library.getByRole('button', { name: 'The footbridge opens', exact: true }).click();
    const reader = library.getByRole('dialog', { name: 'The footbridge opens' });
    await reader.getByRole('region', { name: 'Article' }).waitFor();
    const shown = await reader.locator('img.kept-image').evaluateAll((imgs) => imgs.map((img) => ({ src: img.getAttribute('src') ?? '' })));
    // The body's seven images that were kept (the same picture twice among them); the lead image
    // is not in the body, and the failed ones stay labels.
    expect(shown.length).toBe(7);
    expect(shown.every((img) => img.src.startsWith('blob:'))).toBe(true);
    await reader.getByRole('button', { name: 'Close' }).click();

    const bundles = await exportZip(library, 'Hugo page bundles (folder/index.md)', b.chromium.downloads);
    expect(Object.keys(bundles).sort()).toEqual(['frontclip.json', `${SLUG}/index.md`, ...Object.keys(images.files).map((n) => `${SLUG}/${n}`)].sort());
    for (const [name, bytes] of Object.entries(images.files)) expect(Buffer.compare(bundles[`${SLUG}/${name}`]!, bytes), name).toBe(0);
    const index = parse(bundles[`${SLUG}/index.md`]!.toString('utf8'));
    expect(index.image).toBe('lead.jpg');
    expect(index.body).toContain('](bridge-1600.jpg)');
    for (const url of images.remote) expect(index.body).toContain(`](${url})`);

    const flat = await exportZip(library, 'Flat files', b.chromium.downloads);
    expect(Object.keys(flat).sort()).toEqual(['frontclip.json', `${SLUG}.md`, ...Object.keys(images.files).map((n) => `${SLUG}/${n}`)].sort());
    const file = parse(flat[`${SLUG}.md`]!.toString('utf8'));
    expect(file.image).toBe(`${SLUG}/lead.jpg`);
    expect(file.body).toContain(`](${SLUG}/plain.png)`);

    // A row's Download is the page bundle, from the library's copies.
    await library.getByRole('button', { name: 'Download The footbridge opens' }).click();
    await library.getByRole('status').filter({ hasText: `Downloaded Frontclip/${SLUG}/index.md` }).waitFor();
    const folder = join(b.chromium.downloads, 'Frontclip', SLUG);
    await waitForFile(join(folder, 'index.md'));
    for (const [name, bytes] of Object.entries(images.files)) expect(Buffer.compare(await waitForFile(join(folder, name)), bytes), name).toBe(0);

    // A fresh profile imports the Hugo zip: the article and its images, and it exports the same files.
    fresh = await launchWithExtension(requireBuild('chrome-e2e'));
    const other = await fresh.openExtensionPage('options/library.html');
    const { zipSync } = await import('fflate');
    const zip = Buffer.from(zipSync(Object.fromEntries(Object.entries(bundles).map(([name, bytes]) => [name, new Uint8Array(bytes)]))));
    await other.getByLabel('Import…').setInputFiles({ name: 'bundles.zip', mimeType: 'application/zip', buffer: zip });
    await other.getByRole('status').filter({ hasText: 'Imported 1 article (1 new).' }).waitFor({ timeout: 30_000 });
    expect(await storedImageKeys(other)).toHaveLength(Object.keys(images.files).length);
    const again = await exportZip(other, 'Hugo page bundles (folder/index.md)', fresh.downloads);
    expect(Object.keys(again).sort()).toEqual(Object.keys(bundles).sort());
    for (const name of Object.keys(bundles)) expect(Buffer.compare(again[name]!, bundles[name]!), name).toBe(0);
  });

  it('a worker stopped while fetching the images leaves the article saved, its images pending, nothing half-stored', async () => {
    const slow = await startFixtureServer();
    try {
      slow.route('img/slow-lead.png', () => { /* never answers: the worker is stopped meanwhile */ });
      slow.set('late.html', `<!doctype html><html lang="en"><head><title>Late pictures</title>
        <meta property="og:image" content="/img/slow-lead.png"></head><body><article><h1>Late pictures</h1>
        <p>${'The harbour fair raised money for the lifeboat station again this year, with music on the pier. '.repeat(5)}</p>
        </article></body></html>`);
      const tab = await b.context.newPage();
      await tab.goto(slow.url('late.html'));
      const clipped = await b.send('clip', { tabId: await b.tabIdOf(slow.url('late.html')) });
      expect(clipped.ok).toBe(true);
      if (!clipped.ok) return;
      const pending = b.send('save', { article: clipped.article, images: true }).catch(() => null);
      await expect.poll(async () => (await b.library()).has(clipped.article.link), { timeout: 10_000 }).toBe(true);
      await b.stopWorker();
      await pending;
      const record = await b.messenger.evaluate((key) => new Promise<{ imagesPending?: boolean; savedImages?: unknown } | undefined>((resolve, reject) => {
        const open = indexedDB.open('frontclip');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('articleBuckets').objectStore('articleBuckets').getAll();
          request.onsuccess = () => { open.result.close(); resolve((request.result as { link: string }[][]).flat().find((a) => a.link === key) as never); };
          request.onerror = () => reject(request.error);
        };
      }), clipped.article.link);
      expect(record?.imagesPending).toBe(true);
      expect(record?.savedImages).toBeUndefined();
      expect((await storedImageKeys(b.messenger)).filter((k) => k.startsWith(`${clipped.article.link} `))).toEqual([]);
      // The other article's images are all still there.
      expect((await storedImageKeys(b.messenger)).filter((k) => k.startsWith(`${link} `))).toHaveLength(Object.keys(images.files).length);
    } finally {
      await slow.close();
    }
  });
});
