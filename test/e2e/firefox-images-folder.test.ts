import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser as Api } from 'webextension-polyfill';
import { browserAvailable, FIREFOX_PATH, requireBuild } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './harness/firefox.ts';
import { waitForFile } from './harness/downloads.ts';
import { serveImageArticle, type ImageCase } from './harness/image-fixtures.ts';
import { parse } from '../../src/core/frontmatter.ts';
import { byRole, statusMatching, waitInPage } from './harness/firefox-page.ts';

// Firefox differs where it matters here: its background is an event page that downloads blob:
// URLs (data: URLs are refused), and its permission prompts are its own.
describe.skipIf(!browserAvailable('Firefox', FIREFOX_PATH))('images saved with the article, and Save to, in Firefox ESR', { timeout: 90_000 }, () => {
  let server: FixtureServer;
  let ff: FirefoxWithExtension;
  let images: ImageCase;

  beforeAll(async () => {
    server = await startFixtureServer();
    images = serveImageArticle(server);
    ff = await launchFirefoxWithExtension(requireBuild('firefox-e2e'));
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('Download with Save images writes the page bundle: images byte for byte, links local, failures reported', async () => {
    const tab = await ff.browser.newPage();
    await tab.goto(images.page, { waitUntil: 'load' });
    const messenger = await ff.openExtensionPage('options/index.html');
    const tabId = await messenger.evaluate(async (u) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      return (await api.tabs.query({})).find((t) => t.url === u)?.id;
    }, images.page);
    expect(tabId).toBeTypeOf('number');
    const popup = await ff.openExtensionPage(`popup/index.html?tabId=${tabId}`);
    // From the keyboard: scrolled into view, the box sits under the popup's sticky action bar,
    // where a pointer click at its centre lands on the bar.
    await (await byRole(popup, 'Save images', 'checkbox')).focus();
    await popup.keyboard.press(' ');
    await waitInPage(popup, () => (document.querySelector('.field-images input') as HTMLInputElement | null)?.checked === true, null, 5_000);
    await (await byRole(popup, 'Download', 'button')).click();
    expect(await statusMatching(popup, /^(?:Downloaded|Couldn't)/, 60_000)).toBe(`Downloaded Frontclip/the-footbridge-opens/index.md · ${images.report}`);

    const folder = join(ff.downloads, 'Frontclip', 'the-footbridge-opens');
    const index = parse((await waitForFile(join(folder, 'index.md'))).toString('utf8'));
    for (const [name, bytes] of Object.entries(images.files)) {
      expect(Buffer.compare(await waitForFile(join(folder, name)), bytes), name).toBe(0);
    }
    expect((await readdir(folder)).sort()).toEqual(['index.md', ...Object.keys(images.files)].sort());
    expect(index.image).toBe('lead.jpg');
    expect(index.body).toContain('](bridge-1600.jpg)');
    for (const url of images.remote) expect(index.body).toContain(`](${url})`);
  });

  it('Save to: a folder of one\'s own is shown as unavailable, with the reason, and a synced "folder" setting still downloads', async () => {
    const settings = await ff.openExtensionPage('options/index.html');
    await byRole(settings, 'A folder on this computer', 'radio');
    const state = await settings.evaluate(() => {
      const radio = [...document.querySelectorAll<HTMLInputElement>('input[name="saveTo"]')];
      return { disabled: radio.map((r) => r.disabled), checked: radio.map((r) => r.checked), text: document.body.textContent ?? '' };
    });
    expect(state.disabled).toEqual([false, true]);
    expect(state.checked).toEqual([true, false]);
    expect(state.text).toContain('Firefox has no such feature');
    // As if synced from a Chromium profile that saves into a folder: Firefox downloads as before.
    const tab = await ff.browser.newPage();
    await tab.goto(images.page, { waitUntil: 'load' });
    const reply = await settings.evaluate(async (u) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      await api.storage.sync.set({ settings: { version: 1, saveTo: 'folder' } });
      const tabId = (await api.tabs.query({})).find((t) => t.url === u)?.id;
      const answer = await api.runtime.sendMessage({ name: 'quickDownload', request: { tabId, mode: 'article' } });
      await api.storage.sync.remove('settings');
      return answer as { ok: boolean; filename?: string; folder?: unknown };
    }, images.page);
    expect(reply).toMatchObject({ ok: true, filename: 'Frontclip/the-footbridge-opens.md' });
    expect(reply.folder).toBeUndefined();
    await waitForFile(join(ff.downloads, 'Frontclip', 'the-footbridge-opens.md'));
  });
});
