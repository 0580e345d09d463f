/**
 * The body half of `npm run bench:quality`: precision, recall and F1 of the with/without snippets
 * of the body corpus (../shared/corpus/README.md) for Frontclip, Readability alone and Defuddle,
 * all on the same jsdom documents in one process.
 *
 * Scoring, as the corpus README defines it: whitespace folded in the text and in each snippet; a
 * `with` snippet found is a true positive, else a false negative; a `without` snippet found is a
 * false positive, else a true negative; counts pooled over all pages.
 *
 * Which text is scored: one conversion for every engine, the text of its article HTML with a line
 * break around each block element (./article-text.ts), as a reader sees it rendered:
 * - Frontclip: its HTML body (`body: 'html'`); a page where it finds no article scores as empty
 *   text. A second row scores its Markdown body (the default format of a clipped file) turned
 *   back into the text a reader sees (link and emphasis syntax, heading and list markers,
 *   Turndown's backslash escapes removed, images dropped), as a check that both formats carry the
 *   same content.
 * - Readability alone: its `content` HTML, default options, on a clone.
 * - Defuddle: its `content` HTML, on a clone, with its network extractors off.
 *
 * Per-case misses (Frontclip's lost `with` and kept `without` snippets, with Readability's and
 * Defuddle's beside them) go to `opts.missesFile`, by default `.bench/quality-body-misses.jsonl`.
 * Defuddle takes seconds a page under jsdom: the references' texts are cached
 * (./refs-cache.ts, `.bench/quality-body-refs.json`). `BENCH_PROGRESS=1` prints each page's file
 * to stderr as it goes; `BENCH_REFERENCES=0` leaves Defuddle out where it is not cached. An exception other than "no article" in any engine is counted and listed
 * apart: a bug must not look like a page without an article.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { extract, NoArticleError } from '../src/core/extract.ts';
import { openRefsCache, pageKey, referenceVersion } from './refs-cache.ts';
import { fold } from './text-fold.ts';
import { halfOf } from './cases.ts';
import { loadDom } from './page-load.ts';
import { blockText, htmlText, markdownText, parseArticle } from './article-text.ts';

export interface BodyCase { file: string; url: string; with: string[]; without: string[]; position: number }

const NOW = '2026-01-01';

interface Tally { tp: number; fn: number; fp: number; tn: number; empty: number }
const tally = (): Tally => ({ tp: 0, fn: 0, fp: 0, tn: 0, empty: 0 });

interface Outcome { lost: string[]; kept: string[] }

/** `skip`: snippets left out of the score (the words of Frontclip's figure captions, for one row). */
function score(t: Tally, c: BodyCase, text: string, skip: (snippet: string) => boolean = () => false): Outcome {
  const hay = fold(text);
  if (!hay) t.empty++;
  const lost: string[] = [];
  const kept: string[] = [];
  for (const s of c.with) {
    if (skip(s)) continue;
    if (hay.includes(fold(s))) t.tp++;
    else { t.fn++; lost.push(s); }
  }
  for (const s of c.without) {
    if (skip(s)) continue;
    if (hay.includes(fold(s))) { t.fp++; kept.push(s); } else t.tn++;
  }
  return { lost, kept };
}

function figures(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Pages where an engine threw something other than "no article": listed, scored as empty. */
const crashes: string[] = [];

interface Clip { text: string; captions: string[] }

/** Frontclip's text in one body format; with the HTML body, the folded words of its figure captions too. */
function frontclip(doc: Document, url: string, body: 'markdown' | 'html'): Clip {
  try {
    const article = extract(doc, url, { now: NOW, body });
    if (body === 'markdown') return { text: markdownText(article.body), captions: [] };
    const holder = parseArticle(article.body, doc);
    return { text: blockText(holder), captions: Array.from(holder.querySelectorAll('figcaption'), (caption) => fold(blockText(caption))) };
  } catch (error) {
    if (!(error instanceof NoArticleError)) crashes.push(`Frontclip (${body}) on ${url}: ${String(error)}`);
    return { text: '', captions: [] };
  }
}

function readabilityAlone(doc: Document, url: string): string {
  try {
    return htmlText(new Readability(doc.cloneNode(true) as Document).parse()?.content ?? '', doc);
  } catch (error) {
    crashes.push(`Readability on ${url}: ${String(error)}`);
    return '';
  }
}

async function defuddle(doc: Document, url: string): Promise<string> {
  // Defuddle reports its own failures on the console; the table says what matters.
  const { warn, error: printError } = console;
  console.warn = console.error = () => {};
  try {
    const result = await Defuddle(doc.cloneNode(true) as Document, url, { useAsync: false });
    return htmlText(result.content ?? '', doc);
  } catch (error) {
    crashes.push(`Defuddle on ${url}: ${String(error)}`);
    return '';
  } finally {
    console.warn = warn;
    console.error = printError;
  }
}

const REFS_FILE = process.env.BENCH_BODY_REFS_CACHE ?? '.bench/quality-body-refs.json';
/** The texts depend on the conversion too: a cache of another conversion is not used. */
const REFS_VERSION = referenceVersion('text: blocks of the content HTML');

/**
 * The last row scores Frontclip's HTML again, leaving out the snippets that stand in one of its
 * figure captions: FORMAT.md keeps a figure's caption under its image, where the corpus labels a
 * caption as not article text, so the row shows how much of the gap that choice is.
 */
const CAPTIONS_UNSCORED = 'Frontclip, snippets in its figure captions not scored';
const SYSTEMS = ['Frontclip', 'Frontclip (Markdown body as text)', 'Readability alone', 'Defuddle', CAPTIONS_UNSCORED] as const;
type System = (typeof SYSTEMS)[number];

/** Scores every case, prints the body table, writes per-case misses (one JSON object a line). */
export async function runBody(cases: BodyCase[], casesFile: string, opts: { missesFile?: string | undefined; selection: string; byHalf: boolean }): Promise<void> {
  const folder = dirname(resolve(casesFile));
  // The whole selection, and (run over the whole file) each half of it.
  const groups = opts.byHalf ? ['', 'even half', 'odd half'] : [''];
  const tallies = new Map<string, Tally>();
  const tallyOf = (group: string, system: System): Tally => {
    const key = `${system}\t${group}`;
    if (!tallies.has(key)) tallies.set(key, tally());
    return tallies.get(key)!;
  };
  const misses: string[] = [];
  let withCount = 0;
  let withoutCount = 0;
  const refs = openRefsCache<{ readability: string; defuddle: string }>(REFS_FILE, REFS_VERSION);
  let fresh = 0;
  for (const c of cases) {
    withCount += c.with.length;
    withoutCount += c.without.length;
    if (process.env.BENCH_PROGRESS) process.stderr.write(`${c.file}\n`);
    const path = isAbsolute(c.file) ? c.file : resolve(folder, c.file);
    const key = pageKey(c.url, readFileSync(path));
    const dom = loadDom(path, c.url);
    const doc = dom.window.document;
    try {
      const cached = refs.entries[key];
      // BENCH_REFERENCES=0: Defuddle (seconds a page) only from the cache, else left out.
      const skipDefuddle = cached === undefined && process.env.BENCH_REFERENCES === '0';
      const clip = frontclip(doc, c.url, 'html');
      const texts: Partial<Record<System, string>> = {
        Frontclip: clip.text,
        'Frontclip (Markdown body as text)': frontclip(doc, c.url, 'markdown').text,
        'Readability alone': cached?.readability ?? readabilityAlone(doc, c.url),
        Defuddle: cached?.defuddle ?? (skipDefuddle ? undefined : await defuddle(doc, c.url)),
        [CAPTIONS_UNSCORED]: clip.text,
      };
      const inCaption = (snippet: string) => clip.captions.some((caption) => caption.includes(fold(snippet)));
      if (cached === undefined && texts.Defuddle !== undefined) {
        refs.entries[key] = { readability: texts['Readability alone'] ?? '', defuddle: texts.Defuddle };
        if (++fresh % 25 === 0) refs.save();
      }
      const half = `${halfOf(c.position)} half`;
      const outcome: Partial<Record<System, Outcome>> = {};
      for (const s of SYSTEMS) {
        const text = texts[s];
        if (text === undefined) continue;
        const skip = s === CAPTIONS_UNSCORED ? inCaption : undefined;
        if (opts.byHalf) score(tallyOf(half, s), c, text, skip);
        outcome[s] = score(tallyOf('', s), c, text, skip);
      }
      const mine = outcome.Frontclip!;
      const theirs = outcome['Readability alone']!;
      if (mine.lost.length || mine.kept.length) {
        misses.push(JSON.stringify({
          file: c.file,
          url: c.url,
          empty: !fold(texts.Frontclip ?? ''),
          lostWith: mine.lost,
          keptWithout: mine.kept,
          readability: { lostWith: theirs.lost, keptWithout: theirs.kept },
          defuddle: outcome.Defuddle && { lostWith: outcome.Defuddle.lost, keptWithout: outcome.Defuddle.kept },
        }));
      }
    } finally {
      dom.window.close();
    }
    // jsdom reaches nodes through WeakRefs, whose targets live until the current job ends: a
    // turn of the event loop between pages lets each page go.
    await new Promise((done) => setImmediate(done));
  }
  if (fresh > 0) refs.save();

  const pct = (x: number) => x.toFixed(3);
  console.log(`body: ${cases.length} pages (${opts.selection}), ${withCount} "with" snippets, ${withoutCount} "without" snippets`);
  console.log('| system | F1 | precision | recall | TP | FN | FP | TN | empty pages |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const group of groups) {
    for (const s of SYSTEMS) {
      const t = tallyOf(group, s);
      const f = figures(t);
      const name = group === '' ? s : `${s}, ${group}`;
      // An engine left out (BENCH_REFERENCES=0, nothing cached) scored no snippet: say so, not 0.000.
      if (t.tp + t.fn + t.fp + t.tn === 0) {
        console.log(`| ${name} | not run | | | | | | | |`);
        continue;
      }
      console.log(`| ${name} | ${pct(f.f1)} | ${pct(f.precision)} | ${pct(f.recall)} | ${t.tp} | ${t.fn} | ${t.fp} | ${t.tn} | ${t.empty} |`);
    }
  }
  console.log(`errors (exceptions other than "no article", scored as empty text): ${crashes.length}`);
  for (const crash of crashes) console.log(`  ${crash}`);
  const out = resolve(opts.missesFile ?? '.bench/quality-body-misses.jsonl');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, misses.length ? `${misses.join('\n')}\n` : '');
  console.log(`Frontclip's misses on ${misses.length} pages written to ${out}`);
}
