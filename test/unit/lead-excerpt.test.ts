import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extract } from '../../src/core/extract.ts';

const URL_ = 'https://news.example/2026/harbour-reopens';
const LEDE = 'The harbour reopened on Monday after a week of repairs to its outer wall, the council said in a statement.';
const para = (n: number): string => `<p>Paragraph ${n} about the harbour goes on in full, with enough words, commas, and clauses to read as the story's own prose.</p>`;

/** An article whose text opens with `opening` (page furniture), then its lede and more prose. */
const page = (opening: string, head = ''): string => `<html lang="en"><head><title>Harbour reopens</title>${head}</head><body>
  <article><h1>Harbour reopens</h1><div id="content">${opening}<p>${LEDE}</p>${[1, 2, 3, 4].map(para).join('')}</div></article></body></html>`;
const doc = (html: string): Document => new JSDOM(html, { url: URL_ }).window.document;
const description = (html: string): string => extract(doc(html), URL_, { now: '2026-01-01' }).description;

describe('the description of a page that declares none', () => {
  it.each([
    ['an advertisement label', '<p>Advertisement</p>', 'Advertisement'],
    ['a share prompt', '<div class="share-bar"><p>Share this article</p></div>', 'Share this article'],
    ['a "read also" link', '<p>Lesen Sie auch: <a href="/x">Der Hafen und die Stadt</a></p>', 'Lesen Sie auch: Der Hafen und die Stadt'],
  ])('is the lede, not %s that opens the article', (_name, opening, junk) => {
    // The premise: Readability's own excerpt is that furniture.
    expect(new Readability(doc(page(opening))).parse()?.excerpt).toBe(junk);
    expect(description(page(opening))).toBe(LEDE);
  });

  it('is what the page declares when it declares one', () => {
    expect(description(page('<p>Advertisement</p>', '<meta name="description" content="The harbour is open again.">'))).toBe('The harbour is open again.');
  });
});
