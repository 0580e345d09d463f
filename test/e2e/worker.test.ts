import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchWithExtension, type Api, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { cliArticle, expectedFile, pageHtml } from './harness/expected-file.ts';
import { JSDOM } from 'jsdom';

/**
 * The extraction rules (furniture removal, the fallback for script-built pages, the standfirst,
 * byline dates, the lead image from content) run in the live page of a real browser exactly as in
 * the CLI: the file the extension downloads is byte for byte the CLI's. A browser parses a page
 * with scripting on, so a `<noscript>` there holds text, not elements: the fallback must read it.
 */
const QUALITY_PAGES: [string, (file: string) => void][] = [
  ['body-furniture.html', (file) => {
    expect(file).not.toMatch(/newsletter|Related coverage|Advertisement/i);
  }],
  ['body-lead.html', () => {}],
  ['body-noscript.html', (file) => {
    expect(file).toContain('After eleven years without a sleeper service');
    expect(file).not.toMatch(/<\/?p>|\\<p/);
  }],
  ['meta-byline.html', (file) => {
    expect(file).toMatch(/^date: 2026-01-06$/m);
  }],
  ['meta-lead-image.html', (file) => {
    expect(file).toMatch(/^image: '?https?:\/\/\S+\.jpg'?$/m);
  }],
  // Math (KaTeX, MathJax 2 scripts, MathML), footnotes, captions and embeds, converted in the page.
  ['body-constructs.html', (file) => {
    expect(file).toContain('the midspan deflection is $\\delta = \\frac{5 w L^4}{384 E I}$, where');
    expect(file).toContain('as a display:\n\n$$\nf_n = \\frac{\\pi}{2 L^2} \\sqrt{\\frac{E I}{m}}\n$$\n');
    expect(file).toContain('_The bridge at dusk, seen from the east bank._');
    expect(file).toContain('[Load test of the new bridge](https://www.youtube.com/watch?v=Xb7Rq2LmN0s&t=30)');
    expect(file).toMatch(/deck\.\[\^1\][\s\S]*\n\[\^1\]: See the design code/);
  }],
];

const PERMISSIONS = ['activeTab', 'contextMenus', 'downloads', 'scripting', 'storage'];

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('the service worker in Chromium', { timeout: 60_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    const dir = requireBuild('chrome-e2e');
    server = await startFixtureServer();
    ext = await launchWithExtension(dir);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  let opened = 0;
  /** Opens a fixture in a new tab; the query makes its URL unique, so its tab can be found by URL. */
  async function open(path: string, waitUntil: 'load' | 'commit' = 'load'): Promise<{ page: Page; tabId: number; url: string }> {
    const page = await ext.context.newPage();
    const url = server.url(`${path}?tab=${++opened}`);
    await page.goto(url, { waitUntil });
    return { page, tabId: await ext.tabIdOf(page), url };
  }

  /** The content script's own record in the page's isolated world (invisible to the page itself). */
  const contentState = (tabId: number) => ext.worker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [result] = await api.scripting.executeScript({
      target: { tabId: id },
      func: () => (globalThis as { __frontclipContent?: unknown }).__frontclipContent ?? null,
    });
    return result?.result as { loads: number; listeners: number } | null;
  }, tabId);

  it('quick download writes the clipped file; a second one gets " (1)" and never overwrites', async () => {
    const { tabId, url } = await open('news-article.html');
    const expected = expectedFile(cliArticle('news-article.html', url));
    const first = await ext.send('quickDownload', { tabId });
    expect(first).toEqual({ ok: true, filename: `Frontclip/${cliArticle('news-article.html', url).filename}` });
    if (!first.ok) return;
    const path = join(ext.downloads, first.filename);
    expect((await waitForFile(path)).toString('utf8')).toBe(expected);

    const second = await ext.send('quickDownload', { tabId });
    expect(second.ok && second.filename).toBe(first.filename.replace(/\.md$/, ' (1).md'));
    if (!second.ok) return;
    expect((await waitForFile(join(ext.downloads, second.filename))).toString('utf8')).toBe(expected);
    expect(await readFile(path, 'utf8')).toBe(expected);
  });

  it('clip selection: the selected paragraph is the body, the metadata still the page’s', async () => {
    const { page, tabId, url } = await open('news-article.html');
    const selected = await page.evaluate(() => {
      const p = document.querySelector('article p') ?? document.querySelector('p');
      if (!p) throw new Error('no paragraph');
      const range = document.createRange();
      range.selectNode(p);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return p.outerHTML;
    });
    const reply = await ext.send('quickDownload', { tabId, mode: 'selection' });
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    if (!reply.ok) return;
    const expected = expectedFile(cliArticle('news-article.html', url, { mode: 'selection', selectionHtml: selected }));
    const file = (await waitForFile(join(ext.downloads, reply.filename))).toString('utf8');
    expect(file).toBe(expected);
    expect(file).toContain('title: "NATO ambassador says Ukraine peace deal');
    expect(file.split('---\n')[2]).toBe('Negotiations over [security guarantees for Ukraine](https://www.foxnews.com/category/world/conflicts/ukraine) may be nearing a breakthrough.\n');
  });

  it('clip selection with nothing selected says so', async () => {
    const { tabId } = await open('news-article.html');
    expect(await ext.send('clip', { tabId, mode: 'selection' })).toMatchObject({ ok: false, reason: 'no-selection' });
  });

  it('refuses browser pages with reason "restricted" (or "no-access" where the browser hides why) and a clear message', async () => {
    // Without a grant for the tab the worker sees neither its address nor, for about:blank, any
    // refusal but the one an ungranted web page gets: that one is "no-access", whose copy covers both.
    for (const [target, reason] of [['chrome://version', 'restricted'], ['about:blank', 'no-access']] as const) {
      const tabId = await ext.worker.evaluate(async (u) => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const tab = await api.tabs.create({ url: u, active: false });
        return tab.id!;
      }, target);
      await new Promise((r) => setTimeout(r, 500));
      const reply = await ext.send('clip', { tabId });
      expect(reply, target).toMatchObject({ ok: false, reason });
      if (!reply.ok) expect(reply.message).toMatch(/can't|may not/);
    }
  });

  it('waits for a tab that is still loading, and says "loading" when it takes too long', async () => {
    const quick = await open('slow/1500/scripted-article.html', 'commit');
    expect(await ext.send('clip', { tabId: quick.tabId })).toMatchObject({ ok: true, article: { title: 'Harbour town restores its lighthouse' } });
    const stuck = await open('slow/9000/scripted-article.html', 'commit');
    const started = Date.now();
    const reply = await ext.send('clip', { tabId: stuck.tabId });
    expect(reply).toMatchObject({ ok: false, reason: 'loading' });
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('a page without an article gives reason "no-article"', async () => {
    const { tabId } = await open('no-article.html');
    const reply = await ext.send('clip', { tabId });
    expect(reply).toMatchObject({ ok: false, reason: 'no-article' });
    if (!reply.ok) expect(reply.message).toMatch(/whole page or a selection/);
    // The whole page can still be clipped, as the popup offers.
    expect(await ext.send('clip', { tabId, mode: 'page' })).toMatchObject({ ok: true, article: { title: 'Sign in' } });
  });

  it('leaves the page’s DOM and scripts untouched, and injects the content script only once', async () => {
    const { page, tabId, url } = await open('scripted-article.html');
    const snapshot = () => page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      globals: Object.keys(window).sort(),
      state: { ...(window as unknown as { pageState: { counter: number; mutations: number; clicks: number } }).pageState },
    }));
    const before = await snapshot();
    expect(await contentState(tabId)).toBeNull();

    const first = await ext.send('clip', { tabId });
    const second = await ext.send('clip', { tabId });
    expect(first).toMatchObject({ ok: true, tabUrl: url, article: { title: 'Harbour town restores its lighthouse', date: '2025-03-14' } });
    expect(second).toEqual(first);

    const after = await snapshot();
    expect(after.html).toBe(before.html);
    expect(after.globals).toEqual(before.globals);
    // The observer also saw the parser build the page: what counts is that clipping added nothing.
    expect(after.state.mutations).toBe(before.state.mutations);
    expect(after.state.counter).toBeGreaterThanOrEqual(before.state.counter);
    // The page's own handlers and timers still run.
    await page.click('h1');
    await page.waitForTimeout(120);
    const later = await snapshot();
    expect(later.state.clicks).toBe(1);
    expect(later.state.counter).toBeGreaterThan(after.state.counter);
    expect(await contentState(tabId)).toEqual({ loads: 1, listeners: 1 });
    // The same body the CLI gets from the same HTML.
    if (first.ok) expect(first.article.body).toBe(cliArticle('scripted-article.html', url).body);
    expect(new JSDOM(pageHtml('scripted-article.html')).window.document.title).toMatch(/lighthouse/);
  });

  it('downloads into the subfolder and under the file name the settings give', async () => {
    const { tabId, url } = await open('scripted-article.html');
    await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.set({ settings: { version: 1, subfolder: 'Clips/Coast', filenameTemplate: '{date}-{slug}.md', bodyFormat: 'html', defaultDraft: true } });
    });
    try {
      const reply = await ext.send('quickDownload', { tabId });
      expect(reply).toEqual({ ok: true, filename: 'Clips/Coast/2025-03-14-harbour-town-restores-its-lighthouse.md' });
      const expected = expectedFile({ ...cliArticle('scripted-article.html', url, { body: 'html' }), draft: true });
      expect((await waitForFile(join(ext.downloads, 'Clips/Coast/2025-03-14-harbour-town-restores-its-lighthouse.md'))).toString('utf8')).toBe(expected);
    } finally {
      await ext.worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        await api.storage.sync.remove('settings');
      });
    }
  });

  it('keeps downloaded articles in the library and offers their tags, most used first', async () => {
    const reply = await ext.send('knownTags', {});
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    // The news article was downloaded (so saved) twice under one link, the lighthouse once.
    expect(reply.tags.slice(0, 2).sort()).toEqual(expect.arrayContaining(['ambassador', 'finalization']));
    expect(reply.tags).toEqual(expect.arrayContaining(['lighthouse', 'restores', 'harbour']));
  });

  // After the knownTags test: these downloads add their own tags to the library.
  it.each(QUALITY_PAGES)('%s: extraction in the live page downloads the CLI\'s file, byte for byte', async (name, check) => {
    const { page, tabId, url } = await open(name);
    const result = await ext.send('quickDownload', { tabId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const file = (await waitForFile(join(ext.downloads, result.filename))).toString('utf8');
    expect(file).toBe(expectedFile(cliArticle(name, url)));
    check(file);
    await page.close();
  });

  it('the shipped builds carry exactly the listed permissions and no standing host permission', async () => {
    for (const name of ['chrome', 'firefox']) {
      const manifest = JSON.parse(await readFile(join(requireBuild(name), 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect([...(manifest.permissions as string[])].sort(), name).toEqual(PERMISSIONS);
      expect(manifest.host_permissions, name).toBeUndefined();
      // Web sites only as optional permissions, asked for per image origin when the reader saves images.
      expect(manifest.optional_host_permissions, name).toEqual(['http://*/*', 'https://*/*']);
      expect(manifest.frontclip_test, name).toBeUndefined();
      expect(manifest.content_scripts, name).toBeUndefined();
    }
    const test = JSON.parse(await readFile(join(requireBuild('chrome-e2e'), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(test.host_permissions).toEqual(['http://127.0.0.1/*']);
  });
});
