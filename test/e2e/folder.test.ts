import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { cliArticle, expectedFile, pageHtml } from './harness/expected-file.ts';
import { popupDriver } from './harness/popup-driver.ts';
import { readChosenFolder, writeIntoChosenFolder } from './harness/opfs.ts';

const TEMPLATE = '{year}/{month}/{slug}.md';

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('saving into a folder of the reader\'s choice, in Chromium', { timeout: 90_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  let settings: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchWithExtension(requireBuild('chrome-e2e'));
    settings = await ext.openExtensionPage('options/index.html');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function popupOn(url: string) {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const popup = popupDriver(await ext.openExtensionPage(`popup/index.html?tabId=${await ext.tabIdOf(tab)}`));
    expect(await popup.settled()).toBe('form');
    return popup;
  }

  it('the settings choose the folder (Choose folder…) and a template with folders; the example shows it', async () => {
    await settings.getByLabel('File name template').fill(TEMPLATE);
    await settings.getByLabel('File name template').blur();
    await expect.poll(() => settings.locator('.example').textContent()).toBe('Example: Frontclip/2026/01/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp.md');
    await settings.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(() => settings.locator('.folder-name').textContent()).toBe('Chosen: Chosen folder');
    const group = settings.getByRole('group', { name: 'Save to' });
    expect(await group.getByLabel('A folder on this computer').isChecked()).toBe(true);
  });

  it('Download writes the file at the templated path, byte for byte the core\'s; a second clip of the link updates it', async () => {
    const url = server.url('news-article.html');
    const expected = cliArticle('news-article.html', url, { filenameTemplate: TEMPLATE });
    expect(expected.filename).toBe(`2026/01/${expected.slug}.md`);
    const first = await popupOn(url);
    expect(await first.submit('Download')).toBe(`Saved Chosen folder/${expected.filename}`);
    expect((await readChosenFolder(settings))[expected.filename]).toBe(expectedFile(expected));

    const second = await popupOn(url);
    await second.page.getByLabel('Add tag').fill('diplomacy');
    await second.page.getByLabel('Add tag').press('Enter');
    expect(await second.submit('Download')).toBe(`Updated Chosen folder/${expected.filename} (it was this article's file)`);
    const files = await readChosenFolder(settings);
    expect(Object.keys(files)).toEqual([expected.filename]);
    expect(files[expected.filename]).toBe(expectedFile({ ...expected, tags: [...expected.tags, 'diplomacy'] }));
  });

  it('another article with the same name gets -2; a file of the reader\'s own is never touched', async () => {
    const url = server.url('news-article.html');
    const expected = cliArticle('news-article.html', url, { filenameTemplate: TEMPLATE });
    // The same page under another address: the same title and so the same name, another article.
    server.set('elsewhere/nato.html', pageHtml('news-article.html').replace(/<link rel="canonical"[^>]*>/, '<link rel="canonical" href="https://elsewhere.test/nato">'));
    const other = await popupOn(server.url('elsewhere/nato.html'));
    const renamed = expected.filename.replace(/\.md$/, '-2.md');
    expect(await other.submit('Download')).toBe(`Saved Chosen folder/${renamed} (the name was taken by another file, which was left as it is)`);

    const mine = `2026/01/my-notes.md`;
    await writeIntoChosenFolder(settings, mine, '# My notes\n\nNot a clip.\n');
    server.set('elsewhere/my-notes.html', pageHtml('news-article.html')
      .replace(/<link rel="canonical"[^>]*>/, '<link rel="canonical" href="https://elsewhere.test/notes">')
      .replace(/<meta property="og:title"[^>]*>/, '<meta property="og:title" content="My notes">')
      .replace(/<h1([^>]*)>[\s\S]*?<\/h1>/, '<h1$1>My notes</h1>'));
    const notes = await popupOn(server.url('elsewhere/my-notes.html'));
    expect(await notes.submit('Download')).toMatch(/^Saved Chosen folder\/2026\/01\/my-notes-2\.md /);
    const files = await readChosenFolder(settings);
    expect(files[mine]).toBe('# My notes\n\nNot a clip.\n');
    expect(files[expected.filename]).toContain("- 'diplomacy'");
  });

  it('the quick download writes into the folder too; Copy puts the same file on the clipboard', async () => {
    server.set('quick/bridge.html', pageHtml('body-lead.html'));
    const url = server.url('quick/bridge.html');
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const expected = cliArticle('body-lead.html', url, { filenameTemplate: TEMPLATE });
    const reply = await ext.send('quickDownload', { tabId: await ext.tabIdOf(tab), mode: 'article' });
    expect(reply).toMatchObject({ ok: true, filename: `Chosen folder/${expected.filename}`, folder: { action: 'created' } });
    expect((await readChosenFolder(settings))[expected.filename]).toBe(expectedFile(expected));

    const popup = popupDriver(await ext.openExtensionPage(`popup/index.html?tabId=${await ext.tabIdOf(tab)}`));
    await popup.settled();
    await popup.page.getByRole('button', { name: 'Copy', exact: true }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    // An extension origin cannot be granted clipboard-read; the clipboard is the browser's, so the
    // page's own origin reads it back.
    await ext.context.grantPermissions(['clipboard-read'], { origin: server.origin });
    await tab.bringToFront();
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(expectedFile(expected));
  });

  it('the access tab (opened when the browser wants permission again) writes the saved article with one click', async () => {
    const url = server.url('news-article.html');
    const expected = cliArticle('news-article.html', url, { filenameTemplate: TEMPLATE });
    // The article's file emptied (as a write cut short leaves it), so the tab has something to write.
    await writeIntoChosenFolder(settings, expected.filename, '');
    const tab = await ext.openExtensionPage(`options/folder-access.html?link=${encodeURIComponent(expected.link)}`);
    await tab.getByRole('button', { name: 'Allow access' }).click();
    await tab.getByRole('status').filter({ hasText: /^(?:Saved|Updated|Not)/ }).waitFor();
    expect(await tab.getByRole('status').textContent()).toBe(`Updated Chosen folder/${expected.filename} (it was this article's file)`);
    expect((await readChosenFolder(settings))[expected.filename]).toContain(`link: '${expected.link}'`);
  });
});
