import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { declaredDescription } from '../../src/core/declared-description.ts';
import { readMetadata } from '../../src/core/metadata.ts';

describe('declaredDescription', () => {
  it('takes the first declared value when it is sound', () => {
    expect(declaredDescription(['', 'First one.', 'Second one.'])).toBe('First one.');
  });

  it('passes over a value with markup, escaped twice, or with lost characters, for a sound one', () => {
    expect(declaredDescription(['<p>Die Situation ist angespannt.</p>', 'Die Situation ist angespannt.'])).toBe('Die Situation ist angespannt.');
    expect(declaredDescription(['I&#8217;m not much of a metal guy.', 'I’m not much of a metal guy these days.'])).toBe('I’m not much of a metal guy these days.');
    expect(declaredDescription(['Die NASA hat spektakul\ufffdre Dinge zu bieten.', 'Die NASA hat spektakuläre Dinge zu bieten.'])).toBe('Die NASA hat spektakuläre Dinge zu bieten.');
  });

  it('keeps the first value as declared when every one is damaged', () => {
    expect(declaredDescription(['Rock &amp;amp; roll', '<p>x</p>'])).toBe('Rock &amp;amp; roll');
    expect(declaredDescription(['How <script> tags load, and why', 'caf\ufffd'])).toBe('How <script> tags load, and why');
  });

  it('does not take comparisons or hearts for markup', () => {
    expect(declaredDescription(['When x < y and y > z, <3 for all', 'Other.'])).toBe('When x < y and y > z, <3 for all');
  });

  it('is empty when nothing is declared', () => {
    expect(declaredDescription(['', ''])).toBe('');
    expect(declaredDescription([])).toBe('');
  });
});

describe('readMetadata, description', () => {
  const url = 'https://news.example/world/story-1';
  const page = (head: string, body = '<p>The lead paragraph of the article, long enough to be one.</p>') =>
    new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url }).window.document;

  it('prefers the plain description to an og:description that holds markup', () => {
    const doc = page('<meta property="og:description" content="&lt;p&gt;Vom Industrieunternehmen bis zum Hightech-Betrieb.&lt;/p&gt;">'
      + '<meta name="description" content="Vom Industrieunternehmen bis zum Hightech-Betrieb.">');
    expect(readMetadata(doc, url).description).toBe('Vom Industrieunternehmen bis zum Hightech-Betrieb.');
  });

  it('falls back to the article\'s lead when nothing is declared', () => {
    const article = new JSDOM('<div><p>The lead paragraph of the article.</p></div>').window.document.querySelector('div');
    expect(readMetadata(page(''), url, { content: article }).description).toBe('The lead paragraph of the article.');
  });
});
