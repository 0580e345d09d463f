import { describe, expect, it } from 'vitest';
import { fetchImages, type ImageLimits } from '../../src/background/image-fetch.ts';
import { gatherImages, imageReport } from '../../src/background/save-images.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
const LIMITS: ImageLimits = { maxImageBytes: 1000, maxArticleBytes: 2500, timeoutMs: 200, concurrency: 2 };

type Route = (init: RequestInit | undefined) => Response | Promise<Response>;

/** A fetch over a table of routes; counts requests and the most running at once. */
function fakeFetch(routes: Record<string, Route>) {
  const calls: string[] = [];
  let running = 0;
  let most = 0;
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    running++;
    most = Math.max(most, running);
    try {
      const route = routes[url];
      if (!route) throw new TypeError('Failed to fetch');
      return await route(init);
    } finally {
      running--;
    }
  }) as typeof fetch;
  return { fetcher, calls, most: () => most };
}

const image = (bytes: Uint8Array, type: string, headers: Record<string, string> = {}) => () =>
  new Response(bytes as BodyInit, { headers: { 'content-type': type, ...headers } });

describe('fetchImages', () => {
  it('fetches without cookies, keeps the bytes and the type, and fetches a URL once', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const { fetcher, calls } = fakeFetch({ 'https://a.test/p.png': (init) => { inits.push(init); return image(PNG, 'image/png')(); } });
    const out = await fetchImages(['https://a.test/p.png', 'https://a.test/p.png'], LIMITS, fetcher);
    expect(calls).toEqual(['https://a.test/p.png']);
    const got = out.get('https://a.test/p.png');
    expect(got?.ok && got.type).toBe('image/png');
    expect(got?.ok && new Uint8Array(await got.blob.arrayBuffer())).toEqual(PNG);
    expect(inits[0]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('says why each failure failed', async () => {
    const big = new Uint8Array(1500).fill(1);
    const { fetcher } = fakeFetch({
      'https://a.test/404.png': () => new Response('gone', { status: 404 }),
      'https://a.test/500.png': () => new Response('oops', { status: 500 }),
      'https://a.test/page.png': image(new TextEncoder().encode('<html>'), 'text/html'),
      'https://a.test/big-declared.jpg': image(big, 'image/jpeg', { 'content-length': '1500' }),
      'https://a.test/big-streamed.jpg': image(big, 'image/jpeg'),
      'https://a.test/evil.svg': image(new TextEncoder().encode('<svg onload="x()"/>'), 'image/svg+xml'),
      'https://a.test/slow.png': (init) => new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
    });
    const urls = ['404.png', '500.png', 'page.png', 'big-declared.jpg', 'big-streamed.jpg', 'evil.svg', 'slow.png', 'refused.png'].map((p) => `https://a.test/${p}`);
    const out = await fetchImages(urls, LIMITS, fetcher);
    expect(urls.map((u) => { const o = out.get(u); return o && !o.ok ? o.reason : 'ok'; })).toEqual([
      'not-found', 'http-error', 'not-an-image', 'too-large', 'too-large', 'unsafe-svg', 'timed-out', 'blocked',
    ]);
  });

  it('types a generic response by its bytes, and decodes data: URIs without a request', async () => {
    const { fetcher, calls } = fakeFetch({ 'https://a.test/blob': image(JPEG, 'application/octet-stream') });
    const svg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')}`;
    const png = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`;
    const urls = ['https://a.test/blob', svg, png, 'data:image/png;base64,@@@'];
    const out = await fetchImages(urls, LIMITS, fetcher);
    expect(calls).toEqual(['https://a.test/blob']);
    expect(urls.map((u) => out.get(u)).map((o) => (o?.ok ? o.type : o?.reason))).toEqual(['image/jpeg', 'image/svg+xml', 'image/png', 'not-an-image']);
    const decoded = out.get(png);
    expect(decoded?.ok && new Uint8Array(await decoded.blob.arrayBuffer())).toEqual(PNG);
  });

  it('keeps the article within its total, and a few requests at a time', async () => {
    const routes: Record<string, Route> = {};
    const urls: string[] = [];
    for (let i = 0; i < 5; i++) {
      const url = `https://a.test/${i}.png`;
      urls.push(url);
      routes[url] = async () => { await new Promise((r) => setTimeout(r, 10)); return image(new Uint8Array(900).fill(i), 'image/png')(); };
    }
    // Each is a PNG only by its type here; 900 bytes each, 2500 for all: two fit.
    const { fetcher, most } = fakeFetch(routes);
    const out = await fetchImages(urls, LIMITS, fetcher);
    const reasons = [...out.values()].map((o) => (o.ok ? 'ok' : o.reason));
    expect(reasons.filter((r) => r === 'ok')).toHaveLength(2);
    expect(reasons.filter((r) => r === 'article-limit')).toHaveLength(3);
    expect(most()).toBeLessThanOrEqual(2);
  });
});

describe('gatherImages', () => {
  it('names one file per URL in article order, shares it between images of the same URL, and reports counts', async () => {
    const { fetcher } = fakeFetch({
      'https://a.test/x/photo.png': image(PNG, 'image/png'),
      'https://b.test/y/photo.png': image(PNG, 'image/png'),
    });
    const gathered = await gatherImages([
      { src: 'https://a.test/x/photo-small.png', url: 'https://a.test/x/photo.png' },
      { src: 'https://b.test/y/photo.png', url: 'https://b.test/y/photo.png' },
      { src: 'https://a.test/x/photo-other.png', url: 'https://a.test/x/photo.png' },
      { src: 'https://c.test/none.png', url: 'https://c.test/none.png' },
    ], LIMITS, fetcher);
    expect(gathered.files.map((f) => [f.src, f.name])).toEqual([
      ['https://a.test/x/photo-small.png', 'photo.png'],
      ['https://b.test/y/photo.png', 'photo-2.png'],
      ['https://a.test/x/photo-other.png', 'photo.png'],
    ]);
    expect(gathered.failures).toEqual([{ src: 'https://c.test/none.png', url: 'https://c.test/none.png', reason: 'blocked' }]);
    expect(imageReport(gathered.files, gathered.failures)).toEqual({ saved: 2, linked: 1, reasons: { blocked: 1 } });
  });
});
