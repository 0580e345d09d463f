import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The TypeScript files (no `.d.ts`) below each of `dirs`, as paths relative to `root`: what a source scan reads. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir))) {
      const path = `${dir}/${entry}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.ts$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(dir);
  return files;
}
