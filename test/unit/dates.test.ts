import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { dayFromMicrodata, dayFromTimeElements } from '../../src/core/markup-dates.ts';
import { dayFromUrlPath, formatDay, parseDay } from '../../src/core/date-parse.ts';
import { findHeadline } from '../../src/core/headline.ts';

/** The page's headline element, as the metadata chain finds it. */
const heading = (doc: Document): Element | null => findHeadline(doc, [doc.title], []);

const NOW = new Date('2026-02-01T12:00:00Z');

function body(html: string, url = 'https://news.example/story'): Document {
  return new JSDOM(`<!DOCTYPE html><html><head><title>t</title></head><body>${html}</body></html>`, { url }).window.document;
}

describe('parseDay: the day as written, never shifted', () => {
  it.each([
    ['2026-01-06T23:30:00-05:00', '2026-01-06'],
    ['2026-01-06T00:15:00+14:00', '2026-01-06'],
    ['2026-01-06T06:45:12Z', '2026-01-06'],
    ['2026-01-06T06:45:12.123+01:00', '2026-01-06'],
    ['2026-01-06', '2026-01-06'],
    ['2026-01-06 06:45', '2026-01-06'],
    ['2026-1-6', '2026-01-06'],
    ['2026/01/06 06:45', '2026-01-06'],
    ['20260106', '2026-01-06'],
    ['20260106T064512Z', '2026-01-06'],
    ['Tue, 06 Jan 2026 06:45:12 GMT', '2026-01-06'],
    ['Tue, 6 Jan 2026 23:59:59 -0800', '2026-01-06'],
    ['January 6, 2026', '2026-01-06'],
    ['Published Jan. 6th, 2026 at 11:50 pm', '2026-01-06'],
    ['6 January 2026', '2026-01-06'],
    ['Sept 9 2025', '2025-09-09'],
    ['06.01.2026', '2026-01-06'],
    ['Tue Jan 06 23:30:00 2026', '2026-01-06'],
    ['Tue Jan 06 23:30:00 EST 2026', '2026-01-06'],
    ['2026年1月6日 23時', '2026-01-06'],
    ['2026년 1월 6일', '2026-01-06'],
    ['  2026-01-06\n', '2026-01-06'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDay(input, NOW)).toBe(expected);
  });

  it('reads epoch seconds and milliseconds (which carry no zone) as UTC', () => {
    expect(parseDay('1767739500', NOW)).toBe('2026-01-06'); // 2026-01-06T22:45:00Z
    expect(parseDay('1767739500000', NOW)).toBe('2026-01-06');
  });

  it('does not depend on the process time zone', () => {
    // TZ is UTC in vitest; a value late in the day with a negative offset would move to the next
    // day in UTC, and one early with a positive offset to the previous day.
    expect(parseDay('2025-12-31T23:30:00-08:00', NOW)).toBe('2025-12-31');
    expect(parseDay('2026-01-01T00:30:00+09:00', NOW)).toBe('2026-01-01');
  });

  it.each([
    ['2026-02-30'], ['2025-02-29'], ['2026-13-01'], ['2026-00-10'], ['2026-01-32'],
    ['1989-12-31'], ['0000-00-00'], ['9999-12-31'], ['2030-01-01'],
    ['01/06/2026'], ['yesterday'], ['Invalid Date'], [''], ['12345'], ['Smarch 6, 2026'], ['2026-01'],
  ])('rejects %j', (input) => {
    expect(parseDay(input, NOW)).toBeNull();
  });

  it('accepts leap days that exist and dates shortly after the clock', () => {
    expect(parseDay('2024-02-29', NOW)).toBe('2024-02-29');
    expect(parseDay('2026-02-02', NOW)).toBe('2026-02-02');
    expect(parseDay(null, NOW)).toBeNull();
  });
});

describe('formatDay', () => {
  it('pads and validates', () => {
    expect(formatDay(2024, 2, 9, NOW)).toBe('2024-02-09');
    expect(formatDay(2023, 2, 29, NOW)).toBeNull();
    expect(formatDay(2024, 4, 31, NOW)).toBeNull();
    expect(formatDay(1990, 1, 1, NOW)).toBe('1990-01-01');
    expect(formatDay(1989, 12, 31, NOW)).toBeNull();
  });
});

describe('dayFromUrlPath', () => {
  it.each([
    ['https://a.example/2024/02/29/leap-day/', '2024-02-29'],
    ['https://a.example/news/2024/2/9/story.html', '2024-02-09'],
    ['https://a.example/2024-02-29/leap-day', '2024-02-29'],
    ['https://a.example/blog/2024-02-29-leap-day.html', '2024-02-29'],
    ['https://a.example/20240229/leap-day', '2024-02-29'],
    ['https://a.example/2024/02/29', '2024-02-29'],
  ])('%s -> %s', (url, expected) => {
    expect(dayFromUrlPath(url, NOW)).toBe(expected);
  });

  it.each([
    ['https://a.example/2023/02/29/not-a-day/'],
    ['https://a.example/2024/02/slug'],
    ['https://a.example/article/12345678/'],
    ['https://a.example/p?date=2024/02/29'],
    ['https://a.example/x2024/02/29/'],
    ['not a url'],
  ])('finds nothing in %s', (url) => {
    expect(dayFromUrlPath(url, NOW)).toBeNull();
  });

  it('skips an impossible first match for a real one later in the path', () => {
    expect(dayFromUrlPath('https://a.example/1900/01/01/2024/03/01/', NOW)).toBe('2024-03-01');
  });
});

describe('dayFromTimeElements', () => {
  it('prefers the time beside the headline to one earlier in the document', () => {
    const doc = body(`
      <div class="promo"><time datetime="2025-06-20">20 June</time></div>
      <article><h1>Head</h1><p class="meta"><time datetime="2025-06-14T09:30:00+02:00">14 June</time></p><p>Body</p></article>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBe('2025-06-14');
  });

  it('never takes a time in an aside, nav or comments', () => {
    const doc = body(`
      <article><h1>Head</h1><p>Body without a date.</p>
        <section id="comments"><time datetime="2025-06-15">15 June</time></section></article>
      <aside><time datetime="2025-06-20">20 June</time></aside>
      <nav><time datetime="2025-06-21">21 June</time></nav>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBeNull();
  });

  it('skips times labelled as updates, by text, label or class', () => {
    const labelled = body(`<article><h1>H</h1><p>Updated <time datetime="2025-06-18">18 June</time></p>
      <p>Posted <time datetime="2025-06-14">14 June</time></p></article>`);
    expect(dayFromTimeElements(labelled, heading(labelled), NOW)).toBe('2025-06-14');
    const classed = body(`<article><h1>H</h1><time class="date-modified" datetime="2025-06-18">18 June</time>
      <time datetime="2025-06-14">14 June</time></article>`);
    expect(dayFromTimeElements(classed, heading(classed), NOW)).toBe('2025-06-14');
    const definition = body(`<article><h1>H</h1><dl><dt>Updated:</dt><dd><span><time datetime="2025-06-18">18 June</time></span></dd>
      <dt>Published:</dt><dd><span><time datetime="2025-06-14">14 June</time></span></dd></dl></article>`);
    expect(dayFromTimeElements(definition, heading(definition), NOW)).toBe('2025-06-14');
  });

  it('keeps WordPress dates marked both published and updated', () => {
    const doc = body(`<article><h1>H</h1><time class="entry-date published updated" datetime="2025-06-14T10:00:00+00:00">June 14</time></article>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBe('2025-06-14');
  });

  it('prefers a time marked as the publication date', () => {
    const doc = body(`<article><h1>H</h1><p>Event on <time datetime="2025-07-01">1 July</time></p>
      <time itemprop="datePublished" datetime="2025-06-14">14 June</time></article>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBe('2025-06-14');
  });

  it('reads the text of a time without datetime, as HTML defines its value', () => {
    const doc = body(`<article><h1>H</h1><time>Dec 13, 2016 at 3:45 pm</time></article>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBe('2016-12-13');
  });

  it('takes no date from a listing of several articles', () => {
    const doc = body(`<h1>Blog</h1><main>
      <article><h2>A</h2><time datetime="2025-05-20">20 May</time></article>
      <article><h2>B</h2><time datetime="2025-04-11">11 April</time></article>
      <article><h2>C</h2><time datetime="2025-03-02">2 March</time></article></main>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBeNull();
  });

  it('uses a footer date of the article only when there is nothing else', () => {
    const doc = body(`<article><h1>H</h1><p>Body</p><footer><time datetime="2025-06-14">14 June</time></footer></article>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBe('2025-06-14');
  });

  it('does not mistake layout wrappers named after a sidebar for an aside', () => {
    const doc = body(`<div class="container sidebar_right"><article><h1>H</h1>
      <time datetime="2025-06-14">14 June</time></article></div>`);
    expect(dayFromTimeElements(doc, heading(doc), NOW)).toBe('2025-06-14');
  });
});

describe('dayFromMicrodata', () => {
  const microDay = (doc: Document): string | null => dayFromMicrodata(doc, heading(doc), NOW);
  it('reads content, datetime, title or text, outside comments', () => {
    expect(microDay(body(`<div itemscope><meta itemprop="datePublished" content="2025-06-14"></div>`))).toBe('2025-06-14');
    expect(microDay(body(`<abbr itemprop="datePublished" title="2024-02-03T20:38:00Z">8:38 pm</abbr>`))).toBe('2024-02-03');
    expect(microDay(body(`<span itemprop="datePublished">Thursday, September 29, 2016</span>`))).toBe('2016-09-29');
    expect(microDay(body(`<div class="comments"><span itemprop="datePublished">2025-01-01</span></div>`))).toBeNull();
  });

  it('reads a byline set in an aside as the headline\'s own item, never an aside\'s teaser of its own', () => {
    const titled = (html: string) => new JSDOM(`<!DOCTYPE html><html><head><title>Story title</title></head><body>${html}</body></html>`).window.document;
    const byline = `<aside class="meta"><p>Von: Ana Autorin</p><time itemprop="datePublished" content="2023-10-18">18. Okt 2023</time></aside>`;
    const teaser = `<aside class="related"><div itemscope itemtype="https://schema.org/Article"><a href="/b">Other story</a><time itemprop="datePublished" datetime="2023-09-19">19. Sep 2023</time></div></aside>`;
    const article = (inside: string) => `<article itemscope itemtype="https://schema.org/Article"><header><h1 itemprop="name">Story title</h1></header>${inside}<p>Text.</p></article>`;
    expect(microDay(titled(article(byline)))).toBe('2023-10-18');
    expect(microDay(titled(article(teaser)))).toBeNull();
    // Without an item around the headline, an aside keeps its date to itself.
    expect(microDay(titled(`<article><h1>Story title</h1>${byline}<p>Text.</p></article>`))).toBeNull();
  });
});
