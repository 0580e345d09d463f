import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../../scripts/launch-chromium.ts';

/**
 * Chromium started by the test itself and attached over CDP. Playwright closes a persistent
 * context when an extension's worker stops, so tests that stop the worker on purpose start the
 * browser this way (docs/DESIGN.md, "Platform facts").
 */
export interface CdpChromium {
  browser: Browser;
  downloads: string;
  close: () => Promise<void>;
}

async function devToolsPort(profile: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with status ${child.exitCode} before listening`);
    const text = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Chromium did not write DevToolsActivePort in time');
}

export async function launchChromiumOverCdp(extensionDir: string): Promise<CdpChromium> {
  const home = await mkdtemp(join(tmpdir(), 'frontclip-cdp-'));
  const profile = join(home, 'profile');
  const downloads = join(home, 'downloads');
  await mkdir(join(profile, 'Default'), { recursive: true });
  await mkdir(downloads, { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }));
  const child = spawn(CHROMIUM_PATH, [
    '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', 'about:blank',
  ], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(home, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const port = await devToolsPort(profile, child, 15_000);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    return {
      browser,
      downloads,
      async close() {
        await browser.close().catch(() => {});
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
