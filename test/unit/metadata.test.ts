import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-02-01T12:00:00Z');

function fixture(name: string, url: string): Document {
  const html = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return new JSDOM(html, { url }).window.document;
}

function page(head: string, body = '', url = 'https://news.example/world/story-1'): Document {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url }).window.document;
}

function remove(doc: Document, selector: string): Document {
  for (const el of Array.from(doc.querySelectorAll(selector))) el.remove();
  return doc;
}

describe('golden fixture', () => {
  const url = 'http://127.0.0.1:8080/media/nato-ambassador.html';

  it('gives the reference values', () => {
    const doc = fixture('news-article.html', url);
    const meta = readMetadata(doc, url, {}, NOW);
    expect(meta).toEqual({
      title: "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact",
      date: '2026-01-06',
      dateSource: 'article:published_time',
      description: 'Ukraine security talks may see breakthrough as U.S. NATO ambassador says 50-nation coalition nears agreement on comprehensive framework for peace deal and security guarantees.',
      image: '',
      link: 'https://www.foxnews.com/media/nato-ambassador-says-ukraine-peace-deal-could-on-cusp-nations-near-finalization-security-pact',
      source: 'https://feeds.foxnews.com/foxnews/latest',
      siteName: 'Fox News',
      keywords: [],
      headline: doc.querySelector('h1.headline'),
    });
  });

  it('leaves the document exactly as it was', () => {
    const doc = fixture('news-article.html', url);
    const before = doc.documentElement.outerHTML;
    readMetadata(doc, url, { title: 'hint', excerpt: 'hint', siteName: 'hint', publishedTime: '2020-01-01' }, NOW);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('drops the " | Fox News" suffix of <title> once the meta titles are gone', () => {
    const doc = remove(fixture('news-article.html', url), 'meta[property="og:title"], meta[name="twitter:title"], script[type="application/ld+json"]');
    expect(readMetadata(doc, url, {}, NOW).title).toBe(
      "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact",
    );
  });
});

describe('title chain without Open Graph', () => {
  const url = 'https://www.harborgazette.example/coast/spring-tide-record?utm_source=rss';

  it('takes the JSON-LD headline first', () => {
    const meta = readMetadata(fixture('meta-no-og.html', url), url, {}, NOW);
    expect(meta.title).toBe('Tide gauges record the highest spring water in forty years');
    expect(meta.siteName).toBe('Harbor Gazette');
    expect(meta.date).toBe('2025-04-13');
    expect(meta.dateSource).toBe('json-ld');
    expect(meta.description).toBe('Harbor gauges measured 2.9 metres on Sunday, the highest spring tide since 1985.');
    expect(meta.image).toBe('https://cdn.harborgazette.example/img/tide-twitter.jpg');
    expect(meta.link).toBe('https://www.harborgazette.example/coast/spring-tide-record');
    expect(meta.source).toBe('https://www.harborgazette.example/');
    expect(meta.keywords).toEqual(['tides', 'Harbor', 'flooding', 'coast']);
  });

  it('shows the visible headline over a different declared title', () => {
    const noLd = remove(fixture('meta-no-og.html', url), 'script');
    expect(readMetadata(noLd, url, { title: 'Readability title' }, NOW).title).toBe('Tide gauges record the highest spring water in forty years');
  });

  it('without a visible headline: twitter:title, then Readability, then <title> without the site suffix', () => {
    const noLd = remove(remove(fixture('meta-no-og.html', url), 'script'), 'h1');
    expect(readMetadata(noLd, url, { title: 'Readability title' }, NOW).title).toBe('Spring tide sets a forty-year record');
    remove(noLd, 'meta[name="twitter:title"]');
    expect(readMetadata(noLd, url, { title: 'Readability title' }, NOW).title).toBe('Readability title');
    expect(readMetadata(noLd, url, {}, NOW).title).toBe('Tide gauges record the highest spring water in forty years');
  });

  it('falls back to twitter:description and the Readability excerpt', () => {
    const doc = remove(fixture('meta-no-og.html', url), 'script');
    expect(readMetadata(doc, url, { excerpt: 'Excerpt' }, NOW).description).toBe('The twitter description of the tide story.');
    remove(doc, 'meta[name="twitter:description"]');
    expect(readMetadata(doc, url, { excerpt: '  Readability\n excerpt ' }, NOW).description).toBe('Readability excerpt');
  });

  it('takes the JSON-LD image when there is no og or twitter image', () => {
    const doc = remove(fixture('meta-no-og.html', url), 'meta[name="twitter:image"]');
    expect(readMetadata(doc, url, {}, NOW).image).toBe('https://cdn.harborgazette.example/img/tide-1200.jpg');
  });
});

describe('JSON-LD @graph', () => {
  const url = 'https://valleycourier.example/news/footbridge/';
  const meta = readMetadata(fixture('meta-graph-dates.html', url), url, {}, NOW);

  it('takes the date of the NewsArticle node, not of the WebPage node listed first', () => {
    expect(meta.date).toBe('2024-10-02');
    expect(meta.dateSource).toBe('json-ld');
  });

  it('takes the headline, image and publisher through @id references', () => {
    expect(meta.title).toBe('Council approves the new river footbridge');
    expect(meta.image).toBe('https://valleycourier.example/uploads/2024/10/footbridge.jpg');
    expect(meta.siteName).toBe('Valley Courier');
    expect(meta.keywords).toEqual(['bridges', 'council']);
  });

  it('takes a description from the page node, never from the Organization', () => {
    expect(meta.description).toBe("The web page description, not the article's.");
  });
});

describe('relative URLs', () => {
  const url = 'https://allotments.example/garden/2025/list.html?from=home#top';
  const meta = readMetadata(fixture('meta-relative-urls.html', url), url, {}, NOW);

  it('resolves the canonical link and drops its fragment, keeping real parameters', () => {
    expect(meta.link).toBe('https://allotments.example/garden/allotments-waiting-lists?page=2');
  });

  it('resolves the image against the page', () => {
    expect(meta.image).toBe('https://allotments.example/garden/images/allotments/lead.jpg');
  });

  it('takes the first RSS or Atom alternate in document order, not oEmbed or hreflang links', () => {
    expect(meta.source).toBe('https://allotments.example/garden/feeds/garden.atom');
  });

  it('resolves against <base href> when the page has one', () => {
    const doc = fixture('meta-relative-urls.html', url);
    const base = doc.createElement('base');
    base.setAttribute('href', 'https://static.allotments.example/v2/site/');
    doc.head.prepend(base);
    expect(readMetadata(doc, url, {}, NOW).image).toBe('https://static.allotments.example/v2/images/allotments/lead.jpg');
  });
});

describe('tracking parameters', () => {
  const url = 'https://rails.example/stories/night-trains?id=881&utm_source=newsletter';

  it('are removed from og:url with the fragment; other parameters keep their order', () => {
    const meta = readMetadata(fixture('meta-tracking.html', url), url, {}, NOW);
    expect(meta.link).toBe('https://rails.example/stories/night-trains?id=881&lang=en');
    expect(meta.date).toBe('2025-06-02');
    expect(meta.dateSource).toBe('article:published_time');
  });

  it('are removed from the page address when it is the only link', () => {
    const doc = remove(fixture('meta-tracking.html', url), 'meta[property="og:url"]');
    expect(readMetadata(doc, `${url}&fbclid=abc#x`, {}, NOW).link).toBe('https://rails.example/stories/night-trains?id=881');
  });

  it('are removed from a canonical link too', () => {
    const doc = page('<link rel="canonical" href="https://a.example/s?utm_medium=x&amp;p=1&amp;gclid=y">');
    expect(readMetadata(doc, 'https://a.example/s', {}, NOW).link).toBe('https://a.example/s?p=1');
  });
});

describe('non-Latin page', () => {
  const url = 'https://vestnik.example/новости/ледоход?utm_source=tg';
  const meta = readMetadata(fixture('meta-russian.html', url), url, {}, NOW);

  it('drops a Cyrillic site suffix and folds whitespace', () => {
    expect(meta.title).toBe('Весенний ледоход на реке начался раньше срока');
    expect(meta.description).toBe('Лёд на реке тронулся на две недели раньше обычного.');
    expect(meta.siteName).toBe('Северный вестник');
  });

  it('keeps the day as written in the +03:00 offset and encodes the path once', () => {
    expect(meta.date).toBe('2025-04-02');
    expect(meta.link).toBe('https://vestnik.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D0%BB%D0%B5%D0%B4%D0%BE%D1%85%D0%BE%D0%B4');
  });

  it('drops a Japanese site suffix after a full-width bar', () => {
    const doc = page('<title>桜の開花、平年より五日早く｜みなと新聞</title><meta property="og:site_name" content="みなと新聞">');
    expect(readMetadata(doc, 'https://minato.example/a', {}, NOW).title).toBe('桜の開花、平年より五日早く');
  });
});

describe('no date on the page', () => {
  const url = 'https://pricklynotes.example/guides/repot-cactus';

  it('gives null and clip-date, never the modified date', () => {
    const meta = readMetadata(fixture('meta-no-date.html', url), url, {}, NOW);
    expect(meta.date).toBeNull();
    expect(meta.dateSource).toBe('clip-date');
    expect(meta.title).toBe('How to repot a cactus without gloves');
    expect(meta.siteName).toBe('Prickly Notes');
  });

  it('uses the Readability published time as a late fallback', () => {
    const meta = readMetadata(fixture('meta-no-date.html', url), url, { publishedTime: '2025-02-01T08:00:00Z' }, NOW);
    expect(meta.date).toBe('2025-02-01');
    expect(meta.dateSource).toBe('meta');
  });
});

describe('pages that are not articles', () => {
  it('a shop page: no date from reviews or price validity, site name from application-name', () => {
    const url = 'https://fernflint.example/kitchen/enamel-mug-350';
    const doc = fixture('meta-shop.html', url);
    const meta = readMetadata(doc, url, {}, NOW);
    expect(meta).toEqual({
      title: 'Enamel camping mug, 350 ml',
      date: null,
      dateSource: 'clip-date',
      description: 'A speckled enamel mug that survives the campfire.',
      image: 'https://cdn.fernflint.example/products/mug-350.jpg',
      link: 'https://fernflint.example/kitchen/enamel-mug-350',
      source: 'https://fernflint.example/',
      siteName: 'Fern & Flint',
      keywords: [],
      headline: doc.querySelector('h1'),
    });
  });

  it('an index page: no date from the teasers, title suffix dropped by host name', () => {
    const url = 'https://quietworkshop.example/';
    const meta = readMetadata(fixture('meta-index.html', url), url, {}, NOW);
    expect(meta.date).toBeNull();
    expect(meta.dateSource).toBe('clip-date');
    expect(meta.title).toBe('Latest posts');
    expect(meta.siteName).toBe('quietworkshop.example');
    expect(meta.source).toBe('https://quietworkshop.example/feed/');
  });
});

describe('dates from the page body and address', () => {
  it('takes a day from the URL path when nothing else has one', () => {
    const url = 'https://dailyleap.example/2024/02/29/leap-day-babies/';
    const meta = readMetadata(fixture('meta-url-date.html', url), url, {}, NOW);
    expect(meta.date).toBe('2024-02-29');
    expect(meta.dateSource).toBe('url');
  });

  it('rejects an impossible day in the URL path', () => {
    const url = 'https://dailyleap.example/2023/02/29/leap-day-babies/';
    const meta = readMetadata(fixture('meta-url-date.html', url), url, {}, NOW);
    expect(meta.date).toBeNull();
    expect(meta.dateSource).toBe('clip-date');
  });

  it('takes the article <time>, not the sidebar, comment or "Updated" ones', () => {
    const url = 'https://bees.example/news/first-harvest';
    const meta = readMetadata(fixture('meta-time-sidebar.html', url), url, {}, NOW);
    expect(meta.date).toBe('2025-06-14');
    expect(meta.dateSource).toBe('time-element');
  });

  it('keeps a late-evening timestamp with a negative offset on its own day', () => {
    const url = 'https://bay.example/news/fireworks';
    const meta = readMetadata(fixture('meta-late-offset.html', url), url, {}, NOW);
    expect(meta.date).toBe('2025-12-31');
    expect(meta.dateSource).toBe('article:published_time');
  });

  it('prefers article:published_time to JSON-LD, and JSON-LD to the URL', () => {
    const url = 'https://bay.example/2025/12/30/fireworks';
    const doc = fixture('meta-late-offset.html', url);
    expect(readMetadata(doc, url, {}, NOW).date).toBe('2025-12-31');
    remove(doc, 'meta[property="article:published_time"]');
    expect(readMetadata(doc, url, {}, NOW)).toMatchObject({ date: '2026-01-01', dateSource: 'json-ld' });
    remove(doc, 'script');
    expect(readMetadata(doc, url, {}, NOW)).toMatchObject({ date: '2025-12-30', dateSource: 'url' });
  });

  it('reads the other common meta names and parsely epoch values', () => {
    expect(readMetadata(page('<meta name="DC.date.issued" content="2024-05-06">'), 'https://a.example/x', {}, NOW))
      .toMatchObject({ date: '2024-05-06', dateSource: 'meta' });
    expect(readMetadata(page('<meta name="parsely-pub-date" content="1714953600">'), 'https://a.example/x', {}, NOW))
      .toMatchObject({ date: '2024-05-06', dateSource: 'meta' });
    expect(readMetadata(page('<meta name="sailthru.date" content="Mon, 06 May 2024 23:10:00 -0700">'), 'https://a.example/x', {}, NOW).date)
      .toBe('2024-05-06');
  });

  it('reads microdata when no meta or time element has a date', () => {
    const doc = page('', '<div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2024-05-06"></div>');
    expect(readMetadata(doc, 'https://a.example/x', {}, NOW)).toMatchObject({ date: '2024-05-06', dateSource: 'microdata' });
  });

  it('skips an unparseable or future published_time for the next source', () => {
    const doc = page('<meta property="article:published_time" content="9999-01-01T00:00:00Z">'
      + '<meta name="date" content="2024-05-06">');
    expect(readMetadata(doc, 'https://a.example/x', {}, NOW)).toMatchObject({ date: '2024-05-06', dateSource: 'meta' });
  });
});

describe('field rules', () => {
  const url = 'https://www.dailyplanet.example/metro/story';

  it('drops each kind of site suffix, and only a site suffix', () => {
    for (const separator of [' - ', ' | ', ' — ', ' – ', ' · ', ' :: ']) {
      const doc = page(`<title>Bridge reopens${separator}Daily Planet</title>`);
      expect(readMetadata(doc, url, {}, NOW).title).toBe('Bridge reopens');
    }
    expect(readMetadata(page('<title>Bridge reopens - Metro section</title>'), url, {}, NOW).title).toBe('Bridge reopens - Metro section');
    expect(readMetadata(page('<title>Daily Planet</title>'), url, {}, NOW).title).toBe('Daily Planet');
  });

  it('compares site names ignoring case, punctuation and a longer brand form', () => {
    const doc = page('<meta property="og:site_name" content="CBC"><meta property="og:title" content="Rates hold steady | CBC News">');
    expect(readMetadata(doc, url, {}, NOW).title).toBe('Rates hold steady');
    const dotted = page('<title>Rates hold steady - DAILY-PLANET.example</title>');
    expect(readMetadata(dotted, url, {}, NOW).title).toBe('Rates hold steady');
  });

  it('prefers og:image, then og:image:secure_url, then twitter:image:src; ignores data: images', () => {
    expect(readMetadata(page('<meta property="og:image" content="data:image/gif;base64,R0lG">'
      + '<meta property="og:image:secure_url" content="https://img.example/s.jpg">'), url, {}, NOW).image).toBe('https://img.example/s.jpg');
    expect(readMetadata(page('<meta property="twitter:image:src" content="/t.jpg">'), url, {}, NOW).image)
      .toBe('https://www.dailyplanet.example/t.jpg');
    expect(readMetadata(page('<script type="application/ld+json">{"@type":"Article","thumbnailUrl":"th.jpg"}</script>'), url, {}, NOW).image)
      .toBe('https://www.dailyplanet.example/metro/th.jpg');
  });

  it('gathers keywords from all sources, split on commas, deduplicated case-insensitively', () => {
    const doc = page('<meta name="keywords" content="Tides, flooding,, tides"><meta name="news_keywords" content="Coast">'
      + '<meta property="article:tag" content="FLOODING"><meta property="article:tag" content="storm surge">'
      + '<script type="application/ld+json">{"@type":"NewsArticle","keywords":"coast, Weather"}</script>');
    expect(readMetadata(doc, url, {}, NOW).keywords).toEqual(['Tides', 'flooding', 'Coast', 'storm surge', 'Weather']);
  });

  it('site name: og:site_name, JSON-LD publisher, application-name, Readability, host', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Planet Group"}}</script>';
    const app = '<meta name="application-name" content="Planet App">';
    expect(readMetadata(page(`<meta property="og:site_name" content="Daily Planet">${ld}${app}`), url, {}, NOW).siteName).toBe('Daily Planet');
    expect(readMetadata(page(`${ld}${app}`), url, {}, NOW).siteName).toBe('Planet Group');
    expect(readMetadata(page(app), url, { siteName: 'Hint' }, NOW).siteName).toBe('Planet App');
    expect(readMetadata(page(''), url, { siteName: 'Hint' }, NOW).siteName).toBe('Hint');
    expect(readMetadata(page(''), url, {}, NOW).siteName).toBe('dailyplanet.example');
  });

  it('passes over a canonical that points at the home page of a deeper page', () => {
    const doc = page('<link rel="canonical" href="https://www.dailyplanet.example/"><meta property="og:url" content="https://www.dailyplanet.example/metro/story?id=3">');
    expect(readMetadata(doc, url, {}, NOW).link).toBe('https://www.dailyplanet.example/metro/story?id=3');
  });

  it('gives empty strings when the page declares nothing', () => {
    const meta = readMetadata(page(''), 'https://blank.example/p', {}, NOW);
    expect(meta).toEqual({
      title: '', date: null, dateSource: 'clip-date', description: '', image: '', link: 'https://blank.example/p',
      source: 'https://blank.example/', siteName: 'blank.example', keywords: [], headline: null,
    });
  });

  it('never throws on broken markup and addresses', () => {
    const doc = page('<script type="application/ld+json">{"@graph": [1, null, "x", {"@type": 5}]}</script>'
      + '<script type="application/ld+json">]]]</script><link rel="canonical" href="http://[bad">'
      + '<link rel="alternate" type="application/rss+xml" href="javascript:void(0)"><meta property="og:image" content="http://[bad">');
    const meta = readMetadata(doc, 'not a url', {}, NOW);
    expect(meta).toMatchObject({ link: 'not a url', source: '', image: '', date: null });
  });
});
