import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { launchFaultBrowser, type FaultBrowser } from './harness/fault-browser.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { articlePage, bigArticlePage, busyPage } from './harness/generated-pages.ts';
import { popupDriver, type PopupDriver } from './harness/popup-driver.ts';
import { waitForFile } from './harness/downloads.ts';
import type { Api } from './harness/chromium.ts';

const WORKER_GONE = "Frontclip's background worker stopped before it answered. Try again.";

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('faults in Chromium: each ends in a clear message, nothing confirmed is lost', { timeout: 120_000 }, () => {
  let server: FixtureServer;
  let b: FaultBrowser;
  /** What the reader was told is in the library: link -> title. */
  const confirmed = new Map<string, string>();
  let faults = 0;
  let n = 0;

  beforeAll(async () => {
    server = await startFixtureServer();
    b = await launchFaultBrowser(requireBuild('chrome-e2e'));
  });

  afterAll(async () => {
    console.info(`faults.test.ts: ${faults} faults injected; ${confirmed.size} confirmed saves, all still in the library`);
    await b?.close();
    await server?.close();
  });

  /** Every article the reader was told was saved is in the library, as saved. */
  async function expectNothingLost(): Promise<void> {
    const library = await b.library();
    const missing = [...confirmed].filter(([link, title]) => library.get(link)?.title !== title);
    expect(missing, 'confirmed saves missing from the library').toEqual([]);
  }

  async function openArticle(html: (n: number) => string = articlePage): Promise<{ page: Page; tabId: number; url: string; title: string }> {
    const id = ++n;
    server.set(`story-${id}.html`, html(id));
    const page = await b.context.newPage();
    const url = server.url(`story-${id}.html`);
    await page.goto(url);
    return { page, tabId: await b.tabIdOf(page), url, title: `Harbour story ${id}` };
  }

  const openPopup = async (tabId: number): Promise<PopupDriver> => popupDriver(await b.openExtensionPage(`popup/index.html?tabId=${tabId}`));

  /** Clips a tab through a popup and saves it; the article counts as confirmed once the popup says so. */
  async function saveThroughPopup(tabId: number, url: string): Promise<PopupDriver> {
    const popup = await openPopup(tabId);
    expect(await popup.settled()).toBe('form');
    const title = await popup.title();
    expect(await popup.submit('Save')).toBe('Saved to your library');
    confirmed.set(url, title);
    return popup;
  }

  // First in this file: Chromium's IndexedDB remembers the room it found for about 30 seconds
  // after a write, so a quota lowered later would only bite after that. Here the first write of the
  // session finds room for a small article only.
  it('the storage quota runs out: a large article gets a clear message, earlier saves stay, a small one still fits', async () => {
    const cdp = await b.context.newCDPSession(b.messenger);
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: b.origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: b.origin, quotaSize: usage + 200_000 });
    faults++;
    try {
      const small = await openArticle();
      await saveThroughPopup(small.tabId, small.url);

      const large = await openArticle((id) => bigArticlePage(id, 600_000));
      const popup = await openPopup(large.tabId);
      expect(await popup.settled()).toBe('form');
      const full = 'The browser has no room left for the library (the disk or its storage quota is full): nothing was changed. Free some disk space, or delete articles you no longer need, and try again.';
      expect(await popup.submit('Save')).toBe(`Couldn't save: ${full}`);
      expect(await popup.submit('Download')).toBe(`Couldn't download: ${full}`);
      expect((await b.library()).has(large.url)).toBe(false);
      await expectNothingLost();

      const another = await openArticle();
      await saveThroughPopup(another.tabId, another.url);
      await expectNothingLost();

      // Once there is room again, the same popup saves the large article.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: b.origin });
      expect(await popup.submit('Save')).toBe('Saved to your library');
      confirmed.set(large.url, large.title);
      await expectNothingLost();
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: b.origin });
      await cdp.detach();
    }
  });

  it('the worker stopped during a clip: the popup says so, Retry clips, and saving works', async () => {
    const before = await openArticle();
    await saveThroughPopup(before.tabId, before.url);

    // The page's own script holds its thread for 5 s, so the clip is still waiting when the worker
    // stops, however slowly the popup opens on a loaded machine.
    const busy = await openArticle((id) => busyPage(id, 5_000));
    await busy.page.waitForTimeout(400);
    const popup = await openPopup(busy.tabId);
    await popup.page.getByRole('status').filter({ hasText: 'Clipping…' }).waitFor();
    await b.stopWorker();
    faults++;
    expect(await popup.settled()).toBe('state');
    expect(await popup.state()).toEqual({ heading: "Couldn't clip this page", detail: WORKER_GONE });

    await popup.page.getByRole('button', { name: 'Retry' }).click();
    expect(await popup.settled()).toBe('form');
    expect(await popup.title()).toBe(busy.title);
    expect(await popup.submit('Save')).toBe('Saved to your library');
    confirmed.set(busy.url, busy.title);
    await expectNothingLost();
  });

  it('the worker stopped between Save and Download, and again while downloading', async () => {
    const story = await openArticle();
    const popup = await saveThroughPopup(story.tabId, story.url);
    await b.stopWorker();
    faults++;
    const name = `harbour-story-${n}.md`;
    expect(await popup.submit('Download')).toBe(`Downloaded Frontclip/${name}`);
    await waitForFile(join(b.chromium.downloads, 'Frontclip', name));
    await expectNothingLost();

    // Stopped while the download is in flight: either it finished first or the popup says why not.
    const second = await openArticle();
    const popup2 = await openPopup(second.tabId);
    expect(await popup2.settled()).toBe('form');
    await popup2.page.getByRole('button', { name: 'Download', exact: true }).click();
    await b.stopWorker();
    faults++;
    const status = popup2.page.locator('form.clip-form').getByRole('status').filter({ hasText: /^(?:Downloaded|Couldn't)/ });
    await status.waitFor({ timeout: 20_000 });
    const text = await status.textContent();
    expect([`Downloaded Frontclip/harbour-story-${n}.md`, `Couldn't download: ${WORKER_GONE}`]).toContain(text);
    if (text?.startsWith('Downloaded')) confirmed.set(second.url, second.title);
    else expect(await popup2.submit('Download')).toMatch(/^Downloaded Frontclip\/harbour-story-\d+(?: \(1\))?\.md$/);
    confirmed.set(second.url, second.title);
    await expectNothingLost();
  });

  it('the tab closed while clipping: the popup says the tab is gone', async () => {
    const busy = await openArticle((id) => busyPage(id, 5_000));
    await busy.page.waitForTimeout(400);
    const popup = await openPopup(busy.tabId);
    await popup.page.getByRole('status').filter({ hasText: 'Clipping…' }).waitFor();
    await b.messenger.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.tabs.remove(id);
    }, busy.tabId);
    faults++;
    expect(await popup.settled()).toBe('state');
    const state = await popup.state();
    expect(state.heading).toBe("Couldn't clip this page");
    expect(state.detail).toMatch(/^The tab was closed (?:before|while) Frontclip/);
    await expectNothingLost();
  });

  it('the tab went to another page while clipping: the popup says so', async () => {
    const busy = await openArticle((id) => busyPage(id, 5_000));
    await busy.page.waitForTimeout(400);
    const popup = await openPopup(busy.tabId);
    await popup.page.getByRole('status').filter({ hasText: 'Clipping…' }).waitFor();
    const other = ++n;
    server.set(`story-${other}.html`, articlePage(other));
    await b.messenger.evaluate(async ([id, url]) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.tabs.update(id, { url });
    }, [busy.tabId, server.url(`story-${other}.html`)] as const);
    faults++;
    // Depending on when the page changed, the popup clips the page the tab shows now (one whole
    // page, never a mix), or says the page changed; it never hangs or shows the browser's words.
    if (await popup.settled() === 'form') {
      expect([busy.title, `Harbour story ${other}`]).toContain(await popup.title());
    } else {
      expect(await popup.state()).toEqual({
        heading: "Couldn't clip this page",
        detail: 'The tab went to another page while Frontclip was reading it. Open Frontclip again to clip the page it shows now.',
      });
    }
    await expectNothingLost();
  });

  it('a page that keeps its thread busy: the popup stops waiting after 10 s and says why', async () => {
    const busy = await openArticle((id) => busyPage(id, 14_000));
    await busy.page.waitForTimeout(400);
    const started = Date.now();
    const popup = await openPopup(busy.tabId);
    faults++;
    expect(await popup.settled(15_000)).toBe('state');
    expect(Date.now() - started).toBeLessThan(13_000);
    const state = await popup.state();
    expect(state.heading).toBe("Couldn't clip this page");
    expect(state.detail).toBe('The page is not responding: Frontclip waited 10 seconds for it. Wait until it responds again, or reload it, and try again.');
    await busy.page.close();
  });

  it('two popups save at once, and two download the same article at once', async () => {
    const one = await openArticle();
    const two = await openArticle();
    const [p1, p2] = await Promise.all([openPopup(one.tabId), openPopup(two.tabId)]);
    expect(await p1.settled()).toBe('form');
    expect(await p2.settled()).toBe('form');
    faults++;
    expect(await Promise.all([p1.submit('Save'), p2.submit('Save')])).toEqual(['Saved to your library', 'Saved to your library']);
    confirmed.set(one.url, one.title);
    confirmed.set(two.url, two.title);
    await expectNothingLost();

    const p3 = await openPopup(one.tabId);
    expect(await p3.settled()).toBe('form');
    faults++;
    const name = `harbour-story-${n - 1}`;
    const both = await Promise.all([p1.submit('Download'), p3.submit('Download')]);
    expect(both.sort()).toEqual([`Downloaded Frontclip/${name} (1).md`, `Downloaded Frontclip/${name}.md`]);
    expect(existsSync(join(b.chromium.downloads, 'Frontclip', `${name}.md`))).toBe(true);
    await waitForFile(join(b.chromium.downloads, 'Frontclip', `${name} (1).md`));
    await expectNothingLost();
  });
});
