// Builds the unpacked extensions: dist/chrome and dist/firefox from the one manifest.json, and with
// --e2e also dist/chrome-e2e and dist/firefox-e2e, which add the fixture server's host permission.
import { build } from 'vite';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromeManifest, firefoxManifest, withTestHost, type Manifest } from './manifests.ts';
import { messageOf } from '../src/core/error-message.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const staging = join(dist, '.build');

const exists = (path: string) => stat(path).then(() => true, () => false);

async function writeVariant(name: string, manifest: Manifest): Promise<void> {
  const out = join(dist, name);
  await rm(out, { recursive: true, force: true });
  await cp(staging, out, { recursive: true });
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function buildExtension(options: { e2e?: boolean } = {}): Promise<void> {
  const started = performance.now();
  for (const page of ['popup/index.html', 'options/index.html']) {
    if (!(await exists(join(root, page)))) throw new Error(`build: ${page} is missing; the extension cannot ship without it.`);
  }
  await build({ configFile: join(root, 'vite.config.ts') });
  await build({ configFile: join(root, 'vite.popup.config.ts') });
  await build({ configFile: join(root, 'vite.content.config.ts') });
  await cp(join(root, 'icons'), join(staging, 'icons'), { recursive: true });

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8')) as Manifest;
  // package.json holds the one version number; the manifest follows it.
  source.version = pkg.version;
  const chrome = chromeManifest(source);
  const firefox = firefoxManifest(source);
  await mkdir(dist, { recursive: true });
  await writeVariant('chrome', chrome);
  await writeVariant('firefox', firefox);
  if (options.e2e) {
    await writeVariant('chrome-e2e', withTestHost(chrome));
    await writeVariant('firefox-e2e', withTestHost(firefox));
  }
  await rm(staging, { recursive: true, force: true });
  const names = ['chrome', 'firefox', ...(options.e2e ? ['chrome-e2e', 'firefox-e2e'] : [])].map((n) => `dist/${n}`);
  console.log(`Built ${names.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === import.meta.filename) {
  buildExtension({ e2e: process.argv.includes('--e2e') }).catch((err: unknown) => {
    console.error(messageOf(err));
    process.exitCode = 1;
  });
}
