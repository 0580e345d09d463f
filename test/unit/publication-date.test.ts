import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/date-parse.ts';
import { dayOrderOf } from '../../src/core/date-order.ts';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-04-01T12:00:00Z');

function fixture(name: string, url: string): Document {
  return new JSDOM(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'), { url }).window.document;
}

function page(head: string, body: string, lang = 'en', url = 'https://news.example/story'): Document {
  return new JSDOM(`<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`, { url }).window.document;
}

const dateOf = (doc: Document, url = doc.URL) => {
  const meta = readMetadata(doc, url, {}, NOW);
  return [meta.date, meta.dateSource];
};

describe('dates a reader sees beside a headline that is not an <h1>', () => {
  it('reads a blog\'s date header over the post title, below a site-name <h1>', () => {
    const url = 'https://harbournotes.example/2016/12/winter-timetable.html';
    expect(dateOf(fixture('meta-blog-date-header.html', url))).toEqual(['2016-12-23', 'byline']);
  });

  it('reads the byline line right above an <h2> headline, and not the dates of the teaser list after it', () => {
    const url = 'https://inselzeitung.example/artikel/faehrplan_winter';
    expect(dateOf(fixture('meta-byline-above.html', url))).toEqual(['2020-04-22', 'byline']);
  });

  it('takes no date from a list of dated teasers right under the headline', () => {
    const doc = page('<title>Harbour news</title>', `<h1>Harbour news</h1>
      <ul><li><a href="/a">Benches for the quay</a> <span>19.04.2020</span></li>
      <li><a href="/b">The lighthouse is painted</a> <span>14.04.2020</span></li>
      <li><a href="/c">Easter market called off</a> <span>09.04.2020</span></li></ul>`, 'de');
    expect(dateOf(doc)).toEqual([null, 'clip-date']);
  });

  it('reads a line that opens with a numeric date and a time as a stamp', () => {
    const doc = page('<title>Ferry</title>', `<article><h1>The ferry is back</h1>
      <p>02.02.2022 10:16 Uhr - Hafen - Meldung der Reederei, red</p><p>Text of the article.</p></article>`, 'de');
    expect(dateOf(doc)).toEqual(['2022-02-02', 'byline']);
  });
});

describe('a UTC timestamp and the publisher\'s own day', () => {
  const utc = '<meta property="article:published_time" content="2023-11-09T03:28:35+00:00"><title>Late vote</title>';

  it('takes the day the page shows when it is one day off the UTC day', () => {
    const doc = page(utc, '<article><h1>Late vote</h1><p>By A. Writer</p><time datetime="2023-11-08T22:28:35-05:00">Nov. 8, 2023, 10:28 p.m. ET</time><p>Text.</p></article>');
    expect(dateOf(doc)).toEqual(['2023-11-08', 'time-element']);
  });

  it('takes the day of the address when it is one day off', () => {
    const doc = page(utc, '<article><h1>Late vote</h1><p>Text.</p></article>', 'en', 'https://news.example/2023/11/08/late-vote/');
    expect(dateOf(doc)).toEqual(['2023-11-08', 'url']);
  });

  it('keeps the UTC day when the page shows the same day, or none, or one far off that the address contradicts', () => {
    expect(dateOf(page(utc, '<article><h1>Late vote</h1><time>November 9, 2023</time></article>'))).toEqual(['2023-11-09', 'article:published_time']);
    expect(dateOf(page(utc, '<article><h1>Late vote</h1><p>Text.</p></article>'))).toEqual(['2023-11-09', 'article:published_time']);
    const far = page(utc, '<article><h1>Late vote</h1><time>March 2, 2023</time></article>', 'en', 'https://news.example/2023/11/09/late-vote');
    expect(dateOf(far)).toEqual(['2023-11-09', 'article:published_time']);
  });

  it('never moves a timestamp written with the publisher\'s own offset', () => {
    const local = '<meta property="article:published_time" content="2023-11-09T03:28:35+01:00"><title>Late vote</title>';
    expect(dateOf(page(local, '<article><h1>Late vote</h1><time>Nov. 8, 2023</time></article>'))).toEqual(['2023-11-09', 'article:published_time']);
  });
});

describe('what the page shows before what it declares loosely', () => {
  it('reads a <time> by its visible text when its datetime says another day', () => {
    const doc = page('<title>Grenades</title>', '<article><h1>Grenades</h1><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></article>', 'fr');
    expect(dateOf(doc)).toEqual(['2019-06-29', 'time-element']);
  });

  it('prefers the byline to a generic date meta tag, which is often the last edit', () => {
    const doc = page('<meta name="date" content="2020-02-12"><title>Supply chains</title>',
      '<article><h1>Supply chains</h1><div class="news-date">05.02.2020</div><p>Text.</p></article>', 'de');
    expect(dateOf(doc)).toEqual(['2020-02-05', 'byline']);
    const bare = page('<meta name="date" content="2020-02-12"><title>Supply chains</title>', '<article><h1>Supply chains</h1><p>Text.</p></article>', 'de');
    expect(dateOf(bare)).toEqual(['2020-02-12', 'meta']);
  });

  it('reads datePublished written as a meta name, and RDFa dateCreated', () => {
    expect(dateOf(page('<meta name="datePublished" content="2020-08-16"><title>T</title>', '<h1>T</h1>'))).toEqual(['2020-08-16', 'meta']);
    const rdfa = page('<title>T</title>', '<article><h1>T</h1><span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span></article>');
    expect(dateOf(rdfa)).toEqual(['2022-01-28', 'microdata']);
  });

  it('finds the day in an address written /YYYY-MM/DD/', () => {
    expect(dateOf(page('<title>T</title>', '<p>Text</p>', 'zh', 'http://news.example/local/2020-02/19/c_1125.htm'))).toEqual(['2020-02-19', 'url']);
  });
});

describe('a declared day that the article\'s <time> contradicts', () => {
  const declared = '<meta property="article:published_time" content="2022-01-15T09:00:00+01:00"><title>Snow and deer</title>';
  const shown = '<article><h1>Snow and deer</h1><p class="meta">Von Anna Keller, <time datetime="2022-01-25">25.01.2022</time></p><p>Text.</p></article>';

  it('gives no day when nothing else on the page repeats the declared one', () => {
    expect(dateOf(page(declared, shown, 'de'))).toEqual([null, 'clip-date']);
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-01"}</script><title>Snow and deer</title>';
    expect(dateOf(page(jsonLd, shown, 'de'))).toEqual([null, 'clip-date']);
  });

  it('keeps the declared day when another declaration, a byline or the address repeats it', () => {
    expect(dateOf(page(`${declared}<meta name="date" content="2022-01-15">`, shown, 'de'))).toEqual(['2022-01-15', 'article:published_time']);
    const byline = '<article><h1>Snow and deer</h1><p>Von Anna Keller, 15.01.2022</p><p>Text.</p><p><time datetime="2022-01-25">25.01.2022</time></p></article>';
    expect(dateOf(page(declared, byline, 'de'))).toEqual(['2022-01-15', 'article:published_time']);
    expect(dateOf(page(declared, shown, 'de', 'https://news.example/2022/01/15/snow-and-deer'))).toEqual(['2022-01-15', 'article:published_time']);
  });

  it('keeps the declared day when the <time> is a day off (a time zone) or far off but outside the article', () => {
    const dayOff = '<article><h1>Snow and deer</h1><p class="meta"><time datetime="2022-01-14">14.01.2022</time></p><p>Text.</p></article>';
    expect(dateOf(page(declared, dayOff, 'de'))).toEqual(['2022-01-15', 'article:published_time']);
    const sidebar = '<article><h1>Snow and deer</h1><p>Text.</p></article><div class="sidebar"><time>25.01.2022</time></div>';
    expect(dateOf(page(declared, sidebar, 'de'))).toEqual(['2022-01-15', 'article:published_time']);
  });
});

describe('a page that shows its declared modification day', () => {
  const ld = (published: string, modified = '') => `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${published}"${modified === '' ? '' : `,"dateModified":"${modified}"`}}</script>`;
  const declared = (modified = '2022-01-12T08:00:00+01:00') => `<meta property="article:published_time" content="2021-11-29T10:00:00+01:00">${ld('2021-11-29T10:00:00+01:00', modified)}<title>Fish and pain</title>`;
  const body = (shown: string) => `<article><h1>Fish and pain</h1><p>Von Anna Keller, ${shown}</p><p>Text.</p></article>`;

  it('gives no day when the byline or the <time> shows the modified day and not the published one', () => {
    expect(dateOf(page(declared(), body('12.01.2022'), 'de'))).toEqual([null, 'clip-date']);
    const time = '<article><h1>Fish and pain</h1><p class="meta"><time datetime="2022-01-12">12.01.2022</time></p><p>Text.</p></article>';
    expect(dateOf(page(declared(), time, 'de'))).toEqual([null, 'clip-date']);
    const dayApart = `${ld('2023-11-06T18:19:00+01:00', '2023-11-07T09:00:00+01:00')}<title>Fish and pain</title>`;
    expect(dateOf(page(dayApart, body('Stand: 07.11.2023'), 'de'))).toEqual([null, 'clip-date']);
  });

  it('keeps the declared day when the page shows it, or shows a day nobody declared modified', () => {
    expect(dateOf(page(declared(), body('29.11.2021'), 'de'))).toEqual(['2021-11-29', 'article:published_time']);
    const both = '<article><h1>Fish and pain</h1><p>Von Anna Keller, 29.11.2021</p><p class="meta"><time datetime="2022-01-12">12.01.2022</time></p></article>';
    expect(dateOf(page(declared(), both, 'de'))).toEqual(['2021-11-29', 'article:published_time']);
    expect(dateOf(page(declared(''), body('12.01.2022'), 'de'))).toEqual(['2021-11-29', 'article:published_time']);
    expect(dateOf(page(declared('2022-01-20'), body('12.01.2022'), 'de'))).toEqual(['2021-11-29', 'article:published_time']);
    // "Updated" says the day is the update's: the page agrees with its declarations.
    expect(dateOf(page(declared(), body('aktualisiert am 12.01.2022'), 'de'))).toEqual(['2021-11-29', 'article:published_time']);
  });
});

describe('dates of something quoted in the article', () => {
  it('never reads the date of an embedded post (a blockquote) as the byline', () => {
    const body = `<article><h1>Ferry strike ends</h1><p>The union wrote on its account:</p>
      <blockquote><p>We are back at work tomorrow.</p><p>February 7, 2022</p></blockquote>
      <p>The ferries run again.</p></article>`;
    expect(dateOf(page('<title>Ferry strike ends</title>', body))).toEqual([null, 'clip-date']);
  });
});

describe('numeric dates in the page\'s language', () => {
  it('knows which number is the day from the page\'s language', () => {
    expect(dayOrderOf(page('', '', 'en-GB'))).toBe('dmy');
    expect(dayOrderOf(page('', '', 'en-US'))).toBe('mdy');
    expect(dayOrderOf(page('', '', 'de'))).toBe('dmy');
    expect(dayOrderOf(page('', '', 'en'))).toBeNull();
    expect(dayOrderOf(page('<meta property="og:locale" content="en_US">', '', ''))).toBe('mdy');
  });

  it('reads the language of an XHTML page from xml:lang', () => {
    const xhtml = new JSDOM('<!DOCTYPE html><html xml:lang="en-GB"><head></head><body></body></html>').window.document;
    expect(dayOrderOf(xhtml)).toBe('dmy');
  });

  it.each([
    ['02/10/2020', 'dmy', '2020-10-02'],
    ['02/10/2020', 'mdy', '2020-02-10'],
    ['02/10/2020', null, null],
    ['17/02/2022', null, '2022-02-17'],
    ['02/17/2022', null, '2022-02-17'],
    ['14-01-2020', 'dmy', '2020-01-14'],
  ] as const)('reads %s with order %s as %s', (text, order, day) => {
    expect(parseDay(text, NOW, order)).toBe(day);
  });

  it('reads a byline\'s slashed date by the page\'s language', () => {
    const body = '<article><h1>Student halls too full</h1><span class="time">02/10/2020</span><p>Text.</p></article>';
    expect(dateOf(page('<title>Student halls too full</title>', body, 'en-gb'))).toEqual(['2020-10-02', 'byline']);
    expect(dateOf(page('<title>Student halls too full</title>', body, 'en'))).toEqual([null, 'clip-date']);
  });
});
