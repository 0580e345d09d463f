/**
 * Readability keeps some page furniture that sits inside the article container: ad slots,
 * newsletter boxes, share bars, "related" lists and "read also" teasers, bylines and date lines,
 * author boxes, tag lists, image credits. They are recognised by general signals: the names
 * publishers give them (class and id words), their wording (short labels in many languages),
 * their place (before the first or after the last paragraph of prose: ./furniture-edges.ts) and
 * their shape (links, repeated teaser cards), and where a link leads (a network's share form:
 * ./share-links.ts). Every rule is bounded: it never takes a block of the
 * article's own prose, so a mislabelled container cannot take the article's paragraphs with it.
 */
import { removeShareLinks } from './share-links.ts';
import { furnitureKinds, type FurnitureKind } from './furniture-names.ts';
import { classNames } from './name-words.ts';
import { CREDIT_LINE_MAX, isCredit, isCreditLine, settleCaption } from './captions.ts';
import { FURNITURE_LABEL, READ_ALSO, READ_MORE_LINK, SHARE_PROMPT, SHARE_PROMPT_MAX, isEmbedPlaceholder } from './furniture-text.ts';
import {
  HEADING_TAGS, changed, detach, measuring, isBlock, leafBlocks, linkDensity, linkLength, proseLength, textLength, textOf,
} from './dom-measure.ts';
import { removeEdges, removeWithBox } from './furniture-edges.ts';
import { foldSpaces } from './fold.ts';
import { removeSections } from './furniture-sections.ts';
import { removeTeaserCards } from './teaser-cards.ts';
import { repairTables } from './repair-tables.ts';

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

/** Characters of text outside links. */
const plainLength = (el: Element): number => textLength(el) - linkLength(el);

/** Removes furniture from an extracted article in place (`root` belongs to a detached clone). */
export function removeFurniture(root: Element): void {
  measuring(() => removeAll(root));
}

function removeAll(root: Element): void {
  repairTables(root);
  removeShareLinks(root);
  removeNamed(root);
  removeSections(root);
  removeLeafFurniture(root);
  removeTeaserCards(root, MAX_SHARE);
  removeEdges(root);
  dropEmpty(root);
}

/** Characters of line text around an element that make it part of a sentence, not a lone label. */
const SENTENCE_AROUND = 25;

/**
 * Is this inline element part of a sentence? The text around it, up to the nearest block
 * boundaries, runs longer than a label: its own inline neighbours', and those of each inline
 * element it sits in (`<p><strong>… my <a class="newsletter-popup">free newsletter</a>!</strong></p>`);
 * or, `throughParents` false, only the neighbours of the outermost inline element holding it.
 */
function isMidSentence(el: Element, throughParents = true): boolean {
  // An element without words leaves no gap in a sentence (an icon, a button's picture).
  if (isBlock(el) || textLength(el) === 0) return false;
  let top = el;
  if (!throughParents) while (top.parentElement && !isBlock(top.parentElement)) top = top.parentElement;
  let run = 0;
  for (let at: Element = top; ; at = at.parentElement) {
    for (const dir of ['previousSibling', 'nextSibling'] as const) {
      for (let n = at[dir]; n; n = n[dir]) {
        if (n.nodeType === 1 && isBlock(n as Element)) break;
        run += foldSpaces(n.textContent ?? '').length;
        if (run > SENTENCE_AROUND) return true;
      }
    }
    if (!at.parentElement || isBlock(at.parentElement)) return false;
  }
}

/**
 * Elements whose class or id names page furniture, while they stay small next to the article;
 * captions and credits go their own way (`captionOrCredit`).
 */
function removeNamed(root: Element): void {
  const total = Math.max(1, textLength(root));
  const shares = classShares(root);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    let kinds = furnitureKinds(el);
    if (kinds.length > 0 && kinds.every((k) => k === 'widget' || k === 'tags') && isPictureOnly(el)) kinds = furnitureKinds(el, true);
    const caption = el.tagName === 'FIGCAPTION' || kinds.includes('caption') || kinds.includes('credit');
    if (!caption && kinds.length === 0) continue;
    if (!root.contains(el)) continue;
    if (caption) {
      captionOrCredit(el);
      continue;
    }
    const length = textLength(el);
    if (kinds.includes('hidden') && !isBlock(el) && length <= 60) {
      detach(el);
      continue;
    }
    if (isMidSentence(el)) continue;
    if (length / total > MAX_SHARE) continue;
    // A class that runs through much of the article names the article's own text, whatever its
    // words say (`paywall` on every paragraph behind a paywall, `cmp` for a CMS's components).
    if (classNames(el).some((name) => (shares.get(name) ?? 0) / total > MAX_SHARE)) continue;
    const wordy = !kinds.some((k) => TERSE_KINDS.has(k));
    if (wordy ? proseLength(el) > MAX_PROSE_WORDY_KINDS : proseLength(el) > MAX_PROSE || plainLength(el) > MAX_PLAIN) continue;
    detach(el);
  }
}

/** A picture, or a link or box that holds a picture and no text. */
function isPictureOnly(el: Element): boolean {
  if (el.tagName === 'IMG' || el.tagName === 'PICTURE') return true;
  return textLength(el) === 0 && el.querySelector('img, picture') !== null;
}

/**
 * How much text the elements carrying each class name hold together; an element inside another of
 * the same class is counted with it already.
 */
function classShares(root: Element): Map<string, number> {
  const shares = new Map<string, number>();
  // How many ancestors of the element being visited carry each name.
  const open = new Map<string, number>();
  const walk = (el: Element): void => {
    const names = [...new Set(classNames(el))];
    for (const name of names) {
      const depth = open.get(name) ?? 0;
      if (depth === 0) shares.set(name, (shares.get(name) ?? 0) + textLength(el));
      open.set(name, depth + 1);
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c);
    for (const name of names) open.set(name, (open.get(name) ?? 1) - 1);
  };
  walk(root);
  return shares;
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

/** A caption or an image credit, unless it is the article's own text (captions.ts settles it). */
function captionOrCredit(el: Element): void {
  // A figure wrapper named "caption": only its text parts go.
  if (el.matches('img, picture, figure') || el.querySelector('img, picture, video, audio, iframe, table')) return;
  const text = textOf(el);
  const inCaption = Boolean(el.parentElement?.closest('figcaption'));
  // Only the caption's own neighbours count: a credit set after a caption's words inside the same
  // emphasis (`<em>The pier at dusk. <span class="credit">Photo: …</span></em>`) is still a credit.
  if (text.length > 400 || (isMidSentence(el, false) && !inCaption)) return;
  settleCaption(el);
}

/** The credits set apart in elements of their own inside a line ("<span>© Getty</span> The pier"). */
function creditParts(line: Element): Element[] {
  return Array.from(line.querySelectorAll('*'))
    .filter((part) => !part.querySelector('img, picture') && isCredit(part));
}

/** The line's text outside `parts`. */
function textBeside(line: Element, parts: Element[]): string {
  const walker = line.ownerDocument.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!parts.some((part) => part.contains(node))) text += node.nodeValue ?? '';
  }
  return foldSpaces(text);
}

/**
 * "Photo: ...", "© ..." beside an image: the text goes, the image stays. Where the credit is an
 * element of its own and words that are no credit stand beside it, those are the caption: only the
 * credit goes.
 */
function removeCaptionLine(el: Element): void {
  const credits = creditParts(el);
  const rest = credits.length > 0 ? textBeside(el, credits) : '';
  if (/\p{L}/u.test(rest) && !isCreditLine(rest)) {
    for (const credit of credits) if (el.contains(credit)) detach(credit);
    return;
  }
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1 && ((node as Element).matches('img, picture') || (node as Element).querySelector('img, picture'))) continue;
    node.parentNode?.removeChild(node);
  }
  changed();
}

const LONE_CREDIT_TAGS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'ADDRESS', 'FOOTER', 'SECTION']);

/** Labels that stand where an ad was, wherever they are. */
const AD_MARKER = /^[-–—\s]*(?:advertisement|advert|ad|ads|sponsored|anzeige|werbung|publicidad|publicité|pubblicità|reklama|story continues below advertisement|scroll to continue(?: with content)?|article continues below)[-–—\s]*$/i;

/** "ANZEIGE – ...", "Advertisement: ...": a block that announces itself as an ad. */
const AD_PREFIX = /^(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité|reklama)\s*[-–—:|]/i;

/** A pitch for the site's newsletter, wherever it interrupts the article. */
const NEWSLETTER_PITCH = /\b(?:sign(?:ing)? up (?:to|for) (?:our|the)\b.{0,30}newsletter|subscribe to our newsletter|(?:unseren?|den) newsletter (?:abonnieren|bestellen)|abonnieren sie (?:unseren|den) newsletter|suscr[ií]bete a nuestr[oa]|abonnez-vous à notre|iscriviti alla nostra newsletter)/i;

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

/**
 * Short blocks that are furniture by their words: "Read also: <headline>" lines, ad labels, embed
 * placeholders, teasers, lone labels, newsletter pitches, caption lines beside an image.
 */
function removeLeafFurniture(root: Element): void {
  for (const el of leafBlocks(root)) {
    if (!root.contains(el)) continue;
    const text = textOf(el);
    if (text.length <= 300 && isCreditLine(text) && nextToImage(el)) {
      removeCaptionLine(el);
      continue;
    }
    // A credit or source line on its own ("Quelle: dpa", "Titelbild: …", "© 2019 …") is furniture
    // wherever it stands, once its image is gone or gathered elsewhere; a table cell or a list item
    // may be a reference the article lists, so those stay.
    if (text.length <= CREDIT_LINE_MAX && LONE_CREDIT_TAGS.has(el.tagName) && isCreditLine(text)) {
      detach(el);
      continue;
    }
    if (AD_MARKER.test(text) || isEmbedPlaceholder(text) || isReadMoreTeaser(el, text)
      || (!HEADING_TAGS.has(el.tagName) && FURNITURE_LABEL.test(text))
      || (text.length <= SHARE_PROMPT_MAX && SHARE_PROMPT.test(text))) {
      detach(el);
      continue;
    }
    if (AD_PREFIX.test(text) || (text.length <= 150 && NEWSLETTER_PITCH.test(text))) {
      removeWithBox(root, el);
      continue;
    }
    if (text.length > 250 || !READ_ALSO.test(text)) continue;
    const rest = text.replace(READ_ALSO, '');
    if (/^\s*[:»›>|–—-]/.test(rest) || linkDensity(el, text.length) >= 0.5 || el.querySelector('a')) detach(el);
  }
}

/** Containers our removals left without text or media. */
const EMPTIABLE = new Set(['DIV', 'SECTION', 'P', 'SPAN', 'UL', 'OL', 'LI', 'ASIDE', 'HEADER', 'FOOTER', 'FIGURE', 'STRONG', 'B', 'EM']);
/** Of those, the ones that sit inside a line of text. */
const INLINE_EMPTIABLE = new Set(['SPAN', 'STRONG', 'B', 'EM']);
const CONTENT_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG', 'svg', 'TABLE', 'HR', 'BR', 'CANVAS', 'OBJECT', 'EMBED', 'MATH', 'math']);

/** What an element holds, as far as `dropEmpty` cares: nothing, only whitespace, or content. */
const NOTHING = 0;
const SPACES = 1;
const CONTENT = 2;

function dropEmpty(root: Element): void {
  // One walk from the leaves up: an element has content when a text or a media child has.
  const walk = (el: Element, inPre: boolean): number => {
    const pre = inPre || el.tagName === 'PRE';
    let holds = CONTENT_TAGS.has(el.tagName) ? CONTENT : NOTHING;
    for (let c = el.firstChild; c; ) {
      const next = c.nextSibling;
      const child = c.nodeType === 3 ? (/\S/.test(c.nodeValue ?? '') ? CONTENT : c.nodeValue ? SPACES : NOTHING)
        : c.nodeType === 1 ? walk(c as Element, pre) : NOTHING;
      holds = Math.max(holds, child);
      c = next;
    }
    if (holds === CONTENT || el === root || !EMPTIABLE.has(el.tagName)) return holds;
    // Whitespace inside a line of text or preformatted text is part of it (the space between two
    // words, a code line's break): the element goes, its whitespace stays; in a line, as one space
    // (a run of no-break spaces there only padded a column).
    if (holds === SPACES && (pre || INLINE_EMPTIABLE.has(el.tagName))) {
      el.replaceWith(el.ownerDocument.createTextNode(pre ? el.textContent ?? '' : ' '));
    } else {
      el.remove();
    }
    return holds;
  };
  walk(root, root.closest('pre') !== null);
}

