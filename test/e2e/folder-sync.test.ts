import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchFaultBrowser, type FaultBrowser } from './harness/fault-browser.ts';
import { readChosenFolder } from './harness/opfs.ts';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { write } from '../../src/core/frontmatter.ts';
import { sampleArticle } from '../unit/ui-helpers.ts';

const COUNT = 60;
const article = (n: number) => sampleArticle({
  link: `https://harbour.example/news/${n}`, title: `Harbour news number ${n}`, slug: `harbour-news-number-${n}`,
  filename: `harbour-news-number-${n}.md`, tags: ['harbour'], body: `Paragraph of article ${n}.\n\n${'More text. '.repeat(200)}`,
});

async function sync(library: Page): Promise<string> {
  await library.locator('.library-count').filter({ hasText: /articles?$/ }).waitFor();
  await library.evaluate(() => { document.querySelector('[role="status"].status')!.textContent = ''; });
  await library.getByRole('button', { name: 'Sync folder' }).click();
  const status = library.getByRole('status').filter({ hasText: /^(?:Synced|Stopped|No folder|Frontclip may)/ });
  await status.waitFor({ timeout: 60_000 });
  return (await status.textContent())!;
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('Sync folder in Chromium', { timeout: 150_000 }, () => {
  let b: FaultBrowser;

  beforeAll(async () => {
    b = await launchFaultBrowser(requireBuild('chrome-e2e'));
    for (let n = 1; n <= COUNT; n++) expect(await b.send('save', { article: article(n) })).toMatchObject({ ok: true });
    const settings = await b.openExtensionPage('options/index.html');
    await settings.getByRole('button', { name: 'Choose folder…' }).click();
    await settings.locator('.folder-name').filter({ hasText: 'Chosen: Chosen folder' }).waitFor();
  });

  afterAll(async () => {
    await b?.close();
  });

  it('a sync cut short (page closed, worker stopped) loses nothing; the next completes it; the one after writes nothing', async () => {
    const library = await b.openExtensionPage('options/library.html');
    await library.locator('.library-count').filter({ hasText: /articles?$/ }).waitFor();
    await library.getByRole('button', { name: 'Sync folder' }).click();
    // Cut it short once some files are written.
    await expect.poll(async () => Object.keys(await readChosenFolder(b.messenger)).length, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
    await library.close();
    await b.stopWorker();
    // Files whose write was under way are there but empty (the data is swapped in on close): only
    // the complete ones are done. Up to 8 writes run at once.
    // Chromium's swap files (`name.md.crswap`) of writes the closed page left are not ours: the
    // browser removes them itself, in its own time.
    const complete = Object.entries(await readChosenFolder(b.messenger)).filter(([name, text]) => name.endsWith('.md') && text !== '').length;

    const again = await b.openExtensionPage('options/library.html');
    const outcome = await sync(again);
    const match = /^Synced "Chosen folder": (\d+) articles? written, (\d+) unchanged, 0 failed\.$/.exec(outcome);
    expect(match, outcome).not.toBeNull();
    expect(Number(match![1]) + Number(match![2])).toBe(COUNT);
    // Exactly our files, once the browser has removed the swap files of the writes cut short (it does
    // so when it collects the closed page's streams: seen still there after 15 s in one CI run).
    const expected = Array.from({ length: COUNT }, (_, i) => `harbour-news-number-${i + 1}.md`).sort();
    await expect.poll(async () => Object.keys(await readChosenFolder(b.messenger)).sort(), { timeout: 60_000, interval: 100 }).toEqual(expected);
    const files = await readChosenFolder(b.messenger);
    for (let n = 1; n <= COUNT; n++) expect(files[`harbour-news-number-${n}.md`]).toBe(write(article(n)));
    // What the first run wrote completely was not written again (and nothing cut half way made a -2 twin).
    expect(Number(match![1])).toBeLessThanOrEqual(COUNT - complete);

    expect(await sync(again)).toBe(`Synced "Chosen folder": 0 articles written, ${COUNT} unchanged, 0 failed.`);
  });

  it('writes again only the article that changed', async () => {
    expect(await b.send('save', { article: { ...article(7), tags: ['harbour', 'ferries'] } })).toMatchObject({ ok: true });
    const library = await b.openExtensionPage('options/library.html');
    expect(await sync(library)).toBe(`Synced "Chosen folder": 1 article written, ${COUNT - 1} unchanged, 0 failed.`);
    expect((await readChosenFolder(b.messenger))['harbour-news-number-7.md']).toContain("- 'ferries'");
  });
});
