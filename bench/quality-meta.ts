/**
 * The metadata part of `npm run bench:quality` (cases with `expected: {...}`: the dev corpus, the
 * dates corpus). Engines: ./meta-engines.ts; judges: ./meta-judge.ts; table: ./meta-report.ts.
 *
 * Rows are given per part of the corpus (the id's prefix: `mercury/`, `metascraper/`,
 * `htmldate/`, `trafilatura/`). A case counts for a row only when its `expected` has that field.
 * The rules:
 * - text fields are first folded: Unicode NFC, every whitespace run (U+00A0 included) to one
 *   space, trimmed;
 * - title exact: the engine's title equals the expected one, or the expected one without a
 *   leading or trailing part that names the site (`Headline | Engadget` -> `Headline`, where the
 *   part, letters and digits only, is or extends the case's `site_name` or the host's name), as
 *   FORMAT.md drops such parts; typeset quotes, dashes and ellipses are compared as typed
 *   (metascraper's reviewed titles are typeset: `It’s` for the page's `It's`).
 * - title exact, strict: folded strings equal, nothing else;
 * - title exact, any case: as title exact, letter case aside (some labels are the headline as a
 *   stylesheet shows it, `text-transform: uppercase`; the page's text is not upper-case);
 * - title relaxed: both non-empty and one contains the other (the expected title or one of its
 *   site-less variants), ignoring case, typeset characters compared as typed;
 * - description: folded strings equal, typeset quotes, dashes and ellipses compared as typed;
 *   "description, label decoded" the same against the label with its character references
 *   decoded (`&quot;` -> `"`): some labels are the page source's text, not what a reader sees;
 * - date: the engine's value read as a calendar day as written (Frontclip's `parseDay` for the
 *   references' raw strings). With `expected.date` it must be that day; with only
 *   `expected.date_utc` it may lie one day either side of the UTC day, since the publisher's own
 *   day is unknown. A day that does not match is WRONG; no day at all is MISSING (for Frontclip:
 *   `dateSource` is `clip-date`, the day of clipping). Wrong and missing are counted separately:
 *   a missing date is better than a wrong one.
 * - image and link: both URLs compared after normalising (scheme dropped, host lower-cased,
 *   `&amp;` decoded, path percent-decoded, no trailing `/`, query sorted, fragment dropped).
 *   `image: null` expects no image: correct when the engine returns `''`.
 * - "date, published-date labels": the same, leaving out the cases whose expected day is one the
 *   page declares only as its modification date: a clipper must not give it.
 * - "image, no image meta": the cases whose page declares no image the standard way.
 * - "image from content only": Frontclip's `extract` again on the same page with every image
 *   `<meta>`, `<link rel=image_src>` and JSON-LD block removed (cases whose expected image is
 *   known, `null` included). BENCH_CONTENT_ONLY=0 leaves this row out (it doubles Frontclip's time).
 *
 * Run over a whole file (no `--half`), every row is also given for each half of it (`htmldate
 * even`, `htmldate odd`): rules are developed on one half and checked on the other.
 *
 * Timing: Frontclip is always timed. The references' answers are cached (./refs-cache.ts): when
 * any came from the cache, the references are not timed at all and the report says so.
 * `BENCH_REFERENCES=0` runs Frontclip alone: references come from the cache or are left out.
 *
 * Each Frontclip miss is written as one JSON line (case, field, verdict, expected value, what each
 * engine gave) to `.bench/quality-misses.jsonl` unless `--misses` says otherwise.
 */
import { resolve } from 'node:path';
import { ENGINES, type Answer, type Engine, clip, defuddleAnswer, frontclipAnswer, readabilityAnswer, withPage } from './meta-engines.ts';
import { NOW } from './meta-judge.ts';
import { GIVES, type Tally, newTally, partOf, printReport, tallyKey } from './meta-report.ts';
import { checks, type MetaCase } from './meta-checks.ts';
import { halfOf } from './cases.ts';
import { openRefsCache, pageKey, referenceVersion } from './refs-cache.ts';
import { runInWorker } from './worker-run.ts';
import { readPage } from './page-load.ts';


export interface MetaOptions {
  missesFile: string | undefined;
  selection: string;
  /** Report each half of the file apart as well. */
  byHalf: boolean;
  folder: string;
}

const REFS_FILE = process.env.BENCH_REFS_CACHE ?? '.bench/quality-refs.json';
const REFS_VERSION = referenceVersion(`clock ${NOW}`);
type References = Partial<Record<Engine, Answer>>;

interface ChunkResult {
  tallies: [string, Tally][];
  misses: string[];
  metadataMs: number[];
  failures: string[];
  engineMs: Record<string, number>;
  cachedPages: number;
}

/** Pages measured in one worker thread (./worker-run.ts). */
const CHUNK = 25;

interface ChunkJob { cases: MetaCase[]; folder: string; offset: number; total: number; byHalf: boolean }

/** The groups a case is counted in: its part, and the part's half when halves are reported. */
function groupsOf(c: MetaCase, byHalf: boolean): string[] {
  const part = partOf(c.id);
  return byHalf ? [part, `${part} ${halfOf(c.position)}`] : [part];
}

export async function runMeta(raw: Record<string, unknown>[], casesFile: string, opts: MetaOptions): Promise<void> {
  const cases = raw as unknown as MetaCase[];
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  const metadataMs: number[] = [];
  const failures: string[] = [];
  const engineMs: Record<string, number> = {};
  let cachedPages = 0;
  for (let offset = 0; offset < cases.length; offset += CHUNK) {
    const job: ChunkJob = { cases: cases.slice(offset, offset + CHUNK), folder: opts.folder, offset, total: cases.length, byHalf: opts.byHalf };
    const chunk = await runInWorker<ChunkResult>(import.meta.url, 'measureChunk', job);
    for (const [key, t] of chunk.tallies) {
      const sum = tallies.get(key) ?? newTally();
      tallies.set(key, { n: sum.n + t.n, ok: sum.ok + t.ok, wrong: sum.wrong + t.wrong, missing: sum.missing + t.missing });
    }
    misses.push(...chunk.misses);
    metadataMs.push(...chunk.metadataMs);
    failures.push(...chunk.failures);
    cachedPages += chunk.cachedPages;
    for (const [name, ms] of Object.entries(chunk.engineMs)) engineMs[name] = (engineMs[name] ?? 0) + ms;
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  printReport({
    groups: Array.from(new Set(cases.flatMap((c) => groupsOf(c, false)).flatMap((part) => (opts.byHalf ? [part, `${part} even`, `${part} odd`] : [part])))),
    cases: cases.length, casesFile, selection: opts.selection, tallies, misses, metadataMs, failures,
    timing: { engineMs, cachedPages, pages: cases.length }, missesFile: opts.missesFile,
  });
}

/** Measures one chunk of cases; run in a worker thread by `runMeta`. */
export function measureChunk(job: ChunkJob): ChunkResult {
  const { cases, folder, offset, total, byHalf } = job;
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  const metadataMs: number[] = [];
  const failures: string[] = [];
  const engineMs: Record<string, number> = {};
  const timed = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    try {
      return run();
    } finally {
      engineMs[name] = (engineMs[name] ?? 0) + performance.now() - start;
    }
  };
  const refs = openRefsCache<References>(REFS_FILE, REFS_VERSION);
  let cachedPages = 0;

  for (const [index, c] of cases.entries()) {
    if (process.stderr.isTTY) process.stderr.write(`\r${offset + index + 1}/${total} ${c.id.padEnd(60).slice(0, 60)}`);
    const source = readPage(resolve(folder, c.file));
    // The source as text for the few checks that read it raw (a page that is not UTF-8 is read
    // as Latin-1 there: its markup and digits are ASCII either way).
    const html = typeof source === 'string' ? source : source.toString('latin1');
    const answers: References = {};
    try {
      const article = timed('frontclip', () => withPage(source, c.url, (doc) => clip(doc, c.url, (ms) => metadataMs.push(ms))));
      answers.frontclip = frontclipAnswer(article);
    } catch (error) {
      failures.push(`${c.id}: frontclip: ${String(error)}`);
      answers.frontclip = {};
    }
    const refKey = pageKey(c.url, html);
    const cached = refs.entries[refKey];
    if (cached?.readability !== undefined && cached.defuddle !== undefined) {
      answers.readability = cached.readability;
      answers.defuddle = cached.defuddle;
      cachedPages++;
    } else if (process.env.BENCH_REFERENCES !== '0') {
      const reference = (engine: 'readability' | 'defuddle', read: (doc: Document) => Answer): void => {
        try {
          answers[engine] = timed(engine, () => withPage(source, c.url, read));
        } catch (error) {
          failures.push(`${c.id}: ${engine}: ${String(error)}`);
          answers[engine] = {};
        }
      };
      reference('readability', readabilityAnswer);
      reference('defuddle', (doc) => defuddleAnswer(doc, c.url));
      refs.entries[refKey] = { readability: answers.readability, defuddle: answers.defuddle };
    }

    for (const [row, judge, want, shown] of checks(c, source, html, timed, failures)) {
      for (const engine of ENGINES) {
        const answer = answers[engine];
        if (!GIVES[engine].has(row) || answer === undefined) continue;
        const verdict = judge(answer);
        for (const group of groupsOf(c, byHalf)) {
          const key = tallyKey(group, row, engine);
          const t = tallies.get(key) ?? newTally();
          tallies.set(key, t);
          t.n++;
          t[verdict]++;
        }
        // The published-date row repeats the date row's cases: its misses are there already.
        if (engine === 'frontclip' && verdict !== 'ok' && row !== 'date, published-date labels') {
          const field = (['title', 'image', 'description'] as const).find((f) => row.startsWith(f)) ?? row;
          const pick = (a: Answer | undefined): unknown =>
            field === 'date' ? a?.rawDate : (a as Record<string, unknown> | undefined)?.[field];
          misses.push(JSON.stringify({
            id: c.id, row, verdict, expected: want,
            frontclip: shown ?? pick(answers.frontclip),
            readability: pick(answers.readability), defuddle: pick(answers.defuddle),
            file: c.file, url: c.url,
          }));
        }
      }
    }
  }

  refs.save();
  return { tallies: Array.from(tallies), misses, metadataMs, failures, engineMs, cachedPages };
}
