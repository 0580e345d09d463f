import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { launchWithExtension, type Api, type ExtensionBrowser } from './harness/chromium.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { previewProblems, spyOnHtmlSinks, spyReport, unexpectedSinks, TRAP } from './harness/html-sink-spy.ts';
import { foldLine, rawHtmlInMarkdown, readArticleFile } from '../helpers/article-file.ts';
import { hostileInputCount, hostileMetaPage, metaCases, RUN } from './harness/hostile-inputs.ts';
import { write } from '../../src/core/frontmatter.ts';
import { hugePage } from './harness/generated-pages.ts';
import { filenameProblems } from '../helpers/portable-filename.ts';
import { waitForFile } from './harness/downloads.ts';
import { readStoredArticles } from './harness/stored-articles.ts';
import { unzipSync } from 'fflate';

/** What the popup's form shows, read through its accessible names. */
interface Fields {
  title: string;
  description: string;
  date: string;
  tags: string[];
  draft: boolean;
  file: string;
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('hostile pages in Chromium', { timeout: 120_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  let tab: Page;
  let tabId: number;
  let popup: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
    await spyOnHtmlSinks(ext.context);
    tab = await ext.context.newPage();
    await tab.goto(server.url('news-article.html'));
    tabId = await ext.tabIdOf(tab);
    popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
  });

  afterAll(async () => {
    console.info(`hostile.test.ts: ${hostileInputCount()} hostile metadata strings on ${metaCases().length} pages, two hostile fixture pages, one imported hostile body, two 5 MB pages`);
    await ext?.close();
    await server?.close();
  });

  const setSettings = (settings: Record<string, unknown> | null) => ext.worker.evaluate(async (s) => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    if (s === null) await api.storage.sync.remove('settings');
    else await api.storage.sync.set({ settings: { version: 1, ...s } });
  }, settings);

  /** The page's own trap count and title once it has settled: what loading it ran by itself. */
  async function settledPageState(): Promise<{ trap: unknown; title: string }> {
    const read = () => tab.evaluate((name) => ({ trap: (window as unknown as Record<string, unknown>)[name], title: document.title }), TRAP);
    let last = await read();
    for (;;) {
      await tab.waitForTimeout(150);
      const now = await read();
      if (now.trap === last.trap && now.title === last.title) return now;
      last = now;
    }
  }

  async function openTab(path: string): Promise<{ trap: unknown; title: string }> {
    await tab.goto(server.url(path));
    return settledPageState();
  }

  /** Opens the popup on the test tab, as a toolbar click would, and waits for its first answer. */
  async function openPopup(): Promise<void> {
    await popup.goto(`chrome-extension://${ext.extensionId}/popup/index.html?tabId=${tabId}`);
    await popup.locator('form, .state').first().waitFor({ timeout: 15_000 });
  }

  async function readFields(): Promise<Fields> {
    return {
      title: await popup.getByLabel('Title', { exact: true }).inputValue(),
      description: await popup.getByLabel('Description', { exact: true }).inputValue(),
      date: await popup.getByLabel('Date', { exact: true }).inputValue(),
      tags: await popup.locator('.tag-chip .tag-text').allTextContents(),
      draft: await popup.getByLabel('Draft', { exact: true }).isChecked(),
      file: (await popup.locator('.file-name-value').textContent()) ?? '',
    };
  }

  /** Nothing from the page ran in an extension page, and no page string went through an HTML parser but the preview's. */
  async function expectCleanPage(page: Page, where: string, title?: string, options: { rawBody?: boolean } = {}): Promise<void> {
    const report = await spyReport(page);
    expect(report.trap, `${where}: a payload ran in the extension page`).toBeUndefined();
    if (title !== undefined) expect(report.title, where).toBe(title);
    expect(unexpectedSinks(report), `${where}: page text reached an HTML sink`).toEqual([]);
    // A body that no clip sanitized (an imported file) is parsed by the preview in an inert
    // document, and Chromium checks the inline handlers and styles it meets there against the
    // page's policy, reporting each as blocked: nothing is applied or run (the preview and DOM
    // checks prove none of it reaches the page). Anything else is a real attempt.
    const violations = options.rawBody
      ? report.violations.filter((v) => !(/^(?:script-src-attr|style-src-elem|style-src-attr)$/.test(v.directive) && v.blocked === 'inline'))
      : report.violations;
    expect(violations, `${where}: the CSP had to block something`).toEqual([]);
    expect(report.activeElements, `${where}: active markup in the extension page`).toEqual([]);
  }

  const expectPopupClean = (where: string) => expectCleanPage(popup, where, 'Frontclip');

  /** Clicks Download and reads back the file the status names. */
  async function download(): Promise<{ path: string; text: string }> {
    await popup.getByRole('button', { name: 'Download', exact: true }).click();
    const status = popup.getByRole('status').filter({ hasText: /^(Downloaded|Couldn't)/ });
    await status.waitFor({ timeout: 15_000 });
    const message = (await status.textContent()) ?? '';
    const path = /^Downloaded (.+)$/.exec(message)?.[1];
    if (!path) throw new Error(`the download failed: ${message}`);
    return { path, text: await readFile(join(ext.downloads, path), 'utf8') };
  }

  /** The file parses with the `yaml` package to exactly what the popup showed. */
  function expectFileMatches(text: string, fields: Fields, path: string): void {
    const { data } = readArticleFile(text);
    expect(data.title).toBe(fields.title);
    expect(data.description).toBe(fields.description);
    expect(data.summary).toBe(fields.description);
    expect(data.date).toBe(fields.date);
    expect(data.tags).toEqual(fields.tags);
    expect(data.draft).toBe(fields.draft);
    // The name the popup announced, or the browser's " (1)" of it when that file exists already.
    expect(path.replace(/ \(\d+\)(\.\w+)$/, '$1')).toBe(fields.file);
    expect(filenameProblems(path.split('/').pop()!)).toEqual([]);
  }

  /**
   * No active content in a body: in HTML no element or attribute that runs or embeds; in Markdown
   * no raw HTML at all (page text that looks like a tag stays escaped text) and no script link.
   */
  function expectInertBody(body: string, format: 'markdown' | 'html', where = ''): void {
    if (format === 'markdown') {
      expect(rawHtmlInMarkdown(body), where).toEqual([]);
      expect(body, where).not.toMatch(/\]\(\s*<?\s*(?:javascript|vbscript|data):/i);
      return;
    }
    expect(body, where).not.toMatch(/<(?:script|iframe|frame|object|embed|form|input|button|select|textarea|noscript|template|style|meta|base|link|foreignObject|animate|set|use|mglyph)\b/i);
    expect(body, where).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(body, where).not.toMatch(/(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i);
  }

  for (const format of ['markdown', 'html'] as const) {
    it(`the hostile article (${format} body): nothing runs, the preview is inert, the file holds what the popup shows`, async () => {
      await setSettings({ bodyFormat: format });
      try {
        const before = await openTab('hostile-article.html');
        await openPopup();
        const fields = await readFields();
        // The markup in the metadata is shown as the text it is.
        expect(fields.title).toContain('<img src=x onerror="self.__frontclipTrap');
        expect(fields.title).toContain('C:\\new\\table # not a comment');
        expect(fields.description).toContain('First line: a "colon" --- key: value # comment? after a line separator after a paragraph separator');
        expect(fields.description).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(fields.date).toBe('2025-06-01');

        const preview = popup.getByRole('region', { name: 'Preview' });
        expect(await preview.textContent()).toContain('The second paragraph continues the story of the harbour');
        expect(await previewProblems(popup)).toEqual([]);
        await expectPopupClean('after the clip');

        const { path, text } = await download();
        expectFileMatches(text, fields, path);
        const { body, data } = readArticleFile(text);
        expect(data.link).toBe(server.url('hostile-article.html'));
        // og:image is a javascript: URL: never taken (an image found in the article may be).
        expect(data.image).toMatch(/^(?:$|https?:\/\/)/);
        expect(data.source).toBe(`${server.origin}/`);
        expectInertBody(body, format);
        expect(body).toContain('The last paragraph: the lighthouse keeper retired');
        await expectPopupClean('after the download');

        // Clipping changed nothing in the page itself: no payload ran again, the title is its own.
        expect(await settledPageState()).toEqual(before);
      } finally {
        await setSettings(null);
      }
    });
  }

  it('a page with no article, clipped whole: the preview of every part of it stays inert', async () => {
    await setSettings({ bodyFormat: 'html' });
    try {
      const before = await openTab('hostile-no-article.html');
      await openPopup();
      await popup.getByRole('button', { name: 'Clip whole page' }).click();
      await popup.getByLabel('Title', { exact: true }).waitFor();
      const preview = popup.getByRole('region', { name: 'Preview' });
      expect(await preview.textContent()).toContain('Sign up for the harbour newsletter');
      expect(await previewProblems(popup)).toEqual([]);
      await expectPopupClean('whole page');
      const fields = await readFields();
      const { path, text } = await download();
      expectFileMatches(text, fields, path);
      expectInertBody(readArticleFile(text).body, 'html');
      await expectPopupClean('whole page, after the download');
      expect(await settledPageState()).toEqual(before);
    } finally {
      await setSettings(null);
    }
  });

  const cases = metaCases();
  it(`${cases.length} pages of hostile titles and descriptions: the fields show them as text, the file holds the same values`, async () => {
    for (const [i, c] of cases.entries()) {
      const where = `case ${i + 1}: ${JSON.stringify(c.title)}`;
      server.set(`hostile-meta-${i}.html`, hostileMetaPage(c));
      const before = await openTab(`hostile-meta-${i}.html`);
      await openPopup();
      const fields = await readFields();
      // FORMAT.md folds white space in these one-line fields (the page reader also takes the
      // zero-width no-break space U+FEFF, a stray BOM, for one); nothing else may change.
      const shown = (text: string) => foldLine(text.replace(/\ufeff/g, ' '));
      expect(fields.title, where).toBe(shown(c.title));
      expect(fields.description, where).toBe(shown(c.description));
      await expectPopupClean(where);
      const { path, text } = await download();
      expectFileMatches(text, fields, path);
      expectInertBody(readArticleFile(text).body, 'markdown', where);
      await expectPopupClean(`${where}, after the download`);
      expect(await settledPageState(), where).toEqual(before);
    }
  });

  it('the library page lists, edits and exports the hostile articles: nothing runs, every file parses to what is stored', async () => {
    const library = await ext.openExtensionPage('options/library.html');
    await library.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(() => library.locator('.lib-row').count()).toBeGreaterThanOrEqual(cases.length);
    const stored: { link: string; title: string; description: string; tags: string[] }[] = (await readStoredArticles(library)).articles;
    const hostile = stored.find((a) => a.link === server.url('hostile-article.html'))!;
    expect(hostile.title).toContain('<img src=x onerror=');
    // The row shows the title as text: its button is named by it, markup and all.
    const row = library.getByRole('button', { name: hostile.title, exact: true });
    expect(await row.count()).toBe(1);
    await expectCleanPage(library, 'library list');

    // The reading view renders the sanitized body: nothing runs, nothing is fetched (images are
    // labels), and its links open outside the page.
    const requests: string[] = [];
    const onRequest = (request: { url: () => string }) => requests.push(request.url());
    library.on('request', onRequest);
    await row.click();
    const reader = library.getByRole('dialog', { name: hostile.title });
    const article = reader.getByRole('region', { name: 'Article' });
    expect(await article.textContent()).toContain('The second paragraph continues the story');
    expect(await previewProblems(library, 'Article')).toEqual([]);
    await library.waitForTimeout(300);
    await expectCleanPage(library, 'library reading view');
    library.off('request', onRequest);
    expect(requests.filter((url) => !url.startsWith(`chrome-extension://${ext.extensionId}/`)), 'the reading view fetched something').toEqual([]);

    // The editor is the popup's form with its preview: the same protections hold in a dialog.
    await reader.getByRole('button', { name: 'Edit' }).click();
    const dialog = library.getByRole('dialog', { name: 'Edit article' });
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe(hostile.title);
    expect(await dialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('The second paragraph continues the story');
    expect(await previewProblems(library)).toEqual([]);
    await expectCleanPage(library, 'library editor');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // An imported file's body was never sanitized by a clip: the preview's own sanitizer is all
    // that stands between it and the page (with the HTML body setting, the preview parses it).
    const payload = [
      `<p>Imported <img src=x onerror="${RUN}"> body.</p>`, `<script>${RUN}</script>`, `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
      `<a href="javascript:${RUN}">link</a>`, `<svg onload="${RUN}"><script>${RUN}</script></svg>`, `<form action="javascript:${RUN}"><button>Go</button></form>`,
      `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}"></style></mglyph></table></mtext></math>`,
      `<details open ontoggle="${RUN}"><summary>More</summary>text</details>`, `<img src="http://remote.invalid/p.png">`,
    ].join('\n');
    const imported = write({
      title: `Imported <img src=x onerror="${RUN}">`, date: '2025-01-01', description: 'An imported file with a hostile body.', summary: 'An imported file with a hostile body.',
      slug: 'imported-hostile', image: '', link: 'https://hostile.example/imported', source: 'https://hostile.example/', categories: ['hostile.example'], tags: ['imported'], draft: false, body: payload,
    });
    await setSettings({ bodyFormat: 'html' });
    try {
      await library.getByLabel('Import…').setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(imported) });
      await library.getByRole('status').filter({ hasText: /^Imported 1 article/ }).waitFor();
      await library.getByRole('button', { name: `Imported <img src=x onerror="${RUN}">`, exact: true }).click();
      const importedReader = library.getByRole('dialog', { name: `Imported <img src=x onerror="${RUN}">` });
      const importedBody = importedReader.getByRole('region', { name: 'Article' });
      expect(await importedBody.textContent()).toContain('Imported');
      expect(await previewProblems(library, 'Article')).toEqual([]);
      await expectCleanPage(library, 'library reading view, imported hostile body', undefined, { rawBody: true });
      await importedReader.getByRole('button', { name: 'Edit' }).click();
      const importedDialog = library.getByRole('dialog', { name: 'Edit article' });
      expect(await importedDialog.getByRole('region', { name: 'Preview' }).textContent()).toContain('Imported');
      expect(await previewProblems(library)).toEqual([]);
      await expectCleanPage(library, 'library editor, imported hostile body', undefined, { rawBody: true });
      await importedDialog.getByRole('button', { name: 'Close' }).click();
    } finally {
      await setSettings(null);
    }
    stored.push({ link: 'https://hostile.example/imported', title: `Imported <img src=x onerror="${RUN}">`, description: 'An imported file with a hostile body.', tags: ['imported'] });

    // Export all: every file in the zip parses with the yaml package to the stored values.
    await library.getByRole('button', { name: 'Export all' }).click();
    const status = library.getByRole('status').filter({ hasText: /^Exported|^Couldn't/ });
    await status.waitFor({ timeout: 30_000 });
    const outcome = (await status.textContent())!;
    expect(outcome).toMatch(/^Exported \d+ articles to (.+\.zip)$/);
    const zip = await waitForFile(join(ext.downloads, outcome.replace(/^Exported \d+ articles to /, '')));
    const { 'frontclip.json': manifest, ...articles } = unzipSync(new Uint8Array(zip));
    // The manifest is JSON whatever the titles hold, and names every file.
    const described = (JSON.parse(Buffer.from(manifest!).toString('utf8')) as { articles: { file: string }[] }).articles.map((a) => a.file).sort();
    const files = Object.entries(articles);
    expect(described).toEqual(Object.keys(articles).sort());
    expect(files).toHaveLength(stored.length);
    const byLink = new Map(stored.map((a) => [a.link, a]));
    for (const [name, bytes] of files) {
      expect(filenameProblems(name), name).toEqual([]);
      const { data, body } = readArticleFile(Buffer.from(bytes).toString('utf8'));
      const original = byLink.get(String(data.link));
      expect(original, name).toBeDefined();
      expect({ title: data.title, description: data.description, tags: data.tags }, name).toEqual({ title: original!.title, description: original!.description, tags: original!.tags });
      // Articles clipped with the HTML body setting hold HTML (the preview tests above); the rest
      // Markdown. The imported file's body is the reader's own file, exported as it came.
      if (original!.link !== 'https://hostile.example/imported') expectInertBody(body, body.startsWith('<') ? 'html' : 'markdown', name);
    }
    await expectCleanPage(library, 'library after export', undefined, { rawBody: true });
  });

  it('a 5 MB page of 100,000 elements: the popup answers within 10 s, with the article or a clear message', async () => {
    const page = hugePage();
    expect(page.bytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(page.elements).toBeGreaterThanOrEqual(100_000);
    server.set('huge.html', page.html);
    await tab.goto(server.url('huge.html'));
    expect(await tab.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(100_000);

    const started = Date.now();
    await openPopup();
    expect(Date.now() - started).toBeLessThan(10_000);
    const form = popup.locator('form');
    if (await form.count()) {
      expect(await popup.getByLabel('Title', { exact: true }).inputValue()).toBe('A very long page of comments');
    } else {
      expect(await popup.locator('.state').textContent()).toMatch(/too large/i);
    }
    await expectPopupClean('huge page');

    // The whole page and a selection of all of it are the expensive cases: converting them would
    // freeze the tab for many seconds, so each is refused at once, saying why.
    for (const mode of ['page', 'selection'] as const) {
      if (mode === 'selection') {
        await tab.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.body);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
        });
      }
      const t0 = Date.now();
      const reply = await ext.send('clip', { tabId, mode });
      const took = Date.now() - t0;
      expect(took, `${mode} took ${took} ms`).toBeLessThan(5_000);
      expect(reply, mode).toMatchObject({ ok: false, reason: 'too-large' });
      if (!reply.ok) expect(reply.message, mode).toMatch(/too large to clip(?: whole)?: it (?:has|holds) 1\d\d,\d{3} elements, and Frontclip stops at 40,000/);
    }
  });

  it('a 5 MB page of 100,000 elements and no article: "Clip whole page" in the popup says it is too large', async () => {
    const page = hugePage({ article: false });
    expect(page.elements).toBeGreaterThanOrEqual(100_000);
    server.set('huge-grid.html', page.html);
    await tab.goto(server.url('huge-grid.html'));
    await openPopup();
    await popup.getByRole('heading', { name: 'No article found' }).waitFor();
    const started = Date.now();
    await popup.getByRole('button', { name: 'Clip whole page' }).click();
    await popup.getByRole('heading', { name: 'Too large to clip' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await popup.locator('.state-detail').textContent()).toMatch(/^This page is too large to clip whole: it has \d{2,3},\d{3} elements/);
    // What the reader can still do is offered.
    expect(await popup.getByRole('button', { name: 'Clip selection' }).count()).toBe(1);
    await expectPopupClean('huge page without an article');
  });
});
