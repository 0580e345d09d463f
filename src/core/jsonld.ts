/**
 * JSON-LD (schema.org) blocks of a page, flattened into one list of typed nodes, with the node
 * that describes the article itself picked out.
 */

export type JsonLdNode = Record<string, unknown>;

export interface JsonLd {
  /** Every typed node, in document order: top-level items, `@graph` members, `mainEntity`. */
  nodes: JsonLdNode[];
  /** The node of an article type that describes this page, if any. */
  article: JsonLdNode | undefined;
  /** Nodes that may speak for the page after the article node (WebPage and the like). */
  pageNodes: JsonLdNode[];
  /** Follows a `{"@id": ...}` reference to the node that carries it; other values pass through. */
  resolve(value: unknown): unknown;
}

/** schema.org Article and its subtypes, plus postings that play the same role. */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'analysisnewsarticle', 'askpublicnewsarticle', 'backgroundnewsarticle',
  'opinionnewsarticle', 'reportagenewsarticle', 'reviewnewsarticle', 'satiricalarticle',
  'scholarlyarticle', 'medicalscholarlyarticle', 'techarticle', 'apireference', 'report',
  'advertisercontentarticle', 'blogposting', 'liveblogposting', 'socialmediaposting',
  'discussionforumposting',
]);

/** Nodes about someone or something else than the page: their fields never describe the page. */
const FOREIGN_TYPE = /organi[sz]ation|^(person|website|imageobject|videoobject|breadcrumblist|listitem|itemlist|searchaction|sitenavigationelement|wpheader|wpfooter|wpsidebar|comment|brand|offer|aggregaterating|rating|place|postaladdress|contactpoint)$/;

const MAX_DEPTH = 6;

/** `"schema:NewsArticle"` and `"https://schema.org/NewsArticle"` both mean `newsarticle`. */
export function nodeTypes(node: JsonLdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/:#]/, '').toLowerCase());
}

export function isArticleNode(node: JsonLdNode): boolean {
  return nodeTypes(node).some((t) => ARTICLE_TYPES.has(t));
}

function isObject(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one block, tolerating what CMSs commonly wrap around or leave in it (HTML comments,
 * CDATA markers, raw line breaks inside strings). `undefined` when it still is not JSON.
 */
export function parseJsonLdText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const cleaned = text
      .replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|\]\]>)\s*$/, '')
      .split('')
      .map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch))
      .join('');
    try {
      return JSON.parse(cleaned);
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, into: JsonLdNode[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (value['@type'] !== undefined) into.push(value);
  // Only containers that hold the page's own description are walked: an ItemList's elements or
  // a `hasPart` are other articles, and their dates must not become this page's date.
  collect(value['@graph'], into, depth + 1);
  collect(value['mainEntity'], into, depth + 1);
}

function urlKey(href: string): string {
  return href.replace(/[?#].*$/s, '').replace(/^https?:\/\/(www\.)?/i, '').replace(/\/+$/, '').toLowerCase();
}

function nodeUrls(node: JsonLdNode): string[] {
  const urls: string[] = [];
  for (const key of ['url', 'mainEntityOfPage', '@id']) {
    const value = node[key];
    if (typeof value === 'string') urls.push(value);
    else if (isObject(value)) {
      for (const inner of [value['@id'], value['url']]) if (typeof inner === 'string') urls.push(inner);
    }
  }
  return urls;
}

/**
 * Of several article nodes (a page that also lists related stories in JSON-LD), the one whose
 * address is the page's wins; otherwise the first, which is how sites order them.
 */
function pickArticle(nodes: JsonLdNode[], pageUrls: string[]): JsonLdNode | undefined {
  const articles = nodes.filter(isArticleNode);
  if (articles.length <= 1) return articles[0];
  const keys = new Set(pageUrls.map(urlKey));
  return articles.find((node) => nodeUrls(node).some((u) => keys.has(urlKey(u)))) ?? articles[0];
}

/**
 * All JSON-LD of a document, or of its `<script>` elements when the caller has collected them
 * already (one walk over a large page is cheaper than several). Blocks that are not valid JSON are
 * skipped. `pageUrls` pick the page's own article node when several are present.
 */
export function readJsonLd(source: Document | Iterable<Element>, pageUrls: string[] = []): JsonLd {
  const scripts = 'querySelectorAll' in source ? source.querySelectorAll('script[type]') : source;
  const nodes: JsonLdNode[] = [];
  for (const script of scripts) {
    if (script.tagName !== 'SCRIPT') continue;
    const type = (script.getAttribute('type') ?? '').split(';', 1)[0]?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    collect(parseJsonLdText(script.textContent ?? ''), nodes, 0);
  }
  const byId = new Map<string, JsonLdNode>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const article = pickArticle(nodes, pageUrls);
  const pageNodes = nodes.filter(
    (node) => node !== article && !isArticleNode(node) && !nodeTypes(node).some((t) => FOREIGN_TYPE.test(t)),
  );
  const resolve = (value: unknown): unknown => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  return { nodes, article, pageNodes, resolve };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '\u2026',
  mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d',
};

/** An HTML character reference written as text (`&#8217;`, `&#x2019;`, `&amp;`); its body captured. */
const REFERENCE = String.raw`&(#x[0-9a-f]+|#\d+|[a-z]+);`;
const REFERENCE_TEST = new RegExp(REFERENCE, 'i');

/** Whether `text` holds a character reference as text: it was escaped once more than it was decoded. */
export function hasCharacterReference(text: string): boolean {
  return text.includes('&') && REFERENCE_TEST.test(text);
}

/**
 * Some CMSs write HTML-escaped text into JSON-LD (`&#8217;`, `&amp;`), which the DOM does not
 * decode inside a script; the common entities are decoded here, unknown ones left alone.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(new RegExp(REFERENCE, 'gi'), (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** A text value: a string, a number, `{"@value": ...}`, or the first of a list of those. */
export function jsonLdText(value: unknown): string {
  if (typeof value === 'string') return decodeEntities(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = jsonLdText(item);
      if (text !== '') return text;
    }
    return '';
  }
  if (isObject(value)) return jsonLdText(value['@value']);
  return '';
}

/** The `name` of a node or of a referenced node (publisher, author). */
export function jsonLdName(value: unknown, ld: JsonLd): string {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return decodeEntities(first);
  const node = ld.resolve(first);
  return isObject(node) ? jsonLdText(node['name']) : '';
}

/** An image address: a string, an ImageObject (`url`, `contentUrl`), a reference, or a list. */
export function jsonLdImage(value: unknown, ld: JsonLd, depth = 0): string {
  if (depth > 3) return '';
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) {
    for (const item of value) {
      const url = jsonLdImage(item, ld, depth + 1);
      if (url !== '') return url;
    }
    return '';
  }
  const node = ld.resolve(value);
  if (!isObject(node)) return '';
  return jsonLdImage(node['url'], ld, depth + 1) || jsonLdImage(node['contentUrl'], ld, depth + 1);
}

/** Keywords as a list: a comma-separated string or an array of strings. */
export function jsonLdKeywords(value: unknown): string[] {
  if (typeof value === 'string') return [decodeEntities(value)];
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdKeywords(item));
  if (isObject(value)) return jsonLdKeywords(value['name'] ?? value['@value']);
  return [];
}
