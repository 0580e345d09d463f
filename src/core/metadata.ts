/**
 * The page's metadata, each field from the first source in FORMAT.md's order of preference
 * ("What each field means"). Reads `doc` only: it may be the live page in the content script.
 */
import type { DateSource } from './article.ts';
import { findPublicationDate } from './publication-date.ts';
import { leadImageFromContent, looksLikePicture } from './leadimage.ts';
import { findHeadline } from './headline.ts';
import { chooseTitle } from './title.ts';
import { hostLabel } from './site-title.ts';
import { foldSpaces } from './fold.ts';
import { declaredDescription } from './declared-description.ts';
import { leadExcerpt } from './lead-excerpt.ts';
import {
  type JsonLd, type JsonLdNode, jsonLdImage, jsonLdKeywords, jsonLdName, jsonLdText, nodeTypes, readJsonLd,
} from './jsonld.ts';
import { absoluteHttpUrl, cleanUrl, originOf, parseUrl, siteHost } from './urls.ts';

/** What Readability found, used after the page's own declarations. */
export interface ReadabilityHints {
  title?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  /**
   * The article element Readability returned, cleaned: where a lead image is looked for when none
   * is declared, and the description's first paragraph when none is declared.
   */
  content?: Element | null;
}

export interface PageMetadata {
  /** `''` if nothing found. */
  title: string;
  /** `YYYY-MM-DD`, the publisher's own calendar day, or `null`. */
  date: string | null;
  /** `clip-date` when `date` is `null`. */
  dateSource: DateSource;
  description: string;
  /** Absolute URL or `''`. */
  image: string;
  /** Canonical address without tracking parameters or fragment. */
  link: string;
  /** First RSS/Atom feed of the page, else the page's origin + `/`. */
  source: string;
  siteName: string;
  keywords: string[];
  /** The article's visible headline (./headline.ts), or `null`. */
  headline: Element | null;
}

type MetaTags = ReadonlyMap<string, readonly string[]>;

function firstOf(...values: (string | null | undefined)[]): string {
  for (const value of values) {
    const folded = foldSpaces(value);
    if (folded !== '') return folded;
  }
  return '';
}

/** The elements metadata lives in, gathered in one walk: a large page costs one traversal. */
interface PageElements {
  metas: Element[];
  links: Element[];
  scripts: Element[];
  base: Element | undefined;
}

/**
 * Collected from the whole document, not only `<head>`: a stray element in the head makes the
 * HTML parser put every later `<meta>` and `<link>` into the body.
 */
function collectElements(doc: Document): PageElements {
  const found: PageElements = { metas: [], links: [], scripts: [], base: undefined };
  for (const el of doc.querySelectorAll('meta, link, script, base')) {
    if (el.tagName === 'META') found.metas.push(el);
    else if (el.tagName === 'LINK') found.links.push(el);
    else if (el.tagName === 'SCRIPT') found.scripts.push(el);
    else found.base ??= el;
  }
  return found;
}

/**
 * Every `<meta>` by lower-cased `property` and `name`: Open Graph tags often come as `name`. The
 * value is `content`; a tag without one is read from `value`, a misspelling that pages and some
 * page-saving tools write, and that no other meaning of `<meta>` gives to that attribute.
 */
function readMetaTags(metas: Element[]): MetaTags {
  const tags = new Map<string, string[]>();
  for (const meta of metas) {
    const content = meta.getAttribute('content') ?? meta.getAttribute('value');
    if (content === null) continue;
    const keys = new Set([meta.getAttribute('property'), meta.getAttribute('name')]);
    for (const key of keys) {
      if (key === null || key.trim() === '') continue;
      const lower = key.trim().toLowerCase();
      const list = tags.get(lower);
      if (list === undefined) tags.set(lower, [content]);
      else list.push(content);
    }
  }
  return tags;
}

/** Every non-empty value of the tag `name`, in page order. */
function metaValues(tags: MetaTags, name: string): string[] {
  return (tags.get(name) ?? []).map((value) => foldSpaces(value)).filter((value) => value !== '');
}

/** The first non-empty value of the first of `names` that has one. */
function metaValue(tags: MetaTags, ...names: string[]): string {
  for (const name of names) {
    for (const value of tags.get(name) ?? []) {
      const folded = foldSpaces(value);
      if (folded !== '') return folded;
    }
  }
  return '';
}

/** The article node first, then the nodes that describe the page as a whole. */
function pageNodes(ld: JsonLd): JsonLdNode[] {
  return ld.article === undefined ? ld.pageNodes : [ld.article, ...ld.pageNodes];
}

function fromJsonLd(ld: JsonLd, key: string): string {
  for (const node of pageNodes(ld)) {
    const text = foldSpaces(jsonLdText(node[key]));
    if (text !== '') return text;
  }
  return '';
}

/** The publisher as named by the JSON-LD: the article's publisher, else the WebSite node. */
function jsonLdSiteName(ld: JsonLd): string {
  for (const node of pageNodes(ld)) {
    const name = foldSpaces(jsonLdName(node['publisher'], ld));
    if (name !== '') return name;
  }
  const site = ld.nodes.find((node) => nodeTypes(node).includes('website'));
  return site === undefined ? '' : foldSpaces(jsonLdText(site['name']));
}

const PUBLISHED_META = ['article:published_time', 'og:article:published_time', 'article:published'];
const OTHER_DATE_META = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'published_time', 'published_at',
  'publication_date', 'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.created',
  'dcterms.issued', 'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'og:published_time',
  'cxenseparse:recs:publishtime', 'citation_publication_date', 'citation_date', 'pdate',
  'originalpublicationdate', 'article_date_original', 'datepublished', 'datecreated', 'article:published_date',
  'article.published', 'published-date', 'publication-date', 'release_date', 'dc.date.published', 'dcterms.available',
];

const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'og:article:modified_time', 'last-modified', 'dc.date.modified', 'dcterms.modified'];

/** `parsely-page` holds its JSON with a `pub_date`. */
function parselyPageDate(tags: MetaTags): string {
  const raw = metaValue(tags, 'parsely-page');
  if (raw === '') return '';
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? jsonLdText((parsed as Record<string, unknown>)['pub_date']) : '';
  } catch {
    return '';
  }
}

/** Relative URLs in the page resolve against its `<base href>` when it has one, as a browser does. */
function baseUrl(base: Element | undefined, pageUrl: string): string {
  const href = base?.getAttribute('href');
  if (href === null || href === undefined) return pageUrl;
  return parseUrl(href.trim(), pageUrl)?.href ?? pageUrl;
}

function relTokens(el: Element): string[] {
  return (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
}

/**
 * The canonical address, else og:url, else the page's own. A canonical pointing at the site's
 * home page from a deeper page is a common CMS misconfiguration, so such a value is passed over.
 */
function findLink(links: Element[], tags: MetaTags, base: string, pageUrl: string): string {
  const page = parseUrl(pageUrl);
  const canonical = links.find((el) => relTokens(el).includes('canonical'))?.getAttribute('href');
  for (const candidate of [canonical, metaValue(tags, 'og:url')]) {
    const url = parseUrl(absoluteHttpUrl(candidate, base));
    if (url === null) continue;
    if (url.pathname === '/' && url.search === '' && page !== null && page.pathname !== '/') continue;
    return cleanUrl(url.href);
  }
  return cleanUrl(pageUrl);
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml']);

function findSource(links: Element[], base: string, pageUrl: string): string {
  for (const el of links) {
    const type = (el.getAttribute('type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
    if (!FEED_TYPES.has(type) || !relTokens(el).includes('alternate')) continue;
    const href = absoluteHttpUrl(el.getAttribute('href'), base);
    if (href !== '') return href;
  }
  return originOf(pageUrl);
}

function findImage(tags: MetaTags, ld: JsonLd, base: string, h1: Element | null, content: Element | null | undefined): string {
  const candidates = [
    ...['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']
      .flatMap((name) => tags.get(name) ?? []),
    ...pageNodes(ld).flatMap((node) => [jsonLdImage(node['image'], ld), jsonLdImage(node['thumbnailUrl'], ld)]),
  ];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate, base);
    if (url !== '' && looksLikePicture(url)) return url;
  }
  return leadImageFromContent(h1, content, base);
}

function findKeywords(tags: MetaTags, ld: JsonLd): string[] {
  const raw = [
    ...['keywords', 'news_keywords', 'article:tag'].flatMap((name) => tags.get(name) ?? []),
    ...pageNodes(ld).flatMap((node) => jsonLdKeywords(node['keywords'])),
  ];
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const word of raw.flatMap((value) => value.split(','))) {
    const folded = foldSpaces(word);
    const key = folded.toLowerCase();
    if (folded === '' || seen.has(key)) continue;
    seen.add(key);
    keywords.push(folded);
  }
  return keywords;
}

/**
 * Reads the page's metadata. `pageUrl` is the tab's address (the document may be a clone that
 * lost it); `now` bounds how far in the future a date may lie, and defaults to the clock.
 */
export function readMetadata(doc: Document, pageUrl: string, hints: ReadabilityHints = {}, now: Date = new Date()): PageMetadata {
  const { metas, links, scripts, base: baseElement } = collectElements(doc);
  const tags = readMetaTags(metas);
  const base = baseUrl(baseElement, pageUrl);
  const link = findLink(links, tags, base, pageUrl);
  const ld = readJsonLd(scripts, [link, pageUrl]);
  const host = siteHost(pageUrl);

  const ldSiteName = jsonLdSiteName(ld);
  const siteName = firstOf(
    metaValue(tags, 'og:site_name'), ldSiteName,
    metaValue(tags, 'application-name', 'apple-mobile-web-app-title', 'al:ios:app_name'), hints.siteName, host,
  );
  // A page may declare a title twice (a theme and a plugin each write one): the later ones only
  // help recognise the visible headline.
  const [ogTitle = '', ...moreOg] = metaValues(tags, 'og:title');
  const [twitterTitle = '', ...moreTwitter] = metaValues(tags, 'twitter:title');
  const declared = [ogTitle, fromJsonLd(ld, 'headline'), twitterTitle, foldSpaces(hints.title), foldSpaces(doc.title), ...moreOg, ...moreTwitter];
  const siteNames = [siteName, metaValue(tags, 'og:site_name'), ldSiteName, host, hostLabel(host)];
  const h1 = findHeadline(doc, declared, siteNames);
  // A headline's text is folded like the declared titles (U+0085 included).
  const title = foldSpaces(chooseTitle(doc, declared, siteNames, h1));
  const { date, dateSource } = findPublicationDate(doc, h1, {
    published: PUBLISHED_META.flatMap((name) => tags.get(name) ?? []),
    jsonLd: pageNodes(ld).map((node) => jsonLdText(node['datePublished'])),
    meta: [...OTHER_DATE_META.flatMap((name) => tags.get(name) ?? []), parselyPageDate(tags)],
    hint: foldSpaces(hints.publishedTime),
    urls: [link, pageUrl],
    modified: [...MODIFIED_META.flatMap((name) => tags.get(name) ?? []), ...pageNodes(ld).map((node) => jsonLdText(node['dateModified']))],
  }, now);
  const description = declaredDescription([
    metaValue(tags, 'og:description'), metaValue(tags, 'description'), fromJsonLd(ld, 'description'),
    metaValue(tags, 'twitter:description'),
  ]) || firstOf(leadExcerpt(hints.content), hints.excerpt);

  return {
    title,
    date,
    dateSource,
    description,
    image: findImage(tags, ld, base, h1, hints.content),
    link,
    source: findSource(links, base, pageUrl),
    siteName,
    keywords: findKeywords(tags, ld),
    headline: h1,
  };
}
