import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { cliArticle, expectedFile } from './harness/expected-file.ts';

/**
 * The extraction rules (furniture removal, the fallback for script-built pages, the standfirst,
 * byline dates, the lead image from content) run in the live page of a real browser exactly as in
 * the CLI: the file the extension downloads is byte for byte the CLI's. A browser parses a page
 * with scripting on, so a `<noscript>` there holds text, not elements: the fallback must read it.
 */
const PAGES: [string, (file: string) => void][] = [
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
];

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('extraction in the live page, in Chromium', { timeout: 60_000 }, () => {
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

  it.each(PAGES)('%s: the downloaded file is the CLI\'s, byte for byte', async (name, check) => {
    const page = await ext.context.newPage();
    const url = server.url(name);
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await ext.tabIdOf(page);
    const result = await ext.send('quickDownload', { tabId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const file = (await waitForFile(join(ext.downloads, result.filename))).toString('utf8');
    expect(file).toBe(expectedFile(cliArticle(name, url)));
    check(file);
    await page.close();
  });
});
