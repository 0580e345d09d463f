import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchChromiumOverCdp, type CdpChromium } from './harness/chromium-cdp.ts';
import type { Api } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import type { MessageName, RequestOf, ResponseOf } from '../../src/messages.ts';

/** DESIGN.md, principle 5: the worker may be stopped at any moment, and nothing it answered is lost. */
describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('a stopped service worker loses nothing', { timeout: 60_000 }, () => {
  let server: FixtureServer;
  let chromium: CdpChromium;
  let context: BrowserContext;
  let extensionId: string;
  let messenger: Page;

  beforeAll(async () => {
    const dir = requireBuild('chrome-e2e');
    server = await startFixtureServer();
    chromium = await launchChromiumOverCdp(dir);
    context = chromium.browser.contexts()[0]!;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
      ?? await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    messenger = await context.newPage();
    await messenger.goto(`chrome-extension://${extensionId}/options/index.html`);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const send = <K extends MessageName>(name: K, request: RequestOf<K>) => messenger.evaluate(([n, r]) => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    return api.runtime.sendMessage({ name: n, request: r });
  }, [name, request] as const) as Promise<ResponseOf<K>>;

  /** Follows the extension worker's running status through CDP. */
  async function watchWorker() {
    const cdp = await context.newCDPSession(messenger);
    const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const v of updated) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
    });
    await cdp.send('ServiceWorker.enable');
    const ours = () => [...versions].filter(([, v]) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    const running = () => ours().some(([, v]) => v.runningStatus === 'running');
    return {
      running,
      /** Stops it and waits until Chromium reports it stopped. */
      async stop() {
        await expect.poll(running).toBe(true);
        for (const [versionId, v] of ours()) if (v.runningStatus === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
        await expect.poll(() => ours().every(([, v]) => v.runningStatus === 'stopped'), { timeout: 10_000 }).toBe(true);
      },
      detach: () => cdp.detach(),
    };
  }

  it('keeps saved articles and settings across a stop, and the restarted worker downloads', async () => {
    const page = await context.newPage();
    const url = server.url('scripted-article.html?restart=1');
    await page.goto(url);
    const tabId = await messenger.evaluate(async (u) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      return (await api.tabs.query({})).find((t) => t.url === u)!.id!;
    }, url);
    const clip = await send('clip', { tabId });
    expect(clip.ok).toBe(true);
    if (!clip.ok) return;
    expect(await send('save', { article: { ...clip.article, tags: ['lighthouse', 'heritage'] } })).toMatchObject({ ok: true });
    await messenger.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.set({ settings: { version: 1, subfolder: 'After restart' } });
    });

    const worker = await watchWorker();
    await worker.stop();
    expect(worker.running()).toBe(false);
    // The message itself wakes the worker up: a fresh one, with nothing in memory.
    const tags = await send('knownTags', {});
    expect(worker.running()).toBe(true);
    await worker.detach();
    expect(tags).toEqual({ ok: true, tags: ['heritage', 'lighthouse'] });

    const download = await send('quickDownload', { tabId });
    expect(download).toEqual({ ok: true, filename: 'After restart/harbour-town-restores-its-lighthouse.md' });
    await waitForFile(join(chromium.downloads, 'After restart', 'harbour-town-restores-its-lighthouse.md'));
  });
});
