/**
 * `npm run bench:images -- cases.jsonl [...]`: for every page of the corpora, the images a clip
 * would save (the body's, and the lead image), sorted by what each way of fetching them can reach
 * without the page's network at hand:
 *
 * - inline: `data:` URIs, decoded from the page itself (no request at all);
 * - page origin: the tab's own origin, which a toolbar click's activeTab grant may cover;
 * - same site: another host of the page's registrable domain (cdn.example.com for www.example.com);
 * - other sites: image hosts and CDNs of other domains.
 *
 * Everything but "inline" needs either an optional host permission for its origin (asked once per
 * origin, in the click) or a server that allows CORS; the bench also counts how many origins a
 * clip would ask for. Also the srcset/picture and lazy-loading shares: images whose saved copy is
 * not the `src` the page wrote.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { clipHtml } from '../src/cli/page.ts';
import { imageOriginPatterns } from '../src/ui/image-origins.ts';

interface Case { file: string; url: string }

function loadCases(paths: string[]): Case[] {
  const out: Case[] = [];
  for (const list of paths) {
    const folder = dirname(resolve(list));
    for (const line of readFileSync(list, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as Case;
      out.push({ file: resolve(folder, item.file), url: item.url });
    }
  }
  return out;
}

/** The last two labels of a host name: good enough to tell a site's own CDN from another's. */
function siteOf(host: string): string {
  const labels = host.split('.');
  const twoPart = /^(?:co|com|org|net|gov|ac|edu|ne|or)$/.test(labels.at(-2) ?? '') && labels.length > 2;
  return labels.slice(twoPart ? -3 : -2).join('.');
}

const lists = process.argv.slice(2);
if (lists.length === 0) {
  console.error('usage: npm run bench:images -- cases.jsonl [more.jsonl ...]');
  process.exit(2);
}
const cases = loadCases(lists);
const counts = { pages: 0, withImages: 0, images: 0, inline: 0, pageOrigin: 0, sameSite: 0, otherSites: 0, betterCopy: 0, failedPages: 0 };
const originsPerClip: number[] = [];
for (const c of cases) {
  let html: string;
  try {
    html = readFileSync(c.file, 'utf8');
  } catch {
    counts.failedPages++;
    continue;
  }
  let images;
  try {
    images = clipHtml(html, c.url, { now: '2026-11-30' }).images ?? [];
  } catch {
    counts.pages++;
    continue; // no article: nothing to save
  }
  counts.pages++;
  if (images.length > 0) counts.withImages++;
  const page = new URL(c.url);
  for (const image of images) {
    counts.images++;
    if (image.url !== image.src) counts.betterCopy++;
    if (image.url.startsWith('data:')) { counts.inline++; continue; }
    const host = new URL(image.url).hostname;
    if (new URL(image.url).origin === page.origin) counts.pageOrigin++;
    else if (siteOf(host) === siteOf(page.hostname)) counts.sameSite++;
    else counts.otherSites++;
  }
  if (images.length > 0) originsPerClip.push(imageOriginPatterns(images).length);
  await new Promise((r) => setImmediate(r)); // let jsdom's windows go (bench/pipeline.ts)
}
const pct = (n: number) => `${((100 * n) / Math.max(1, counts.images)).toFixed(1)} %`;
const sorted = [...originsPerClip].sort((a, b) => a - b);
const median = sorted.length ? sorted[sorted.length >> 1]! : 0;
console.log(`${counts.pages} pages (${counts.withImages} with images to save), ${counts.images} images${counts.failedPages ? `, ${counts.failedPages} files unreadable` : ''}`);
console.log('');
console.log('| where the image is | images | share | reachable with |');
console.log('| --- | --- | --- | --- |');
console.log(`| inline (data: URI) | ${counts.inline} | ${pct(counts.inline)} | nothing: decoded from the page |`);
console.log(`| the page's own origin | ${counts.pageOrigin} | ${pct(counts.pageOrigin)} | a host permission for the page's origin (asked in the click), or CORS |`);
console.log(`| another host of the same site | ${counts.sameSite} | ${pct(counts.sameSite)} | a host permission for that origin, or CORS |`);
console.log(`| another site (CDN, image host) | ${counts.otherSites} | ${pct(counts.otherSites)} | a host permission for that origin, or CORS |`);
console.log('');
console.log(`Saved copy differs from the page's src (srcset/picture/lazy): ${counts.betterCopy} (${pct(counts.betterCopy)})`);
console.log(`Origins a clip asks for (pages with images): median ${median}, 90th percentile ${sorted[Math.floor(sorted.length * 0.9)] ?? 0}, max ${sorted.at(-1) ?? 0}`);
