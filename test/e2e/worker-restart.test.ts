import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchFaultBrowser, type FaultBrowser } from './harness/fault-browser.ts';
import type { Api } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';

/** docs/DESIGN.md, principle 5: the worker may be stopped at any moment, and nothing it answered is lost. */
describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('a stopped service worker loses nothing', { timeout: 60_000 }, () => {
  let server: FixtureServer;
  let b: FaultBrowser;

  beforeAll(async () => {
    const dir = requireBuild('chrome-e2e');
    server = await startFixtureServer();
    // Started by hand and attached over CDP: the test stops the worker (docs/DESIGN.md, "Platform facts").
    b = await launchFaultBrowser(dir);
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('keeps saved articles and settings across a stop, and the restarted worker downloads', async () => {
    const { send } = b;
    const page = await b.context.newPage();
    await page.goto(server.url('scripted-article.html?restart=1'));
    const tabId = await b.tabIdOf(page);
    const clip = await send('clip', { tabId });
    expect(clip.ok).toBe(true);
    if (!clip.ok) return;
    expect(await send('save', { article: { ...clip.article, tags: ['lighthouse', 'heritage'] } })).toMatchObject({ ok: true });
    await b.messenger.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.set({ settings: { version: 1, subfolder: 'After restart' } });
    });

    await b.stopWorker();
    expect(b.running()).toBe(false);
    // The message itself wakes the worker up: a fresh one, with nothing in memory.
    const tags = await send('knownTags', {});
    await expect.poll(b.running).toBe(true);
    expect(tags).toEqual({ ok: true, tags: ['heritage', 'lighthouse'] });

    const download = await send('quickDownload', { tabId });
    expect(download).toEqual({ ok: true, filename: 'After restart/harbour-town-restores-its-lighthouse.md' });
    await waitForFile(join(b.chromium.downloads, 'After restart', 'harbour-town-restores-its-lighthouse.md'));
  });
});
