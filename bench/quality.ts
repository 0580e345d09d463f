/**
 * `npm run bench:quality -- <cases.jsonl> [--misses FILE] [--only PREFIX] [--half even|odd]`:
 * extraction quality on a corpus (../shared/corpus, see its README), Frontclip beside Readability
 * alone and Defuddle, computed on the same pages in one process.
 *
 * The kind of corpus is read from its first case:
 * - metadata cases (`expected: {title, date, ...}`) go to ./quality-meta.ts;
 * - body cases (`with` / `without` snippet lists) go to ./quality-body.ts.
 *
 * Options (both parts receive them as `opts`):
 * - `--misses FILE`: where per-case misses are written as JSON lines (default
 *   `.bench/quality-misses.jsonl` for the metadata corpus, `.bench/quality-body-misses.jsonl` for
 *   the body corpus; `.bench/` is git-ignored);
 * - `--only PREFIX`, `--half even|odd`: which cases (./cases.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runMeta } from './quality-meta.ts';
import { runBody, type BodyCase } from './quality-body.ts';
import { describeSelection, readCases, SELECTION_USAGE, takeSelectionArg, type Selection } from './cases.ts';

export interface QualityOptions {
  /** Where the per-case misses go (JSON lines); the part picks a default when undefined. */
  missesFile: string | undefined;
  /** Which cases were read, for the report. */
  selection: string;
  /** The whole file was read: each half is reported apart as well. */
  byHalf: boolean;
}

function usage(message: string): never {
  console.error(message);
  console.error(`usage: npm run bench:quality -- <cases.jsonl> [--misses FILE] ${SELECTION_USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): { casesFile: string; missesFile: string | undefined; selection: Selection } {
  let casesFile: string | undefined;
  let missesFile: string | undefined;
  const selection: Selection = { only: undefined, half: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let used = 0;
    try {
      used = takeSelectionArg(argv, i, selection);
    } catch (error) {
      usage(String((error as Error).message));
    }
    if (used > 0) {
      i += used - 1;
    } else if (arg === '--misses') {
      missesFile = argv[++i];
      if (missesFile === undefined) usage('--misses needs a value');
    } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else if (casesFile === undefined) casesFile = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (casesFile === undefined) usage('no cases file given');
  return { casesFile: resolve(casesFile), missesFile, selection };
}

async function main(): Promise<void> {
  const { casesFile, missesFile, selection } = parseArgs(process.argv.slice(2));
  if (!existsSync(casesFile)) usage(`no such file: ${casesFile}`);
  const cases = readCases(casesFile, selection);
  if (cases.length === 0) usage(`no cases in ${casesFile} (${describeSelection(selection)})`);
  const opts: QualityOptions = { missesFile, selection: describeSelection(selection), byHalf: selection.half === undefined };
  const first = cases[0] ?? {};
  if ('with' in first || 'without' in first) {
    await runBody(cases as unknown as BodyCase[], casesFile, opts);
    return;
  }
  if (!('expected' in first)) usage(`${casesFile}: cases carry neither "expected" nor "with"/"without"`);
  await runMeta(cases, casesFile, { ...opts, folder: dirname(casesFile) });
}

await main();
