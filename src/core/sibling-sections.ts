/**
 * Block-based layouts (Drupal paragraphs, page builders, landing-page templates) set one article as
 * a run of sibling sections of one kind, each with its own column of text. Readability scores
 * columns, takes the best one and joins only its own siblings, so it returns one section of the
 * article. When the text Readability returned stands inside one section of such a run (siblings
 * with the same tag and class, a table or a picture set between them perhaps), the run's other
 * sections that hold prose are added before and after it, with what stands between them, in page
 * order, and then cleaned by the furniture rules like the rest of the article.
 *
 * Written here because Readability offers no hook for it: its sibling pass looks one level up from
 * its top candidate only.
 */
import { foldSpaces } from './fold.ts';
import { commonAncestor } from './common-ancestor.ts';
import { removeChrome } from './fallback-body.ts';
import { findParagraph, paragraphProbe } from './lead.ts';
import { isHiddenByMarkup, linkDensity } from './dom-measure.ts';

/** A paragraph long enough to find on the page, and to count as a section's prose. */
const PROSE_CHARS = 100;
/** How many levels above the returned text a run of sections is looked for. */
const MAX_LEVELS = 5;
/** More sections of one kind than this make a listing of teasers, not one article's sections. */
const MAX_RUN = 12;
/** Share of a section's text inside links above which it is a box of links. */
const MAX_LINK_SHARE = 0.25;
/** How much of a section's text is looked for in the body. */
const PROBE = 40;

/** A long paragraph's probe (./lead.ts `paragraphProbe`); null for a short one. */
const probeOf = (p: Element): string | null => (foldSpaces(p.textContent).length < PROSE_CHARS ? null : paragraphProbe(p));

/** The probes of the body's first and last long paragraphs (one when it has one). */
function probes(body: Element): string[] {
  const paragraphs = Array.from(body.getElementsByTagName('p'));
  let first: string | null = null;
  let at = 0;
  for (; at < paragraphs.length && first === null; at++) first = probeOf(paragraphs[at]!);
  if (first === null) return [];
  for (let i = paragraphs.length - 1; i >= at; i--) {
    const last = probeOf(paragraphs[i]!);
    if (last !== null) return [first, last];
  }
  return [first];
}

const signature = (el: Element): string => `${el.tagName} ${foldSpaces(el.getAttribute('class'))}`;

/** Whether a section holds prose of its own: a long paragraph outside links, and few links overall. */
function holdsProse(section: Element): boolean {
  const text = foldSpaces(section.textContent);
  if (text.length < PROSE_CHARS) return false;
  if (linkDensity(section, text.length) > MAX_LINK_SHARE) return false;
  return Array.from(section.querySelectorAll('p')).some((p) => p.closest('a') === null && foldSpaces(p.textContent).length >= PROSE_CHARS);
}

/** The children of `el`'s parent that share its tag and class (itself included), in page order. */
function kindOf(el: Element): Element[] {
  const key = signature(el);
  return Array.from(el.parentElement?.children ?? []).filter((s) => signature(s) === key);
}

/**
 * Adds to `body` (Readability's article, detached) the sibling sections of the run it was taken
 * from (`doc` is the page, unchanged: copies are added).
 */
export function addSiblingSections(doc: Document, body: Element): void {
  const found = probes(body);
  if (found.length === 0) return;
  // `body` is detached: no paragraph of the page stands in it.
  const first = findParagraph(doc, found[0]!, body);
  const last = found.length > 1 ? findParagraph(doc, found[found.length - 1]!, body) : first;
  if (first === null || last === null) return;
  let node = first === last ? first.parentElement : commonAncestor(first, last);
  const bodyText = foldSpaces(body.textContent);
  for (let level = 0; node !== null && level < MAX_LEVELS; level++, node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    if (parent === null || node.tagName === 'BODY' || node.tagName === 'HTML') return;
    if (foldSpaces(node.getAttribute('class')) === '') continue;
    const kind = kindOf(node);
    if (kind.length < 2 || kind.length > MAX_RUN) continue;
    const others = kind.filter((section) => section !== node && !isHiddenByMarkup(section) && holdsProse(section)
      && !bodyText.includes(foldSpaces(section.textContent).slice(0, PROBE)));
    if (others.length === 0) continue;
    // The sections and what stands between them (a table, a picture set between two columns of text).
    const children = Array.from(parent.children);
    const at = children.indexOf(node);
    const from = Math.min(at, children.indexOf(others[0]!));
    const to = Math.max(at, children.indexOf(others[others.length - 1]!));
    // Sections far apart among other blocks are not one article's.
    if (to - from + 1 > 2 * kind.length) continue;
    const copyOf = (section: Element): Element => {
      const copy = body.ownerDocument.importNode(section, true);
      removeChrome(copy);
      return copy;
    };
    const shown = (section: Element): boolean => !isHiddenByMarkup(section);
    body.prepend(...children.slice(from, at).filter(shown).map(copyOf));
    body.append(...children.slice(at + 1, to + 1).filter(shown).map(copyOf));
    return;
  }
}
