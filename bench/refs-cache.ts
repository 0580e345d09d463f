/**
 * The reference engines' answers (Readability alone, Defuddle) depend only on the page and the
 * engines' versions, and Defuddle takes seconds a page under jsdom: benches keep them in a JSON
 * file under `.bench/`, valid only for the versions it was written with. `BENCH_FRESH=1` ignores
 * the file (everything is computed, and timed, again).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The installed version of a dependency: cached answers are only valid for it. */
export function packageVersion(name: string): string {
  try {
    const file = resolve('node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/** The versions of the reference engines, plus whatever else the answers depend on. */
export function referenceVersion(extra = ''): string {
  const base = `readability ${packageVersion('@mozilla/readability')}, defuddle ${packageVersion('defuddle')}`;
  return extra === '' ? base : `${base}, ${extra}`;
}

/** A page's key: its address and its bytes. */
export function pageKey(url: string, content: string | Buffer): string {
  return createHash('sha1').update(url).update('\0').update(content).digest('hex');
}

export interface RefsCache<T> {
  entries: Record<string, T>;
  save(): void;
}

/** Opens the cache at `path` for `version`; a file of another version counts as empty. */
export function openRefsCache<T>(path: string, version: string): RefsCache<T> {
  const file = resolve(path);
  let entries: Record<string, T> = {};
  if (process.env.BENCH_FRESH !== '1' && existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; entries?: Record<string, T> };
      if (cached.version === version) entries = cached.entries ?? {};
    } catch {
      entries = {};
    }
  }
  return {
    entries,
    save() {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ version, entries }));
    },
  };
}
