import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserAvailable, CHROMIUM_PATH, requireBuild, ROOT } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { cliArticle, expectedFile } from './harness/expected-file.ts';

/** Where the README's screenshot of the popup comes from. */
export const SCREENSHOT = join(ROOT, 'docs', 'popup.png');

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('the popup in Chromium', { timeout: 60_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    const dir = requireBuild('chrome-e2e');
    server = await startFixtureServer();
    ext = await launchWithExtension(dir, { colorScheme: 'light' });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('clips the news fixture; remove "nations", add "diplomacy", Download writes the expected file', async () => {
    const article = await ext.context.newPage();
    const url = server.url('news-article.html');
    await article.goto(url);
    const tabId = await ext.tabIdOf(article);

    const popup = await ext.openExtensionPage(`popup/index.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.getByRole('button', { name: 'Remove tag nations' }).click();
    const addTag = popup.getByLabel('Add tag');
    await addTag.fill('diplomacy');
    await addTag.press('Enter');
    await expect.poll(() => popup.getByRole('button', { name: 'Remove tag diplomacy' }).count()).toBe(1);
    await expect.poll(() => popup.getByRole('button', { name: 'Remove tag nations' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Download', exact: true }).click();
    const clipped = cliArticle('news-article.html', url);
    const tags = [...clipped.tags.filter((t) => t !== 'nations'), 'diplomacy'];
    const expected = expectedFile({ ...clipped, tags });
    const file = await waitForFile(join(ext.downloads, 'Frontclip', clipped.filename));
    expect(file.toString('utf8')).toBe(expected);
    expect(Buffer.compare(file, Buffer.from(expected, 'utf8'))).toBe(0);

    const status = popup.getByRole('status').filter({ hasText: 'Downloaded' });
    await status.waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toContain(`Frontclip/${clipped.filename}`);

    // The README's picture: the edited popup right after Download, confirmation shown.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await mkdir(join(ROOT, 'docs'), { recursive: true });
    await popup.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
