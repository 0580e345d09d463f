import type { Article, BodyFormat } from './article.ts';
import { readMetadata, type PageMetadata } from './metadata.ts';
import { sanitizeElement } from './sanitize.ts';
import { removeFurniture } from './boilerplate.ts';
import { recoverLead } from './lead.ts';
import { recoverStandfirst } from './standfirst.ts';
import { addSiblingSections } from './sibling-sections.ts';
import { removePhpErrors } from './php-errors.ts';
import { pruneForReadability } from './prune.ts';
import { clearMisleadingNames } from './misleading-names.ts';
import { dropRepeatedHeadline } from './repeated-headline.ts';
import { FALLBACK_BELOW, fallbackBody } from './fallback-body.ts';
import { toMarkdown } from './markdown.ts';
import { parseInert } from './inert-html.ts';
import { prepareForReadability } from './readability-prep.ts';
import { readHeadlineArticle, runReadability } from './headline-article.ts';
import { mathScriptsToMathml } from './math-scripts.ts';
import { slugify } from './slug.ts';
import { foldSpaces } from './fold.ts';
import type { TagSource } from './tag-source.ts';
import { pageLanguage } from './page-language.ts';
import { buildFilename, DEFAULT_FILENAME_TEMPLATE } from './filename.ts';
import { parseUrl, siteHost } from './urls.ts';
import { resolveLazyImages } from './lazy-images.ts';
import { dropTrackingPixels } from './tracking-pixels.ts';
import { removeEdgeRules } from './furniture-edges.ts';
import { collectImages, imagesOfArticle } from './article-images.ts';
import type { ArticleImage } from './article.ts';
import { withoutSoftHyphens } from './soft-hyphens.ts';

const hostOf = (href: string): string => parseUrl(href)?.hostname ?? '';

export interface ExtractOptions {
  /** The clock: a Date (its local calendar day is used) or a `YYYY-MM-DD` day. */
  now: Date | string;
  body?: BodyFormat;
  /** `article` runs Readability; `page` keeps the whole page body; `selection` uses `selectionHtml`. */
  mode?: 'article' | 'page' | 'selection';
  /** The HTML of the reader's selection, for `mode: 'selection'`. */
  selectionHtml?: string;
  /** How many tags `extract` suggests (extract.ts); `extractUntagged` leaves them out. */
  tagCount?: number;
  filenameTemplate?: string;
  /** Called with the milliseconds each phase took (a phase may be reported more than once: add them up): the benchmark's breakdown. */
  onPhase?: (phase: Phase, ms: number) => void;
}

export type Phase = 'readability' | 'prepare' | 'cleanup' | 'metadata' | 'sanitize' | 'convert' | 'fields';

/** Thrown when the page holds no readable article; callers offer the whole page or a selection. */
export class NoArticleError extends Error {
  constructor(message = 'No readable article was found on this page.') {
    super(message);
    this.name = 'NoArticleError';
  }
}

/** Below this much text Readability has found a fragment, not an article. */
const MIN_ARTICLE_CHARS = 140;

function dayOf(now: Date | string): string {
  if (typeof now === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(now)) throw new RangeError(`"now" must be YYYY-MM-DD, got "${now}"`);
    return now;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Readability wraps its result in `div#readability-content > div#readability-page-N`. */
function unwrapReadability(content: Element): Element {
  let root = content;
  for (;;) {
    const only = root.children.length === 1 ? root.firstElementChild : null;
    if (!only || only.tagName !== 'DIV' || !/^readability-/.test(only.id)) return root;
    if (root.childNodes.length !== 1 && (root.textContent ?? '').trim() !== (only.textContent ?? '').trim()) return root;
    root = only;
  }
}

interface Body {
  element: Element;
  hints: { title?: string | null; excerpt?: string | null; siteName?: string | null; publishedTime?: string | null };
}

type Timed = <T>(phase: Phase, run: () => T) => T;

function readArticle(doc: Document, base: string, timed: Timed): Body {
  // Readability rewrites the DOM it is given: it only ever sees a clone (docs/DESIGN.md, principle 2),
  // with its math and players made readable, and without what can never be article text, which it
  // would otherwise score.
  const copy = timed('readability', () => doc.cloneNode(true) as Document);
  // Timed apart: the cost of keeping math and players for the Markdown (FORMAT.md's conversions).
  timed('prepare', () => prepareForReadability(copy, base));
  const result = timed('readability', () => {
    pruneForReadability(copy);
    clearMisleadingNames(copy);
    return runReadability(copy);
  });
  const text = foldSpaces(result?.textContent);
  // A second answer when the first left out the article the page's headline stands in.
  const headlineArticle = timed('readability', () => readHeadlineArticle(doc, base, text));
  // Only a short result earns a second opinion, so a page pays for one pass in the common case.
  const holder = timed('cleanup', () => {
    const fallback = !headlineArticle && text.length < FALLBACK_BELOW ? fallbackBody(doc, Math.max(2 * text.length, FALLBACK_BELOW)) : null;
    const readabilitys = result?.content && text.length >= MIN_ARTICLE_CHARS ? unwrapReadability(result.content) : null;
    const content = (headlineArticle && unwrapReadability(headlineArticle)) ?? fallback ?? readabilitys;
    if (!content) throw new NoArticleError();
    const div = content.ownerDocument.createElement('div');
    div.append(...Array.from(content.childNodes));
    // Only Readability's own pick is one section of a run: the other answers take a whole block.
    if (content === readabilitys) addSiblingSections(doc, div);
    removeFurniture(div);
    recoverLead(doc, div);
    removePhpErrors(div);
    return div;
  });
  return {
    element: holder,
    hints: { title: result?.title, excerpt: result?.excerpt, siteName: result?.siteName, publishedTime: result?.publishedTime },
  };
}

function readPage(doc: Document): Body {
  const holder = doc.implementation.createHTMLDocument('').createElement('div');
  if (doc.body) holder.append(...Array.from(doc.body.cloneNode(true).childNodes));
  removePhpErrors(holder);
  mathScriptsToMathml(holder);
  return { element: holder, hints: {} };
}

function readSelection(doc: Document, html: string): Body {
  const holder = parseInert(html, doc);
  if (!(holder.textContent ?? '').trim() && !holder.querySelector('img')) {
    throw new NoArticleError('The selection is empty.');
  }
  mathScriptsToMathml(holder);
  return { element: holder, hints: {} };
}

/** An article whose tags are still to be suggested, with what the suggestions are made from. */
export interface UntaggedClip {
  /** `tags` and `keywords` are empty: `withTags` (tag-fields.ts) fills them. */
  article: Article;
  tagSource: TagSource;
}

/**
 * Clips one page: metadata from the page itself, the body from Readability run on a clone.
 * Never changes `doc`. Throws NoArticleError when there is nothing to clip. The tags are left to
 * `withTags`: their stopword lists are most of a content script's bytes, and the browser's cost of
 * injecting one grows with its size, so the extension suggests them in the worker instead.
 */
export function extractUntagged(doc: Document, url: string, options: ExtractOptions): UntaggedClip {
  const today = dayOf(options.now);
  const mode = options.mode ?? 'article';
  const onPhase = options.onPhase;
  const timed: Timed = (phase, run) => {
    if (!onPhase) return run();
    const start = performance.now();
    const value = run();
    onPhase(phase, performance.now() - start);
    return value;
  };
  const body = mode === 'selection' ? timed('readability', () => readSelection(doc, options.selectionHtml ?? ''))
    : mode === 'page' ? timed('readability', () => readPage(doc))
      : readArticle(doc, doc.baseURI || url, timed);
  const clock = typeof options.now === 'string' ? new Date(`${today}T12:00:00Z`) : options.now;
  const base = doc.baseURI || url;
  // Before the lead-image rule and the sanitizer look at the pictures: both should see the real
  // ones, and no tracker's pixel among them.
  const found = timed('cleanup', () => {
    dropTrackingPixels(body.element);
    resolveLazyImages(body.element);
    return collectImages(body.element, base);
  });
  // The article (or selection) goes along so a page that declares no image gets its lead image
  // from it; the whole page of `page` mode is too broad to pick one from.
  const content = mode === 'page' ? null : body.element;
  const meta = timed('metadata', () => readMetadata(doc, url, { ...body.hints, content }, clock));
  const clean = timed('sanitize', () => {
    // The title is known only now; the body's copy of it goes before the body is written out.
    if (mode === 'article') {
      dropRepeatedHeadline(body.element, meta.title);
      recoverStandfirst(doc, body.element, meta.headline);
    }
    const sanitized = sanitizeElement(body.element, base, doc);
    // Last, once scripts, pixels and furniture are gone: a rule left at either end separates nothing.
    if (mode === 'article') removeEdgeRules(sanitized);
    return sanitized;
  });
  const bodyText = timed('convert', () =>
    options.body === 'html' ? clean.innerHTML.trim() : toMarkdown(clean as HTMLElement));
  return timed('fields', () => assemble(meta, bodyText, url, today, options, pageLanguage(doc), imagesOfArticle(found, bodyText, meta.image)));
}

/** The file's fields from the metadata chain, with FORMAT.md's fallbacks; the tags come later. */
function assemble(meta: PageMetadata, bodyText: string, url: string, today: string, options: ExtractOptions, declaredLanguage: string, images: ArticleImage[]): UntaggedClip {
  // A soft hyphen shows nothing where the line does not break: the fields keep the words as they read.
  const title = withoutSoftHyphens(meta.title || meta.siteName || siteHost(url)) || 'Untitled';
  const description = withoutSoftHyphens(meta.description);
  const slug = slugify(title) || 'article';
  const date = meta.date ?? today;
  const source = meta.source;
  const sourceHost = hostOf(source);
  const article: Article = {
    title,
    date,
    dateSource: meta.date ? meta.dateSource : 'clip-date',
    description,
    summary: description,
    slug,
    image: meta.image,
    link: meta.link,
    source,
    categories: sourceHost ? [sourceHost] : [],
    tags: [],
    draft: false,
    body: bodyText,
    siteName: meta.siteName,
    keywords: [],
    filename: buildFilename(options.filenameTemplate ?? DEFAULT_FILENAME_TEMPLATE, {
      slug, date, title, site: siteHost(meta.link),
    }),
    images,
  };
  return { article, tagSource: { declaredLanguage, pageKeywords: meta.keywords } };
}
