import type { BrowserContext, Page, Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as Api } from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf } from '../../../src/messages.ts';
import { launchChromium } from '../../../scripts/launch-chromium.ts';
import { sendFrom, tabIdByUrl } from './extension-calls.ts';

export type { Api };

/** Chromium with the extension loaded, downloads landing in `downloads`, and a handle on its worker. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  downloads: string;
  /** Opens an extension page (`popup/index.html?tabId=3`) in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** The tab id of a page the test opened, found through the extension by its URL. */
  tabIdOf: (page: Page) => Promise<number>;
  /** Sends one protocol message from an extension page, exactly as the popup does. */
  send: <K extends MessageName>(name: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;
  close: () => Promise<void>;
}

export async function launchWithExtension(extensionDir: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<ExtensionBrowser> {
  const downloads = await mkdtemp(join(tmpdir(), 'frontclip-downloads-'));
  const chromium = await launchChromium({ extensionDir, downloads, headless: true, ...options }).catch(async (err: unknown) => {
    await rm(downloads, { recursive: true, force: true });
    throw err;
  });
  const { context, worker, extensionId } = chromium;

  let messenger: Page | null = null;
  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  return {
    context, worker, extensionId, downloads, openExtensionPage,
    tabIdOf: (page) => tabIdByUrl(worker, page.url()),
    async send(name, request) {
      // Any extension page will do; the options page has no side effects on opening.
      messenger ??= await openExtensionPage('options/index.html');
      return sendFrom(messenger, name, request);
    },
    async close() {
      await chromium.close();
      await rm(downloads, { recursive: true, force: true }).catch(() => {});
    },
  };
}
