/**
 * `npm run bench [-- cases.jsonl [--only PREFIX] [--half even|odd]]`: the clip pipeline beside
 * Readability alone, in one process, on the same documents. Each page is parsed once with jsdom
 * (not timed); then, alternating so neither side profits from a warmer cache, Readability alone
 * (clone + parse) and Frontclip's extract (clone + Readability, its copy prepared for the Markdown's
 * math and players, cleanup around it, metadata, sanitize, Markdown, fields) run REPS times each and the fastest run of each is kept. Prints the
 * median per-page times, the median ratio, and where the extra time goes.
 *
 * A page where Frontclip finds no article is timed up to that answer (what a reader waits for
 * before the popup says so) and counted; a page where either side throws anything else is an
 * error: left out of the times, counted and listed, so a bug never passes for a page without an
 * article.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extract, NoArticleError, type Phase } from '../src/core/extract.ts';
import { write } from '../src/core/frontmatter.ts';
import { loadDom } from './page-load.ts';
import { describeSelection, readCases, SELECTION_USAGE, takeSelectionArg, type Selection } from './cases.ts';
import { median } from './median.ts';

interface Case { file: string; url: string }

const REPS = Number(process.env.BENCH_REPS ?? 5);
const fixture = fileURLToPath(new URL('../test/fixtures/news-article.html', import.meta.url));

function parseArgs(argv: string[]): { list: string | undefined; selection: Selection } {
  let list: string | undefined;
  const selection: Selection = { only: undefined, half: undefined };
  for (let i = 0; i < argv.length; i++) {
    let used = 0;
    try {
      used = takeSelectionArg(argv, i, selection);
    } catch (error) {
      console.error(`${(error as Error).message}\nusage: npm run bench -- [cases.jsonl ${SELECTION_USAGE}]`);
      process.exit(2);
    }
    if (used > 0) i += used - 1;
    else list ??= argv[i];
  }
  return { list, selection };
}

function loadCases(list: string | undefined, selection: Selection): Case[] {
  const cases: Case[] = [{ file: fixture, url: 'http://127.0.0.1:8080/media/nato-ambassador.html' }];
  if (!list) return cases;
  const folder = dirname(resolve(list));
  for (const item of readCases<Case>(resolve(list), selection)) cases.push({ file: resolve(folder, item.file), url: item.url });
  return cases;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const quiet = new VirtualConsole();
const { list, selection } = parseArgs(process.argv.slice(2));
const cases = loadCases(list, selection);
const rows: { readability: number; clip: number; phases: Record<Phase | 'write', number> }[] = [];
let noArticle = 0;
const errors: string[] = [];

// Warm-up, not measured: the first page timed would otherwise pay for the JIT compiling both sides.
{
  const warm = new JSDOM(readFileSync(fixture, 'utf8'), { url: 'http://127.0.0.1:8080/media/nato-ambassador.html', virtualConsole: quiet });
  for (let i = 0; i < 10; i++) {
    new Readability(warm.window.document.cloneNode(true) as Document).parse();
    extract(warm.window.document, warm.window.location.href, { now: '2026-11-26' });
  }
  warm.window.close();
}

for (const c of cases) {
  const dom = loadDom(c.file, c.url);
  const doc = dom.window.document;
  let best = { readability: Infinity, clip: Infinity, phases: {} as Record<Phase | 'write', number> };
  let found = true;
  try {
    for (let i = 0; i < REPS; i++) {
      const r = time(() => new Readability(doc.cloneNode(true) as Document).parse());
      const phases = {} as Record<Phase | 'write', number>;
      // A phase can come in several parts (the clone and Readability's run, say): add them up.
      const onPhase = (p: Phase, ms: number) => { phases[p] = (phases[p] ?? 0) + ms; };
      const clip = time(() => {
        try {
          const article = extract(doc, c.url, { now: '2026-11-26', onPhase });
          const start = performance.now();
          write(article);
          phases.write = performance.now() - start;
        } catch (error) {
          if (!(error instanceof NoArticleError)) throw error;
          found = false;
        }
      });
      best = {
        readability: Math.min(best.readability, r),
        clip: Math.min(best.clip, clip),
        phases: clip < best.clip ? phases : best.phases,
      };
    }
    rows.push(best);
    if (!found) noArticle++;
  } catch (error) {
    errors.push(`${c.file}: ${String(error)}`);
  } finally {
    dom.window.close();
  }
  // jsdom reaches nodes through WeakRefs, and a WeakRef's target stays alive until the current job
  // ends: one synchronous loop over hundreds of pages would keep every page and clone in memory.
  await new Promise((done) => setImmediate(done));
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const fixtureRow = rows[0];
console.log(`pages: ${rows.length} measured (fixture + ${describeSelection(selection)}), ${noArticle} of them without an article `
  + `(timed to that answer); ${errors.length} errors (left out); ${REPS} runs each, fastest kept`);
for (const error of errors) console.log(`  error: ${error}`);
if (fixtureRow) {
  console.log(`fixture: Readability alone ${fmt(fixtureRow.readability)}, Frontclip ${fmt(fixtureRow.clip)}, ratio ${(fixtureRow.clip / fixtureRow.readability).toFixed(2)}`);
}
const ratios = rows.map((r) => r.clip / r.readability);
console.log(`median per page: Readability alone ${fmt(median(rows.map((r) => r.readability)))}, Frontclip ${fmt(median(rows.map((r) => r.clip)))}`);
console.log(`median ratio Frontclip / Readability: ${median(ratios).toFixed(2)} (target <= 1.30)`);
console.log('median time per phase of Frontclip:');
for (const phase of ['readability', 'prepare', 'cleanup', 'metadata', 'sanitize', 'convert', 'fields', 'write'] as const) {
  console.log(`  ${phase.padEnd(12)} ${fmt(median(rows.map((r) => r.phases[phase] ?? 0)))}`);
}
// The Markdown's conversions (math, footnotes, figures, players) cost in two places: the copy
// prepared for Readability and the converter itself; the first is timed apart.
const prepareShare = median(rows.map((r) => (r.phases.prepare ?? 0) / r.clip));
console.log(`preparing Readability's copy for math and players: median ${(prepareShare * 100).toFixed(1)} % of a clip`);
