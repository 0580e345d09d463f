/** The metadata bench's rows, its tallies per part of the corpus, and the printed table. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ENGINES, type Engine } from './meta-engines.ts';
import { NOW } from './meta-judge.ts';
import { median } from './median.ts';

export type Row =
  | 'title exact' | 'title exact, strict' | 'title exact, any case' | 'title relaxed' | 'date' | 'date, published-date labels' | 'description'
  | 'description, label decoded' | 'image' | 'image, no image meta' | 'image from content only' | 'link';
export const ROWS: Row[] = [
  'title exact', 'title exact, strict', 'title exact, any case', 'title relaxed', 'date', 'date, published-date labels',
  'description', 'description, label decoded', 'image', 'image, no image meta', 'image from content only', 'link',
];
const REFERENCE_ROWS: Row[] = [
  'title exact', 'title exact, strict', 'title exact, any case', 'title relaxed', 'date', 'date, published-date labels', 'description',
  'description, label decoded',
];
/** Which engine gives which field; `—` in the table otherwise. */
export const GIVES: Record<Engine, ReadonlySet<Row>> = {
  frontclip: new Set(ROWS),
  readability: new Set<Row>(REFERENCE_ROWS),
  defuddle: new Set<Row>([...REFERENCE_ROWS, 'image', 'image, no image meta']),
};

export interface Tally { n: number; ok: number; wrong: number; missing: number }
export const newTally = (): Tally => ({ n: 0, ok: 0, wrong: 0, missing: 0 });

/** The part of the corpus a case belongs to: its id's prefix (`mercury/12` -> `mercury`). */
export function partOf(id: string): string {
  return id.split('/', 1)[0] ?? id;
}

export const tallyKey = (part: string, row: Row, engine: Engine): string => `${part}\t${row}\t${engine}`;

export interface Timing {
  /** Milliseconds each engine took over the run, parse included. */
  engineMs: Record<string, number>;
  /** Pages whose reference answers came from the cache (then the references are not timed). */
  cachedPages: number;
  pages: number;
}

function timingLine(timing: Timing): string {
  const seconds = (name: string) => `${((timing.engineMs[name] ?? 0) / 1000).toFixed(1)} s`;
  const mine = `Frontclip ${seconds('frontclip')}`;
  if (timing.cachedPages === 0 && process.env.BENCH_REFERENCES !== '0') {
    return `time per engine (parse included, all timed): ${mine}, Readability ${seconds('readability')}, Defuddle ${seconds('defuddle')}`;
  }
  return `time: ${mine} (parse included); Readability and Defuddle not timed: their answers came from the cache for `
    + `${timing.cachedPages} of ${timing.pages} pages, the others' were ${process.env.BENCH_REFERENCES === '0' ? 'not computed (BENCH_REFERENCES=0)' : 'computed'} `
    + '(BENCH_FRESH=1 runs and times them all)';
}

export interface Report {
  /** The parts of the corpus (and their halves) to print, in order. */
  groups: string[];
  cases: number;
  casesFile: string;
  selection: string;
  tallies: Map<string, Tally>;
  misses: string[];
  metadataMs: number[];
  failures: string[];
  timing: Timing;
  missesFile: string | undefined;
}

export function printReport(r: Report): void {
  const cell = (t: Tally | undefined): string => (t === undefined || t.n === 0 ? '—' : `${(t.ok / t.n).toFixed(2)} (${t.ok}/${t.n})`);
  const lines = [
    `metadata quality: ${r.cases} cases from ${r.casesFile} (${r.selection}); clock ${NOW}`,
    '',
    '| part | field | Frontclip | Readability alone | Defuddle |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const part of r.groups) {
    for (const row of ROWS) {
      const cells = ENGINES.map((engine) => (GIVES[engine].has(row) ? cell(r.tallies.get(tallyKey(part, row, engine))) : '—'));
      if (cells.every((x) => x === '—')) continue;
      const label = row === 'date' ? 'date (same day; ±1 for UTC)' : row;
      lines.push(`| ${part} | ${label} | ${cells.join(' | ')} |`);
      if (row === 'date' || row === 'date, published-date labels') {
        const counts = ENGINES.map((engine) => {
          const t = r.tallies.get(tallyKey(part, row, engine));
          return t === undefined ? '—' : `${t.wrong} wrong, ${t.missing} missing`;
        });
        lines.push(`| ${part} | ${row === 'date' ? 'date' : 'published-date labels'}: wrong / missing days | ${counts.join(' | ')} |`);
      }
    }
  }
  lines.push('', timingLine(r.timing));
  lines.push(`Frontclip metadata phase: median ${median(r.metadataMs).toFixed(2)} ms, max ${Math.max(...r.metadataMs).toFixed(1)} ms per page`);
  console.log(lines.join('\n'));
  if (r.failures.length > 0) console.log(`\n${r.failures.length} engine failures:\n  ${r.failures.join('\n  ')}`);

  const missesFile = resolve(r.missesFile ?? '.bench/quality-misses.jsonl');
  mkdirSync(dirname(missesFile), { recursive: true });
  writeFileSync(missesFile, r.misses.length > 0 ? `${r.misses.join('\n')}\n` : '');
  console.log(`\n${r.misses.length} Frontclip misses written to ${missesFile}`);
}
