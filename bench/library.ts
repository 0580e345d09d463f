// `npm run bench:library`: the library page with 10,000 articles, in headless Chromium and Firefox ESR.
//
// Fills a fresh profile through the page's own Import (a zip of generated article files, so the
// extension's parser and store write every article), then measures:
//   - import: the file picked to the page's "Imported …" status;
//   - first rows: navigation start to the first rows in the DOM (the page's `frontclip:first-rows`
//     mark), median of several loads;
//   - search: from the search field's input event to the list updated and the next frame painted;
//   - the popup's library tags: the worker's `knownTags` answer, asked from the library page;
//   - export all: click to the zip on disk, once with the browser's own deflate and once with
//     stored entries (`?zip=deflate`, `?zip=store`), with the JS heap sampled (Chromium, CDP).
// Options: `--stored-only` (no deflate export), `--stored-zip` (the imported zip's entries stored, as Export all writes
// them, rather than deflated at level 1), `--browser chromium|firefox|both` (default both), `--dist DIR` to measure a build made
// elsewhere (an older commit's, for before/after figures), `--images`: a library that keeps
// images (1,000 articles with 5 pictures of ~100 KB each, imported as Hugo bundles), where only
// import and Export all (with the JS heap against the data) are measured; `--sync`: Sync folder
// into a chosen folder, first and second run (Chromium, with the test build, whose folder picker
// hands over a folder of the origin private file system: a headless browser's picker cannot be
// clicked; the writes are the shipped code's), with the CPU time the browser spent on each (which a
// busy machine's load moves less than the wall clock). It prints a table; it is a benchmark, not a test,
// and fails only if the page does.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { write } from '../src/core/frontmatter.ts';
import { buildExtension } from '../scripts/build.ts';
import { waitForFile } from '../test/e2e/harness/downloads.ts';
import { articlesZip, bundlesWithImagesZip, generateArticles } from './library-data.ts';
import { chromiumDriver, downloadedPath, firefoxDriver, type LibraryDriver } from './library-drivers.ts';
import { cpuSpent, descendantsCpuByKind } from './process-cpu.ts';
import { median } from './median.ts';

const IMAGES = process.argv.includes('--images');
const SYNC = process.argv.includes('--sync');
// `--stored-zip`: import a zip of stored entries (as the library's Export all writes it) rather than a deflated one.
const STORED_ZIP = process.argv.includes('--stored-zip');
// `--stored-only`: skip the deflate export (the slow comparison) when only the shipped export is wanted.
const STORED_ONLY = process.argv.includes('--stored-only');
const PER_ARTICLE = 5;
const IMAGE_BYTES = 100 * 1024;
const COUNT = Number(process.env.BENCH_COUNT ?? (IMAGES ? 1_000 : 10_000));
const LOADS = 5;
const QUERIES = ['harbour', 'ice rink', 'climate', 'solar roofs funds', 'rail operator night', 'museums', 'zzz', 'storm damage budget', 'b', 'council'];

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** The page's status line once it matches `pattern`, polled from outside the page. */
async function statusMatching(driver: LibraryDriver, pattern: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await driver.evaluate((p) => {
      const status = document.querySelector('[role="status"].status')?.textContent ?? '';
      return new RegExp(p).test(status) ? status : null;
    }, pattern);
    if (text !== null) return text;
    if (Date.now() > deadline) throw new Error(`no status matching ${pattern} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

async function fullList(driver: LibraryDriver): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await driver.evaluate(() => /articles?$/.test(document.querySelector('.library-count')?.textContent ?? ''), null)) return;
    await sleep(50);
  }
  throw new Error('the list never loaded');
}

async function firstRows(driver: LibraryDriver): Promise<number> {
  await driver.open();
  for (let i = 0; i < 600; i++) {
    const at = await driver.evaluate(() => performance.getEntriesByName('frontclip:first-rows')[0]?.startTime ?? null, null);
    if (at !== null) {
      await fullList(driver);
      return at;
    }
    await sleep(25);
  }
  throw new Error('no first rows');
}

/** The library's tags as the popup asks for them: the worker's `knownTags` answer, from the library page. */
function knownTagsOnce(driver: LibraryDriver): Promise<number> {
  return driver.evaluate(async () => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    const api = (scope.browser ?? scope.chrome)!;
    const start = performance.now();
    const reply = (await api.runtime.sendMessage({ name: 'knownTags', request: {} })) as { ok: boolean; tags?: string[] };
    if (!reply.ok || !reply.tags?.length) throw new Error('the worker gave no known tags');
    return performance.now() - start;
  }, null);
}

function searchOnce(driver: LibraryDriver, query: string): Promise<{ script: number; painted: number; shown: string }> {
  return driver.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const script = performance.now() - start;
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return { script, painted: performance.now() - start, shown: document.querySelector('.library-count')?.textContent ?? '' };
  }, query);
}

interface ExportRun { ms: number; zipBytes: number; heapGrowth: number; steps: { read: number; compress: number; download: number; mark: number } }

async function exportAll(driver: LibraryDriver, zip: 'deflate' | 'store'): Promise<ExportRun> {
  await driver.open(`?zip=${zip}`);
  await fullList(driver);
  const baseline = await driver.heap();
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling && !Number.isNaN(baseline)) {
      peak = Math.max(peak, await driver.heap());
      await sleep(20);
    }
  })();
  const start = Date.now();
  await driver.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export all')!.click(), null);
  const outcome = await statusMatching(driver, '^(Exported|Couldn)', 180_000);
  const took = Date.now() - start;
  for (let i = 0; i < 1200 && !(await driver.evaluate(() => performance.getEntriesByName('frontclip:export-done').length > 0, null)); i++) await sleep(50);
  sampling = false;
  await sampler;
  const name = /to (.+?\.zip)(?:\.|$)/.exec(outcome)?.[1];
  if (!name) throw new Error(`export failed: ${outcome}`);
  const path = downloadedPath(driver, name);
  await waitForFile(path, 120_000);
  const steps = await driver.evaluate(() => {
    const marks = ['start', 'zipped', 'downloaded', 'done'].map((n) => performance.getEntriesByName(`frontclip:export-${n}`).at(-1) as PerformanceMark | undefined);
    const [s, z, d, e] = marks.map((m) => m?.startTime ?? NaN) as [number, number, number, number];
    const detail = (marks[1]?.detail ?? {}) as { readMs?: number; zipMs?: number };
    return { read: detail.readMs ?? NaN, compress: detail.zipMs ?? NaN, download: d - z, mark: e - d, zip: z - s };
  }, null);
  return { ms: took, zipBytes: (await stat(path)).size, heapGrowth: peak - baseline, steps };
}

/** Clicks Sync folder and waits for its outcome: the time, the browser's CPU time, and the status line. */
async function syncOnce(driver: LibraryDriver): Promise<{ ms: number; cpuMs: number; byKind: [string, number][]; outcome: string }> {
  await driver.open();
  await fullList(driver);
  await driver.evaluate(() => { document.querySelector('[role="status"].status')!.textContent = ''; }, null);
  const start = Date.now();
  const cpuStart = descendantsCpuByKind();
  await driver.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Sync folder')!.click(), null);
  const outcome = await statusMatching(driver, '^(Synced|Stopped|No folder|Frontclip may)', 600_000);
  const byKind = cpuSpent(cpuStart, descendantsCpuByKind());
  return { ms: Date.now() - start, cpuMs: byKind.reduce((n, [, ms]) => n + ms, 0), byKind, outcome };
}

async function syncRows(driver: LibraryDriver, importMs: number): Promise<string[][]> {
  // The folder is chosen on the settings page, as a reader would (the test build's picker).
  await driver.open('', 'options/index.html');
  await driver.evaluate(async () => {
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Choose folder…')!.click();
    for (let i = 0; i < 200 && !/^Chosen/.test(document.querySelector('.folder-name')?.textContent ?? ''); i++) await new Promise((r) => setTimeout(r, 50));
  }, null);
  const first = await syncOnce(driver);
  const second = await syncOnce(driver);
  return [
    [`import of ${COUNT.toLocaleString()} articles`, ms(importMs), '-', '-'],
    ['first Sync folder (every article written)', `${ms(first.ms)}: ${first.outcome}`, '< 20 s', first.ms < 20_000 ? 'yes' : 'NO'],
    ['  CPU time of the browser\'s processes', ms(first.cpuMs), '-', '-'],
    ['  of which, by process', first.byKind.slice(0, 4).map(([kind, t]) => `${kind} ${ms(t)}`).join(', '), '-', '-'],
    ['second Sync folder (nothing changed)', `${ms(second.ms)}: ${second.outcome}`, '< 2 s', second.ms < 2_000 ? 'yes' : 'NO'],
    ['  CPU time of the browser\'s processes', ms(second.cpuMs), '-', '-'],
  ];
}

async function measure(driver: LibraryDriver, zipPath: string, dataBytes: number): Promise<string[][]> {
  await driver.open();
  const importStart = Date.now();
  await driver.upload(zipPath);
  const imported = await statusMatching(driver, '^(Imported|Nothing)', 600_000);
  const importMs = Date.now() - importStart;
  if (!imported.startsWith(`Imported ${COUNT.toLocaleString()}`)) throw new Error(`import failed: ${imported}`);
  const importSteps = await driver.evaluate(() => {
    const [start, read, written, listed] = ['start', 'read', 'written', 'listed'].map((n) => performance.getEntriesByName(`frontclip:import-${n}`).at(-1)?.startTime ?? NaN) as [number, number, number, number];
    return { read: read - start, write: written - read, list: listed - written };
  }, null);
  const importSplit = ['  read files / write to the store / list', `${ms(importSteps.read)} / ${ms(importSteps.write)} / ${ms(importSteps.list)}`, '-', '-'];
  if (SYNC) return syncRows(driver, importMs);
  if (IMAGES) {
    const run = await exportAll(driver, 'store');
    return [
      [`import of ${COUNT.toLocaleString()} bundles with ${PER_ARTICLE} images each`, ms(importMs), '-', '-'],
      ['export all, stored: click to zip on disk', ms(run.ms), '-', '-'],
      ['  build (read / write), to downloads, mark', `${ms(run.steps.read)} / ${ms(run.steps.compress)}, ${ms(run.steps.download)}, ${ms(run.steps.mark)}`, '-', '-'],
      ['  zip size; JS heap growth (vs the data)', `${mb(run.zipBytes)}; ${mb(run.heapGrowth)} (${mb(dataBytes)})`, '< 2 copies', run.heapGrowth < 2 * dataBytes ? 'yes' : 'NO'],
    ];
  }

  await firstRows(driver); // warm: the first load compiles the page's code
  const loads: number[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await firstRows(driver));
  await searchOnce(driver, 'warm');
  const searches = [];
  for (const query of QUERIES) searches.push(await searchOnce(driver, query));
  const painted = median(searches.map((s) => s.painted));
  const tagTimes: number[] = [];
  for (let i = 0; i < LOADS; i++) tagTimes.push(await knownTagsOnce(driver));

  const runs = STORED_ONLY ? { store: await exportAll(driver, 'store') } : { deflate: await exportAll(driver, 'deflate'), store: await exportAll(driver, 'store') };
  const rows = [
    ['import of the zip, to "Imported"', ms(importMs), '< 5 s', importMs < 5000 ? 'yes' : 'NO'],
    importSplit,
    [`first rows, median of ${LOADS} loads`, `${ms(median(loads))} (${loads.map((l) => l.toFixed(0)).join(', ')})`, '< 300 ms', median(loads) < 300 ? 'yes' : 'NO'],
    [`search, median of ${QUERIES.length} queries (to painted)`, `${ms(painted)} (slowest ${ms(Math.max(...searches.map((s) => s.painted)))})`, '< 100 ms', painted < 100 ? 'yes' : 'NO'],
    [`the popup's library tags (worker's knownTags), median of ${LOADS}`, `${ms(median(tagTimes))} (${tagTimes.map((t) => t.toFixed(0)).join(', ')})`, '-', '-'],
  ];
  for (const [kind, run] of Object.entries(runs)) {
    rows.push(
      [`export all, ${kind}: click to zip on disk`, ms(run.ms), '< 3 s', run.ms < 3000 ? 'yes' : 'NO'],
      ['  build (read / write and compress), to downloads, mark', `${ms(run.steps.read)} / ${ms(run.steps.compress)}, ${ms(run.steps.download)}, ${ms(run.steps.mark)}`, '-', '-'],
      ['  zip size; JS heap growth (vs the data)', `${mb(run.zipBytes)}; ${mb(run.heapGrowth)} (${mb(dataBytes)})`, '-', '-'],
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { browser: { type: 'string', default: 'both' }, dist: { type: 'string' }, images: { type: 'boolean', default: false }, sync: { type: 'boolean', default: false }, 'stored-only': { type: 'boolean', default: false }, 'stored-zip': { type: 'boolean', default: false } } });
  const root = resolve(import.meta.dirname, '..');
  const dist = values.dist ? resolve(values.dist) : join(root, 'dist');
  if (!values.dist) await buildExtension({ e2e: SYNC });
  const work = await mkdtemp(join(tmpdir(), 'frontclip-bench-library-'));
  try {
    console.log(`Generating ${COUNT.toLocaleString()} articles…`);
    const articles = generateArticles(COUNT);
    const dataBytes = articles.reduce((n, a) => n + Buffer.byteLength(write(a)), 0) + (IMAGES ? COUNT * PER_ARTICLE * IMAGE_BYTES : 0);
    const zipPath = join(work, 'library.zip');
    await writeFile(zipPath, IMAGES ? bundlesWithImagesZip(articles, PER_ARTICLE, IMAGE_BYTES) : articlesZip(articles, STORED_ZIP ? 0 : 1));
    // Firefox cannot write into a chosen folder: the sync measure is Chromium's alone.
    const wanted = SYNC ? ['chromium'] : values.browser === 'both' ? ['chromium', 'firefox'] : [values.browser!];
    const tables: [string, string[][]][] = [];
    for (const name of wanted) {
      console.log(`Measuring in ${name}…`);
      const driver = name === 'firefox' ? await firefoxDriver(join(dist, 'firefox')) : await chromiumDriver(join(dist, SYNC ? 'chrome-e2e' : 'chrome'), join(work, 'downloads'));
      try {
        tables.push([driver.name, await measure(driver, zipPath, dataBytes)]);
      } finally {
        await driver.close();
      }
    }
    console.log(`\nLibrary benchmark: ${COUNT.toLocaleString()} articles${IMAGES ? ` with ${PER_ARTICLE} images of ${IMAGE_BYTES / 1024} KB each` : ''}, ${mb(dataBytes)} of files${STORED_ZIP ? ', imported from a zip of stored entries' : ''} (${dist})`);
    console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end of the run`);
    for (const [browser, rows] of tables) {
      console.log(`\n${browser}`);
      const all = [['measure', 'result', 'target', 'met'], ...rows];
      const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => r[c]!.length)));
      for (const [i, row] of all.entries()) {
        console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
        if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
