/**
 * Boxes an article's container ends with or holds: a heading such as "Related articles", "Mehr
 * zum Thema", "Lee también" or "About the author", and the links, teaser cards or short biography
 * under it. A box goes only when what follows its heading is links and teasers (or, under an
 * author heading, a short note at the article's end): never paragraphs of the article's prose.
 */
import { AUTHOR_HEADING, FURNITURE_LABEL, SECTION_HEADING } from './furniture-text.ts';
import { HEADING_TAGS, detach, hasMedia, isBlock, isTail, linkDensity, proseLength, textOf, textLength } from './dom-measure.ts';

/** Under a "Related" heading, teaser excerpts may add up to this much prose. */
const SECTION_PROSE = 300;


const cleanLabel = (text: string): string => text.replace(/[\s:.!?…»›>|–—-]+$/, '').replace(/^[\s»›>|–—-]+/, '').trim();

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
export function removeSections(root: Element): void {
  // Headings, and the blocks that hold bold text (the only ones that can be all bold).
  const candidates = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, strong, b'))) {
    if (HEADING_TAGS.has(el.tagName)) candidates.add(el);
    else for (let up = el.parentElement; up && up !== root; up = up.parentElement) {
      if (up.tagName === 'P' || up.tagName === 'DIV' || up.tagName === 'SPAN') {
        candidates.add(up);
        if (isBlock(up)) break;
      }
    }
  }
  for (const heading of candidates) {
    if (!root.contains(heading)) continue;
    const raw = headingText(heading);
    if (raw === null) continue;
    const label = cleanLabel(raw);
    if (!label || label.length > 80) continue;
    const author = AUTHOR_HEADING.test(label);
    if (!author && !SECTION_HEADING.test(label)) continue;
    // "Related: <another headline>" is a teaser line in itself (removeLeafFurniture's), not the
    // heading of what follows it.
    if (/^[^:]{1,40}:\s*\S.{10,}$/u.test(label)) continue;
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
    for (const el of taken) detach(el);
    detach(box);
  }
}
