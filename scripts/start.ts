// `npm start`: builds, then shows Frontclip on the sample article. With a display, Chromium opens
// headed with the extension loaded and stays open until its window is closed. Without one (a
// server, CI) the same clip runs headless: popup, Download, and the file and a screenshot of the
// popup land in artifacts/.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser as Api } from 'webextension-polyfill';
import type { Worker } from 'playwright-core';
import { buildExtension } from './build.ts';
import { CHROMIUM_PATH, launchChromium } from './launch-chromium.ts';
import { startFixtureServer } from './serve-fixtures.ts';

const root = resolve(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts');
const SAMPLE = 'news-article.html';

async function waitForDownload(folder: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = await readdir(folder).catch(() => [] as string[]);
    const done = names.find((n) => !n.endsWith('.crdownload'));
    if (done && (await stat(join(folder, done))).size > 0) return join(folder, done);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download arrived in ${folder} within ${timeoutMs / 1000} s`);
}

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`the sample article's tab was not found (${url})`);
  return id;
}

/** No display: clip the sample through the popup, Download, keep the file and a screenshot. */
async function headless(sampleUrl: string): Promise<void> {
  const downloads = join(artifacts, 'downloads');
  await rm(downloads, { recursive: true, force: true });
  // The test build: a popup opened as a tab gets no activeTab grant (docs/DESIGN.md, "Platform facts").
  const browser = await launchChromium({ extensionDir: join(root, 'dist', 'chrome-e2e'), downloads, headless: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(sampleUrl);
    const tabId = await tabIdOf(browser.worker, sampleUrl);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Download', exact: true }).click();
    const file = await waitForDownload(join(downloads, 'Frontclip'), 15_000);
    await popup.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor({ timeout: 10_000 });
    const screenshot = join(artifacts, 'popup.png');
    await popup.screenshot({ path: screenshot, fullPage: true });
    console.log(`No display found, so the clip ran headless.\n  clipped file: ${relative(process.cwd(), file)}\n  popup screenshot: ${relative(process.cwd(), screenshot)}`);
  } finally {
    await browser.close();
  }
}

/** A display: Chromium stays open on the sample article until its window is closed. */
async function headed(sampleUrl: string): Promise<void> {
  const downloads = join(artifacts, 'downloads');
  const browser = await launchChromium({ extensionDir: join(root, 'dist', 'chrome'), downloads, headless: false, pin: true });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await page.goto(sampleUrl);
  await page.bringToFront();
  console.log([
    `Chromium is open on the sample article with Frontclip loaded (dist/chrome).`,
    `  Click Frontclip's toolbar button or press Alt+Shift+F to clip it;`,
    `  Alt+Shift+D downloads it at once. Downloads go to ${relative(process.cwd(), downloads)}/.`,
    `  Close the window to finish.`,
  ].join('\n'));
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => void browser.close().then(done));
  });
  await browser.close();
}

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Chromium is not at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
await buildExtension({ e2e: true });
await mkdir(artifacts, { recursive: true });
const server = await startFixtureServer();
try {
  const sampleUrl = server.url(SAMPLE);
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await headed(sampleUrl);
  else await headless(sampleUrl);
} finally {
  await server.close();
}
