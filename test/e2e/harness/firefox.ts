import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { FIREFOX_PATH } from './paths.ts';

/** Firefox with the extension installed as a temporary add-on, downloads landing in `downloads`. */
export interface FirefoxWithExtension {
  browser: Browser;
  origin: string;
  downloads: string;
  /** Opens an extension page; `page.goto` hangs on moz-extension:// tabs, a BiDi navigate does not. */
  openExtensionPage: (path: string) => Promise<Page>;
  close: () => Promise<void>;
}

/** The part of puppeteer's BiDi frame this harness uses (not in its public types). */
interface BidiFrame {
  browsingContext: { navigate: (url: string, wait: 'none' | 'interactive' | 'complete') => Promise<unknown> };
}

export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxWithExtension> {
  const home = await mkdtemp(join(tmpdir(), 'frontclip-ff-'));
  const downloads = join(home, 'downloads');
  await mkdir(downloads, { recursive: true });
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: {
      // A fixed UUID, so the test knows the moz-extension:// origin before installing.
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }),
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    const origin = `moz-extension://${uuid}`;
    return {
      browser,
      origin,
      downloads,
      async openExtensionPage(path) {
        const page = await browser.newPage();
        await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(`${origin}/${path}`, 'complete');
        return page;
      },
      async close() {
        await browser.close().catch(() => {});
        await rm(home, { recursive: true, force: true }).catch(() => {});
      },
    };
  } catch (err) {
    await browser.close().catch(() => {});
    await rm(home, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
}
