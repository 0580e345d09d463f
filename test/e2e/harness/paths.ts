import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { neededPresent } from '../../helpers/needed.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const distDir = (name: string): string => fileURLToPath(new URL(`../../../dist/${name}`, import.meta.url));

export { CHROMIUM_PATH } from '../../../scripts/launch-chromium.ts';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Whether a browser can run these tests: a loud skip where it is missing, a failure under `CI=true`. */
export function browserAvailable(name: string, path: string): boolean {
  const how = `Install it (apt-get install -y ${name === 'Chromium' ? 'chromium' : 'firefox-esr'}) or point ${name === 'Chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} at it.`;
  return neededPresent(existsSync(path), `${name} at ${path}`, 'its end-to-end tests', how);
}

/** The unpacked test build, which `npm run build:e2e` writes; the tests never build by themselves. */
export function requireBuild(name: string): string {
  const dir = distDir(name);
  if (!existsSync(`${dir}/manifest.json`)) {
    throw new Error(`dist/${name} is missing: run \`npm run build:e2e\` first (\`npm test\` does).`);
  }
  return dir;
}
