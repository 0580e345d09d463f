/**
 * Readability takes the container that scores best, and on some pages that is not the story the
 * page is about: the next story of an endless page, a grid of teasers, a list of names under a
 * short letter, the author's box. The page says which story it is about where it sets the
 * headline: the `article` that holds the first `h1` set in an article. When Readability's text
 * leaves out most of that article's paragraphs, Readability is asked again about that article
 * alone; when it still leaves them out (the wrong block is inside the article), the article is
 * taken as it stands, without its chrome, and the furniture rules clean it like any other.
 *
 * The check is cheap (one selector query, the article's paragraphs against a string): only the
 * pages it flags pay for the second Readability run, and that run sees one article, not the page.
 */
import { Readability } from '@mozilla/readability';
import { foldSpaces } from './fold.ts';
import { removeChrome } from './fallback-body.ts';
import { pruneForReadability } from './prune.ts';
import { KEPT_FRAMES, prepareForReadability } from './readability-prep.ts';

/** A paragraph counts from this length on: shorter ones are labels, bylines, buttons. */
const MIN_PARAGRAPH = 40;
/** A paragraph is found in a text by its opening, whatever became of its inline markup. */
const OPENING = 60;
/** Readability's own default threshold for an article: a second answer must reach it. */
const ARTICLE_AT_LEAST = 500;

export type ReadabilityResult = ReturnType<Readability<Element>['parse']>;

/** Readability as the clip runs it, on a document it may rewrite. */
export function runReadability(copy: Document): ReadabilityResult {
  return new Readability<Element>(copy, {
    serializer: (node) => node as Element,
    keepClasses: true,
    allowedVideoRegex: KEPT_FRAMES,
  }).parse();
}

/** Whether `found` (a folded text) leaves out at least half of the paragraphs of `article`. */
function leavesOut(article: Element, found: string): boolean {
  const paragraphs = Array.from(article.getElementsByTagName('p'))
    .map((p) => foldSpaces(p.textContent))
    .filter((text) => text.length >= MIN_PARAGRAPH);
  if (paragraphs.length === 0) return false;
  const missed = paragraphs.filter((text) => !found.includes(text.slice(0, OPENING))).length;
  return missed * 2 >= paragraphs.length;
}

/** The article the page's headline stands in, when Readability's text (`found`, folded) left most of it out. */
export function missedHeadlineArticle(doc: Document, found: string): Element | null {
  // The first h1 set in an article, in document order: the page's few h1s each look up their
  // ancestors, where a descendant selector over the whole page cost jsdom (the CLI's DOM) about
  // 3 % of a clip.
  for (const heading of Array.from(doc.getElementsByTagName('h1'))) {
    const article = heading.closest('article, [role="article"]');
    if (article) return leavesOut(article, found) ? article : null;
  }
  return null;
}

/**
 * The headline's article, as Readability reads it alone or else as it stands, when Readability's
 * first answer (`found`) left most of it out; null when the first answer holds it or the article
 * is too short to be one.
 */
export function readHeadlineArticle(doc: Document, base: string, found: string): Element | null {
  const article = missedHeadlineArticle(doc, found);
  if (!article) return null;
  const single = doc.implementation.createHTMLDocument('');
  const baseElement = single.createElement('base');
  baseElement.setAttribute('href', base);
  single.head.append(baseElement);
  const copy = single.importNode(article, true);
  single.body.append(copy.cloneNode(true));
  prepareForReadability(single, base);
  pruneForReadability(single);
  const result = runReadability(single);
  const text = foldSpaces(result?.textContent);
  if (result?.content && text.length >= ARTICLE_AT_LEAST && !leavesOut(article, text)) return result.content;
  removeChrome(copy);
  return foldSpaces(copy.textContent).length >= ARTICLE_AT_LEAST ? copy : null;
}
