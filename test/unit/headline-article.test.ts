import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extract } from '../../src/core/extract.ts';
import { foldSpaces } from '../../src/core/fold.ts';

const sentence = (topic: string, n: number): string =>
  `Sentence ${n} about the ${topic} goes on in full, with enough words, commas, and clauses to read as the article's own prose.`;
const paragraphs = (topic: string, count: number): string =>
  Array.from({ length: count }, (_, n) => `<p>${sentence(topic, 2 * n)} ${sentence(topic, 2 * n + 1)}</p>`).join('');

/** An endless page: the story the address names first, then the next one, longer, loaded below it. */
const endless = (ownCount: number): string => `<html><head><title>Harbour reopens</title></head><body>
  <main><article class="story"><header><h1>Harbour reopens</h1></header><div class="text">${paragraphs('harbour', ownCount)}</div></article>
  <article class="story"><header><h2>Council budget passes</h2></header><div class="text">${paragraphs('budget', 9)}</div></article></main>
  </body></html>`;

const page = (html: string): Document => new JSDOM(html, { url: 'https://news.example/harbour-reopens' }).window.document;
const clipped = (html: string): string => foldSpaces(extract(page(html), 'https://news.example/harbour-reopens', { now: '2026-01-01', body: 'html' }).body);

describe('the article the headline stands in', () => {
  it('is clipped when Readability takes another, longer story of the page', () => {
    // The page's premise: Readability alone takes the longer story.
    const alone = foldSpaces(new Readability(page(endless(4))).parse()?.textContent);
    expect(alone).toContain('about the budget');
    expect(alone).not.toContain('about the harbour');

    const body = clipped(endless(4));
    expect(body).toContain('Sentence 0 about the harbour');
    expect(body).toContain('Sentence 7 about the harbour');
    expect(body).not.toContain('about the budget');
  });

  it('is taken as it stands when Readability picks a wrong block inside it too', () => {
    const names = Array.from({ length: 400 }, (_, n) => `Signer ${n}, Town ${n}`).join(', ');
    const html = `<html><body><article><h1>An open letter</h1><div class="letter">${paragraphs('letter', 5)}</div>
      <div class="signers">${[0, 1, 2, 3].map((k) => `<p>${names.slice(k * 2000, k * 2000 + 2000)}</p>`).join('')}</div><form><button>Sign the letter</button></form></article></body></html>`;
    const alone = foldSpaces(new Readability(page(html)).parse()?.textContent);
    expect(alone).toContain('Signer 100');
    expect(alone).not.toContain('about the letter');

    const body = clipped(html);
    expect(body).toContain('Sentence 0 about the letter');
    expect(body).toContain('Sentence 9 about the letter');
    expect(body).toContain('Signer 100');
    expect(body).not.toContain('Sign the letter');
  });

  it('is not asked for when Readability already took it', () => {
    const html = `<html><body><article><h1>Harbour reopens</h1>${paragraphs('harbour', 6)}</article>
      <aside><p>${sentence('weather', 1)}</p></aside></body></html>`;
    const body = clipped(html);
    expect(body).toContain('Sentence 11 about the harbour');
  });

  it('is left alone when it is too short to be an article', () => {
    const body = clipped(endless(1));
    expect(body).toContain('about the budget');
  });
});
