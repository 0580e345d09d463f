/**
 * `npm run bench:quality -- <cases.jsonl> [--misses FILE] [--only PREFIX]`: extraction quality on a
 * corpus (../shared/corpus, see its README), Frontclip beside Readability alone and Defuddle,
 * computed on the same pages in one process.
 *
 * The kind of corpus is read from its first case:
 * - metadata cases (`expected: {title, date, ...}`) go to ./quality-meta.ts;
 * - body cases (`with` / `without` snippet lists) go to ./quality-body.ts, which exports
 *   `runBody(cases, casesFile, opts)`. It is loaded by file name at run time, so this entry does not
 *   depend on it being there.
 *
 * Options (both parts receive them as `opts`):
 * - `--misses FILE`: where per-case misses are written as JSON lines (default
 *   `.bench/quality-misses.jsonl` for the metadata corpus, `.bench/quality-body-misses.jsonl` for
 *   the body corpus; `.bench/` is git-ignored);
 * - `--only PREFIX`: only the cases whose `id` (or `file`) starts with PREFIX.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runMeta } from './quality-meta.ts';

export interface QualityOptions {
  /** Where the per-case misses go (JSON lines); the part picks a default when undefined. */
  missesFile: string | undefined;
  /** Only cases whose `id` (or `file`) starts with this. */
  only: string | undefined;
}

function usage(message: string): never {
  console.error(message);
  console.error('usage: npm run bench:quality -- <cases.jsonl> [--misses FILE] [--only PREFIX]');
  process.exit(2);
}

function parseArgs(argv: string[]): { casesFile: string; opts: QualityOptions } {
  let casesFile: string | undefined;
  const opts: QualityOptions = { missesFile: undefined, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--misses' || arg === '--only') {
      const value = argv[++i];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--misses') opts.missesFile = value;
      else opts.only = value;
    } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else if (casesFile === undefined) casesFile = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (casesFile === undefined) usage('no cases file given');
  return { casesFile: resolve(casesFile), opts };
}

function readCases(casesFile: string, only: string | undefined): Record<string, unknown>[] {
  const cases: Record<string, unknown>[] = [];
  for (const line of readFileSync(casesFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const item = JSON.parse(line) as Record<string, unknown>;
    const key = String(item['id'] ?? item['file'] ?? '');
    if (only === undefined || key.startsWith(only)) cases.push(item);
  }
  return cases;
}

type RunBody = (cases: Record<string, unknown>[], casesFile: string, opts: QualityOptions) => unknown;

async function main(): Promise<void> {
  const { casesFile, opts } = parseArgs(process.argv.slice(2));
  if (!existsSync(casesFile)) usage(`no such file: ${casesFile}`);
  const cases = readCases(casesFile, opts.only);
  if (cases.length === 0) usage(`no cases in ${casesFile}${opts.only ? ` starting with ${opts.only}` : ''}`);
  const first = cases[0] ?? {};
  if ('with' in first || 'without' in first) {
    const bodyPath = fileURLToPath(new URL('./quality-body.ts', import.meta.url));
    if (!existsSync(bodyPath)) {
      console.error(`${casesFile} is a body corpus (with/without snippets), scored by bench/quality-body.ts,`);
      console.error('which is not there yet: the body benchmark is not part of this checkout.');
      process.exit(2);
    }
    const module = (await import(pathToFileURL(bodyPath).href)) as { runBody?: RunBody };
    if (typeof module.runBody !== 'function') {
      console.error('bench/quality-body.ts does not export runBody(cases, casesFile, opts).');
      process.exit(2);
    }
    await module.runBody(cases, casesFile, opts);
    return;
  }
  if (!('expected' in first)) usage(`${casesFile}: cases carry neither "expected" nor "with"/"without"`);
  await runMeta(cases, casesFile, { ...opts, folder: dirname(casesFile) });
}

await main();
