import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  decodeEntities, isArticleNode, jsonLdImage, jsonLdKeywords, jsonLdName, jsonLdText, nodeTypes, parseJsonLdText, readJsonLd,
} from '../../src/core/jsonld.ts';

function docWith(...blocks: string[]): Document {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('\n');
  return new JSDOM(`<!DOCTYPE html><html><head>${scripts}</head><body></body></html>`).window.document;
}

describe('parseJsonLdText', () => {
  it('parses plain JSON and tolerates comment and CDATA wrappers and raw line breaks', () => {
    expect(parseJsonLdText('{"a": 1}')).toEqual({ a: 1 });
    expect(parseJsonLdText('<!-- {"a": 2} -->')).toEqual({ a: 2 });
    expect(parseJsonLdText('/*<![CDATA[*/ {"a": 3} /*]]>*/')).toEqual({ a: 3 });
    expect(parseJsonLdText('{"headline": "two\nlines"}')).toEqual({ headline: 'two lines' });
  });

  it('gives undefined for what is still not JSON', () => {
    expect(parseJsonLdText('{"a": ')).toBeUndefined();
    expect(parseJsonLdText('')).toBeUndefined();
  });
});

describe('readJsonLd', () => {
  it('skips invalid blocks and reads the valid ones', () => {
    const ld = readJsonLd(docWith('{not json', '{"@type": "NewsArticle", "headline": "Kept"}'));
    expect(ld.nodes).toHaveLength(1);
    expect(ld.article?.['headline']).toBe('Kept');
  });

  it('ignores scripts of other types', () => {
    const doc = new JSDOM(`<script type="application/json">{"@type": "NewsArticle"}</script>
      <script type="Application/LD+JSON; charset=utf-8">{"@type": "BlogPosting", "headline": "Typed"}</script>`).window.document;
    const ld = readJsonLd(doc);
    expect(ld.nodes.map((n) => n['headline'])).toEqual(['Typed']);
  });

  it('flattens arrays, @graph and mainEntity', () => {
    const ld = readJsonLd(docWith(
      '[{"@type": "WebSite", "name": "S"}, {"@graph": [{"@type": "WebPage", "mainEntity": {"@type": "ReportageNewsArticle", "headline": "Deep"}}]}]',
    ));
    expect(ld.nodes.map((n) => nodeTypes(n)[0])).toEqual(['website', 'webpage', 'reportagenewsarticle']);
    expect(ld.article?.['headline']).toBe('Deep');
  });

  it('does not take the articles of an ItemList as the page article', () => {
    const ld = readJsonLd(docWith(
      '{"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "NewsArticle", "headline": "Teaser"}}]}',
    ));
    expect(ld.article).toBeUndefined();
  });

  it('picks the article node over a WebPage listed first, and keeps the WebPage as a page node', () => {
    const ld = readJsonLd(docWith(
      '{"@graph": [{"@type": "WebPage", "datePublished": "2024-01-01"}, {"@type": "Organization", "name": "O"}, {"@type": "NewsArticle", "datePublished": "2024-01-05"}]}',
    ));
    expect(ld.article?.['datePublished']).toBe('2024-01-05');
    expect(ld.pageNodes.map((n) => n['@type'])).toEqual(['WebPage']);
  });

  it('of several article nodes, picks the one whose address is the page', () => {
    const ld = readJsonLd(docWith(
      '[{"@type": "NewsArticle", "headline": "Related", "url": "https://a.example/other"}, {"@type": "NewsArticle", "headline": "This", "mainEntityOfPage": {"@id": "https://www.a.example/this/"}}]',
    ), ['https://a.example/this?utm_source=x']);
    expect(ld.article?.['headline']).toBe('This');
  });

  it('resolves @id references', () => {
    const ld = readJsonLd(docWith(
      '{"@graph": [{"@type": "Organization", "@id": "#org", "name": "Org Name"}, {"@type": "Article", "publisher": {"@id": "#org"}}]}',
    ));
    expect(jsonLdName(ld.article?.['publisher'], ld)).toBe('Org Name');
    expect(ld.resolve({ '@id': '#missing' })).toEqual({ '@id': '#missing' });
  });
});

describe('node types', () => {
  it('strips vocabulary prefixes and recognises article types', () => {
    expect(nodeTypes({ '@type': ['schema:NewsArticle', 'http://schema.org/Thing'] })).toEqual(['newsarticle', 'thing']);
    expect(isArticleNode({ '@type': 'BlogPosting' })).toBe(true);
    expect(isArticleNode({ '@type': 'https://schema.org/ReportageNewsArticle' })).toBe(true);
    expect(isArticleNode({ '@type': 'WebPage' })).toBe(false);
    expect(isArticleNode({ '@type': 'Product' })).toBe(false);
    expect(isArticleNode({})).toBe(false);
  });
});

describe('values', () => {
  const ld = readJsonLd(docWith('{"@graph": [{"@type": "ImageObject", "@id": "#img", "contentUrl": "/a.jpg"}]}'));

  it('reads text from strings, numbers, @value and lists, decoding HTML entities', () => {
    expect(jsonLdText('Caf&eacute; &amp; bar&#8217;s &#x2014; ok')).toBe('Caf&eacute; & bar\u2019s \u2014 ok');
    expect(jsonLdText(2024)).toBe('2024');
    expect(jsonLdText({ '@value': 'v' })).toBe('v');
    expect(jsonLdText(['', 'second'])).toBe('second');
    expect(jsonLdText(undefined)).toBe('');
  });

  it('reads an image from a string, an ImageObject, a list or a reference', () => {
    expect(jsonLdImage('https://x.example/a.jpg', ld)).toBe('https://x.example/a.jpg');
    expect(jsonLdImage({ '@type': 'ImageObject', url: 'u.jpg' }, ld)).toBe('u.jpg');
    expect(jsonLdImage({ '@type': 'ImageObject', contentUrl: 'c.jpg' }, ld)).toBe('c.jpg');
    expect(jsonLdImage([{ url: '' }, ['l.jpg']], ld)).toBe('l.jpg');
    expect(jsonLdImage({ '@id': '#img' }, ld)).toBe('/a.jpg');
    expect(jsonLdImage(42, ld)).toBe('');
  });

  it('reads keywords from a string or a list', () => {
    expect(jsonLdKeywords('a, b')).toEqual(['a, b']);
    expect(jsonLdKeywords(['a', ['b'], { name: 'c' }, 3])).toEqual(['a', 'b', 'c']);
  });

  it('decodes numeric entities but leaves unknown and invalid ones', () => {
    expect(decodeEntities('&#65;&#x42;&unknown;&#0;')).toBe('AB&unknown;&#0;');
  });
});
