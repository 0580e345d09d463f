// `npm run bench:tags -- <cases.jsonl> [...]`: how good the suggested tags are, before and after
// issue 13's rules, on saved pages (each line `{"file": ..., "url": ...}`, file relative to the
// cases file).
//
// For each page the title, description, keywords and declared language are read by the core's own
// metadata chain (no Readability: tags depend on nothing else), then:
//   - junk: the share of suggested tags that are stopwords or bare numbers. The judge is the
//     stopword list of the language the page declares (English when it declares none we have),
//     not our own guess of the language, so a wrong guess shows up here;
//   - agreement, on pages that declare keywords (`article:tag`, `news_keywords`, `keywords`,
//     JSON-LD): the share of our tags that the page's own keywords contain (as a keyword, or as one
//     word of a keyword);
// both for the old rule (the five longest title words) and the current `suggestTags`, over all
// pages and over the even and odd lines apart. Junk tags of the current rule are listed.
// Reading 2,000 pages with jsdom takes minutes: what the metadata chain read is cached in .bench/,
// keyed by the cases file and the core's source, so a change to the tag rules alone reruns fast.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { domOf, readPage } from './page-load.ts';
import { readMetadata } from '../src/core/metadata.ts';
import { pageLanguage } from '../src/core/page-language.ts';
import { removeQuotes } from '../src/core/slug.ts';
import { listLanguage, stopwordsOf } from '../src/core/stopwords.ts';
import { keywordTags, suggestTags, tagWords } from '../src/core/tags.ts';
import { tagLanguages } from '../src/core/tag-fields.ts';

const BARE_NUMBER = /^\p{N}+$/u;

/** The rule before issue 13 (FORMAT.md as it was): the five longest title words, nothing left out. */
function oldTags(title: string): string[] {
  const words = removeQuotes(title.normalize('NFC')).toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return [...new Set(words)].sort((a, b) => [...b].length - [...a].length).slice(0, 5);
}

interface Tally { tags: number; junk: number; kwPages: number; kwTags: number; kwHits: number }
const tally = (): Tally => ({ tags: 0, junk: 0, kwPages: 0, kwTags: 0, kwHits: 0 });

interface PageFacts { title: string; description: string; keywords: string[]; declared: string }

const ROOT = resolve(import.meta.dirname, '..');

/** A hash of the core's source: the cache of page facts holds only while the metadata chain is unchanged. */
function coreHash(): string {
  const hash = createHash('sha256');
  const dir = join(ROOT, 'src', 'core');
  // The tag rules themselves are left out: they read the facts, they do not make them.
  for (const name of readdirSync(dir).sort()) {
    if (!['tags.ts', 'stopwords.ts', 'tag-fields.ts'].includes(name)) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

function readFacts(casesFile: string, line: string): PageFacts | null {
  const c = JSON.parse(line) as { file: string; url?: string };
  let source: string | Buffer;
  try {
    source = readPage(resolve(dirname(casesFile), c.file));
  } catch {
    return null;
  }
  const url = c.url ?? 'https://example.invalid/';
  // Read as the command line reads a page: by its charset, surviving CSS jsdom cannot parse.
  const dom = domOf(source, url);
  try {
    const doc = dom.window.document;
    const meta = readMetadata(doc, url);
    return { title: meta.title, description: meta.description, keywords: meta.keywords, declared: pageLanguage(doc) };
  } finally {
    dom.window.close();
  }
}

function allFacts(casesFile: string, lines: string[]): (PageFacts | null)[] {
  const cacheFile = join(ROOT, '.bench', `tags-${basename(dirname(resolve(casesFile)))}-${coreHash()}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as (PageFacts | null)[];
  const facts = lines.map((line) => readFacts(casesFile, line));
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(facts));
  return facts;
}

interface PageResult { line: number; title: string; old: string[]; now: string[]; judge: ReadonlySet<string>; keywords: string[]; chips: string[]; overridden: boolean }

function judgePage(facts: PageFacts, index: number): PageResult {
  const language = tagLanguages(facts.title, facts.description, facts.declared);
  const now = suggestTags(facts.title, 5, language);
  const declared = listLanguage(facts.declared);
  return {
    line: index, title: facts.title, old: oldTags(facts.title), now, judge: stopwordsOf(declared ?? 'en'), keywords: facts.keywords,
    chips: keywordTags(facts.keywords, language, now), overridden: Array.isArray(language),
  };
}

/**
 * Whether the page's keywords contain the tag: as a keyword, or as one word of a keyword; a
 * hyphen and a space are the same here (`body-shaming` is the keyword `body shaming`).
 */
function keywordsContain(keywords: readonly string[], tag: string): boolean {
  const spaced = tag.replace(/-/g, ' ');
  return keywords.some((k) => {
    const lower = k.normalize('NFC').toLowerCase();
    return lower === tag || lower.replace(/-/g, ' ') === spaced || tagWords(lower).includes(tag);
  });
}

function count(t: Tally, tags: readonly string[], page: PageResult): string[] {
  const junk = tags.filter((tag) => BARE_NUMBER.test(tag) || page.judge.has(tag));
  t.tags += tags.length;
  t.junk += junk.length;
  if (page.keywords.length > 0) {
    t.kwPages += 1;
    t.kwTags += tags.length;
    t.kwHits += tags.filter((tag) => keywordsContain(page.keywords, tag)).length;
  }
  return junk;
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: npm run bench:tags -- <cases.jsonl> [...]');
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const halves = { all: { old: tally(), now: tally() }, even: { old: tally(), now: tally() }, odd: { old: tally(), now: tally() } };
    const examples: string[] = [];
    let pages = 0;
    let overridden = 0;
    let chips = 0;
    const started = performance.now();
    for (const [i, facts] of allFacts(file, lines).entries()) {
      if (!facts) continue;
      const page = judgePage(facts, i);
      pages++;
      if (page.overridden) overridden++;
      chips += page.chips.length;
      for (const half of [halves.all, i % 2 === 0 ? halves.even : halves.odd]) {
        count(half.old, page.old, page);
        const junk = count(half.now, page.now, page);
        if (half === halves.all && junk.length > 0 && examples.length < 15) examples.push(`  line ${i}: ${JSON.stringify(page.title)} -> ${page.now.join(', ')} (junk: ${junk.join(', ')})`);
      }
    }
    console.log(`\n${file}: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(0)} s; the words overruled the declared language on ${overridden}; ${chips} keyword chips (at most 8 a page)`);
    console.log('half   rule    tags  stopwords+numbers   pages with keywords  our tags the keywords contain');
    for (const [name, half] of Object.entries(halves)) {
      for (const rule of ['old', 'now'] as const) {
        const t = half[rule];
        console.log(`${name.padEnd(6)} ${rule.padEnd(5)} ${String(t.tags).padStart(6)}  ${String(t.junk).padStart(5)} ${pct(t.junk, t.tags)}      ${String(t.kwPages).padStart(5)}                ${String(t.kwHits).padStart(5)} of ${String(t.kwTags).padStart(5)} ${pct(t.kwHits, t.kwTags)}`);
      }
    }
    if (examples.length > 0) console.log(`Junk left by the current rule (first ${examples.length}):\n${examples.join('\n')}`);
  }
}

main();
