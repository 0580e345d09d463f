/**
 * Section headings Readability drops from inside the article. Its first pass deletes the first
 * `h1`/`h2` whose words are mostly the page title's; when the page's own headline went earlier
 * with a wrapper named like chrome (`entry-header`), that is a section heading of the article
 * ("Ab wann legen Hühner Eier?" under the title "Ab wann und wie lange legen Hühner Eier?"). Its
 * cleanup also drops `h1`/`h2` with a class it scores as negative. A heading of the page that
 * stands between two paragraphs the body kept, and that the body lacks, is put back before the
 * second of them.
 *
 * Written here because Readability offers no option to keep them.
 */
import { foldSpaces } from './fold.ts';
import { furnitureKinds } from './furniture-names.ts';
import { FURNITURE_LABEL, READ_ALSO, SECTION_HEADING } from './furniture-text.ts';
import { AD_MARKER } from './boilerplate.ts';

/** A paragraph is found in the body by its opening. */
const PROBE = 40;
/** Paragraphs shorter than this are labels; a heading between two of them proves nothing. */
const MIN_PARAGRAPH = 60;
/** A heading longer than this is a paragraph set large. */
const MAX_HEADING = 200;

/** The nearest element sibling of `el` in `direction` that holds text. */
function textSibling(el: Element, direction: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  for (let s = el[direction]; s !== null; s = s[direction]) {
    if (foldSpaces(s.textContent) !== '') return s;
  }
  return null;
}

const opening = (el: Element): string => foldSpaces(el.textContent).slice(0, PROBE);

/** The block of `body` whose text starts with `probe`, the innermost such. */
function blockStarting(body: Element, probe: string): Element | null {
  let found: Element | null = null;
  for (const el of Array.from(body.querySelectorAll('p, div, ul, ol, blockquote, table, section'))) {
    if (foldSpaces(el.textContent).startsWith(probe)) found = el;
  }
  return found;
}

/**
 * Puts back in `body` (the extracted article, detached) the `h1`/`h2` headings of `doc` (the page)
 * that stand between two paragraphs it kept, other than `headline` (the page's own).
 */
export function restoreLostHeadings(doc: Document, body: Element, headline: Element | null): void {
  // Two tag lookups: a selector list over the whole page costs jsdom more.
  const headings = [...Array.from(doc.getElementsByTagName('h1')), ...Array.from(doc.getElementsByTagName('h2'))].filter((h) => h !== headline);
  if (headings.length === 0) return;
  const bodyText = foldSpaces(body.textContent);
  const kept = Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => foldSpaces(h.textContent));
  for (const heading of headings) {
    const text = foldSpaces(heading.textContent);
    if (text === '' || text.length > MAX_HEADING || kept.includes(text) || bodyText.includes(text)) continue;
    // What the furniture rules take out stays out: "Advertisement", "Read also", a hidden label.
    if (AD_MARKER.test(text) || FURNITURE_LABEL.test(text) || READ_ALSO.test(text) || SECTION_HEADING.test(text) || furnitureKinds(heading).length > 0) continue;
    const before = textSibling(heading, 'previousElementSibling');
    const after = textSibling(heading, 'nextElementSibling');
    if (before === null || after === null) continue;
    if (foldSpaces(before.textContent).length < MIN_PARAGRAPH || foldSpaces(after.textContent).length < MIN_PARAGRAPH) continue;
    if (!bodyText.includes(opening(before))) continue;
    const next = blockStarting(body, opening(after));
    if (next === null || next.parentElement === null) continue;
    const copy = body.ownerDocument.createElement(heading.tagName.toLowerCase());
    copy.textContent = text;
    next.parentElement.insertBefore(copy, next);
  }
}
