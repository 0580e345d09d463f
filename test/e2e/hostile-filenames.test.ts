import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { launchWithExtension, type Api, type ExtensionBrowser } from './harness/chromium.ts';
import { buildFilename } from '../../src/core/filename.ts';
import { slugify } from '../../src/core/slug.ts';
import { articleMime } from '../../src/downloads/download-url.ts';
import { filenameProblems } from '../helpers/portable-filename.ts';
import { hostileDate, hostileSite, hostileTemplate, hostileTitle } from '../helpers/hostile-titles.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { articlePage } from './harness/generated-pages.ts';
import { waitForFile } from './harness/downloads.ts';

/** How many generated names Chromium's downloads API must accept as they are. */
const SAMPLE = 300;
const FOLDER = 'Frontclip fuzz';

/**
 * Names from the same generators as test/unit/filename.fuzz.test.ts, with a fixed seed so a
 * failure can be replayed. Names differing only in case are dropped: Chromium is told to
 * uniquify, and a case-insensitive disk would do so.
 */
function sampleNames(): string[] {
  const arb = fc.record({ template: hostileTemplate, title: hostileTitle, date: hostileDate, site: hostileSite, rawSlug: fc.boolean() });
  const names = new Map<string, string>();
  for (const c of fc.sample(arb, { numRuns: SAMPLE * 3, seed: 20_260_106 })) {
    const slug = c.rawSlug ? c.title : slugify(c.title) || 'article';
    const name = buildFilename(c.template, { slug, date: c.date, title: c.title, site: c.site });
    const key = name.toLowerCase();
    if (!names.has(key)) names.set(key, name);
    if (names.size === SAMPLE) break;
  }
  return [...names.values()];
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('generated file names in Chromium’s downloads API', { timeout: 120_000 }, () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it(`accepts ${SAMPLE} generated names and writes each file under exactly that name`, async () => {
    const names = sampleNames();
    expect(names.length).toBe(SAMPLE);
    // A template may hold folders: every segment of the path must be a valid name.
    for (const name of names) for (const segment of name.split('/')) expect(filenameProblems(segment), name).toEqual([]);
    expect(names.some((name) => name.includes('/')), 'the sample holds templates with folders').toBe(true);

    // The call the worker makes for an article (src/background/download-article.ts): the same
    // type for the name, the same folder depth, a tiny body.
    const results = await ext.worker.evaluate(async ({ names: list, mimes, folder }) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const out: { name: string; error?: string; id?: number }[] = [];
      for (let i = 0; i < list.length; i += 25) {
        const batch = list.slice(i, i + 25);
        out.push(...await Promise.all(batch.map(async (name, j) => {
          try {
            const url = `data:${mimes[i + j]},x`;
            const id = await api.downloads.download({ url, filename: `${folder}/${name}`, conflictAction: 'uniquify', saveAs: false });
            return { name, id };
          } catch (err) {
            return { name, error: err instanceof Error ? err.message : String(err) };
          }
        })));
      }
      return out;
    }, { names, mimes: names.map(articleMime), folder: FOLDER });
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);

    const settled = async () => ext.worker.evaluate(async (ids) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const items = await Promise.all(ids.map(async (id) => (await api.downloads.search({ id }))[0]));
      return items.map((item) => ({ state: item?.state, error: item?.error, filename: item?.filename }));
    }, results.map((r) => r.id!));
    await expect.poll(async () => (await settled()).every((i) => i.state !== 'in_progress'), { timeout: 30_000 }).toBe(true);
    const items = await settled();
    const wrong = items.flatMap((item, i): { name: string; problem: string }[] => {
      const name = names[i]!;
      if (item.state !== 'complete') return [{ name, problem: `${item.state}: ${item.error}` }];
      const landed = item.filename?.split('/').slice(-name.split('/').length).join('/');
      return landed === name ? [] : [{ name, problem: `landed as ${landed}` }];
    });
    expect(wrong).toEqual([]);
    const onDisk = new Set((await readdir(join(ext.downloads, FOLDER), { recursive: true })).map((p) => p.split(sep).join('/')));
    expect(names.filter((name) => !onDisk.has(name))).toEqual([]);
  });

  it('the extension downloads a hostile title under a template ending in .HTML as exactly the name it announced', async () => {
    // Escaped, so the visible headline shows the same markup as text as the declared title does.
    server.set('percent.html', articlePage(1).replace(/Harbour story 1/g, 'Prices up 50% in C:\\Harbour? &lt;b&gt;CON&lt;/b&gt;'));
    const page = await ext.context.newPage();
    await page.goto(server.url('percent.html'));
    const tabId = await ext.tabIdOf(page);
    await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.set({ settings: { version: 1, filenameTemplate: '{title}.HTML', bodyFormat: 'html' } });
    });
    try {
      const name = buildFilename('{title}.HTML', { slug: '', date: '2025-03-02', title: 'Prices up 50% in C:\\Harbour? <b>CON</b>' });
      expect(name).toBe('Prices up 50- in C-Harbour- -b-CON-b.html');
      expect(await ext.send('quickDownload', { tabId })).toEqual({ ok: true, filename: `Frontclip/${name}` });
      await waitForFile(join(ext.downloads, 'Frontclip', name));
    } finally {
      await ext.worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        await api.storage.sync.remove('settings');
      });
    }
  });
});
