// Builds, then writes the store uploads: dist/frontclip-chrome-<version>.zip and
// dist/frontclip-firefox-<version>.zip, zipped by web-ext (manifest.json at the archive's root).
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildExtension } from './build.ts';

const root = resolve(import.meta.dirname, '..');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');

await buildExtension();
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
for (const browser of ['chrome', 'firefox']) {
  const filename = `frontclip-${browser}-${version}.zip`;
  await rm(join(root, 'dist', filename), { force: true });
  execFileSync(webExt, [
    'build', '--source-dir', join(root, 'dist', browser), '--artifacts-dir', join(root, 'dist'),
    '--filename', filename, '--overwrite-dest', '--no-input',
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`Wrote dist/${filename}`);
}
