import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Removes the browser and its throw-away profile. */
  close: () => Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  /** Where downloads land, under the name the extension gives them. */
  downloads: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** Pin the extension's button to the toolbar (for a person watching a headed browser). */
  pin?: boolean;
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, first 16 bytes,
 * each hex digit written as a letter from a to p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Debian's Chromium with one unpacked extension loaded, in a fresh profile (docs/DESIGN.md, "Platform facts"). */
export async function launchChromium(options: LaunchOptions): Promise<ChromiumWithExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'frontclip-profile-'));
  await mkdir(join(profile, 'Default'), { recursive: true });
  await mkdir(options.downloads, { recursive: true });
  // Playwright renames downloads to GUIDs; the profile's own download settings plus the CDP call
  // below make extension downloads land under the name the extension chose.
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({
    download: { default_directory: options.downloads, prompt_for_download: false },
    ...(options.pin ? { extensions: { pinned_extensions: [unpackedExtensionId(options.extensionDir)] } } : {}),
  }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.headless === false ? null : { width: 1000, height: 800 },
    args: [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`, ...FLAGS],
  });
  const close = async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
      ?? await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const first = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(first);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
    return { context, worker, extensionId: new URL(worker.url()).host, close };
  } catch (err) {
    await close();
    throw err;
  }
}
