/**
 * `npm run bench:retention -- <cases.jsonl> [--misses FILE] [--only PREFIX] [--half even|odd]`:
 * does Frontclip keep the article's own
 * paragraphs? On every page of a corpus (either one in ../shared/corpus), Readability alone
 * (default options, on a clone) gives its article; each of its paragraphs of prose (a `p`, `li`,
 * `blockquote`, `pre` or `dd` with at least 80 characters of text, at most a quarter of it in
 * links) is looked for in the text of Frontclip's HTML body. Prints the share kept, pooled over
 * the corpus, and the pages that lost the most; writes every lost paragraph to
 * `.bench/retention-misses.jsonl`.
 *
 * Readability's paragraphs are not all the article's (it keeps some furniture: that is what the
 * removal rules are for), so 100 % is not the goal; a low figure, or a page losing much, points
 * at a rule that takes prose. The metadata corpus was never used to tune the body rules, which
 * makes it a check on pages the rules have not seen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extract, NoArticleError } from '../src/core/extract.ts';
import { htmlText } from './article-text.ts';
import { loadDom } from './page-load.ts';
import { fold } from './text-fold.ts';
import { describeSelection, readCases, SELECTION_USAGE, takeSelectionArg, type Selection } from './cases.ts';

interface Case { file: string; url: string; id?: string }

const MIN_PARAGRAPH = 80;

function parseArgs(argv: string[]): { casesFile: string; missesFile: string; selection: Selection } {
  let casesFile: string | undefined;
  let missesFile = '.bench/retention-misses.jsonl';
  const selection: Selection = { only: undefined, half: undefined };
  const usage = (message: string): never => {
    console.error(message);
    console.error(`usage: npm run bench:retention -- <cases.jsonl> [--misses FILE] ${SELECTION_USAGE}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    let used = 0;
    try {
      used = takeSelectionArg(argv, i, selection);
    } catch (error) {
      usage((error as Error).message);
    }
    if (used > 0) i += used - 1;
    else if (argv[i] === '--misses') missesFile = argv[++i] ?? missesFile;
    else casesFile ??= argv[i];
  }
  if (casesFile === undefined) return usage('no cases file given');
  return { casesFile: resolve(casesFile), missesFile: resolve(missesFile), selection };
}

/** Readability's paragraphs of prose, as folded text. */
function paragraphs(doc: Document): string[] {
  const result = new Readability(doc.cloneNode(true) as Document).parse();
  if (!result?.content) return [];
  const holder = doc.implementation.createHTMLDocument('').createElement('div');
  holder.innerHTML = result.content;
  const out: string[] = [];
  for (const el of Array.from(holder.querySelectorAll('p, li, blockquote, pre, dd'))) {
    if (el.querySelector('p, li, blockquote, pre, dd')) continue;
    const text = fold(el.textContent ?? '');
    if (text.length < MIN_PARAGRAPH) continue;
    const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + fold(a.textContent ?? '').length, 0);
    if (linked / text.length <= 0.25) out.push(text);
  }
  return out;
}

/** Pages where the clip threw something other than "no article": listed apart, never scored. */
const errors: string[] = [];

function frontclipText(doc: Document, url: string): string | null {
  try {
    return fold(htmlText(extract(doc, url, { now: '2026-01-01', body: 'html' }).body, doc));
  } catch (error) {
    if (error instanceof NoArticleError) return '';
    errors.push(`${url}: ${String(error)}`);
    return null;
  }
}

async function main(): Promise<void> {
  const { casesFile, missesFile, selection } = parseArgs(process.argv.slice(2));
  const folder = dirname(casesFile);
  const cases = readCases<Case>(casesFile, selection);
  let total = 0;
  let kept = 0;
  const pages: { page: string; lost: number; of: number }[] = [];
  const misses: string[] = [];
  for (const c of cases) {
    const dom = loadDom(isAbsolute(c.file) ? c.file : resolve(folder, c.file), c.url);
    try {
      const doc = dom.window.document;
      const wanted = paragraphs(doc);
      const text = frontclipText(doc, c.url);
      if (text === null) continue;
      // Readability's text runs a line break's two sides together ("heading<br>Text" gives
      // "headingText"), Frontclip's separates them: compared without any white space.
      const bare = text.replace(/\s+/g, '');
      const lost = wanted.filter((p) => !bare.includes(p.replace(/\s+/g, '').slice(0, 80)));
      total += wanted.length;
      kept += wanted.length - lost.length;
      if (lost.length) {
        pages.push({ page: c.id ?? c.file, lost: lost.length, of: wanted.length });
        misses.push(JSON.stringify({ page: c.id ?? c.file, url: c.url, lost }));
      }
    } finally {
      dom.window.close();
    }
    // jsdom's WeakRef targets live until the current job ends: let each page go.
    await new Promise((done) => setImmediate(done));
  }
  console.log(`${cases.length} pages (${describeSelection(selection)}), ${errors.length} left out for errors`);
  for (const error of errors) console.log(`  error: ${error}`);
  console.log(`Frontclip keeps ${kept} of Readability's ${total} paragraphs of prose (${(100 * kept / Math.max(1, total)).toFixed(1)} %)`);
  console.log(`pages losing any: ${pages.length}; losing over a quarter: ${pages.filter((p) => p.lost / p.of > 0.25).length}`);
  for (const p of pages.sort((a, b) => b.lost - a.lost).slice(0, 15)) console.log(`  ${p.page}: ${p.lost} of ${p.of}`);
  mkdirSync(dirname(missesFile), { recursive: true });
  writeFileSync(missesFile, misses.length ? `${misses.join('\n')}\n` : '');
  console.log(`lost paragraphs written to ${missesFile}`);
}

await main();
