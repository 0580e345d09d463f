import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromiumOverCdp, type CdpChromium } from './chromium-cdp.ts';
import type { MessageName, RequestOf, ResponseOf } from '../../../src/messages.ts';
import { sendFrom, tabIdByUrl } from './extension-calls.ts';

/** One article as the library holds it, read straight from IndexedDB (not through Frontclip's code). */
export interface StoredRecord {
  link: string;
  title: string;
  tags: string[];
  body: string;
  savedAt: string;
}

/**
 * Chromium started by the test and attached over CDP, so that the extension's worker can be
 * stopped on purpose (Playwright closes a persistent context when it stops; docs/DESIGN.md, "Platform facts").
 */
export interface FaultBrowser {
  chromium: CdpChromium;
  context: BrowserContext;
  extensionId: string;
  origin: string;
  /** An extension page that stays open: it sends messages and reads the library. */
  messenger: Page;
  send: <K extends MessageName>(name: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;
  /** The tab showing a page (or a URL). */
  tabIdOf: (page: Page | string) => Promise<number>;
  /** Whether the extension's service worker is running now. */
  running: () => boolean;
  /** Stops the extension's service worker and waits until Chromium reports it stopped. */
  stopWorker: () => Promise<void>;
  /** Every article in the library, by link. */
  library: () => Promise<Map<string, StoredRecord>>;
  openExtensionPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

export async function launchFaultBrowser(extensionDir: string): Promise<FaultBrowser> {
  const chromium = await launchChromiumOverCdp(extensionDir);
  try {
    const context = chromium.browser.contexts()[0]!;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
      ?? await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const extensionId = new URL(worker.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    const first = context.pages()[0] ?? await context.newPage();
    const downloadsCdp = await context.newCDPSession(first);
    await downloadsCdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    const openExtensionPage = async (path: string) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${path}`);
      return page;
    };
    const messenger = await openExtensionPage('options/index.html');

    // The worker's versions, followed through CDP from the messenger page.
    const cdp: CDPSession = await context.newCDPSession(messenger);
    const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const v of updated) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
    });
    await cdp.send('ServiceWorker.enable');
    const ours = () => [...versions].filter(([, v]) => v.scriptURL.startsWith(`${origin}/`));

    const send = <K extends MessageName>(name: K, request: RequestOf<K>) => sendFrom(messenger, name, request);
    const running = () => ours().some(([, v]) => v.runningStatus === 'running');

    return {
      chromium, context, extensionId, origin, messenger, send, openExtensionPage,
      tabIdOf: (page) => tabIdByUrl(messenger, typeof page === 'string' ? page : page.url()),
      running,
      async stopWorker() {
        const deadline = Date.now() + 10_000;
        while (!running()) {
          if (Date.now() > deadline) throw new Error('the extension worker never ran');
          await new Promise((r) => setTimeout(r, 20));
        }
        // Chromium may let a stop request pass while the worker still finishes an event: ask again.
        let asked = 0;
        while (!ours().every(([, v]) => v.runningStatus === 'stopped')) {
          if (Date.now() > deadline) throw new Error(`the extension worker did not stop: ${JSON.stringify(ours())}`);
          if (Date.now() - asked > 500) {
            asked = Date.now();
            for (const [versionId, v] of ours()) if (v.runningStatus === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      library: async () => new Map((await messenger.evaluate(() => new Promise<StoredRecord[]>((resolve, reject) => {
        const open = indexedDB.open('frontclip');
        let missing = false;
        // No library yet: creating an empty one here would stop Frontclip's own upgrade from making its stores.
        open.onupgradeneeded = () => {
          missing = true;
          open.transaction!.abort();
        };
        open.onerror = () => (missing ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articleBuckets')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('articleBuckets').objectStore('articleBuckets').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            // An imported body is kept as UTF-8 bytes: read as its text.
            const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
            resolve((all.result as (Omit<StoredRecord, 'body'> & { body: string | Uint8Array })[][]).flat().map(({ link, title, tags, body, savedAt }) => ({ link, title, tags, body: text(body), savedAt })));
          };
        };
      }))).map((r) => [r.link, r])),
      close: () => chromium.close(),
    };
  } catch (err) {
    await chromium.close();
    throw err;
  }
}
