import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { write } from '../../src/core/frontmatter.ts';
import { NEWS_URL, fixtureDocument, readFixture } from '../helpers/fixtures.ts';
import { foldSpaces } from '../../src/core/fold.ts';

const reference = readFixture('reference-article.md');
const [, referenceFront = '', referenceBody = ''] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(reference) ?? [];

/** The text of every paragraph of the reference body, in order. */
const referenceParagraphs = Array.from(
  new JSDOM(referenceBody).window.document.querySelectorAll('p'),
  (p) => foldSpaces(p.textContent ?? ''),
);

function expectInOrder(haystack: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle.slice(0, 60)}…" after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('golden: the news fixture clipped as the reference article', () => {
  const doc = fixtureDocument('news-article.html', NEWS_URL);
  const before = doc.documentElement.outerHTML;
  const article = extract(doc, NEWS_URL, { now: '2026-11-26', body: 'html' });
  const file = write(article);

  it('writes front matter identical, byte for byte, to the reference sample', () => {
    expect(referenceParagraphs.length).toBe(15);
    expect(file.slice(0, referenceFront.length)).toBe(referenceFront);
  });

  it('keeps every paragraph of the reference body, in order', () => {
    const text = foldSpaces(new JSDOM(article.body).window.document.body.textContent ?? '');
    expectInOrder(text, referenceParagraphs);
  });

  it('leaves out the page chrome around the article', () => {
    for (const chrome of ['Trending', 'newsletter', 'Advertisement', 'Comments are loading', 'Terms of Use', 'Skip to content']) {
      expect(article.body).not.toContain(chrome);
    }
    expect(article.body).not.toMatch(/<(script|style|form|input|button|iframe)\b/i);
    expect(article.body).not.toContain('readability-page');
  });

  it('reports where the date came from, the site name, the file name, and no keywords the page does not declare', () => {
    expect(article.dateSource).toBe('article:published_time');
    expect(article.siteName).toBe('Fox News');
    expect(article.filename).toBe(`${article.slug}.md`);
    // The fixture has no keywords meta: suggested tags come from the text, never posing as the page's keywords.
    expect(article.keywords).toEqual([]);
  });

  it('never changes the document it is given', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('gives the same front matter with a Markdown body, and Markdown for the paragraphs', () => {
    const md = extract(fixtureDocument('news-article.html', NEWS_URL), NEWS_URL, { now: '2026-11-26' });
    expect(write(md).slice(0, referenceFront.length)).toBe(referenceFront);
    expect(md.body).toContain('[security guarantees for Ukraine](https://www.foxnews.com/category/world/conflicts/ukraine)');
    expect(md.body).toContain('**UKRAINE–RUSSIA AT A CROSSROADS: HOW THE WAR EVOLVED IN 2025 AND WHAT COMES NEXT**');
    expect(md.body).not.toMatch(/<\/?(p|a|strong|div)\b/);
    expectInOrder(foldSpaces(md.body), ['Negotiations over', 'may be nearing a breakthrough.', 'peace through strength," Whitaker said.']);
  });
});
