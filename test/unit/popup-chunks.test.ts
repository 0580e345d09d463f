import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { neededPresent } from '../helpers/needed.ts';

// Issue 13: the popup's time to a filled form went largely to fetching its code (some twenty
// chunks shared with the other pages) and to parsing DOMPurify, which a Markdown form never uses.
// These checks read the built popup and fail if either comes back.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const STATIC_IMPORT = /^import\s*(?:[^'"]*?from\s*)?["'](\.\/[^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

function imports(file: string, pattern: RegExp): string[] {
  const text = readFileSync(file, 'utf8');
  return Array.from(text.matchAll(pattern), (m) => resolve(dirname(file), m[1]!));
}

/** A module file and everything it imports statically, as the browser fetches them before running it. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const next of imports(file, STATIC_IMPORT)) staticClosure(next, seen);
  return seen;
}

/**
 * The files the popup runs before its form can show: the entry's static imports, then each chunk
 * the entry imports dynamically (the view) with its own static imports. The view's own dynamic
 * imports (the file writer for Copy, the HTML sanitizer for an HTML body) are left out: the
 * default Markdown form does not wait for them.
 */
function beforeTheForm(dir: string): { entry: string; files: Set<string> } {
  const html = readFileSync(join(dir, 'popup', 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('the popup page has no module script');
  const entry = resolve(join(dir, 'popup'), src);
  const files = staticClosure(entry);
  for (const file of [...files]) for (const view of imports(file, DYNAMIC_IMPORT)) staticClosure(view, files);
  return { entry, files };
}

describe('the built popup', () => {
  const builds = ['chrome', 'firefox'];
  const built = neededPresent(
    builds.every((build) => existsSync(join(ROOT, 'dist', build, 'popup', 'index.html'))),
    'The build (dist/chrome, dist/firefox)', 'the check of the popup chunks', 'Run `npm run build` first (`npm test` does).',
  );

  for (const build of built ? builds : []) {
    const dir = join(ROOT, 'dist', build);

    it(`${build}: reaches its form through a handful of files, none shared with the other pages`, () => {
      const { files } = beforeTheForm(dir);
      expect(files.size).toBeGreaterThanOrEqual(2);
      expect(files.size).toBeLessThanOrEqual(8);
      for (const file of files) expect(file).toMatch(/[\\/]assets[\\/]popup-/);
    });

    it(`${build}: loads no HTML sanitizer and no YAML library before a Markdown form`, () => {
      const { files } = beforeTheForm(dir);
      const code = [...files].map((file) => readFileSync(file, 'utf8')).join('\n');
      expect(code).toContain('createClipForm');
      expect(code).not.toMatch(/node_modules\/dompurify/);
      expect(code).not.toMatch(/node_modules\/yaml/);
    });

    it(`${build}: still has the sanitizer, loaded on demand, for an HTML body`, () => {
      const { files } = beforeTheForm(dir);
      const later = [...files].flatMap((file) => imports(file, DYNAMIC_IMPORT)).filter((file) => !files.has(file));
      const code = later.map((file) => readFileSync(file, 'utf8')).join('\n');
      expect(code).toMatch(/node_modules\/dompurify/);
    });
  }
});
