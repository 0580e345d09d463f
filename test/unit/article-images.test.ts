import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { bestCandidate, parseSrcset } from '../../src/core/srcset.ts';
import { resolveLazyImages } from '../../src/core/lazy-images.ts';
import { collectImages, imagesOfArticle } from '../../src/core/article-images.ts';
import { extract } from '../../src/core/extract.ts';

const BASE = 'https://news.example/world/story.html';
const el = (html: string): HTMLElement => {
  const div = new JSDOM('', { url: BASE }).window.document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('parseSrcset', () => {
  it('reads width and density candidates, and a bare URL as 1x', () => {
    expect(parseSrcset('a.jpg 400w, b.jpg 800w')).toEqual([{ url: 'a.jpg', width: 400 }, { url: 'b.jpg', width: 800 }]);
    expect(parseSrcset('a.jpg, b.jpg 2x')).toEqual([{ url: 'a.jpg', density: 1 }, { url: 'b.jpg', density: 2 }]);
  });

  it('keeps commas inside a URL, as image CDNs write them', () => {
    expect(parseSrcset('https://cdn.test/w_400,h_300/p.jpg 400w, https://cdn.test/w_800,h_600/p.jpg 800w')).toEqual([
      { url: 'https://cdn.test/w_400,h_300/p.jpg', width: 400 },
      { url: 'https://cdn.test/w_800,h_600/p.jpg', width: 800 },
    ]);
  });

  it('drops candidates with invalid descriptors and tolerates stray commas and spaces', () => {
    expect(parseSrcset(' , a.jpg 10q, b.jpg 300w ,, ')).toEqual([{ url: 'b.jpg', width: 300 }]);
    expect(parseSrcset('')).toEqual([]);
  });
});

describe('bestCandidate', () => {
  it('takes the widest candidate up to 2000 px', () => {
    expect(bestCandidate(parseSrcset('s.jpg 320w, m.jpg 1200w, l.jpg 1920w, xl.jpg 4000w'))?.url).toBe('l.jpg');
  });
  it('takes the narrowest when every candidate is wider', () => {
    expect(bestCandidate(parseSrcset('a.jpg 3000w, b.jpg 2500w'))?.url).toBe('b.jpg');
  });
  it('takes the densest up to 2x when only densities are given', () => {
    expect(bestCandidate(parseSrcset('a.jpg, b.jpg 2x, c.jpg 3x'))?.url).toBe('b.jpg');
    expect(bestCandidate([])).toBeNull();
  });
});

describe('resolveLazyImages', () => {
  it('puts a lazy-loading attribute in src and srcset, over the placeholder', () => {
    const root = el('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/real.jpg" data-srcset="/img/real-800.jpg 800w">'
      + '<img src="/blank.gif" data-original="/img/other.png">'
      + '<picture><source data-srcset="/img/p.webp 1000w" type="image/webp"><img data-lazy-src="/img/p.jpg"></picture>');
    resolveLazyImages(root);
    const imgs = Array.from(root.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['/img/real.jpg', '/img/other.png', '/img/p.jpg']);
    expect(imgs[0]!.getAttribute('srcset')).toBe('/img/real-800.jpg 800w');
    expect(root.querySelector('source')!.getAttribute('srcset')).toBe('/img/p.webp 1000w');
  });

  it('gives an image that has only a srcset its best candidate as src, and leaves plain images alone', () => {
    const root = el('<img srcset="a.jpg 300w, b.jpg 900w"><img src="plain.jpg" alt="x">');
    resolveLazyImages(root);
    expect(Array.from(root.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual(['b.jpg', 'plain.jpg']);
  });
});

describe('collectImages', () => {
  it('lists each image once with its absolute src and the best copy to save', () => {
    const root = el('<img src="/a.jpg" srcset="/a-400.jpg 400w, /a-1600.jpg 1600w">'
      + '<picture><source srcset="/p-2000.avif 2000w" type="image/avif"><source srcset="/p.jxl 3000w" type="image/jxl"><img src="/p.jpg"></picture>'
      + '<img src="data:image/png;base64,iVBORw0KGgo=">'
      + '<img src="/a.jpg"><img src="javascript:alert(1)"><img>');
    expect(collectImages(root, BASE)).toEqual([
      { src: 'https://news.example/a.jpg', url: 'https://news.example/a-1600.jpg' },
      { src: 'https://news.example/p.jpg', url: 'https://news.example/p-2000.avif' },
      { src: 'data:image/png;base64,iVBORw0KGgo=', url: 'data:image/png;base64,iVBORw0KGgo=' },
    ]);
  });
});

describe('imagesOfArticle', () => {
  const found = [{ src: 'https://x.test/a.jpg', url: 'https://x.test/a-big.jpg' }, { src: 'https://x.test/gone.jpg', url: 'https://x.test/gone.jpg' }];
  it('keeps the images the body still links and puts a lead image the body lacks first', () => {
    expect(imagesOfArticle(found, '![](https://x.test/a.jpg)', 'https://x.test/lead.jpg')).toEqual([
      { src: 'https://x.test/lead.jpg', url: 'https://x.test/lead.jpg' },
      found[0],
    ]);
  });
  it('does not add the lead image again when it is a body image or its best copy', () => {
    expect(imagesOfArticle(found, '![](https://x.test/a.jpg)', 'https://x.test/a-big.jpg')).toEqual([found[0]]);
    expect(imagesOfArticle(found, '<img src="https://x.test/a.jpg">', '')).toEqual([found[0]]);
  });
});

describe('extract lists the article images', () => {
  it('with lazy images resolved in the body itself, and the og:image first', () => {
    const html = `<!doctype html><html><head><title>Bridge</title><meta property="og:image" content="/lead.jpg"></head><body><article>
      <h1>The bridge opens</h1>
      <p>${'The new bridge over the river opened on Monday after three years of work. '.repeat(6)}</p>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/deck.jpg" alt="The deck">
      <p>${'Engineers tested the deck with forty lorries before the opening ceremony. '.repeat(6)}</p>
    </article></body></html>`;
    const doc = new JSDOM(html, { url: BASE }).window.document;
    const article = extract(doc, BASE, { now: '2026-01-01' });
    expect(article.body).toContain('![The deck](https://news.example/photos/deck.jpg)');
    expect(article.images).toEqual([
      { src: 'https://news.example/lead.jpg', url: 'https://news.example/lead.jpg' },
      { src: 'https://news.example/photos/deck.jpg', url: 'https://news.example/photos/deck.jpg' },
    ]);
  });
});
