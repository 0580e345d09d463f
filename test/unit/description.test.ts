import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { plainDescription } from '../../src/core/description.ts';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-02-01T12:00:00Z');

function page(head: string, body = ''): Document {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url: 'https://news.example/a' }).window.document;
}

describe('plainDescription', () => {
  const doc = page('');

  it('reads markup as its text, blocks apart', () => {
    expect(plainDescription('<p>The dam held.</p><p>Engineers <em>had</em> warned.</p>', doc)).toBe('The dam held. Engineers had warned.');
    expect(plainDescription('First line<br>second line', doc)).toBe('First line second line');
  });

  it('keeps a continuation link as text and drops what is never shown', () => {
    expect(plainDescription('Rain fell all week. <a class="more" href="/a">Read on</a><script>x = 1</script>', doc)).toBe('Rain fell all week. Read on');
  });

  it('decodes character references left by escaping the source twice', () => {
    expect(plainDescription('It&#8217;s here &amp; now [&hellip;]', doc)).toBe('It\u2019s here & now [\u2026]');
    expect(plainDescription('&lt;p&gt;Escaped lead.&lt;/p&gt;', doc)).toBe('Escaped lead.');
  });

  it('leaves prose with angle brackets and ampersands alone', () => {
    expect(plainDescription('When a < b and c > d, AT&T  pays', doc)).toBe('When a < b and c > d, AT&T pays');
  });

  it('parses inertly: the page is not touched and nothing loads', () => {
    const before = doc.documentElement.outerHTML;
    expect(plainDescription('<img src="https://tracker.example/p.gif" onerror="document.title=1">Text', doc)).toBe('Text');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('readMetadata description', () => {
  it('gives the text of a declared description written as HTML', () => {
    const doc = page('<meta property="og:description" content="&lt;p&gt;Ferries resume on &lt;em&gt;Monday&lt;/em&gt;.&lt;/p&gt;">');
    expect(readMetadata(doc, 'https://news.example/a', {}, NOW).description).toBe('Ferries resume on Monday.');
  });

  it('decodes references the CMS escaped twice', () => {
    const doc = page('<meta name="description" content="The mayor&amp;#8217;s plan">');
    expect(readMetadata(doc, 'https://news.example/a', {}, NOW).description).toBe('The mayor\u2019s plan');
  });

  it('reads the excerpt hint as text too', () => {
    expect(readMetadata(page(''), 'https://news.example/a', { excerpt: 'Tom &amp; Jerry' }, NOW).description).toBe('Tom & Jerry');
  });
});
