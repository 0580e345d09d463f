/**
 * The metadata part of `npm run bench:quality` (cases with `expected: {...}`, the dev corpus).
 *
 * Every page is parsed with jsdom once per engine (so no engine sees another's changes) and read by:
 * - Frontclip: the real `extract(doc, url, {now})`, the code path of the extension and the CLI.
 *   A page where it finds no article is clipped again with `mode: 'page'`, as the popup offers;
 *   its metadata is the same either way.
 * - Readability alone: `title`, `excerpt` (as description), `publishedTime`.
 * - Defuddle (dev dependency, only here): `title`, `description`, `image`, `published`.
 *
 * Rows are given per part of the corpus: Mercury (ids `mercury/`), metascraper (`metascraper/`).
 * A case counts for a row only when its `expected` has that field. The rules:
 * - text fields are first folded: Unicode NFC, every whitespace run (U+00A0 included) to one
 *   space, trimmed;
 * - title exact: the engine's title equals the expected one, or the expected one without a
 *   leading or trailing part that names the site (`Headline | Engadget` -> `Headline`, where the
 *   part, letters and digits only, is or extends the case's `site_name` or the host's name), as
 *   FORMAT.md drops such parts; typeset quotes, dashes and ellipses are compared as typed
 *   (metascraper's reviewed titles are typeset: `It’s` for the page's `It's`).
 * - title exact, strict: the issue's literal rule, folded strings equal, nothing else;
 * - title relaxed: both non-empty and one contains the other (the expected title or one of its
 *   site-less variants), ignoring case, typeset characters compared as typed;
 * - description: folded strings equal, typeset quotes, dashes and ellipses compared as typed
 *   (as for titles: metascraper typesets `you've` as `you’ve` and `...` as `…`);
 * - date: the engine's value read as a calendar day as written (Frontclip's `parseDay` for the
 *   references' raw strings). With `expected.date` it must be that day; with only
 *   `expected.date_utc` it may lie one day either side of the UTC day, since the publisher's own
 *   day is unknown. A day that does not match is WRONG; no day at all is MISSING (for Frontclip:
 *   `dateSource` is `clip-date`, the day of clipping). Wrong and missing are counted separately:
 *   a missing date is better than a wrong one.
 * - image and link: both URLs compared after normalising: scheme dropped, host lower-cased,
 *   `&amp;` decoded, path percent-decoded (repeatedly: a nested address may be encoded twice) and
 *   without trailing `/`, query parameters sorted, fragment dropped. `image: null` expects no image: correct when the engine returns `''`.
 * - "date, published-date labels": the same, leaving out the cases whose expected day is one the
 *   page declares only as its modification date (`dateModified`, `article:modified_time`,
 *   `og:updated_time`) and not as its publication date: there the reviewed value is the modified
 *   date, which a clipper must not give.
 * - "image, no image meta": the cases whose page declares no image the standard way (no
 *   `og:image` / `twitter:image` `<meta>` with a `content`, no JSON-LD `image` / `thumbnailUrl`).
 * - "image from content only": Frontclip's `extract` again on the same page with every image
 *   `<meta>`, `<link rel=image_src>` and JSON-LD block removed: what its search of the article's
 *   own content finds (cases whose expected image is known, `null` included). BENCH_CONTENT_ONLY=0
 *   leaves this row out (it doubles Frontclip's time).
 *
 * Each Frontclip miss is written as one JSON line (case, field, verdict, expected value, what each
 * engine gave) to `.bench/quality-misses.jsonl` unless `--misses` says otherwise.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { extract, NoArticleError } from '../src/core/extract.ts';
import type { Article } from '../src/core/article.ts';
import { parseDay } from '../src/core/dates.ts';

export interface Expected {
  title?: string;
  date?: string;
  date_utc?: string;
  description?: string;
  image?: string | null;
  link?: string;
  site_name?: string;
}

interface MetaCase {
  id: string;
  file: string;
  url: string;
  expected: Expected;
}

export interface MetaOptions {
  missesFile: string | undefined;
  folder: string;
}

/** What one engine said about one page; `undefined`: the engine has no such field. */
interface Answer {
  title?: string;
  description?: string;
  /** Calendar day or `null` when the engine gave none. */
  day?: string | null;
  image?: string;
  link?: string;
  /** Raw value the day came from, for the misses file. */
  rawDate?: string;
}

const NOW = '2026-11-26';

/**
 * The references' answers depend only on the page and their versions, and Defuddle takes seconds
 * a page: they are kept in `.bench/quality-refs.json` keyed by both (set BENCH_FRESH=1 to redo).
 */
const REFS_CACHE = resolve(process.env.BENCH_REFS_CACHE ?? '.bench/quality-refs.json');
/** The installed version of a dependency: the cached references are only valid for it. */
export function packageVersion(name: string): string {
  try {
    const file = resolve('node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}
const REFS_VERSION = `readability ${packageVersion('@mozilla/readability')}, defuddle ${packageVersion('defuddle')}, clock ${NOW}`;

function loadRefsCache(): Record<string, Partial<Record<Engine, Answer>>> {
  if (process.env.BENCH_FRESH === '1' || !existsSync(REFS_CACHE)) return {};
  try {
    const cached = JSON.parse(readFileSync(REFS_CACHE, 'utf8')) as { version?: string; answers?: Record<string, Partial<Record<Engine, Answer>>> };
    return cached.version === REFS_VERSION ? cached.answers ?? {} : {};
  } catch {
    return {};
  }
}
const ENGINES = ['frontclip', 'readability', 'defuddle'] as const;
type Engine = (typeof ENGINES)[number];

const quiet = new VirtualConsole();

/** Runs `read` on a fresh jsdom document of the page, then frees the window (jsdom keeps it otherwise). */
function withPage<T>(html: string, url: string, read: (doc: Document) => T): T {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  try {
    return read(dom.window.document);
  } finally {
    dom.window.close();
  }
}

const engineMs: Record<string, number> = {};
function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    engineMs[name] = (engineMs[name] ?? 0) + performance.now() - start;
  }
}

function clip(doc: Document, url: string, onMetadataMs?: (ms: number) => void): Article {
  const onPhase = (phase: string, ms: number) => { if (phase === 'metadata') onMetadataMs?.(ms); };
  try {
    return extract(doc, url, { now: NOW, onPhase });
  } catch (error) {
    if (!(error instanceof NoArticleError)) throw error;
    return extract(doc, url, { now: NOW, mode: 'page', onPhase });
  }
}

function frontclipAnswer(article: Article): Answer {
  return {
    title: article.title,
    description: article.description,
    day: article.dateSource === 'clip-date' ? null : article.date,
    rawDate: `${article.date} (${article.dateSource})`,
    image: article.image,
    link: article.link,
  };
}

function readabilityAnswer(doc: Document): Answer {
  const result = new Readability(doc).parse();
  const raw = result?.publishedTime ?? '';
  return {
    title: result?.title ?? '',
    description: result?.excerpt ?? '',
    day: parseDay(raw, new Date(`${NOW}T12:00:00Z`)),
    rawDate: raw,
  };
}

function defuddleAnswer(doc: Document, url: string): Answer {
  const result = new DefuddleClass(doc, { url }).parse();
  const raw = result.published ?? '';
  return {
    title: result.title ?? '',
    description: result.description ?? '',
    day: parseDay(raw, new Date(`${NOW}T12:00:00Z`)),
    rawDate: raw,
    image: result.image ?? '',
  };
}

const IMAGE_META = /image/i;

/** Whether the page declares its image the standard way (the issue's "image metadata"). */
function hasImageMetadata(doc: Document): boolean {
  for (const meta of doc.querySelectorAll('meta')) {
    const key = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''}`.toLowerCase();
    if (/(?:^|\s)(?:og:image(?::url|:secure_url)?|twitter:image(?::src)?)(?:\s|$)/.test(key)
      && (meta.getAttribute('content') ?? '').trim() !== '') return true;
  }
  for (const script of doc.querySelectorAll('script[type]')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    if (/"(?:image|thumbnailUrl)"\s*:/.test(script.textContent ?? '')) return true;
  }
  return false;
}

/** The page without any declared image, for the content-only image row. */
function stripImageMetadata(doc: Document): void {
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const key = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''} ${meta.getAttribute('itemprop') ?? ''}`;
    if (IMAGE_META.test(key)) meta.remove();
  }
  for (const link of Array.from(doc.querySelectorAll('link[rel~="image_src"]'))) link.remove();
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (/ld\+json/i.test(script.getAttribute('type') ?? '')) script.remove();
  }
}

function saveRefsCache(answers: Record<string, Partial<Record<Engine, Answer>>>): void {
  mkdirSync(dirname(REFS_CACHE), { recursive: true });
  writeFileSync(REFS_CACHE, JSON.stringify({ version: REFS_VERSION, answers }));
}

export function fold(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Scheme-less, query-sorted, trailing-slash-free form of a URL for comparison. */
export function normalUrl(href: string): string {
  const text = href.trim().replace(/&amp;/g, '&');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text.toLowerCase();
  }
  // Decoded until stable: an address nested in another is sometimes given encoded twice.
  let path = url.pathname;
  for (let i = 0; i < 3 && path.includes('%'); i++) path = safeDecode(path);
  path = path.replace(/\/+$/, '');
  const query = Array.from(url.searchParams, ([k, v]) => `${k}=${v}`).sort().join('&');
  return `${url.host.toLowerCase()}${path}${query === '' ? '' : `?${query}`}`;
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

type Verdict = 'ok' | 'wrong' | 'missing';

/** The days a page declares, read from its source: `modified` and `published` timestamps. */
function declaredDays(html: string, key: 'modified' | 'published'): string[] {
  const names = key === 'modified'
    ? String.raw`dateModified|article:modified_time|og:updated_time|modified_time`
    : String.raw`datePublished|article:published_time|published_time`;
  const days: string[] = [];
  const pattern = new RegExp(String.raw`(?:${names})["']?\s*(?::|content=|value=)\s*["']([^"']{6,40})`, 'gi');
  for (const m of html.matchAll(pattern)) {
    const day = parseDay(m[1], new Date(`${NOW}T12:00:00Z`));
    if (day !== null) days.push(day);
  }
  return days;
}

/**
 * Whether the expected date is one the page declares as its modification date and not as its
 * publication date: metascraper's reviewed value is then the modified date, which Frontclip must
 * never give (issue 5); such cases get a row of their own.
 */
export function expectsModifiedDate(html: string, expected: Expected): boolean {
  const matches = (day: string) => judgeDate(day, expected) === 'ok';
  return declaredDays(html, 'modified').some(matches) && !declaredDays(html, 'published').some(matches);
}

export function judgeDate(day: string | null | undefined, expected: Expected): Verdict {
  if (day === null || day === undefined) return 'missing';
  if (expected.date !== undefined) return day === expected.date ? 'ok' : 'wrong';
  const utcDay = (expected.date_utc ?? '').slice(0, 10);
  return Math.abs(dayNumber(day) - dayNumber(utcDay)) <= 1 ? 'ok' : 'wrong';
}

export function judgeText(got: string | undefined, want: string): Verdict {
  const value = fold(got);
  if (value === '') return 'missing';
  return value === fold(want) ? 'ok' : 'wrong';
}

export /** Typeset quotes, dashes and ellipses as typed: metascraper's reviewed titles are typeset. */
function typed(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...');
}

const SEPARATOR = String.raw`(?:\||-|\u2013|\u2014|:|\u00b7|\u00bb|/|\uff5c|\uff1a)`;

/** Letters and digits only, lower-cased. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The expected title, and the same without a leading or trailing part that names the site
 * (FORMAT.md drops such a suffix): `Headline | Engadget` may be given as `Headline`.
 */
export function titleVariants(title: string, siteName: string | undefined, url: string): string[] {
  const names = new Set<string>();
  if (siteName !== undefined && bare(siteName) !== '') names.add(bare(siteName));
  try {
    const host = new URL(url).hostname.replace(/^www\d*\./, '');
    names.add(bare(host));
    const labels = host.split('.');
    if (labels.length >= 2) names.add(bare(labels[labels.length - 2] ?? ''));
  } catch { /* no host */ }
  const variants = [title];
  const tail = new RegExp(`^(.+?)\\s+${SEPARATOR}\\s+([^|]+)$`, 'u').exec(title);
  const head = new RegExp(`^([^|]+?)\\s+${SEPARATOR}\\s+(.+)$`, 'u').exec(title);
  const names_ = (part: string) => [...names].some((n) => n !== '' && (bare(part) === n || bare(part).startsWith(n) || n.startsWith(bare(part))) && bare(part).length >= 3);
  if (tail !== null && names_(tail[2] ?? '')) variants.push(tail[1] ?? '');
  if (head !== null && names_(head[1] ?? '')) variants.push(head[2] ?? '');
  return variants;
}

/** Folded and typed equal to the expected text or one of its variants (titles without the site). */
export function judgeTitle(got: string | undefined, variants: string[]): Verdict {
  const value = typed(fold(got));
  if (value === '') return 'missing';
  return variants.some((v) => typed(fold(v)) === value) ? 'ok' : 'wrong';
}

function judgeRelaxed(got: string | undefined, variants: string[]): Verdict {
  const value = typed(fold(got)).toLowerCase();
  if (value === '') return 'missing';
  return variants.some((variant) => {
    const target = typed(fold(variant)).toLowerCase();
    return target !== '' && (value.includes(target) || target.includes(value));
  }) ? 'ok' : 'wrong';
}

export function judgeUrl(got: string | undefined, want: string | null): Verdict {
  const value = (got ?? '').trim();
  if (want === null) return value === '' ? 'ok' : 'wrong';
  if (value === '') return 'missing';
  return normalUrl(value) === normalUrl(want) ? 'ok' : 'wrong';
}

type Row =
  | 'title exact' | 'title exact, strict' | 'title relaxed' | 'date' | 'date, published-date labels' | 'description' | 'image' | 'image, no image meta'
  | 'image from content only' | 'link';
const ROWS: Row[] = [
  'title exact', 'title exact, strict', 'title relaxed', 'date', 'date, published-date labels', 'description', 'image', 'image, no image meta',
  'image from content only', 'link',
];
/** Which engine gives which field; `—` in the table otherwise. */
const GIVES: Record<Engine, ReadonlySet<Row>> = {
  frontclip: new Set(ROWS),
  readability: new Set<Row>(['title exact', 'title exact, strict', 'title relaxed', 'date', 'date, published-date labels', 'description']),
  defuddle: new Set<Row>(['title exact', 'title exact, strict', 'title relaxed', 'date', 'date, published-date labels', 'description', 'image', 'image, no image meta']),
};

interface Tally { n: number; ok: number; wrong: number; missing: number }
const newTally = (): Tally => ({ n: 0, ok: 0, wrong: 0, missing: 0 });

function partOf(id: string): string {
  return id.split('/', 1)[0] ?? id;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface ChunkResult {
  tallies: [string, Tally][];
  misses: string[];
  metadataMs: number[];
  failures: string[];
  engineMs: Record<string, number>;
}

/** Pages measured in one worker thread: jsdom and Defuddle keep memory a page, freed with the thread. */
const CHUNK = 25;

interface ChunkJob { kind: 'quality-meta'; cases: MetaCase[]; folder: string; offset: number; total: number }

function runInWorker(job: ChunkJob): Promise<ChunkResult> {
  return new Promise((resolveResult, reject) => {
    // A worker does not inherit tsx's loader: it registers it, then loads this module.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: job });
    let result: ChunkResult | undefined;
    worker.once('message', (message: ChunkResult) => { result = message; });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result !== undefined) resolveResult(result);
      else reject(new Error(`worker for cases ${job.offset + 1}-${job.offset + job.cases.length} exited with ${code}`));
    });
  });
}

if (!isMainThread && (workerData as ChunkJob | undefined)?.kind === 'quality-meta') {
  const job = workerData as ChunkJob;
  parentPort?.postMessage(measureChunk(job.cases, job.folder, job.offset, job.total));
}

export async function runMeta(raw: Record<string, unknown>[], casesFile: string, opts: MetaOptions): Promise<void> {
  const cases = raw as unknown as MetaCase[];
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  const metadataMs: number[] = [];
  const failures: string[] = [];
  for (let offset = 0; offset < cases.length; offset += CHUNK) {
    const chunk = await runInWorker({ kind: 'quality-meta', cases: cases.slice(offset, offset + CHUNK), folder: opts.folder, offset, total: cases.length });
    for (const [key, t] of chunk.tallies) {
      const sum = tallies.get(key) ?? newTally();
      tallies.set(key, { n: sum.n + t.n, ok: sum.ok + t.ok, wrong: sum.wrong + t.wrong, missing: sum.missing + t.missing });
    }
    misses.push(...chunk.misses);
    metadataMs.push(...chunk.metadataMs);
    failures.push(...chunk.failures);
    for (const [name, ms] of Object.entries(chunk.engineMs)) engineMs[name] = (engineMs[name] ?? 0) + ms;
  }
  report(cases, casesFile, opts, tallies, misses, metadataMs, failures);
}

function measureChunk(cases: MetaCase[], folder: string, offset: number, total: number): ChunkResult {
  const tallies = new Map<string, Tally>();
  const tally = (part: string, row: Row, engine: Engine): Tally => {
    const key = `${part}\t${row}\t${engine}`;
    let t = tallies.get(key);
    if (t === undefined) tallies.set(key, (t = newTally()));
    return t;
  };
  const misses: string[] = [];
  const metadataMs: number[] = [];
  const failures: string[] = [];
  const refsCache = loadRefsCache();
  const opts = { folder };

  for (const [index, c] of cases.entries()) {
    if (process.stderr.isTTY) process.stderr.write(`\r${offset + index + 1}/${total} ${c.id.padEnd(60).slice(0, 60)}`);
    else if (index === 0) process.stderr.write(`${offset + index + 1}/${total} ${c.id}\n`);
    const html = readFileSync(resolve(opts.folder, c.file), 'utf8');
    const part = partOf(c.id);
    const answers: Partial<Record<Engine, Answer>> = {};
    try {
      const article = timed('frontclip', () => withPage(html, c.url, (doc) => clip(doc, c.url, (ms) => metadataMs.push(ms))));
      answers.frontclip = frontclipAnswer(article);
    } catch (error) {
      failures.push(`${c.id}: frontclip: ${String(error)}`);
      answers.frontclip = {};
    }
    const refKey = createHash('sha1').update(c.url).update('\0').update(html).digest('hex');
    const cachedRefs = refsCache[refKey];
    if (cachedRefs?.readability !== undefined && cachedRefs.defuddle !== undefined) {
      answers.readability = cachedRefs.readability;
      answers.defuddle = cachedRefs.defuddle;
    } else {
      try {
        answers.readability = timed('readability', () => withPage(html, c.url, readabilityAnswer));
      } catch (error) {
        failures.push(`${c.id}: readability: ${String(error)}`);
        answers.readability = {};
      }
      try {
        answers.defuddle = timed('defuddle', () => withPage(html, c.url, (doc) => defuddleAnswer(doc, c.url)));
      } catch (error) {
        failures.push(`${c.id}: defuddle: ${String(error)}`);
        answers.defuddle = {};
      }
    }
    refsCache[refKey] = { readability: answers.readability, defuddle: answers.defuddle };
    // Saved as it grows, so an interrupted run still spares the next one the references' time.

    const e = c.expected;
    const verdicts: [Row, (a: Answer) => Verdict, unknown, string?][] = [];
    if (e.title !== undefined) {
      const title = e.title;
      const variants = titleVariants(title, e.site_name, c.url);
      verdicts.push(['title exact', (a) => judgeTitle(a.title, variants), variants.join(' ‖ ')]);
      verdicts.push(['title exact, strict', (a) => judgeText(a.title, title), title]);
      verdicts.push(['title relaxed', (a) => judgeRelaxed(a.title, variants), title]);
    }
    if (e.date !== undefined || e.date_utc !== undefined) {
      verdicts.push(['date', (a) => judgeDate(a.day, e), e.date ?? `${e.date_utc} (UTC)`]);
      if (!expectsModifiedDate(html, e)) {
        verdicts.push(['date, published-date labels', (a) => judgeDate(a.day, e), e.date ?? `${e.date_utc} (UTC)`]);
      }
    }
    if (e.description !== undefined) {
      const description = e.description;
      verdicts.push(['description', (a) => judgeTitle(a.description, [description]), description]);
    }
    if (e.image !== undefined) {
      const image = e.image;
      verdicts.push(['image', (a) => judgeUrl(a.image, image), image]);
      if (!withPage(html, c.url, hasImageMetadata)) {
        verdicts.push(['image, no image meta', (a) => judgeUrl(a.image, image), image]);
      }
      let fromContent = '';
      if (process.env.BENCH_CONTENT_ONLY !== '0') try {
        fromContent = timed('frontclip, content only', () => withPage(html, c.url, (doc) => {
          stripImageMetadata(doc);
          return clip(doc, c.url).image;
        }));
      } catch (error) {
        failures.push(`${c.id}: frontclip (content only): ${String(error)}`);
      }
      // Only Frontclip has this row (GIVES): the value judged is its content-only answer.
      if (process.env.BENCH_CONTENT_ONLY !== '0') {
        verdicts.push(['image from content only', () => judgeUrl(fromContent, image), image, fromContent]);
      }
    }
    if (e.link !== undefined) {
      const link = e.link;
      verdicts.push(['link', (a) => judgeUrl(a.link, link), link]);
    }

    for (const [row, judge, want, shown] of verdicts) {
      for (const engine of ENGINES) {
        if (!GIVES[engine].has(row)) continue;
        const t = tally(part, row, engine);
        const verdict = judge(answers[engine] ?? {});
        t.n++;
        t[verdict]++;
        // The published-date row repeats the date row's cases: its misses are there already.
        if (engine === 'frontclip' && verdict !== 'ok' && row !== 'date, published-date labels') {
          const field = row.startsWith('title') ? 'title' : row.startsWith('image') ? 'image' : row;
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

  saveRefsCache(refsCache);
  return { tallies: Array.from(tallies), misses, metadataMs, failures, engineMs };
}

function report(
  cases: MetaCase[], casesFile: string, opts: MetaOptions, tallies: Map<string, Tally>, misses: string[],
  metadataMs: number[], failures: string[],
): void {
  const parts = Array.from(new Set(cases.map((c) => partOf(c.id))));
  const cell = (t: Tally | undefined): string => (t === undefined || t.n === 0 ? '—' : `${(t.ok / t.n).toFixed(2)} (${t.ok}/${t.n})`);
  const lines = [
    `metadata quality: ${cases.length} cases from ${casesFile}; clock ${NOW}`,
    '',
    '| part | field | Frontclip | Readability alone | Defuddle |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const part of parts) {
    for (const row of ROWS) {
      const cells = ENGINES.map((engine) => (GIVES[engine].has(row) ? cell(tallies.get(`${part}\t${row}\t${engine}`)) : '—'));
      if (cells.every((x) => x === '—')) continue;
      const label = row === 'date' ? 'date (same day; ±1 for UTC)' : row;
      lines.push(`| ${part} | ${label} | ${cells.join(' | ')} |`);
      if (row === 'date' || row === 'date, published-date labels') {
        const counts = ENGINES.map((engine) => {
          const t = tallies.get(`${part}\t${row}\t${engine}`);
          return t === undefined ? '—' : `${t.wrong} wrong, ${t.missing} missing`;
        });
        lines.push(`| ${part} | ${row === 'date' ? 'date' : 'published-date labels'}: wrong / missing days | ${counts.join(' | ')} |`);
      }
    }
  }
  lines.push('', `time per engine (parse included): ${Object.entries(engineMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  lines.push(`Frontclip metadata phase: median ${median(metadataMs).toFixed(2)} ms, max ${Math.max(...metadataMs).toFixed(1)} ms per page`);
  console.log(lines.join('\n'));
  if (failures.length > 0) console.log(`\n${failures.length} engine failures:\n  ${failures.join('\n  ')}`);

  const missesFile = resolve(opts.missesFile ?? '.bench/quality-misses.jsonl');
  mkdirSync(dirname(missesFile), { recursive: true });
  writeFileSync(missesFile, misses.length > 0 ? `${misses.join('\n')}\n` : '');
  console.log(`\n${misses.length} Frontclip misses written to ${missesFile}`);
}
