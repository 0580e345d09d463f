// The two browsers the library benchmark drives, behind one small interface: Chromium through
// playwright-core (with CDP for the JS heap), Firefox ESR through puppeteer-core over WebDriver BiDi.
import { join } from 'node:path';
import type { ElementHandle, Page as FirefoxPage } from 'puppeteer-core';
import { launchChromium } from '../scripts/launch-chromium.ts';
import { launchFirefoxWithExtension } from '../test/e2e/harness/firefox.ts';

export interface LibraryDriver {
  name: string;
  downloads: string;
  /** Opens (or reopens) the library page (or another extension page), with an optional query (`?zip=store`). */
  open(query?: string, path?: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Picks a file in Import…. */
  upload(path: string): Promise<void>;
  /** The JS heap in use, where the browser reports it (Chromium); NaN elsewhere. */
  heap(): Promise<number>;
  close(): Promise<void>;
}

export async function chromiumDriver(extensionDir: string, downloads: string): Promise<LibraryDriver> {
  const browser = await launchChromium({ extensionDir, downloads, headless: true });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const origin = `chrome-extension://${browser.extensionId}`;
  return {
    name: 'Chromium',
    downloads,
    async open(query = '', path = 'options/library.html') {
      await page.goto(`${origin}/${path}${query}`);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    upload: (path) => page.locator('input[type="file"]').setInputFiles(path),
    async heap() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    },
    close: () => browser.close(),
  };
}

export async function firefoxDriver(extensionDir: string): Promise<LibraryDriver> {
  const ff = await launchFirefoxWithExtension(extensionDir);
  let page: FirefoxPage | null = null;
  return {
    name: 'Firefox ESR',
    downloads: ff.downloads,
    async open(query = '', path = 'options/library.html') {
      if (page) await page.close();
      page = await ff.openExtensionPage(`${path}${query}`);
      // Best effort: Firefox ESR 140's WebDriver BiDi lacks a command puppeteer sends with it.
      await page.setViewport({ width: 1200, height: 900 }).catch(() => {});
    },
    evaluate: (fn, arg) => page!.evaluate(fn as never, arg) as never,
    async upload(path) {
      const input = (await page!.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
    },
    heap: async () => NaN,
    close: () => ff.close(),
  };
}

/** Where a browser's downloads land for a zip the page reports as `Frontclip/x.zip`. */
export const downloadedPath = (driver: LibraryDriver, reported: string) => join(driver.downloads, reported);
