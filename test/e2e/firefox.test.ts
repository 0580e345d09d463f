import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser as Api } from 'webextension-polyfill';
import type { Page } from 'puppeteer-core';
import { browserAvailable, FIREFOX_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './harness/firefox.ts';
import { waitForFile } from './harness/downloads.ts';
import { cliArticle, expectedFile } from './harness/expected-file.ts';
import type { MessageName, RequestOf, ResponseOf } from '../../src/messages.ts';
import { byRole, statusMatching } from './harness/firefox-page.ts';

describe.skipIf(!browserAvailable('Firefox', FIREFOX_PATH))('Frontclip in Firefox ESR', { timeout: 90_000 }, () => {
  let server: FixtureServer;
  let ff: FirefoxWithExtension;
  let messenger: Page;

  beforeAll(async () => {
    const dir = requireBuild('firefox-e2e');
    server = await startFixtureServer();
    ff = await launchFirefoxWithExtension(dir);
    messenger = await ff.openExtensionPage('options/index.html');
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  /** The tab showing `url`, found through the extension (Firefox patterns cannot hold a port). */
  const tabIdOf = (url: string) => messenger.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);

  const send = <K extends MessageName>(name: K, request: RequestOf<K>) => messenger.evaluate((n, r) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    return api.runtime.sendMessage({ name: n, request: r });
  }, name, request) as Promise<ResponseOf<K>>;

  async function openFixture(path: string): Promise<{ url: string; tabId: number; page: Page }> {
    const page = await ff.browser.newPage();
    const url = server.url(path);
    await page.goto(url, { waitUntil: 'load' });
    return { url, page, tabId: await tabIdOf(url) };
  }

  it('the popup: remove "nations", add "diplomacy", Download writes the expected file', async () => {
    const { url, tabId } = await openFixture('news-article.html?firefox=popup');
    const popup = await ff.openExtensionPage(`popup/index.html?tabId=${tabId}`);
    // Firefox's accessibility locator also matches a <label> by its text, so the role is given too.
    await (await byRole(popup, 'Remove tag nations', 'button')).click();
    await (await byRole(popup, 'Add tag', 'combobox')).type('diplomacy');
    await popup.keyboard.press('Enter');
    await byRole(popup, 'Remove tag diplomacy', 'button');
    expect(await popup.$$('::-p-aria([name="Remove tag nations"][role="button"])')).toHaveLength(0);
    await (await byRole(popup, 'Download', 'button')).click();

    const clipped = cliArticle('news-article.html', url);
    const expected = expectedFile({ ...clipped, tags: [...clipped.tags.filter((t) => t !== 'nations'), 'diplomacy'] });
    const file = await waitForFile(join(ff.downloads, 'Frontclip', clipped.filename));
    expect(file.toString('utf8')).toBe(expected);
    expect(await statusMatching(popup, /Downloaded/, 10_000)).toContain(`Frontclip/${clipped.filename}`);
  });

  it('quick download through the background (a blob: URL there); a clash gets "(1)", never an overwrite', async () => {
    const { url, tabId } = await openFixture('news-article.html?firefox=quick');
    const expected = expectedFile(cliArticle('news-article.html', url));
    const first = await send('quickDownload', { tabId });
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    // The popup test above already wrote the plain name: this one must not overwrite it. Firefox
    // numbers a clash `name(1).md` where Chrome writes `name (1).md`; the browser picks the name.
    const plain = `Frontclip/${cliArticle('news-article.html', url).filename}`;
    expect(first.filename).toBe(plain.replace(/\.md$/, '(1).md'));
    expect((await readFile(join(ff.downloads, plain), 'utf8'))).toContain("- 'diplomacy'");
    expect((await waitForFile(join(ff.downloads, first.filename))).toString('utf8')).toBe(expected);
  });

  it.each(['body-furniture.html', 'body-noscript.html', 'meta-byline.html', 'body-constructs.html'])('extraction in the live page equals the CLI\'s: %s', async (name) => {
    const { url, tabId, page } = await openFixture(name);
    const result = await send('quickDownload', { tabId });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect((await waitForFile(join(ff.downloads, result.filename))).toString('utf8')).toBe(expectedFile(cliArticle(name, url)));
    await page.close();
  });

  it('clips a selection, leaves the page untouched and injects the content script once', async () => {
    const { url, tabId, page } = await openFixture('scripted-article.html?firefox=selection');
    const selected = await page.evaluate(() => {
      const p = document.getElementById('first')!;
      const range = document.createRange();
      range.selectNode(p);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return p.outerHTML;
    });
    const snapshot = () => page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      mutations: (window as unknown as { pageState: { mutations: number } }).pageState.mutations,
    }));
    const before = await snapshot();
    const clip = await send('clip', { tabId, mode: 'selection' });
    expect(clip).toMatchObject({ ok: true });
    if (clip.ok) expect(clip.article.body).toBe(cliArticle('scripted-article.html', url, { mode: 'selection', selectionHtml: selected }).body);
    expect(await send('clip', { tabId })).toMatchObject({ ok: true, article: { title: 'Harbour town restores its lighthouse' } });
    expect(await snapshot()).toEqual(before);
    const state = await messenger.evaluate(async (id) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      const [result] = await api.scripting.executeScript({
        target: { tabId: id },
        func: () => (globalThis as { __frontclipContent?: unknown }).__frontclipContent ?? null,
      });
      return result?.result as unknown;
    }, tabId);
    expect(state).toEqual({ loads: 1, listeners: 1 });
  });

  it('refuses about: pages and reports pages without an article', async () => {
    const blank = await messenger.evaluate(async () => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      return (await api.tabs.create({ url: 'about:blank', active: false })).id!;
    });
    // The worker sees neither the address of a tab it was not granted nor a refusal other than an
    // ungranted web page's: "no-access", whose copy covers blank pages too.
    expect(await send('clip', { tabId: blank })).toMatchObject({ ok: false, reason: 'no-access' });
    const { tabId } = await openFixture('no-article.html');
    expect(await send('clip', { tabId })).toMatchObject({ ok: false, reason: 'no-article' });
  });
});
