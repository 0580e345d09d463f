import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Request } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { launchWithExtension, type Api, type ExtensionBrowser } from './harness/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { spyOnHtmlSinks, spyReport } from './harness/html-sink-spy.ts';
import { popupDriver } from './harness/popup-driver.ts';
import { serveImageArticle } from './harness/image-fixtures.ts';

/** A request the extension made: from its worker or one of its pages (or its content script, in a tab). */
interface Seen {
  by: string;
  url: string;
}

/** URLs that never leave the browser: the extension's own files, and data the page already holds. */
const LOCAL = /^(?:chrome-extension|data|blob):/;

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('Frontclip makes no network request of its own', { timeout: 120_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  const seen: Seen[] = [];
  /** Requests of the clipped tabs, recorded only while Frontclip works in them. */
  const tabRequests: Seen[] = [];
  const extensionPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    serveImageArticle(server);
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
    await spyOnHtmlSinks(ext.context);
    const origin = `chrome-extension://${ext.extensionId}/`;
    // Playwright reports the requests of every page and service worker of the context.
    ext.context.on('request', (request: Request) => {
      const worker = request.serviceWorker();
      if (worker) {
        if (worker.url().startsWith(origin)) seen.push({ by: 'service worker', url: request.url() });
        return;
      }
      const page = request.frame().page();
      if (page.url().startsWith(origin) || request.frame().url().startsWith(origin)) seen.push({ by: page.url(), url: request.url() });
    });
    // The worker's own record of attempts its policy blocked (they never reach the network, so no
    // request event shows them), and of every fetch it starts. Kept on its global: the test also
    // checks at the end that this is still the same worker, so that nothing went unrecorded.
    await ext.worker.evaluate(() => {
      const scope = globalThis as unknown as { __privacyAudit?: string[]; fetch: typeof fetch; addEventListener: (type: string, listener: (event: SecurityPolicyViolationEvent) => void) => void };
      const audit: string[] = [];
      scope.__privacyAudit = audit;
      scope.addEventListener('securitypolicyviolation', (event) => audit.push(`blocked ${event.violatedDirective}: ${event.blockedURI}`));
      const original = scope.fetch.bind(globalThis);
      scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        audit.push(`fetch ${input instanceof Request ? input.url : String(input)}`);
        return original(input, init);
      };
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /**
   * Watches one tab at the network level while Frontclip works in it: the content script runs in
   * the page, so its requests would be the tab's. The fixture pages load nothing after `load`.
   */
  async function watchTab(page: Page): Promise<{ stop: () => Promise<void> }> {
    const cdp: CDPSession = await ext.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const listener = (event: { request: { url: string }; initiator: { type: string; url?: string } }) => {
      tabRequests.push({ by: `tab ${page.url()} (${event.initiator.type} ${event.initiator.url ?? ''})`, url: event.request.url });
    };
    cdp.on('Network.requestWillBeSent', listener);
    return {
      async stop() {
        cdp.off('Network.requestWillBeSent', listener);
        await cdp.detach();
      },
    };
  }

  async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await ext.context.newPage();
    await page.goto(server.url(path), { waitUntil: 'load' });
    // Let the page finish its own requests before Frontclip starts: they are the page's, not Frontclip's.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    return { page, tabId: await ext.tabIdOf(page) };
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await ext.openExtensionPage(path);
    extensionPages.push(page);
    return page;
  }

  it('while clipping, saving and downloading through the popup, in both body formats', async () => {
    // The images page too: with Images left at "link to the site", not one of its pictures is fetched.
    const pages = [['news-article.html', 'markdown', 'article'], ['hostile-article.html', 'html', 'article'], ['hostile-no-article.html', 'html', 'page'], ['images/bridge.html', 'markdown', 'article']] as const;
    for (const [path, bodyFormat, mode] of pages) {
      await ext.worker.evaluate(async (format) => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        await api.storage.sync.set({ settings: { version: 1, bodyFormat: format } });
      }, bodyFormat);
      const { page, tabId } = await openTab(path);
      const watch = await watchTab(page);
      const popup = popupDriver(await openExtensionPage(`popup/index.html?tabId=${tabId}`));
      if (await popup.settled() === 'state') {
        await popup.page.getByRole('button', { name: 'Clip whole page' }).click();
        expect(await popup.settled()).toBe('form');
        await popup.page.locator('form.clip-form').waitFor();
      }
      expect(await popup.submit('Save')).toBe('Saved to your library');
      expect(await popup.submit('Download')).toMatch(/^Downloaded /);
      // The quick download of the keyboard shortcut and the context menu.
      const quick = await ext.send('quickDownload', { tabId, mode });
      expect(quick, JSON.stringify(quick)).toMatchObject({ ok: true });
      await popup.page.waitForTimeout(300);
      await watch.stop();
    }
    await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.remove('settings');
    });
  });

  it('while opening the settings and the library, editing, downloading and exporting there', async () => {
    const settings = await openExtensionPage('options/index.html');
    await settings.getByLabel('Subfolder').fill('Clips');
    await settings.getByLabel('Subfolder').blur();
    const library = await openExtensionPage('options/library.html');
    await library.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(() => library.locator('.lib-row').count()).toBe(4);
    await library.getByRole('searchbox').fill('harbour');
    await library.getByRole('searchbox').fill('');
    await library.locator('.row-title').first().click();
    // The reading view (the body rendered, images as labels), then the editor from it.
    const reader = library.locator('dialog.reader');
    await reader.getByRole('region', { name: 'Article' }).waitFor();
    await reader.getByRole('button', { name: 'Edit' }).click();
    const dialog = library.getByRole('dialog', { name: 'Edit article' });
    await dialog.getByRole('region', { name: 'Preview' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await library.locator('.row-download').first().click();
    await library.getByRole('status').filter({ hasText: /^Downloaded / }).waitFor();
    await library.getByRole('button', { name: 'Export all' }).click();
    await library.getByRole('status').filter({ hasText: /^Exported 4 articles/ }).waitFor({ timeout: 30_000 });
    // Everything is exported now: Export new has nothing left to write.
    await library.getByRole('button', { name: 'Export new' }).click();
    await library.getByRole('status').filter({ hasText: /nothing new to export/ }).waitFor();
    await settings.getByLabel('Subfolder').fill('Frontclip');
    await settings.getByLabel('Subfolder').blur();
    await library.waitForTimeout(300);
  });

  it('none of it reached the network: no request from the worker, the pages or the content script, and no blocked attempt', async () => {
    expect(seen.filter((r) => !LOCAL.test(r.url))).toEqual([]);
    expect(tabRequests.filter((r) => !LOCAL.test(r.url))).toEqual([]);
    // The fixture server heard nothing from an extension origin.
    expect(server.requests.filter((r) => /chrome-extension:/.test(`${r.headers.origin ?? ''} ${r.headers.referer ?? ''}`))).toEqual([]);
    // A request the Content Security Policy blocked was still an attempt: there were none.
    for (const page of extensionPages) {
      if (page.isClosed()) continue;
      expect((await spyReport(page)).violations, page.url()).toEqual([]);
    }
    // The worker tried nothing either (same worker as at the start: its record is complete).
    const workerAudit = await ext.worker.evaluate(() => (globalThis as unknown as { __privacyAudit?: string[] }).__privacyAudit ?? null);
    expect(workerAudit, 'the worker restarted during the audit').not.toBeNull();
    expect(workerAudit!.filter((entry) => !/^fetch (?:chrome-extension|data|blob):/.test(entry))).toEqual([]);
    // Nor did it have the browser fetch anything for it: every download was of data it held, and
    // it opened no tab of its own on a remote address.
    const { downloads, tabs } = await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      return {
        downloads: (await api.downloads.search({})).map((d) => d.url),
        tabs: (await api.tabs.query({})).map((t) => t.url ?? ''),
      };
    });
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads.filter((url) => !LOCAL.test(url))).toEqual([]);
    expect(tabs.filter((url) => url !== '' && url !== 'about:blank' && !url.startsWith(server.origin) && !url.startsWith('chrome-extension://'))).toEqual([]);
    // The audit saw the extension at work: its own files were requested and recorded.
    expect(seen.some((r) => r.url.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
  });
  it('with Save images, the worker fetches this article\'s images and nothing else, and the pages still nothing', async () => {
    // A fresh record: everything before was checked above.
    seen.length = 0;
    tabRequests.length = 0;
    server.requests.length = 0;
    await ext.worker.evaluate(() => { (globalThis as unknown as { __privacyAudit: string[] }).__privacyAudit.length = 0; });
    await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.set({ settings: { version: 1, images: 'save' } });
    });
    const { page, tabId } = await openTab('images/bridge.html');
    const watch = await watchTab(page);
    const popup = popupDriver(await openExtensionPage(`popup/index.html?tabId=${tabId}`));
    expect(await popup.settled()).toBe('form');
    expect(await popup.page.getByRole('checkbox', { name: 'Save images' }).isChecked()).toBe(true);
    expect(await popup.submit('Download', 60_000)).toMatch(/^Downloaded .*index\.md · 7 images saved/);
    expect(await ext.send('quickDownload', { tabId, mode: 'article' })).toMatchObject({ ok: true, images: { saved: 7 } });
    await watch.stop();
    await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.remove('settings');
    });

    // Exactly the article's images (the best copy of each), from the worker only.
    const allowed = new Set(['plain.png', 'bridge-1600.jpg', 'deck.webp', 'lazy.png', 'chart.svg', 'evil.svg', 'missing.png', 'huge.jpg', 'slow.jpg', 'lead.jpg'].map((f) => server.url(`img/${f}`)));
    const remote = seen.filter((r) => !LOCAL.test(r.url));
    expect(remote.length).toBeGreaterThan(0);
    expect(remote.filter((r) => r.by !== 'service worker' || !allowed.has(r.url))).toEqual([]);
    const audit = await ext.worker.evaluate(() => (globalThis as unknown as { __privacyAudit: string[] }).__privacyAudit);
    const fetched = audit.filter((entry) => entry.startsWith('fetch ') && !/^fetch (?:chrome-extension|data|blob):/.test(entry)).map((e) => e.slice(6));
    expect(new Set(fetched)).toEqual(allowed);
    expect(audit.filter((entry) => !entry.startsWith('fetch '))).toEqual([]);
    // Not the small copy the srcset replaces, not the picture's fallback, not the page itself.
    expect(server.requests.filter((r) => r.headers['sec-fetch-dest'] !== 'image' && r.headers['sec-fetch-dest'] !== 'document')
      .map((r) => server.url(r.path)).filter((u) => !allowed.has(u))).toEqual([]);
    expect(tabRequests.filter((r) => !LOCAL.test(r.url))).toEqual([]);
    for (const extensionPage of extensionPages) {
      if (extensionPage.isClosed()) continue;
      expect((await spyReport(extensionPage)).violations, extensionPage.url()).toEqual([]);
    }
  });
});
