import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const distDir = (name: string): string => fileURLToPath(new URL(`../../../dist/${name}`, import.meta.url));

export { CHROMIUM_PATH } from '../../../scripts/launch-chromium.ts';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Whether a browser can run these tests. Missing on a developer's machine: the tests skip, loudly.
 * Missing in CI (`CI=true`): the run fails, because a green CI without a browser proves nothing.
 */
export function browserAvailable(name: string, path: string): boolean {
  if (existsSync(path)) return true;
  const how = `Install it (apt-get install -y ${name === 'Chromium' ? 'chromium' : 'firefox-esr'}) or point ${name === 'Chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} at it.`;
  if (process.env.CI === 'true') throw new Error(`${name} is missing at ${path}: CI must run the end-to-end tests. ${how}`);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! ${name} not found at ${path}: SKIPPING its end-to-end tests.\n!! ${how}\n${bar}\n`);
  return false;
}

/** The unpacked test build, which `npm run build:e2e` writes; the tests never build by themselves. */
export function requireBuild(name: string): string {
  const dir = distDir(name);
  if (!existsSync(`${dir}/manifest.json`)) {
    throw new Error(`dist/${name} is missing: run \`npm run build:e2e\` first (\`npm test\` does).`);
  }
  return dir;
}
