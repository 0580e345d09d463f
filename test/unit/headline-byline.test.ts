import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { dayFromByline } from '../../src/core/byline-date.ts';
import { parseDay } from '../../src/core/date-parse.ts';
import { findHeadline, relateHeadline } from '../../src/core/headline.ts';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-04-01T12:00:00Z');
const URL_ = 'https://halles.example/ville/marche-couvert';

function fixture(name: string): Document {
  const html = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return new JSDOM(html, { url: URL_ }).window.document;
}

/** The byline date of a page, beside the headline the metadata chain finds. */
const bylineDay = (doc: Document): string | null => dayFromByline(doc, findHeadline(doc, [doc.title], []), NOW);

function page(head: string, body: string): Document {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url: URL_ }).window.document;
}

describe('dates written in words, in several languages', () => {
  it.each([
    ['6 janvier 2026', '2026-01-06'],
    ['1er mars 2026', '2026-03-01'],
    ['Publié le 6 févr. 2026 à 10h', '2026-02-06'],
    ['6. Januar 2026', '2026-01-06'],
    ['3. März 2025', '2025-03-03'],
    ['6 de enero de 2026', '2026-01-06'],
    ['12 dicembre 2025', '2025-12-12'],
    ['6 de janeiro de 2026', '2026-01-06'],
    ['6 mei 2025', '2025-05-06'],
    ['Published Jan. 6, 2026, 4:19 PM', '2026-01-06'],
    ['20 septembrie 2025 16:20', '2025-09-20'],
    ['13 października 2025', '2025-10-13'],
    ['13 октября 2025 г.', '2025-10-13'],
    ['2 травня 2025', '2025-05-02'],
    ['3. května 2025', '2025-05-03'],
    ['5 Ekim 2025', '2025-10-05'],
    ['5 Kasım 2025', '2025-11-05'],
    ['12 Agustus 2025', '2025-08-12'],
    ['7 de gener de 2026', '2026-01-07'],
    ['24. augusti 2025', '2025-08-24'],
    ['13. des. 2025', '2025-12-13'],
    ['Mar 5, 2026', '2026-03-05'],
    ['19 Αυγούστου 2025', '2025-08-19'],
    ['07 أكتوبر 2025', '2025-10-07'],
    ['٧ اكتوبر ٢٠٢٥', '2025-10-07'],
    ['5 إبريل 2025', '2025-04-05'],
    ['12 حزيران 2025', '2025-06-12'],
  ])('reads %s', (text, day) => {
    expect(parseDay(text, NOW)).toBe(day);
  });

  it('refuses words that only start like a month', () => {
    expect(parseDay('6 mayors 2026', NOW)).toBeNull();
    expect(parseDay('Mayor 6, 2026', NOW)).toBeNull();
  });

  it('refuses a French article read as Norwegian December, and a beginning two months share', () => {
    expect(parseDay('les 3 des 2025 lauréats', NOW)).toBeNull();
    // Czech červen is June, červenec July.
    expect(parseDay('3 červen 2025', NOW)).toBeNull();
    expect(parseDay('3 června 2025', NOW)).toBe('2025-06-03');
    expect(parseDay('3 července 2025', NOW)).toBe('2025-07-03');
  });

  it('refuses a Solar Hijri or Hijri date written in Persian or Arabic digits', () => {
    expect(parseDay('۱۴۰۴/۰۴/۱۲', NOW)).toBeNull();
    expect(parseDay('١٤٤٧/٠١/١٩', NOW)).toBeNull();
  });
});

describe('byline dates', () => {
  it('takes the published date beside the headline, not the update, the masthead, the prose or the sidebar', () => {
    expect(bylineDay(fixture('meta-byline.html'))).toBe('2026-01-06');
  });

  it('is the date of a page that marks none up, read through extract\'s metadata', () => {
    const meta = readMetadata(fixture('meta-byline.html'), URL_, {}, NOW);
    expect(meta.date).toBe('2026-01-06');
    expect(meta.dateSource).toBe('byline');
  });

  it('skips a date labelled as an update in English', () => {
    const doc = page('', '<article><h1>Headline of the story</h1><p>Updated <span>March 2, 2026</span></p><p>By A. Writer, Feb. 27, 2026</p></article>');
    expect(bylineDay(doc)).toBe('2026-02-27');
  });

  it('reads the byline under a headline that reports on a day, and a stamp inside the headline', () => {
    const title = 'Results of the regional relay championship, Aalen, 19.5.2026';
    // Themes wrap the headline and its byline in one container named for the post's meta.
    const doc = page(`<title>${title}</title>`, `<article><div class="post-meta-wrapper"><h1>${title}</h1><p>by A. Writer | <span>20. May 2026</span></p></div><p>Text.</p></article>`);
    expect(bylineDay(doc)).toBe('2026-05-20');
    const stamp = page('<title>Headline of the story</title>', '<article><h1><span class="topline">27.01.2026</span>Headline of the story</h1><p>Text.</p></article>');
    expect(bylineDay(stamp)).toBe('2026-01-27');
    const opening = page('<title>Headline of the story that the biathlon team wrote</title>', '<article><h1>23.01.2026 - Headline of the story that the biathlon team wrote</h1><p>Text.</p></article>');
    expect(bylineDay(opening)).toBe('2026-01-23');
  });

  it('reads a date that an update of another day follows on its line', () => {
    const doc = page('', '<article><div class="header-date">January 19, 2026 / 12:25 PM / Updated 8 hours ago</div><h1>Headline of the story</h1><p>Text.</p></article>');
    expect(bylineDay(doc)).toBe('2026-01-19');
    const labelled = page('', '<article><h1>Headline of the story</h1><p>Last updated January 20, 2026 12:25 PM</p><p>Text.</p></article>');
    expect(bylineDay(labelled)).toBeNull();
  });

  it('goes by the line\'s own words before the name of its element, and reads words after the date', () => {
    const published = page('', '<article><div id="date"><span id="update">2026年02月22日 14時30分 公開</span></div><h1>見出しの記事</h1><p>本文</p></article>');
    expect(bylineDay(published)).toBe('2026-02-22');
    const updated = page('', '<article><h1>見出しの記事</h1><p>最終更新日：2026年03月02日</p><p>2026年02月20日 公表</p></article>');
    expect(bylineDay(updated)).toBe('2026-02-20');
    const stamped = page('', '<article><h1>見出しの記事</h1><p>2026年02月21日 12時00分更新</p><p>本文</p></article>');
    expect(bylineDay(stamped)).toBe('2026-02-21');
  });

  it('never reads a date out of the article\'s prose', () => {
    const doc = page('', '<article><h1>Headline of the story</h1><p>The council first met on March 2, 2026, and again a week later, when it voted on the plan that had been debated for years.</p></article>');
    expect(bylineDay(doc)).toBeNull();
  });

  it('finds nothing on a page without a headline or article', () => {
    expect(bylineDay(page('', '<div>Tuesday, March 3, 2026</div><p>Text</p>'))).toBeNull();
  });
});

describe('visible headline and declared title', () => {
  it('relates a headline to the titles sites declare', () => {
    expect(relateHeadline('Why Donald Trump won’t change', "Why Donald Trump won't change")).toBe('same');
    expect(relateHeadline('Enough platitudes', 'Opinion | Enough platitudes')).toBe('affixed');
    expect(relateHeadline('Bombings suspect is arrested', 'Bombings suspect is arrested (Published 2016)')).toBe('affixed');
    expect(relateHeadline('Intel NUC compared: goodbye water cooling', 'Intel NUC compared')).toBe('truncated');
    expect(relateHeadline('A long headline about the harbour and its keepers', 'A long headline about the…')).toBe('truncated');
    expect(relateHeadline('Brexit', 'Brexit: what happens next')).toBe('other');
    expect(relateHeadline('The harbour reopens', 'Thirteen ways the harbour changed')).toBe('other');
  });

  it('replaces a title that only names the site with the one headline, not with one of several', () => {
    const site = '<meta property="og:title" content="Gazette"><meta property="og:site_name" content="Gazette">';
    expect(readMetadata(page(site, '<article><h1>The harbour reopens</h1><p>Text</p></article>'), URL_, {}, NOW).title).toBe('The harbour reopens');
    expect(readMetadata(page(site, '<main><h1>Latest news</h1><h1>Weather</h1></main>'), URL_, {}, NOW).title).toBe('Gazette');
  });

  it('reads meta values written as value=, drops a tight site suffix and prefers the full headline', () => {
    const meta = readMetadata(fixture('meta-byline.html'), URL_, {}, NOW);
    expect(meta.siteName).toBe('Journal des Halles');
    // og:title (from value=) is the start of the visible headline, cut at a word.
    expect(meta.title).toBe('Le marché couvert rouvre ses portes après deux ans de travaux');
  });

  it('drops a site name written after a separator without spaces, and a dangling separator', () => {
    const tight = page('<meta property="og:title" content="Treeviz draws mind maps:phpspot diary"><meta property="og:site_name" content="phpspot diary">', '');
    expect(readMetadata(tight, URL_, {}, NOW).title).toBe('Treeviz draws mind maps');
    const dangling = page('<meta property="og:title" content="Housing market slowdown continues |">', '');
    expect(readMetadata(dangling, URL_, {}, NOW).title).toBe('Housing market slowdown continues');
  });

  it('ignores an h1 that names the site', () => {
    const doc = page('<meta property="og:title" content="The harbour reopens"><meta property="og:site_name" content="Gazette">', '<header><h1>Gazette</h1></header><article><h2>The harbour reopens</h2></article>');
    expect(readMetadata(doc, URL_, {}, NOW).title).toBe('The harbour reopens');
  });
});
