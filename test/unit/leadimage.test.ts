import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { imageSource, largestFromSrcset, leadImageFromContent } from '../../src/core/leadimage.ts';
import { readMetadata } from '../../src/core/metadata.ts';
import { extract } from '../../src/core/extract.ts';

const URL_ = 'https://ledger.example/news/2026/03/lighthouse-keepers';
const NOW = new Date('2026-04-01T12:00:00Z');

function fixture(name: string): Document {
  const html = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return new JSDOM(html, { url: URL_ }).window.document;
}

function body(html: string): Document {
  return new JSDOM(`<!DOCTYPE html><html><head><title>t</title></head><body>${html}</body></html>`, { url: URL_ }).window.document;
}

const h1 = (doc: Document) => doc.querySelector('h1');

describe('lead image from content', () => {
  it('skips the logo, ad, avatar and tracking pixel and reads the lazy-loaded hero image', () => {
    const doc = fixture('meta-lead-image.html');
    expect(leadImageFromContent(h1(doc), null, URL_)).toBe('https://ledger.example/media/2026/03/skerry-point-tower.jpg');
  });

  it('is what the metadata gives when the page declares no image, through extract too', () => {
    const doc = fixture('meta-lead-image.html');
    expect(readMetadata(doc, URL_, {}, NOW).image).toBe('https://ledger.example/media/2026/03/skerry-point-tower.jpg');
    expect(extract(doc, URL_, { now: '2026-04-01' }).image).toBe('https://ledger.example/media/2026/03/skerry-point-tower.jpg');
  });

  it('never outranks a declared image', () => {
    const doc = fixture('meta-lead-image.html');
    const meta = doc.createElement('meta');
    meta.setAttribute('property', 'og:image');
    meta.setAttribute('content', '/share/card.jpg');
    doc.head.append(meta);
    expect(readMetadata(doc, URL_, {}, NOW).image).toBe('https://ledger.example/share/card.jpg');
  });

  it('looks in the article element when nothing sits near the headline', () => {
    const doc = body('<div><h1>Title</h1></div><div id="text"><p>Text</p><img src="/a/photo.jpg"></div>');
    expect(leadImageFromContent(h1(doc), doc.getElementById('text'), URL_)).toBe('https://ledger.example/a/photo.jpg');
  });

  it('finds nothing rather than an icon, an SVG, a data: URI or a teaser thumbnail', () => {
    const doc = body(`<article><h1>Title</h1>
      <img src="/icons/share-facebook.png" width="600" height="400">
      <img src="/img/chart.svg">
      <img src="data:image/png;base64,iVBORw0KGgo=">
      <img src="/img/small.jpg" width="80" height="80">
      <a href="/news/other-story"><img src="/img/other-story.jpg"></a>
      <p>Text</p></article>`);
    expect(leadImageFromContent(h1(doc), doc.querySelector('article'), URL_)).toBe('');
  });

  it('takes a video\'s poster frame, never a video file put in an img', () => {
    const doc = body('<article><h1>Title</h1><video poster="/media/poster.jpg"><source src="/media/clip.mp4"><img src="/media/clip.mp4"></video></article>');
    expect(leadImageFromContent(h1(doc), null, URL_)).toBe('https://ledger.example/media/poster.jpg');
  });

  it('takes a picture linked to its own full size (a lightbox)', () => {
    const doc = body('<article><h1>Title</h1><a href="/img/full.jpg"><img src="/img/medium.jpg"></a></article>');
    expect(leadImageFromContent(h1(doc), null, URL_)).toBe('https://ledger.example/img/medium.jpg');
  });

  it('reads the noscript fallback of a lazy image that has no address at all', () => {
    const doc = body('<article><h1>Title</h1><figure><img class="lazyload"><noscript><img src="/img/real.jpg?w=800&amp;h=600"></noscript></figure></article>');
    expect(leadImageFromContent(h1(doc), null, URL_)).toBe('https://ledger.example/img/real.jpg?w=800&h=600');
  });
});

describe('image addresses', () => {
  it('takes the widest srcset candidate', () => {
    expect(largestFromSrcset('/a-320.jpg 320w, /a-1024.jpg 1024w, /a-640.jpg 640w')).toBe('/a-1024.jpg');
    expect(largestFromSrcset('/a.jpg 1x, /a@2x.jpg 2x')).toBe('/a@2x.jpg');
    expect(largestFromSrcset('/only.jpg')).toBe('/only.jpg');
    expect(largestFromSrcset('/a.jpg, /b.jpg 2x')).toBe('/b.jpg');
    expect(largestFromSrcset('/c_fill,w_320/a.jpg 320w, /c_fill,w_960/a.jpg 960w')).toBe('/c_fill,w_960/a.jpg');
  });

  it('reads a srcset list left in src, and refuses script left there', () => {
    const doc = body(`<img src="/img/a.jpg 3600w, /img/a-400.jpg 400w"><img src="if(this.src!='x') this.src='/img/b.jpg'">`);
    const [a, b] = Array.from(doc.querySelectorAll('img'));
    expect(imageSource(a!)).toBe('/img/a.jpg');
    expect(imageSource(b!)).toBe('');
  });

  it('takes the lazy attribute\'s image, whatever holds its place in src', () => {
    const doc = body('<img src="/img/blank.gif" data-lazy-src="/img/real.jpg"><img src="/img/preview-blurred.jpg" data-src="/img/full.jpg"><img data-srcset="/s.jpg 300w, /l.jpg 900w"><img src="/img/plain.jpg">');
    const [a, b, c, d] = Array.from(doc.querySelectorAll('img'));
    expect(imageSource(a!)).toBe('/img/real.jpg');
    expect(imageSource(b!)).toBe('/img/full.jpg');
    expect(imageSource(c!)).toBe('/l.jpg');
    expect(imageSource(d!)).toBe('/img/plain.jpg');
  });

  it('judges an image by its size and place, not by words its address happens to hold', () => {
    const doc = body(`<article><h1>The new phone, tested</h1>
      <img src="/track/pixel.gif?u=1" width="1" height="1">
      <img src="/media/google-pixel-9-grey.jpg" width="1200" height="800" alt="The phone in grey">
      <p>Text</p></article>`);
    expect(leadImageFromContent(h1(doc), doc.querySelector('article'), URL_)).toBe('https://ledger.example/media/google-pixel-9-grey.jpg');
  });
});
