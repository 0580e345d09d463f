import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extract } from '../../src/core/extract.ts';
import { foldSpaces } from '../../src/core/fold.ts';
import { clearMisleadingNames, paragraphsHome } from '../../src/core/misleading-names.ts';

const URL = 'https://news.example/airline-sets-date';
const sentence = (topic: string, n: number): string =>
  `Sentence ${n} about the ${topic} goes on in full, with enough words, commas, and clauses to read as prose.`;
const paragraphs = (topic: string, count: number): string =>
  Array.from({ length: count }, (_, n) => `<p>${sentence(topic, 2 * n)} ${sentence(topic, 2 * n + 1)}</p>`).join('');

/** A disclosure box of its own (long enough to pass for an article), then the story in a wrapper named after its place. */
const page = (wrapper: string): string => `<html><head><title>Airline sets date</title></head><body>
  <aside><div class="bar"><div class="modal-box"><h3>Advertiser disclosure</h3><p>${sentence('disclosure', 1)} <a href="/policy">Our policy page</a>, ${sentence('disclosure', 2)}</p>${paragraphs('disclosure', 2)}</div></div></aside>
  <div ${wrapper}><h1>Airline sets date</h1><div class="beam">${paragraphs('airline', 8)}</div></div>
  <footer class="site-footer"><p>Copyright and the footer's own long line of legal words about the site and its owners.</p></footer>
  </body></html>`;

const doc = (html: string): Document => new JSDOM(html, { url: URL }).window.document;
const clipped = (html: string): string => foldSpaces(extract(doc(html), URL, { now: '2026-01-01', body: 'html' }).body);

describe('wrappers named like chrome around the article', () => {
  it('no longer cost the article when Readability alone deletes its wrapper', () => {
    for (const wrapper of ['class="above-footer"', 'class="layout layout--sidebar-right"', 'id="social-wrap"', 'role="dialog"']) {
      // The premise: Readability alone deletes the wrapper and takes the disclosure.
      const alone = foldSpaces(new Readability(doc(page(wrapper))).parse()?.textContent);
      expect(alone, wrapper).toContain('about the disclosure');
      expect(alone, wrapper).not.toContain('about the airline');

      const body = clipped(page(wrapper));
      expect(body, wrapper).toContain('Sentence 0 about the airline');
      expect(body, wrapper).toContain('Sentence 15 about the airline');
      expect(body, wrapper).not.toContain('about the disclosure');
    }
  });

  it('takes the names off the article\'s wrappers only, on the copy it is given', () => {
    const copy = doc(`<html><body><div class="comments"><p>${sentence('comment', 1)}</p></div>
      <div class="page above-footer" id="footer-zone" role="complementary"><div class="text">${paragraphs('story', 4)}</div></div></body></html>`);
    clearMisleadingNames(copy);
    const wrapper = copy.querySelector('.text')?.parentElement;
    expect(wrapper?.getAttribute('class')).toBe('page');
    expect(wrapper?.hasAttribute('id')).toBe(false);
    expect(wrapper?.hasAttribute('role')).toBe(false);
    expect(copy.querySelector('div.comments')).not.toBeNull();
  });

  it('leaves the names of a page whose paragraphs are spread out, like a comment thread', () => {
    const spread = doc(`<html><body>${[1, 2, 3].map((n) => `<div class="comment">${paragraphs(`reply ${n}`, 1)}</div>`).join('')}</body></html>`);
    expect(paragraphsHome(spread)?.most).toBe(false);
    clearMisleadingNames(spread);
    expect(spread.querySelectorAll('div.comment')).toHaveLength(3);
  });

  it('clears, below half of the text, only the wrappers that also hold the headline', () => {
    const copy = doc(`<html><body><div class="extra-wide"><h1>Airline sets date</h1><div class="above-footer"><div class="text">${paragraphs('airline', 3)}</div></div></div>
      <div class="rail">${[1, 2, 3].map((n) => `<div class="teaser">${paragraphs(`teaser ${n}`, 1)}</div>`).join('')}</div></body></html>`);
    expect(paragraphsHome(copy)?.most).toBe(false);
    clearMisleadingNames(copy);
    expect(copy.querySelector('h1')?.parentElement?.hasAttribute('class')).toBe(false);
    expect(copy.querySelector('.text')?.parentElement?.getAttribute('class')).toBe('above-footer');
  });
});
