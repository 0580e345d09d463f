/**
 * Readability keeps some page furniture that sits inside the article container: ad slots,
 * newsletter boxes, share bars, "related" lists and "read also" teasers, bylines and date lines,
 * author boxes, tag lists, image credits. They are recognised by general signals: the names
 * publishers give them (class and id words), their wording (short labels in many languages),
 * their place (before the first or after the last paragraph of prose) and their shape (links,
 * repeated teaser cards). Every rule is bounded: it never takes a block of the article's own prose,
 * so a mislabelled container cannot take the article's paragraphs with it.
 */
import { furnitureKinds, type FurnitureKind } from './furniture-names.ts';
import {
  AUTHOR_HEADING, CALL_TO_ACTION, CAPTION_LABEL, FURNITURE_LABEL, META_LABEL, READ_ALSO, READ_MORE_LINK,
  POSTED_LINE, SECTION_HEADING, isBylineLine, isDateLine, isEmbedPlaceholder,
} from './furniture-text.ts';
import {
  HEADING_TAGS, fold, hasMedia, isBlock, isProse, leafBlocks, linkDensity, linkLength,
  proseLength, textOf,
} from './dom-measure.ts';

/** A piece of furniture may hold at most this share of the article's text. */
const MAX_SHARE = 0.3;
/**
 * ... and no paragraph of prose, nor much unlinked text: a "teaser" class on a paragraph names the
 * article's lead as often as a box of links. Author notes, comments, ads and paywall notes are
 * written in sentences, so these kinds may hold some.
 */
const MAX_PROSE = 0;
const MAX_PLAIN = 400;
const MAX_PROSE_WORDY_KINDS = 600;
/** Kinds whose name may stand on the article's own text: a lead, collapsed text, a dateline paragraph. */
const TERSE_KINDS = new Set<FurnitureKind>(['related', 'hidden', 'meta', 'tags', 'navigation']);

/** Under a "Related" heading, teaser excerpts may add up to this much prose. */
const SECTION_PROSE = 300;

/** Characters of text outside links. */
const plainLength = (el: Element): number => textLength(el) - linkLength(el);

const textLength = (el: Element): number => textOf(el).length;

/** Removes furniture from an extracted article in place (`root` belongs to a detached clone). */
export function removeFurniture(root: Element): void {
  repairTables(root);
  removeNamed(root);
  removeCaptions(root);
  removeSections(root);
  removeInlineTeasers(root);
  removeTeaserCards(root);
  removeEdges(root);
  dropEmpty(root);
}

/**
 * Readability can lift a layout table's cell out of its table; a cell or row without a table is
 * invalid HTML that converters trip over, so it becomes a plain block.
 */
function repairTables(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('td, th, tr, tbody, thead, tfoot, caption'))) {
    if (el.closest('table')) continue;
    const div = el.ownerDocument.createElement('div');
    div.append(...Array.from(el.childNodes));
    el.replaceWith(div);
  }
}

/**
 * Is this inline element part of a sentence? Its run of inline neighbours (up to the nearest
 * block boundaries) holds more text than itself.
 */
function isMidSentence(el: Element): boolean {
  if (isBlock(el)) return false;
  let top = el;
  while (top.parentElement && !isBlock(top.parentElement)) top = top.parentElement;
  let run = 0;
  for (const dir of ['previousSibling', 'nextSibling'] as const) {
    for (let n = top[dir]; n; n = n[dir]) {
      if (n.nodeType === 1 && isBlock(n as Element)) break;
      run += fold(n.textContent ?? '').length;
      if (run > 25) return true;
    }
  }
  return false;
}

/** Elements whose class or id names page furniture, while they stay small next to the article. */
function removeNamed(root: Element): void {
  const total = Math.max(1, textLength(root));
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue;
    const kinds = furnitureKinds(el).filter((k) => k !== 'caption' && k !== 'credit');
    if (kinds.length === 0) continue;
    const length = textLength(el);
    if (kinds.includes('hidden') && !isBlock(el) && length <= 60) {
      el.remove();
      continue;
    }
    if (isMidSentence(el)) continue;
    if (length / total > MAX_SHARE) continue;
    const wordy = !kinds.some((k) => TERSE_KINDS.has(k));
    if (wordy ? proseLength(el) > MAX_PROSE_WORDY_KINDS : proseLength(el) > MAX_PROSE || plainLength(el) > MAX_PLAIN) continue;
    el.remove();
  }
}

function figureImage(caption: Element): HTMLImageElement | null {
  const figure = caption.closest('figure') ?? caption.parentElement;
  const img = figure?.querySelector('img');
  return img && figure && textLength(figure) <= textLength(caption) + 5 ? img : null;
}

/** Is there an image beside this block, or in the small box that holds both? */
function nextToImage(el: Element): boolean {
  if (el.querySelector('img, picture')) return true;
  const siblings = [el.previousElementSibling, el.nextElementSibling];
  if (siblings.some((n) => n?.matches('img, picture, figure') || (n?.querySelector('img, picture') && textLength(n) <= 300))) return true;
  let box = el.parentElement;
  for (let depth = 0; box && depth < 2; depth++, box = box.parentElement) {
    if (textLength(box) > textLength(el) + 300) return false;
    if (box.querySelector('img, picture')) return true;
  }
  return false;
}

/**
 * Captions and image credits. The caption's words stay with the image as its alternative text
 * when the image has none; the file's text keeps to the article.
 */
function removeCaptions(root: Element): void {
  const captions = Array.from(root.querySelectorAll('*')).filter((el) =>
    el.tagName === 'FIGCAPTION' || furnitureKinds(el).some((k) => k === 'caption' || k === 'credit'));
  for (const el of captions) {
    if (!root.contains(el)) continue;
    if (el.querySelector('img, picture, video, audio, iframe, table') || el.matches('img, picture, figure')) {
      // A figure wrapper named "caption": only its text parts go.
      continue;
    }
    const text = textOf(el);
    if (text.length > 400 || isMidSentence(el)) continue;
    const img = figureImage(el);
    if (img && !img.getAttribute('alt')?.trim() && text) img.setAttribute('alt', text);
    el.remove();
  }
  for (const el of leafBlocks(root)) {
    const text = textOf(el);
    if (text.length <= 300 && CAPTION_LABEL.test(text) && nextToImage(el)) {
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType === 1 && (node as Element).matches('img, picture')) continue;
        if (node.nodeType === 1 && (node as Element).querySelector('img, picture')) continue;
        node.parentNode?.removeChild(node);
      }
    }
  }
}

const cleanLabel = (text: string): string => text.replace(/[\s:.!?…»›>|–—-]+$/u, '').replace(/^[\s»›>|–—-]+/u, '').trim();

/** A heading, or a short paragraph that is all bold: how pages title a box. */
function headingText(el: Element): string | null {
  if (HEADING_TAGS.has(el.tagName)) return textOf(el);
  if (!(el.tagName === 'P' || el.tagName === 'DIV' || el.tagName === 'SPAN')) return null;
  const text = textOf(el);
  if (!text || text.length > 80) return null;
  const bold = Array.from(el.querySelectorAll('strong, b, h1, h2, h3, h4, h5, h6'));
  const boldLength = bold.reduce((n, b) => (b.parentElement?.closest('strong, b') && el.contains(b.parentElement.closest('strong, b')) ? n : n + textLength(b)), 0);
  return boldLength >= text.replace(/[:\s]+$/, '').length ? text : null;
}

const headingRank = (el: Element): number => (HEADING_TAGS.has(el.tagName) ? Number(el.tagName[1]) : 7);

/** A block of links, teaser cards or images: what follows a "Related" heading. */
function isTeaserLike(el: Element): boolean {
  const length = textLength(el);
  if (length === 0) return hasMedia(el) || el.querySelector('a') !== null;
  const density = linkDensity(el, length);
  if (density >= 0.5) return true;
  if (el.tagName === 'UL' || el.tagName === 'OL') {
    const items = Array.from(el.children);
    const linked = items.filter((li) => linkDensity(li) >= 0.5).length;
    if (items.length > 0 && linked / items.length >= 0.6) return true;
  }
  if (length <= 160 && el.querySelector('a')) return true;
  return proseLength(el) === 0 && density >= 0.25;
}

/** Headings such as "Related articles", "Mehr zum Thema", "Lee también" and the links under them. */
function removeSections(root: Element): void {
  const candidates = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, span'));
  for (const heading of candidates) {
    if (!root.contains(heading)) continue;
    const raw = headingText(heading);
    if (raw === null) continue;
    const label = cleanLabel(raw);
    if (!label || label.length > 80) continue;
    const author = AUTHOR_HEADING.test(label);
    if (!author && !SECTION_HEADING.test(label)) continue;
    // The heading may be wrapped (`div > h2`): walk siblings from its outermost lone wrapper.
    let box = heading;
    while (box.parentElement && box.parentElement !== root && textLength(box.parentElement) === textLength(box)) box = box.parentElement;
    const rank = headingRank(heading);
    const taken: Element[] = [];
    let bio = 0;
    for (let next = box.nextElementSibling; next; next = next.nextElementSibling) {
      const nextHeading = headingText(next) !== null || next.querySelector('h1, h2, h3, h4, h5, h6');
      if (nextHeading && (HEADING_TAGS.has(next.tagName) ? headingRank(next) <= rank : true) && !isTeaserLike(next)) break;
      if (isTeaserLike(next)) {
        taken.push(next);
        continue;
      }
      if (author && bio + textLength(next) <= 700 && isTail(root, next)) {
        bio += textLength(next);
        taken.push(next);
        continue;
      }
      break;
    }
    if (taken.length === 0 && !(FURNITURE_LABEL.test(raw) || author)) continue;
    if (taken.some((el) => proseLength(el) > (author ? 700 : SECTION_PROSE))) continue;
    for (const el of taken) el.remove();
    box.remove();
  }
}

/** Is nothing of the article's prose after `el`? */
function isTail(root: Element, el: Element): boolean {
  const blocks = leafBlocks(root);
  const at = blocks.findIndex((b) => el === b || el.contains(b) || b.contains(el));
  if (at < 0) return false;
  for (let i = blocks.length - 1; i > at; i--) {
    if (el.contains(blocks[i]!)) continue;
    if (isProse(blocks[i]!)) return false;
  }
  return true;
}

/** Labels that stand where an ad was, wherever they are. */
const AD_MARKER = /^[-–—\s]*(?:advertisement|advert|ad|ads|sponsored|anzeige|werbung|publicidad|publicité|pubblicità|reklama|story continues below advertisement|scroll to continue(?: with content)?|article continues below)[-–—\s]*$/iu;

/** A short text that ends in a "read more" link to another page: a teaser for another article. */
function isReadMoreTeaser(el: Element, text: string): boolean {
  if (text.length > 400) return false;
  const links = el.querySelectorAll('a[href]');
  const last = links[links.length - 1];
  if (!last || !READ_MORE_LINK.test(textOf(last))) return false;
  // Nothing but punctuation may follow the link.
  const after = text.slice(text.lastIndexOf(textOf(last)) + textOf(last).length);
  if (/[\p{L}\p{N}]/u.test(after)) return false;
  const page = el.ownerDocument.URL;
  try {
    const target = new URL(last.getAttribute('href') ?? '', page);
    const here = new URL(page);
    return target.pathname !== here.pathname || target.host !== here.host;
  } catch {
    return false;
  }
}

/** "Read also: <headline>" lines inside the article, ad labels, embed placeholders, teasers. */
function removeInlineTeasers(root: Element): void {
  for (const el of leafBlocks(root)) {
    const text = textOf(el);
    if (AD_MARKER.test(text) || isEmbedPlaceholder(text) || isReadMoreTeaser(el, text)) {
      el.remove();
      continue;
    }
    if (text.length > 250 || !READ_ALSO.test(text)) continue;
    const rest = text.replace(READ_ALSO, '');
    if (/^\s*[:»›>|–—-]/u.test(rest) || linkDensity(el, text.length) >= 0.5 || el.querySelector('a')) el.remove();
  }
}

const signature = (el: Element): string => `${el.tagName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/).sort().join('.')}`;

/**
 * Repeated cards that each lead to another article: at least three siblings of the same shape,
 * each short and led by a link. Plain lists count only after the article's last paragraph.
 */
function removeTeaserCards(root: Element): void {
  const total = Math.max(1, textLength(root));
  for (const box of Array.from(root.querySelectorAll('div, section, ul, ol, aside, nav'))) {
    if (!root.contains(box) || box.children.length < 3) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(box.children)) {
      const key = signature(child);
      groups.set(key, [...(groups.get(key) ?? []), child]);
    }
    const [key, cards] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    if (cards.length < 3 || cards.length / box.children.length < 0.6) continue;
    const classed = !/\.$/.test(key);
    if (!classed && !isTail(root, box)) continue;
    const teasers = cards.filter((card) => {
      const length = textLength(card);
      const link = Array.from(card.querySelectorAll('a')).some((a) => textLength(a) >= 12) || card.matches('a');
      return link && length <= 400 && (linkDensity(card, length) >= 0.3 || card.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4') !== null);
    });
    if (teasers.length / cards.length < 0.8) continue;
    if (textLength(box) / total > MAX_SHARE) continue;
    if (cards.some((card) => Array.from(card.querySelectorAll('p')).some((p) => textLength(p) > 400))) continue;
    box.remove();
  }
}

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
function removeEdges(root: Element): void {
  const blocks = leafBlocks(root);
  const prose = blocks.map(isProse);
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  const drop = (el: Element): void => removeWithBox(root, el);
  if (first < 0) {
    for (const el of blocks) if (isEdgeMeta(textOf(el))) el.remove();
    return;
  }
  for (let i = 0; i < first; i++) {
    const el = blocks[i]!;
    const text = textOf(el);
    if (isEdgeMeta(text)) el.remove();
    else if (text.length <= 300 && CALL_TO_ACTION.test(text)) drop(el);
  }
  for (let i = last + 1; i < blocks.length; i++) {
    const el = blocks[i]!;
    if (!root.contains(el)) continue;
    const text = textOf(el);
    if (isEdgeMeta(text) || FURNITURE_LABEL.test(text) || isPostedLine(text)
      || (el.tagName === 'LI' && text.length <= 300 && linkDensity(el, text.length) >= 0.6)) {
      el.remove();
    } else if (text.length <= 300 && CALL_TO_ACTION.test(text)) {
      drop(el);
    }
  }
  // Calls to action among the closing paragraphs (a paywall notice runs to several), and an
  // italic author's note as the very last one.
  for (let i = last; i > first && i >= last - 5; i--) {
    const el = blocks[i]!;
    if (!root.contains(el)) continue;
    const text = textOf(el);
    if (text.length <= 400 && CALL_TO_ACTION.test(text)) drop(el);
    else if (i === last && text.length <= 600 && allEmphasis(el) && AUTHOR_NOTE.test(text)) el.remove();
  }
  // A heading that nothing follows any more heads nothing.
  const rest = leafBlocks(root);
  for (let i = rest.length - 1; i >= 0 && HEADING_TAGS.has(rest[i]!.tagName); i--) rest[i]!.remove();
}

/**
 * Removes a block, and the small box it opens or closes when the box holds nothing else of
 * substance: a donation box's heading and its one pitch paragraph go together.
 */
function removeWithBox(root: Element, el: Element): void {
  const box = el.parentElement;
  el.remove();
  if (!box || box === root) return;
  const length = textLength(box);
  if (length > 0 && length <= 400 && proseLength(box) <= 250 && leafBlocks(box).length <= 3
      && textLength(root) > 4 * length) {
    box.remove();
  }
}

/** WordPress-style closing lines: "This entry was posted on <date> in <categories>". */
function isPostedLine(text: string): boolean {
  return text.length <= 450 && POSTED_LINE.test(text) && /\d/.test(text);
}

function isEdgeMeta(text: string): boolean {
  return isDateLine(text) || isBylineLine(text) || META_LABEL.test(text);
}

/** Containers our removals left without text or media. */
function dropEmpty(root: Element): void {
  const all = Array.from(root.querySelectorAll('div, section, p, span, ul, ol, li, aside, header, footer, figure, strong, b, em'));
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (!root.contains(el) || fold(el.textContent ?? '')) continue;
    if (el.querySelector('img, picture, video, audio, iframe, svg, table, hr, br, canvas, object, embed, math')) continue;
    el.remove();
  }
}

