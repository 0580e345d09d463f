import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { dropTrackingPixels, isTrackingPixel } from '../../src/core/tracking-pixels.ts';
import { extract } from '../../src/core/extract.ts';

const BASE = 'https://harbour.example/news/2026/05/ferry-timetable';

function holder(html: string): Element {
  const doc = new JSDOM(`<!doctype html><body><div id="root">${html}</div></body>`).window.document;
  return doc.getElementById('root')!;
}

const img = (attrs: string): Element => holder(`<img ${attrs}>`).querySelector('img')!;

describe('isTrackingPixel', () => {
  it('takes a picture sized one or two pixels on a side, by its attributes or an inline style', () => {
    expect(isTrackingPixel(img('src="https://counter.example/na/4f2a" width="1" height="1" alt=""'))).toBe(true);
    expect(isTrackingPixel(img('src="/rule.png" width="464" height="2"'))).toBe(true);
    expect(isTrackingPixel(img('src="/spacer.gif" style="width: 1px; height: 1px"'))).toBe(true);
  });

  it('leaves pictures of any real size, of a size not yet known, or sized on one side only', () => {
    expect(isTrackingPixel(img('src="/photo.jpg" width="640" height="427"'))).toBe(false);
    expect(isTrackingPixel(img('src="/photo.jpg" width="1440" height="0"'))).toBe(false);
    expect(isTrackingPixel(img('src="/photo.jpg" width="1"'))).toBe(false);
    expect(isTrackingPixel(img('src="/photo.jpg"'))).toBe(false);
  });

  it('judges a lazy-loading picture by its real address, not by its placeholder size', () => {
    expect(isTrackingPixel(img('src="/blank.gif" data-src="/photo.jpg" width="1" height="1"'))).toBe(false);
    expect(isTrackingPixel(img('src="/blank.gif" srcset="/photo-800.jpg 800w" width="1" height="1"'))).toBe(false);
  });
});

describe('dropTrackingPixels', () => {
  it('removes the pixel with the link and paragraph that held only it, and nothing else', () => {
    const root = holder(`<p>First paragraph.</p>
      <p><a href="https://ads.example/click"><img src="https://ads.example/view?b=1" width="1" height="1"></a></p>
      <p>Words stay <img src="https://counter.example/na/4f2a" width="1" height="1"> around it.</p>
      <p><img src="/photo.jpg" width="640" height="427"></p>`);
    dropTrackingPixels(root);
    expect(root.querySelectorAll('img')).toHaveLength(1);
    expect(root.querySelector('img')!.getAttribute('src')).toBe('/photo.jpg');
    expect(root.querySelector('a')).toBeNull();
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent!.replace(/\s+/g, ' ').trim()))
      .toEqual(['First paragraph.', 'Words stay around it.', '']);
  });

  it('leaves a table cell in its place when the spacer was all it held', () => {
    const root = holder('<table><tr><td>Wired</td><td><img src="/space.gif" width="1" height="1"></td><td>Plugs into the computer.</td></tr></table>');
    dropTrackingPixels(root);
    expect(root.querySelectorAll('td')).toHaveLength(3);
    expect(root.querySelector('img')).toBeNull();
  });

  it('keeps a wrapper that holds another picture beside the pixel', () => {
    const root = holder('<a href="/gallery"><img src="/photo.jpg" width="300" height="200"><img src="/p.gif" width="1" height="1"></a>');
    dropTrackingPixels(root);
    expect(root.innerHTML).toBe('<a href="/gallery"><img src="/photo.jpg" width="300" height="200"></a>');
  });
});

describe('extract leaves tracking pixels out of the body and the images to save', () => {
  it('in Markdown and in HTML', () => {
    const html = `<!doctype html><html><head><title>Ferry timetable</title></head><body><article>
      <h1>The winter ferry timetable</h1>
      <p>${'The harbour office published the winter timetable for the island ferries on Tuesday. '.repeat(5)}</p>
      <figure><img src="/media/ferry.jpg" width="800" height="533" alt="The ferry at the pier"></figure>
      <p>${'Crossings at dawn are cut from four to two, and the late boat sails an hour earlier. '.repeat(5)}</p>
      <img src="https://counter.example/na/4f2a9c" width="1" height="1" alt="">
    </article></body></html>`;
    for (const body of ['markdown', 'html'] as const) {
      const doc = new JSDOM(html, { url: BASE }).window.document;
      const article = extract(doc, BASE, { now: '2026-05-01', body });
      expect(article.body).toContain('https://harbour.example/media/ferry.jpg');
      expect(article.body).not.toContain('counter.example');
      expect((article.images ?? []).map((image) => image.url)).toEqual(['https://harbour.example/media/ferry.jpg']);
    }
  });
});
