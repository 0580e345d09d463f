import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, cleanUrl, isTrackingParam, originOf, parseUrl, siteHost } from '../../src/core/urls.ts';

describe('cleanUrl', () => {
  it('removes utm_*, fbclid, gclid and mc_* and keeps the other parameters in order', () => {
    expect(cleanUrl('https://a.example/p?id=7&utm_source=x&fbclid=F&lang=en&gclid=G&mc_cid=1&mc_eid=2&z=last'))
      .toBe('https://a.example/p?id=7&lang=en&z=last');
  });

  it('removes the other click identifiers too, whatever their case', () => {
    expect(cleanUrl('https://a.example/p?dclid=1&msclkid=2&igshid=3&_ga=4&yclid=5&UTM_Medium=6&keep=1'))
      .toBe('https://a.example/p?keep=1');
  });

  it('drops the question mark when nothing is left, and the fragment', () => {
    expect(cleanUrl('https://a.example/p?utm_campaign=spring#top')).toBe('https://a.example/p');
    expect(cleanUrl('https://a.example/p#section-2')).toBe('https://a.example/p');
  });

  it('keeps the remaining query exactly as written (encoding, plus signs, empty values)', () => {
    expect(cleanUrl('https://a.example/s?q=tide+gauge&utm_source=x&path=a%2Fb&flag'))
      .toBe('https://a.example/s?q=tide+gauge&path=a%2Fb&flag');
  });

  it('recognises an encoded tracking parameter name', () => {
    expect(cleanUrl('https://a.example/p?utm%5Fsource=x&a=1')).toBe('https://a.example/p?a=1');
  });

  it('does not treat look-alike names as tracking', () => {
    expect(cleanUrl('https://a.example/p?utmost=1&gclidx=2&mc=3')).toBe('https://a.example/p?utmost=1&gclidx=2&mc=3');
  });

  it('returns an unparseable address as given, minus the fragment, without throwing', () => {
    expect(cleanUrl('not a url#frag')).toBe('not a url');
  });
});

describe('isTrackingParam', () => {
  it('matches prefixes and exact names only', () => {
    expect(isTrackingParam('utm_term')).toBe(true);
    expect(isTrackingParam('mc_anything')).toBe(true);
    expect(isTrackingParam('fbclid')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
  });
});

describe('absoluteHttpUrl', () => {
  const base = 'https://news.example/section/story.html';

  it('resolves relative, root-relative and protocol-relative addresses', () => {
    expect(absoluteHttpUrl('../img/a.jpg', base)).toBe('https://news.example/img/a.jpg');
    expect(absoluteHttpUrl('/feed.xml', base)).toBe('https://news.example/feed.xml');
    expect(absoluteHttpUrl('//cdn.example/a.jpg', base)).toBe('https://cdn.example/a.jpg');
    expect(absoluteHttpUrl('  img/b.png  ', base)).toBe('https://news.example/section/img/b.png');
  });

  it('gives an empty string for empty, non-web and broken values', () => {
    expect(absoluteHttpUrl('', base)).toBe('');
    expect(absoluteHttpUrl(null, base)).toBe('');
    expect(absoluteHttpUrl('javascript:alert(1)', base)).toBe('');
    expect(absoluteHttpUrl('data:image/png;base64,AAAA', base)).toBe('');
    expect(absoluteHttpUrl('http://[broken', base)).toBe('');
  });

  it('still accepts an absolute address when the base itself is broken', () => {
    expect(absoluteHttpUrl('https://x.example/a', 'not a base')).toBe('https://x.example/a');
    expect(absoluteHttpUrl('/a', 'not a base')).toBe('');
  });
});

describe('originOf / siteHost / parseUrl', () => {
  it('gives the origin with a trailing slash, or nothing for opaque origins', () => {
    expect(originOf('https://www.a.example:8443/x/y?z=1')).toBe('https://www.a.example:8443/');
    expect(originOf('file:///home/me/page.html')).toBe('');
    expect(originOf('nonsense')).toBe('');
  });

  it('gives the host without www', () => {
    expect(siteHost('https://www.foxnews.com/media/x')).toBe('foxnews.com');
    expect(siteHost('https://feeds.foxnews.com/x')).toBe('feeds.foxnews.com');
    expect(siteHost('nonsense')).toBe('');
  });

  it('never throws', () => {
    expect(parseUrl('::::')).toBeNull();
    expect(parseUrl('/a', 'https://b.example/')?.href).toBe('https://b.example/a');
  });
});
