import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('src/core stays free of extension APIs', () => {
  it('the lint config rejects webextension-polyfill and the chrome/browser globals in src/core', async () => {
    expect(await ruleIds("import browser from 'webextension-polyfill';\nexport const b = browser;\n", 'src/core/probe.ts'))
      .toContain('no-restricted-imports');
    expect(await ruleIds('export const id = chrome.runtime.id;\n', 'src/core/probe.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const id = browser.runtime.id;\n', 'src/core/probe.ts')).toContain('no-restricted-globals');
  });

  it('the same code is allowed outside the core, where chrome.* is still refused', async () => {
    expect(await ruleIds("import browser from 'webextension-polyfill';\nexport const b = browser;\n", 'src/background/probe.ts')).toEqual([]);
    expect(await ruleIds('export const id = chrome.runtime.id;\n', 'src/background/probe.ts')).toContain('no-restricted-globals');
  });

  it('no file in src/core imports an extension or Node API', () => {
    const dir = fileURLToPath(new URL('../../src/core/', import.meta.url));
    for (const name of readdirSync(dir)) {
      const text = readFileSync(dir + name, 'utf8');
      expect(text, name).not.toMatch(/from ['"](webextension-polyfill|node:[\w/]+|fs|path|jsdom)['"]/);
      expect(text, name).not.toMatch(/\bchrome\.\w/);
    }
  });
});
