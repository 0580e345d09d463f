import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, requireBuild, ROOT } from './harness/paths.ts';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures.ts';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium.ts';
import { waitForFile } from './harness/downloads.ts';
import { popupDriver } from './harness/popup-driver.ts';

/** Where the layout screenshots go (git-ignored): one a page, at the toolbar popup's largest size. */
const SHOTS = join(ROOT, 'artifacts');

interface Layout {
  scrollY: number;
  innerHeight: number;
  footerTop: number;
  previewTop: number;
  fileNameBottom: number;
  chipTops: number[];
  hiddenChips: number;
  more: string | null;
}

/** Where the parts of the form are on screen, in CSS pixels from the top of the popup's window. */
function layoutOf(popup: Page): Promise<Layout> {
  return popup.evaluate(() => {
    const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top;
    const chips = Array.from(document.querySelectorAll<HTMLElement>('.tag-suggestion'));
    const more = document.querySelector('.tag-more');
    return {
      scrollY: window.scrollY,
      innerHeight: window.innerHeight,
      footerTop: top('.form-footer'),
      previewTop: top('.preview'),
      fileNameBottom: document.querySelector('.file-name')!.getBoundingClientRect().bottom,
      chipTops: chips.filter((c) => !c.hidden).map((c) => c.getBoundingClientRect().top),
      hiddenChips: chips.filter((c) => c.hidden).length,
      more: more?.isConnected ? more.textContent : null,
    };
  });
}

describe.skipIf(!browserAvailable('Chromium', CHROMIUM_PATH))('the popup follows the reader (Chromium)', { timeout: 90_000 }, () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchWithExtension(requireBuild('chrome-e2e'), { colorScheme: 'light' });
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openPopup(page: Page, height = 600): Promise<Page> {
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.context.newPage();
    // A toolbar popup is at most 800 x 600; Frontclip's is 380 wide.
    await popup.setViewportSize({ width: 380, height });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup/index.html?tabId=${tabId}`);
    expect(await popupDriver(popup).settled()).toBe('form');
    return popup;
  }

  it.each([
    ['long-title.html', 'popup-long-title.png'],
    ['twelve-keywords.html', 'popup-twelve-keywords.png'],
  ])('keeps the preview and the file name in a 600 px popup on %s, with room for one more checkbox and button', async (fixture, shot) => {
    const article = await ext.context.newPage();
    await article.goto(server.url(fixture));
    const popup = await openPopup(article);
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await popup.screenshot({ path: join(SHOTS, shot) });

    const layout = await layoutOf(popup);
    // Nothing scrolled; the file name on screen; at least three lines of the preview above the footer.
    const visible = (l: Layout) => {
      expect(l.scrollY).toBe(0);
      expect(l.fileNameBottom).toBeLessThanOrEqual(l.innerHeight);
      expect(l.footerTop - l.previewTop).toBeGreaterThanOrEqual(3 * 17);
    };
    visible(layout);
    // Suggestion chips take one line; the rest wait behind "+N more".
    expect(new Set(layout.chipTops).size).toBeLessThanOrEqual(1);
    if (fixture === 'twelve-keywords.html') {
      expect(layout.hiddenChips).toBeGreaterThan(0);
      expect(layout.more).toBe(`+${layout.hiddenChips} more`);
      await popup.getByRole('button', { name: `Show ${layout.hiddenChips} more suggested tags` }).click();
      const shown = await layoutOf(popup);
      expect(shown.hiddenChips).toBe(0);
      expect(shown.chipTops.length).toBe(layout.chipTops.length + layout.hiddenChips);
    }

    await popup.reload();
    await popupDriver(popup).settled();
    // The crowded form: Save images ticked (its note and the bundle's file name show) beside Draft,
    // and Copy beside Save and Download, must still leave every control in view.
    await popup.getByRole('checkbox', { name: 'Save images' }).check();
    await expect.poll(() => popup.locator('.file-name').textContent()).toContain('/index.');
    expect(await popup.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    visible(await layoutOf(popup));
    await popup.screenshot({ path: join(SHOTS, shot.replace('.png', '-crowded.png')) });
    await popup.close();
    await article.close();
  });

  it('opens on the selection when text is selected, and "Clip whole article" brings the article back', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.url('library-bridge.html'));
    const without = await openPopup(article);
    expect(await without.getByRole('button', { name: 'Clip whole article' }).count()).toBe(0);
    const wholeBody = (await without.locator('.preview').textContent()) ?? '';
    expect(wholeBody).toContain('brass band');
    await without.close();

    await article.evaluate(() => {
      const p = Array.from(document.querySelectorAll('article p')).find((el) => el.textContent?.includes('brass band'))!;
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const popup = await openPopup(article);
    expect(await popup.getByRole('note').filter({ hasText: 'Clipped your selection.' }).count()).toBe(1);
    expect(((await popup.locator('.preview').textContent()) ?? '').trim()).toBe(
      'Residents who had campaigned for the repairs gathered at both ends of the bridge for the opening, and a brass band led the first crossing.',
    );
    expect(await popupDriver(popup).title()).toBe('Old stone bridge reopens to cyclists after repairs');
    await popup.getByRole('button', { name: 'Clip whole article' }).click();
    await expect.poll(() => popup.locator('.preview').textContent()).toBe(wholeBody);
    expect(await popup.getByRole('button', { name: 'Clip whole article' }).count()).toBe(0);
    await popup.close();
    await article.close();
  });

  it('downloads the body as edited after Edit, with the front matter as the form has it', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.url('library-orchard.html'));
    const popup = await openPopup(article, 700);
    await popup.getByRole('button', { name: 'Edit' }).click();
    const source = popup.getByLabel('Body (Markdown source)');
    await source.fill('Only this line, written by the reader.\n');
    await popup.getByRole('button', { name: 'Edit' }).click();
    expect(await popup.locator('.preview').textContent()).toBe('Only this line, written by the reader.\n');
    const title = await popupDriver(popup).title();
    const status = await popupDriver(popup).submit('Download');
    const name = /^Downloaded (.+)$/.exec(status)?.[1];
    expect(name).toBeTruthy();
    const file = (await waitForFile(join(ext.downloads, name!))).toString('utf8');
    expect(file.endsWith('---\nOnly this line, written by the reader.\n')).toBe(true);
    expect(file).toContain(`title: "${title}"`);
    await popup.close();
    await article.close();
  });

  it('tells a web page it was not allowed to read from a browser page', async () => {
    // The test build may read 127.0.0.1 only: the same page as `localhost` is one it has no access
    // to, so the tabs API does not even tell its URL: the new tab is found as the one that was not there.
    const tabIds = () => ext.worker.evaluate('chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.id))') as Promise<number[]>;
    const before = new Set(await tabIds());
    const article = await ext.context.newPage();
    await article.goto(server.url('library-bridge.html').replace('127.0.0.1', 'localhost'));
    const tabId = (await tabIds()).find((id) => !before.has(id))!;
    expect(tabId).toBeDefined();
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup/index.html?tabId=${tabId}`);
    const driver = popupDriver(popup);
    expect(await driver.settled()).toBe('state');
    const { heading } = await driver.state();
    expect(heading).toBe('Frontclip may not read this page yet');
    expect(await popup.locator('.state').textContent()).not.toMatch(/chrome:\/\/|about:/);
    await popup.close();
    await article.close();
  });
});
