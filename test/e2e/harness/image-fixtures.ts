import type { IncomingMessage, ServerResponse } from 'node:http';
import { deflateSync } from 'node:zlib';
import type { FixtureServer } from '../../../scripts/serve-fixtures.ts';

/**
 * An article whose pictures come in every form the images issue lists, served by the fixture
 * server with the bytes each must be saved with: a plain and a relative image, a srcset, a
 * <picture>, a lazy data-src, a data: URI, an SVG that is safe and one with a script, a 404, one
 * over the size limit, one that never answers, the same picture twice, and a lead image (og:image)
 * that is not in the body.
 */

/** A valid PNG of one coloured pixel, different for each `seed`, so that each file is its own. */
export function pixelPng(seed: number): Buffer {
  const crc = (buf: Buffer): number => {
    let c = ~0;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const pixel = Buffer.from([0, seed & 0xff, (seed * 7) & 0xff, (seed * 13) & 0xff]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(pixel)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Bytes that start as a JPEG does (the type is what is checked), `size` long, unique per seed. */
export function fakeJpeg(seed: number, size = 2048): Buffer {
  const bytes = Buffer.alloc(size, seed);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

export const SAFE_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#369"/></svg>');
export const EVIL_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="4" height="4"/></svg>');

/** What the bundle must hold: local name -> bytes. */
export interface ImageCase {
  page: string;
  html: string;
  /** The saved files by the name each must get. */
  files: Record<string, Buffer>;
  /** URLs that must stay remote links in the body. */
  remote: string[];
  /** The popup's report for this page. */
  report: string;
}

const ARTICLE_TEXT = [
  'The county opened its new footbridge over the river on Saturday, after two years of work and a long argument about its colour.',
  'Engineers loaded the deck with forty tonnes of sandbags on Friday night and measured how far it bent, which was less than a finger.',
  'Residents who crossed it first said it felt steady, though a few stopped in the middle to watch the water move underneath them.',
  'The old ferry that ran here for ninety years will keep one boat for summer visitors, the council said, and sell the other two.',
];

/**
 * Registers the page and its images on `server` and returns what a download must produce.
 * `origin` is where the page says its images are (the server's own origin, or another name for it).
 */
export function serveImageArticle(server: FixtureServer, path = 'images/bridge.html'): ImageCase {
  const png = (seed: number) => pixelPng(seed);
  const plain = png(1);
  const large = fakeJpeg(2);
  const small = fakeJpeg(3);
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(64, 4)]);
  const pictureJpeg = fakeJpeg(5);
  const lazy = png(6);
  const inline = png(7);
  const lead = fakeJpeg(8);
  const huge = fakeJpeg(9, 21 * 1024 * 1024);
  const serve = (bytes: Buffer, type: string) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': type, 'content-length': String(bytes.length), 'cache-control': 'no-store' });
    res.end(bytes);
  };
  server.route('img/plain.png', serve(plain, 'image/png'));
  server.route('img/bridge-400.jpg', serve(small, 'image/jpeg'));
  server.route('img/bridge-1600.jpg', serve(large, 'image/jpeg'));
  server.route('img/deck.webp', serve(webp, 'image/webp'));
  server.route('img/deck.jpg', serve(pictureJpeg, 'image/jpeg'));
  server.route('img/lazy.png', serve(lazy, 'image/png'));
  server.route('img/chart.svg', serve(SAFE_SVG, 'image/svg+xml'));
  server.route('img/evil.svg', serve(EVIL_SVG, 'image/svg+xml'));
  server.route('img/lead.jpg', serve(lead, 'image/jpeg'));
  server.route('img/huge.jpg', serve(huge, 'image/jpeg'));
  // A counter's tracking pixel: the page's own load fetches it, Frontclip never saves it.
  server.route('img/count.gif', serve(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'), 'image/gif'));
  // For Frontclip's fetch (not the page's own <img>, which would keep the tab loading for ever):
  // headers at once, then nothing, past the test build's timeout.
  server.route('img/slow.jpg', (req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    if (req.headers['sec-fetch-dest'] === 'image') res.end(fakeJpeg(10, 16));
    else res.write(fakeJpeg(10, 16));
  });
  const dataUri = `data:image/png;base64,${inline.toString('base64')}`;
  const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
  const p = (i: number) => `<p>${ARTICLE_TEXT[i % ARTICLE_TEXT.length]} ${ARTICLE_TEXT[(i + 1) % ARTICLE_TEXT.length]}</p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>The footbridge opens | River Post</title>
<meta property="og:title" content="The footbridge opens">
<meta property="og:image" content="/img/lead.jpg">
<meta property="article:published_time" content="2026-03-14T09:00:00+01:00">
<meta name="description" content="The county's new footbridge opened on Saturday.">
</head><body><main><article>
<h1>The footbridge opens</h1>
${p(0)}
<p><img src="../img/plain.png" alt="The bridge from the bank"></p>
${p(1)}
<p><img src="/img/bridge-400.jpg" srcset="/img/bridge-400.jpg 400w, /img/bridge-1600.jpg 1600w" alt="The deck at dusk"></p>
${p(2)}
<picture><source srcset="/img/deck.webp 1200w" type="image/webp"><img src="/img/deck.jpg" alt="The deck"></picture>
${p(3)}
<p><img src="${gif}" data-src="/img/lazy.png" alt="Sandbags on the deck"></p>
${p(4)}
<p><img src="${dataUri}" alt="A drawing inline"></p>
${p(5)}
<p><img src="/img/chart.svg" alt="Chart of the load test"> <img src="/img/evil.svg" alt="A hostile drawing"></p>
${p(6)}
<p><img src="/img/missing.png" alt="Gone"> <img src="/img/huge.jpg" alt="Too big"> <img src="/img/slow.jpg" alt="Never comes"></p>
${p(7)}
<p><img src="/img/plain.png" alt="The bridge again"></p>
${p(8)}
<img src="/img/count.gif" width="1" height="1" alt="">
</article></main></body></html>`;
  server.set(path, html);
  return {
    page: server.url(path),
    html,
    files: {
      'plain.png': plain, 'bridge-1600.jpg': large, 'deck.webp': webp, 'lazy.png': lazy, 'image.png': inline,
      'chart.svg': SAFE_SVG, 'lead.jpg': lead,
    },
    remote: ['/img/evil.svg', '/img/missing.png', '/img/huge.jpg', '/img/slow.jpg'].map((u) => server.url(u)),
    report: '7 images saved, 4 kept as links (1 SVG with scripts or outside references, 1 not found, 1 too large, 1 timed out)',
  };
}
