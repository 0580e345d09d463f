// Generated articles for the library benchmark: varied titles, sites, tags and ~8 KB Markdown
// bodies, from a seeded generator so every run measures the same library. All sites are under
// the reserved .example domain; no text is taken from real pages.
import { zipSync, strToU8 } from 'fflate';
import type { Article } from '../src/core/article.ts';
import { buildFilename } from '../src/core/filename.ts';
import { write } from '../src/core/frontmatter.ts';
import { slugify } from '../src/core/slug.ts';

/** Mulberry32: a tiny, fast, seeded PRNG, good enough to vary test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['City council', 'Harbour board', 'Regional museum', 'Rail operator', 'University lab', 'Local bakery', 'Fishing fleet',
  'Water utility', 'School district', 'Hospital trust', 'Wind farm', 'Library service', 'Football club', 'Ferry company', 'Farmers market',
  'Weather service', 'Film festival', 'Bridge authority', 'Mountain rescue', 'Orchestra'];
const VERBS = ['approves', 'delays', 'unveils', 'rejects', 'expands', 'restores', 'questions', 'celebrates', 'reviews', 'doubles',
  'opens', 'closes', 'funds', 'tests', 'rebuilds'];
const OBJECTS = ['new timetable', 'flood defences', 'solar roofs', 'night buses', 'reading rooms', 'coastal path', 'budget plan',
  'heritage trail', 'cycle lanes', 'winter shelter', 'tram extension', 'community garden', 'data centre', 'river survey',
  'lighthouse repairs', 'market square', 'ice rink', 'concert hall', 'ferry route', 'seed bank'];
const TAILS = ['after long debate', 'despite protests', 'ahead of summer', 'for the first time', 'in surprise vote', 'with new partners',
  'amid rising costs', 'as residents watch', 'before winter', 'after storm damage', '', '', ''];
const TAGS = ['politics', 'transport', 'climate', 'energy', 'housing', 'health', 'education', 'culture', 'sport', 'economy', 'science',
  'weather', 'heritage', 'budget', 'coast', 'rail', 'music', 'film', 'food', 'farming', 'water', 'safety', 'technology', 'tourism',
  'planning', 'wildlife', 'rivers', 'bridges', 'schools', 'hospitals', 'museums', 'libraries', 'festivals', 'elections', 'courts',
  'labour', 'trade', 'shipping', 'fishing', 'cycling', 'walking', 'parks', 'art', 'theatre', 'books', 'history', 'archaeology',
  'astronomy', 'medicine', 'research'];
const SITES = Array.from({ length: 40 }, (_, i) => `${['daily', 'coast', 'valley', 'metro', 'harbour', 'north', 'river', 'hill'][i % 8]}${['-gazette', '-post', '-times', '-herald', '-news'][i % 5]}${i}.example`);
const WORDS = ('the council said on monday that the plan would go ahead after months of talks with residents and local groups who had '
  + 'asked for more time to study the proposals while engineers warned that costs could rise if work was delayed again next year '
  + 'officials expect the first phase to finish by autumn and a public meeting will be held in the town hall to answer questions '
  + 'from people living nearby about noise traffic and the effect on small shops along the main street').split(' ');

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** A word index skewed towards the first entries, as real tag use is (a few tags on most articles). */
function skewed<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(list.length * rand() ** 2.2)]!;
}

function sentence(rand: () => number): string {
  const length = 9 + Math.floor(rand() * 14);
  const words = Array.from({ length }, () => pick(rand, WORDS));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** About `bytes` of Markdown: paragraphs, now and then a heading or a list. */
function body(rand: () => number, bytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const roll = rand();
    let block: string;
    if (roll < 0.08) block = `## ${sentence(rand).slice(0, 40).replace(/\.$/, '')}`;
    else if (roll < 0.14) block = Array.from({ length: 3 }, () => `- ${sentence(rand)}`).join('\n');
    else block = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(rand)).join(' ');
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks.join('\n\n');
}

/** `count` articles, the same ones for the same seed; bodies of about `bodyBytes`. */
export function generateArticles(count: number, options: { seed?: number; bodyBytes?: number; template?: string } = {}): Article[] {
  const rand = random(options.seed ?? 42);
  const template = options.template ?? '{slug}.md';
  const start = Date.UTC(2019, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const tail = pick(rand, TAILS);
    const title = `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}${tail ? ` ${tail}` : ''} (${i + 1})`;
    const site = skewed(rand, SITES);
    const day = new Date(start + Math.floor(rand() * 7 * 365) * 86_400_000).toISOString().slice(0, 10);
    const tags = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => skewed(rand, TAGS)))];
    const slug = slugify(title);
    const description = `${sentence(rand)} ${sentence(rand)}`;
    return {
      title, date: day, dateSource: 'article:published_time', description, summary: description, slug,
      image: rand() < 0.6 ? `https://${site}/images/${i}.jpg` : '',
      link: `https://${site}/${day.slice(0, 4)}/${slug}`,
      source: `https://${site}/feed.xml`, categories: [site], tags, draft: rand() < 0.05,
      body: body(rand, options.bodyBytes ?? 8000), siteName: site, keywords: [],
      filename: buildFilename(template, { slug, date: day, title, site }),
    };
  });
}

/** The articles as one zip of article files, as "Import" takes it. */
export function articlesZip(articles: readonly Article[], level: 0 | 1 = 1): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [i, article] of articles.entries()) files[`${i}-${article.filename}`] = strToU8(write(article));
  return zipSync(files, { level });
}

/**
 * The articles as Hugo page bundles with `perArticle` images of about `imageBytes` each (bytes
 * that start as a PNG does and do not compress, like real pictures): `<slug>/index.md` linking
 * `img-<n>.png` beside it, the first one also as the lead image. What an export of a library
 * that keeps images holds, and what Import reads back.
 */
export function bundlesWithImagesZip(articles: readonly Article[], perArticle = 5, imageBytes = 100 * 1024): Uint8Array {
  const rand = random(7);
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [i, article] of articles.entries()) {
    const folder = `${i}-${article.slug}`;
    const names = Array.from({ length: perArticle }, (_, n) => `img-${n}.png`);
    const links = names.map((name, n) => `![Picture ${n + 1}](${name})`).join('\n\n');
    const withImages = { ...article, image: names[0] ?? '', body: `${article.body}\n\n${links}` };
    files[`${folder}/index.md`] = [strToU8(write(withImages)), { level: 0 }];
    for (const name of names) {
      const bytes = new Uint8Array(imageBytes);
      for (let k = 0; k < bytes.length; k += 4) new DataView(bytes.buffer).setUint32(k, (rand() * 2 ** 32) >>> 0);
      bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
      files[`${folder}/${name}`] = [bytes, { level: 0 }];
    }
  }
  return zipSync(files);
}
