/**
 * Pages the hostile-input tests build at run time instead of committing them: a 5 MB page of
 * 100,000 elements, and small article pages whose metadata carries a given hostile string.
 */

/** Text for an HTML attribute value in double quotes, or for an element's text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface HugePage {
  html: string;
  /** Elements in the page (`document.getElementsByTagName('*').length` once parsed). */
  elements: number;
  bytes: number;
}

/**
 * A news page gone wrong: a long article followed by a comment thread long enough to reach the
 * sizes asked for, each comment a handful of nested elements; with `article: false`, no article
 * and a grid of empty cells instead. Deterministic, so a failure can be replayed.
 */
export function hugePage(options: { minBytes?: number; minElements?: number; article?: boolean } = {}): HugePage {
  const minBytes = options.minBytes ?? 5 * 1024 * 1024;
  const minElements = options.minElements ?? 100_000;
  const parts: string[] = [];
  let elements = 0;
  let bytes = 0;
  const push = (chunk: string, count: number) => {
    parts.push(chunk);
    elements += count;
    bytes += Buffer.byteLength(chunk);
  };
  // html, head, meta, title, three metas, body, header, nav
  push('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long page of comments | Harbour Forum</title>'
    + '<meta property="og:title" content="A very long page of comments">'
    + '<meta name="description" content="A page far larger than any article, to see that clipping it ends.">'
    + '<meta property="article:published_time" content="2025-02-02T10:00:00Z">'
    + '</head><body><header><nav>', 10);
  for (let i = 0; i < 200; i++) push(`<a href="/section/${i}">Section ${i}</a> `, 1);
  push('</nav></header><main><article><h1>A very long page of comments</h1>', 3);
  for (let i = 0; i < (options.article === false ? 0 : 300); i++) {
    push(`<p>Paragraph ${i} of the article tells how the harbour fair raised money for the lifeboat station, `
      + `with <a href="/story/${i}">a link</a> and <em>some emphasis</em> along the way, as long pieces do.</p>`, 3);
  }
  push('</article><section class="comments">', 1);
  let n = 0;
  while (options.article === false && (elements < minElements || bytes < minBytes)) {
    // A grid of empty cells: a huge page with no text for the reader mode to call an article.
    push(`<span class="cell" title="cell ${n} of the seating plan for the harbour fair"></span>`, 1);
    n++;
  }
  while (elements < minElements || bytes < minBytes) {
    push(`<div class="comment" id="c${n}"><div class="meta"><span class="author">reader${n % 977}</span>`
      + `<time datetime="2025-02-02T10:${String(n % 60).padStart(2, '0')}:00Z">10:${String(n % 60).padStart(2, '0')}</time></div>`
      + `<p>Comment ${n}: the fair was ${n % 2 ? 'lovely' : 'too crowded'} this year, and the pier needs repairs before winter. `
      + `<a href="/reply/${n}">Reply</a></p></div>`, 6);
    n++;
  }
  push('</section></main><footer>© Harbour Forum</footer></body></html>', 1);
  return { html: parts.join(''), elements, bytes };
}

const PARAGRAPH = 'The harbour fair raised money for the lifeboat station, and the pier was repaired before the winter storms reached the coast this year.';

/** A small plain article, different for each `n`: its title is `Harbour story n`. */
export function articlePage(n: number, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour story ${n}</title>
<meta property="og:title" content="Harbour story ${n}">
<meta property="og:description" content="Story ${n} about the harbour.">
<meta property="article:published_time" content="2025-03-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00Z">${extraHead}
</head><body><main><article><h1>Harbour story ${n}</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>Story ${n} ends here.</p></article></main></body></html>`;
}

/**
 * An article page whose own script keeps its thread busy for `busyMs`, starting `afterMs` after
 * load: while it runs, nothing else (a content script included) can run in the page.
 */
export function busyPage(n: number, busyMs: number, afterMs = 200): string {
  return articlePage(n, `<script>addEventListener('load', function () { setTimeout(function () { var end = Date.now() + ${busyMs}; while (Date.now() < end) {} }, ${afterMs}); });</script>`);
}

/**
 * An article of about `bytes` characters of text that does not compress (IndexedDB compresses
 * what it stores, so a repeated word would take almost no room): words from a seeded generator.
 */
export function bigArticlePage(n: number, bytes: number): string {
  let seed = 0x9e3779b9 ^ n;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    for (let w = 0; w < 80; w++) {
      let word = '';
      for (let l = 2 + (next() % 8); l > 0; l--) word += letters[next() % 26];
      words.push(word);
    }
    const p = `<p>${words.join(' ')}.</p>`;
    paragraphs.push(p);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour story ${n}</title>
<meta property="og:title" content="Harbour story ${n}">
<meta property="article:published_time" content="2025-03-03T08:00:00Z">
</head><body><main><article><h1>Harbour story ${n}</h1>${paragraphs.join('')}</article></main></body></html>`;
}
