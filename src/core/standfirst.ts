/**
 * The standfirst a layout sets apart from the article: a paragraph of sentences between the
 * headline and the article's first paragraph, in a container of its own (`div.intro`, the
 * headline's `<header>`), which Readability, scoring one container, leaves out. ./lead.ts puts a
 * lead back when the page's description repeats it; this finds one by its place alone, for pages
 * whose description says something else or nothing.
 *
 * Only the first block of text after the headline is looked at, and only when the headline, that
 * block and the article's first paragraph stand in this order, close together: a byline, a date or
 * a picture may come between, never more than GAP_MAX characters of text. The block must read as
 * prose (sentences, few links, no picture) and sit in nothing named or marked as page furniture.
 */
import { furnitureKinds, type FurnitureKind } from './furniture-names.ts';
import { CALL_TO_ACTION } from './furniture-text.ts';
import { blockOf, isHiddenByMarkup, isLeafBlock, linkDensity } from './dom-measure.ts';
import { foldSpaces } from './fold.ts';
import { commonAncestor } from './common-ancestor.ts';
import { longestWord, openingProbe } from './lead.ts';

/** A standfirst is a sentence or two; a shorter line is a kicker, a slogan or a byline. */
const MIN_CHARS = 100;
/** ... and not a whole section of text. */
const MAX_CHARS = 1200;
/** Text allowed between the headline and the standfirst: a byline, a date, a caption. */
const GAP_MAX = 400;
/** How far past the standfirst the article's first paragraph must begin, in characters of text. */
const FIRST_PARAGRAPH_WITHIN = 3000;
/** Share of the block's text inside links above which it is a teaser or a list of links. */
const MAX_LINK_SHARE = 0.2;
/** How a sentence ends, with any closing quote or bracket. */
const SENTENCE_END = /[.!?…]["'“”»«’)\]]*$/u;
/** Containers whose text is never the article's: asides, menus, forms, figures, quotations. */
const SKIPPED = 'aside, nav, footer, form, figure, figcaption, blockquote, li, td, th, dt, dd, button, a, label, [hidden], [aria-hidden="true"], [role="navigation"], [role="complementary"], [role="dialog"]';
/** Text no reader sees. */
const UNSEEN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION']);
/**
 * Names that make a block page furniture. `related` is not among them: a `teaser` class names a
 * page's lead as often as a box of links, and the links are caught by their share of the text.
 */
const FURNITURE = new Set<FurnitureKind>([
  'ad', 'share', 'subscribe', 'author', 'meta', 'tags', 'comments', 'rating', 'navigation', 'hidden', 'consent', 'widget',
  'caption', 'credit',
]);

/** Whether `el` or an ancestor below `top` is named as furniture or hidden by a style. */
function inFurniture(el: Element, top: Element): boolean {
  for (let node: Element | null = el; node !== null && node !== top; node = node.parentElement) {
    if (furnitureKinds(node).some((kind) => FURNITURE.has(kind))) return true;
    if (isHiddenByMarkup(node)) return true;
  }
  return false;
}

/** Whether the block reads as a standfirst by its shape: sentences, few links, no picture, in no aside or menu. */
function readsAsStandfirst(block: Element, text: string): boolean {
  if (text.length < MIN_CHARS || text.length > MAX_CHARS || !SENTENCE_END.test(text)) return false;
  if (block.closest(SKIPPED) !== null || block.querySelector('img, picture, video, iframe, svg, ul, ol, table') !== null) return false;
  return linkDensity(block, text.length) <= MAX_LINK_SHARE && !CALL_TO_ACTION.test(text);
}

/**
 * Puts the standfirst between `headline` and the article's first paragraph at the top of `body`
 * (the extracted article, a detached copy) when the body lacks it. `doc` is the page. One walk from
 * the headline: it ends at the article's first paragraph, or once the text between grows too long.
 */
export function recoverStandfirst(doc: Document, body: Element, headline: Element | null): void {
  if (headline === null || doc.body === null || !doc.body.contains(headline)) return;
  const opening = openingProbe(body);
  if (opening === null) return;
  const word = longestWord(opening);
  const holdsOpening = (text: string | null): boolean => (text ?? '').includes(word) && foldSpaces(text).includes(opening);
  let standfirst: { block: Element; text: string } | null = null;
  // The article's first paragraph is reached: the standfirst, if one stood before it, goes on top.
  const finish = (start: Node): void => {
    if (standfirst === null) return;
    const top = commonAncestor(standfirst.block, start);
    if (top === null || inFurniture(standfirst.block, top)) return;
    if (foldSpaces(body.textContent).includes(standfirst.text.slice(0, 60))) return;
    const p = body.ownerDocument.createElement('p');
    p.textContent = standfirst.text;
    body.prepend(p);
  };
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  // The walk starts after the headline's last text.
  let last: Node = headline;
  while (last.lastChild !== null) last = last.lastChild;
  walker.currentNode = last;
  let gap = 0;
  let past = 0;
  let seen: Element | null = null;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (UNSEEN.has(n.parentElement?.tagName ?? '') || foldSpaces(n.nodeValue) === '') continue;
    if (holdsOpening(n.nodeValue)) return finish(n);
    if (standfirst !== null) {
      past += foldSpaces(n.nodeValue).length;
      if (past > FIRST_PARAGRAPH_WITHIN) return;
      continue;
    }
    const block = blockOf(n);
    if (block === null || block === seen) continue;
    // Loose text beside other blocks (a date in the headline's own container) is only a gap.
    if (!isLeafBlock(block) || block.contains(headline)) {
      gap += foldSpaces(n.nodeValue).length;
      if (gap > GAP_MAX) return;
      continue;
    }
    seen = block;
    const text = foldSpaces(block.textContent);
    // The article's first paragraph, its opening words in a text node further on.
    if (holdsOpening(block.textContent)) return finish(block);
    if (readsAsStandfirst(block, text)) {
      standfirst = { block, text };
      continue;
    }
    gap += text.length;
    if (gap > GAP_MAX) return;
  }
}
