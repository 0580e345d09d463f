/**
 * Furniture at the edges of an article: the blocks before its first paragraph of prose and after
 * its last (date and byline lines, lone labels, calls to subscribe, links to elsewhere, an
 * author's note), part of the removals of ./boilerplate.ts.
 */
import { CALL_TO_ACTION, FURNITURE_LABEL, META_LABEL, POSTED_LINE, isAuthorLine, isDateLine } from './furniture-text.ts';
import { isTeaserThumbnail } from './teaser-thumbnail.ts';
import { HEADING_TAGS, detach, isProse, leafBlocks, linkDensity, proseLength, textLength, textOf } from './dom-measure.ts';

/** Is the whole text of `el` in italics or emphasis? */
function allEmphasis(el: Element): boolean {
  const length = textLength(el);
  const em = Array.from(el.querySelectorAll('em, i')).filter((e) => !e.parentElement?.closest('em, i') || !el.contains(e.parentElement.closest('em, i')));
  return length > 0 && em.reduce((n, e) => n + textLength(e), 0) >= length - 2;
}

/** "Jane Doe is a lecturer at ...": an author's note set in italics under an article. */
const AUTHOR_NOTE = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3},?\s+(?:is|was|ist|war|es|fue|est|était|è|é|jest)\s/u;

/**
 * Blocks before the article's first paragraph of prose and after its last: date and byline
 * lines, lone labels, calls to subscribe, links to elsewhere, an author's note.
 */
export function removeEdges(root: Element): void {
  const blocks = leafBlocks(root);
  const prose = blocks.map(isProse);
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  const drop = (el: Element): void => removeWithBox(root, el);
  const dropClosing = (el: Element): void => {
    const box = closingBox(root, el);
    if (box) detach(box);
    else drop(el);
  };
  if (first < 0) {
    for (const el of blocks) if (isEdgeMeta(textOf(el))) detach(el);
    return;
  }
  for (let i = 0; i < first; i++) {
    const el = blocks[i]!;
    const text = textOf(el);
    if (isEdgeMeta(text)) detach(el);
    else if (text.length <= 300 && CALL_TO_ACTION.test(text)) drop(el);
  }
  for (let i = last + 1; i < blocks.length; i++) {
    const el = blocks[i]!;
    if (!root.contains(el)) continue;
    const text = textOf(el);
    if (isEdgeMeta(text) || FURNITURE_LABEL.test(text) || isPostedLine(text)
      || (el.tagName === 'LI' && text.length <= 300 && linkDensity(el, text.length) >= 0.6)) {
      detach(el);
    } else if (text.length <= 300 && CALL_TO_ACTION.test(text)) {
      dropClosing(el);
    }
  }
  // Calls to action among the closing paragraphs (a paywall notice runs to several), and an
  // italic author's note as the very last one.
  for (let i = last; i > first && i >= last - 5; i--) {
    const el = blocks[i]!;
    if (!root.contains(el)) continue;
    const text = textOf(el);
    // Quoted speech is reported, not addressed to the reader.
    if (isPostedLine(text)) detach(el);
    else if (text.length <= 300 && CALL_TO_ACTION.test(text) && !/^["„“”«»‚‘'"]/.test(text)) dropClosing(el);
    else if (i === last && text.length <= 600 && allEmphasis(el) && AUTHOR_NOTE.test(text)) detach(el);
  }
  // A heading that nothing follows any more heads nothing; one that a picture or a table follows
  // (a chart, a gallery, a table of results) heads that.
  const rest = leafBlocks(root);
  for (let i = rest.length - 1; i >= 0 && HEADING_TAGS.has(rest[i]!.tagName) && !headsMedia(root, rest[i]!); i--) detach(rest[i]!);
}

/**
 * Does the heading head a picture or a table after it? Not when the heading is itself a link (a
 * teaser's title, a link to a profile), nor for a picture that links to another page (a teaser's,
 * an icon's).
 */
function headsMedia(root: Element, heading: Element): boolean {
  if (linkDensity(heading, textLength(heading)) >= 0.5) return false;
  for (const media of Array.from(root.querySelectorAll('img, picture, video, table')).reverse()) {
    if (!(heading.compareDocumentPosition(media) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */)) return false;
    if (!isTeaserThumbnail(media)) return true;
  }
  return false;
}

/**
 * Removes a block, and the small box it opens or closes when the box holds nothing else of
 * substance: a donation box's heading and its one pitch paragraph go together.
 */
export function removeWithBox(root: Element, el: Element): void {
  const box = el.parentElement;
  detach(el);
  if (!box || box === root) return;
  const length = textLength(box);
  if (length > 0 && length <= 400 && proseLength(box) <= 250 && leafBlocks(box).length <= 3
      && textLength(root) > 4 * length) {
    detach(box);
  }
}

/** A closing box is a pitch, its heading, a list of perks and a button: a few lines, not a section of the article. */
const CLOSING_BOX_MAX = 1200;
const CLOSING_BOX_SHARE = 0.25;

/** Is there text after `el` inside `root`? */
function textAfter(root: Element, el: Element): boolean {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    for (let s = n.nextSibling; s; s = s.nextSibling) if (/\S/.test(s.textContent ?? '')) return true;
  }
  return false;
}

/**
 * The box a call to action closes the article with (a membership or donation appeal: heading,
 * pitch, perks, button), as the largest container around the call that ends the article and stays
 * small beside it; null when the call does not stand in such a box.
 */
function closingBox(root: Element, el: Element): Element | null {
  const total = textLength(root);
  let box: Element | null = null;
  for (let up = el.parentElement; up && up !== root; up = up.parentElement) {
    const length = textLength(up);
    if (length > CLOSING_BOX_MAX || length > total * CLOSING_BOX_SHARE || textAfter(root, up)) break;
    box = up;
  }
  return box;
}

/** WordPress-style closing lines: "This entry was posted on <date> in <categories>". */
function isPostedLine(text: string): boolean {
  return text.length <= 450 && POSTED_LINE.test(text) && /\d/.test(text);
}

function isEdgeMeta(text: string): boolean {
  return isDateLine(text) || isAuthorLine(text) || META_LABEL.test(text);
}

/** The first or last element in `root` at `side`, looked for through wrappers and past whitespace. */
function edgeElement(root: Element, side: 'firstChild' | 'lastChild'): Element | null {
  const next = side === 'firstChild' ? 'nextSibling' : 'previousSibling';
  let node = root[side];
  while (node) {
    if (node.nodeType === 3 && !/\S/.test(node.nodeValue ?? '')) node = node[next];
    else if (node.nodeType !== 1) return null;
    else if ((node as Element).firstChild) node = (node as Element)[side];
    else return node as Element;
  }
  return null;
}

/**
 * A rule (`<hr>`) or a line break before everything else in the article or after all of it
 * separated the article from the page around it, and separates nothing once that is gone.
 */
export function removeEdgeRules(root: Element): void {
  for (const side of ['firstChild', 'lastChild'] as const) {
    for (let el = edgeElement(root, side); el && (el.tagName === 'HR' || el.tagName === 'BR'); el = edgeElement(root, side)) {
      // The wrappers it leaves empty go with it.
      let gone: Element = el;
      while (gone.parentElement && gone.parentElement !== root && gone.parentElement.childElementCount === 1
        && !/\S/.test(gone.parentElement.textContent ?? '')) gone = gone.parentElement;
      gone.remove();
    }
  }
}
