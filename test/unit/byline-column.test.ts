import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { dayFromByline } from '../../src/core/byline-date.ts';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-04-01T12:00:00Z');
const URL_ = 'https://news.example/region/story';
const PROSE = '<p>The council met on the evening and talked at length about the harbour, the roads and the school, and the mayor answered every question that was put to her.</p>'.repeat(4);

function page(body: string, lang = 'en'): Document {
  return new JSDOM(`<!DOCTYPE html><html lang="${lang}"><head><title>Harbour plan approved</title></head><body>${body}</body></html>`, { url: URL_ }).window.document;
}

const day = (doc: Document): string | null => dayFromByline(doc, doc.querySelector('h1'), NOW);

describe('a byline set in an aside or a menu list beside the headline', () => {
  it('reads the date of a short list styled as a menu (`ul.nav.meta`) after the headline', () => {
    const doc = page(`<div class="head"><h1>Harbour plan approved</h1><ul class="nav meta"><li><a href="/time/2020-10-13">13 Oct 2020 18:29</a></li><li>1479</li></ul></div>${PROSE}`);
    expect(day(doc)).toBe('2020-10-13');
    expect(readMetadata(doc, URL_, {}, NOW)).toMatchObject({ date: '2020-10-13', dateSource: 'byline' });
  });

  it('reads the date of a narrow <aside> column beside the article', () => {
    const doc = page(`<ol><li><h1>Harbour plan approved</h1></li></ol><div class="row"><aside class="columns"><ul><li>News</li><li>26.02.2020</li><li>7 min read</li></ul></aside><div>${PROSE}</div></div>`);
    expect(day(doc)).toBe('2020-02-26');
  });

  it('still skips a sidebar of teasers, a long column, comments and a column before the headline', () => {
    const teasers = `<aside><ul><li><a href="/a">Ferry strike ends</a> 12.01.2022</li><li><a href="/b">New school opens</a> 11.01.2022</li></ul></aside>`;
    expect(day(page(`<h1>Harbour plan approved</h1>${teasers}${PROSE}`))).toBeNull();
    const long = `<aside><p>12.01.2022</p><p>${'Read our other stories about the town and its people. '.repeat(12)}</p></aside>`;
    expect(day(page(`<h1>Harbour plan approved</h1>${long}${PROSE}`))).toBeNull();
    expect(day(page(`<h1>Harbour plan approved</h1><aside class="comments"><p>Anna, 12.01.2022</p></aside>${PROSE}`))).toBeNull();
    expect(day(page(`<aside><p>Today: 12.01.2022</p></aside><h1>Harbour plan approved</h1>${PROSE}`))).toBeNull();
  });
});
