/**
 * `npm run bench:markdown -- <cases.jsonl> [more.jsonl …]`: how many pages of the corpora hold
 * math, footnotes, captioned figures and embedded players in their article, and what share of
 * them the Markdown body carries converted: TeX as `$…$`/`$$…$$` (or the visible text of a formula
 * without TeX), `[^n]` references with their notes at the end, the caption as a line of its own,
 * a link to what the player plays.
 *
 * The constructs are found in the page by loose structural tests (bench/markdown-constructs.ts)
 * that do not share the converters' rules. One stands "in the article" when text beside it is in
 * the text of Frontclip's HTML body: constructs in sidebars and footers are not the converters'
 * to keep. Pages named by several corpora count once. Figures are given for the whole set and
 * for its even and odd lines (the rules were developed on the even lines). The constructs found in
 * an article but not converted go to `.bench/markdown-misses.jsonl`, for study.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { JSDOM } from 'jsdom';
import { loadDom } from './page-load.ts';
import { extract, NoArticleError } from '../src/core/extract.ts';
import { CONSTRUCTS, constructsOf, footnoteReferences, inArticle, type Construct } from './markdown-constructs.ts';
import { foldSpaces } from '../src/core/fold.ts';

interface Case { file: string; url: string; half: 'even' | 'odd' }
interface Tally { pages: number; found: number; converted: number; pagesAll: number }

const NOW = '2026-01-01';
/** Only pages whose source mentions one of these are parsed. */
const CANDIDATE = /<math|math\/tex|katex|mjx-container|mwe-math|<sup|footnote|noteref|<figcaption|<iframe/i;

function loadCases(lists: string[]): Case[] {
  const seen = new Set<string>();
  const cases: Case[] = [];
  for (const list of lists) {
    const folder = dirname(resolve(list));
    readFileSync(list, 'utf8').split('\n').filter((l) => l.trim()).forEach((line, i) => {
      const item = JSON.parse(line) as { file: string; url: string };
      const file = resolve(folder, item.file);
      if (seen.has(file)) return;
      seen.add(file);
      cases.push({ file, url: item.url, half: i % 2 === 0 ? 'even' : 'odd' });
    });
  }
  return cases;
}

/** The clip's Markdown body and the text of its HTML body; null when the page has no article. */
function clip(doc: Document, url: string): { markdown: string; text: string } | null {
  try {
    const markdown = extract(doc, url, { now: NOW }).body;
    const html = extract(doc, url, { now: NOW, body: 'html' }).body;
    const holder = doc.implementation.createHTMLDocument('').createElement('div');
    holder.innerHTML = html;
    return { markdown, text: foldSpaces(holder.textContent ?? '') };
  } catch (error) {
    if (error instanceof NoArticleError) return null;
    throw error;
  }
}

/** A page the clip fails on (jsdom's CSS parser throws on some pages) is reported and left out. */
function clipOrReport(doc: Document, url: string, file: string, failed: string[]): ReturnType<typeof clip> {
  try {
    return clip(doc, url);
  } catch (error) {
    failed.push(`${file}: ${String(error).split('\n')[0]}`);
    return null;
  }
}

const empty = (): Record<Construct, Tally> =>
  Object.fromEntries(CONSTRUCTS.map((k) => [k, { pages: 0, found: 0, converted: 0, pagesAll: 0 }])) as Record<Construct, Tally>;

async function main(): Promise<void> {
  const lists = process.argv.slice(2);
  if (lists.length === 0) {
    console.error('usage: npm run bench:markdown -- <cases.jsonl> [more.jsonl ...]');
    process.exit(2);
  }
  const cases = loadCases(lists);
  const tallies = { all: empty(), even: empty(), odd: empty() };
  const misses: string[] = [];
  const failed: string[] = [];
  let parsed = 0;
  for (const c of cases) {
    const source = readFileSync(c.file, 'latin1');
    if (!CANDIDATE.test(source)) continue;
    // Read as the CLI reads it (charset, CSS jsdom rejects); what jsdom still cannot build is listed.
    let dom: JSDOM;
    try {
      dom = loadDom(c.file, c.url);
    } catch (error) {
      failed.push(`${c.file}: jsdom could not read the page: ${String(error).split('\n')[0]}`);
      continue;
    }
    try {
      const doc = dom.window.document;
      // Found on the page before the clip, which works on copies and leaves `doc` as it was.
      const found = constructsOf(doc);
      if (found.length === 0) continue;
      parsed++;
      const result = clipOrReport(doc, c.url, c.file, failed);
      if (!result) continue;
      for (const kind of CONSTRUCTS) {
        const here = found.filter((f) => f.kind === kind && inArticle(f.at, result.text));
        if (here.length === 0) continue;
        const missed = kind === 'footnotes' ? [] : here.filter((f) => !f.converted(result.markdown));
        const converted = kind === 'footnotes'
          ? Math.min(here.length, footnoteReferences(result.markdown))
          : here.length - missed.length;
        if (kind === 'footnotes' && converted < here.length) missed.push(here[0]!);
        for (const f of missed) misses.push(JSON.stringify({ file: c.file, kind, html: f.at.outerHTML.slice(0, 400) }));
        for (const tally of [tallies.all[kind], tallies[c.half][kind]]) {
          tally.pages++;
          tally.found += here.length;
          tally.converted += converted;
          if (converted === here.length) tally.pagesAll++;
        }
      }
    } finally {
      dom.window.close();
    }
    // jsdom reaches nodes through WeakRefs, alive until the current job ends: let each page go.
    await new Promise((done) => setImmediate(done));
  }
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/markdown-misses.jsonl', misses.map((m) => `${m}\n`).join(''));
  console.log(`pages: ${cases.length} (${parsed} with a candidate construct anywhere on the page)`);
  for (const line of failed) console.log(`  left out: ${line}`);
  const pct = (n: number, of: number) => (of === 0 ? '  —  ' : `${((100 * n) / of).toFixed(1).padStart(5)} %`);
  for (const [name, tally] of Object.entries(tallies)) {
    console.log(`\n${name === 'all' ? 'all pages' : `${name} lines`}:`);
    console.log('  construct   pages  in article  converted  share    pages with all converted');
    for (const kind of CONSTRUCTS) {
      const t = tally[kind];
      console.log(`  ${kind.padEnd(10)} ${String(t.pages).padStart(6)} ${String(t.found).padStart(11)} ${String(t.converted).padStart(10)}  ${pct(t.converted, t.found)}  ${String(t.pagesAll).padStart(5)}`);
    }
  }
}

await main();
