/**
 * Footnotes are recognised by their structure, not by site: a short reference link ("1", "[2]",
 * "*") set as a superscript, or named a note reference (`role="doc-noteref"`, class words such as
 * `footnote`, `fn`, `noteref`), points at an id inside a note that comes after it: an item of a
 * notes list, an element with `role="doc-endnote"`/`doc-footnote`, or a block named a footnote.
 * They are marked with the DPUB-ARIA roles (`doc-noteref`, `doc-endnote`, `doc-backlink`), which
 * the HTML body keeps and the Markdown converter reads (markdown-footnotes.ts).
 */
import { nameMatcher } from './name-words.ts';

const NOTE_NAMES = nameMatcher([
  'fn', 'fns', 'footnote', 'footnotes', 'endnote', 'endnotes', 'note', 'notes', 'noteref', 'fnref',
  'footnoteref', 'ref', 'refs', 'reference', 'references', 'cite', 'citation', 'citations', 'sidenote',
]);
const BACK_NAMES = nameMatcher(['backlink', 'backref', 'backrefs', 'reversefootnote', 'footnoteback', 'fnback']);
/** What a reference shows: a number, a letter or a mark, perhaps in brackets. */
const LABEL = /^[[(]?\s*(?:\p{N}{1,4}|\p{L}{1,2}|[*†‡§¶#]{1,3})\s*[\])]?$/u;
const INLINE = /^(?:A|SPAN|SUP|SUB|B|I|EM|STRONG|SMALL|CITE)$/;
/** A note longer than this is a section of the article, not a note. */
const MAX_NOTE = 4000;

const named = (el: Element | null, names: (el: Element) => boolean): boolean => el !== null && names(el);
const hasRole = (el: Element | null, role: string): boolean =>
  (el?.getAttribute('role') ?? '').split(/\s+/).includes(role);

/** The id a link points to inside this page (`pages`: the page's addresses), or null. */
function fragmentOf(a: Element, pages: string[]): string | null {
  const href = a.getAttribute('href') ?? '';
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return null;
  if (hash > 0 && !pages.includes(href.slice(0, hash))) return null;
  try {
    return decodeURIComponent(href.slice(hash + 1));
  } catch {
    return href.slice(hash + 1);
  }
}

function isReference(a: Element): boolean {
  if (!LABEL.test((a.textContent ?? '').trim())) return false;
  const sup = a.closest('sup') ?? a.querySelector('sup');
  const parent = a.parentElement;
  return sup !== null || hasRole(a, 'doc-noteref') || hasRole(parent, 'doc-noteref')
    || named(a, NOTE_NAMES) || named(parent, NOTE_NAMES);
}

/** The note a reference's target belongs to. */
function noteOf(target: Element, root: Element): Element | null {
  const marked = target.closest('[role~="doc-endnote"], [role~="doc-footnote"], li');
  if (marked && root.contains(marked) && marked !== root) return marked;
  // A block named a note; the target itself may be the note's own number (`a.footnote-number`).
  for (let el: Element | null = target, depth = 0; el && el !== root && depth < 3; el = el.parentElement, depth++) {
    if (!INLINE.test(el.tagName) && named(el, NOTE_NAMES) && (el.textContent ?? '').trim()) return el;
  }
  return null;
}

const follows = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */) !== 0;

/**
 * Marks the footnote references, notes and back links under `root` with their roles, in place.
 * `base` is the page's address: Readability writes in-page links against it when the page sets
 * another base.
 */
export function markFootnotes(root: Element, base: string): void {
  const links = Array.from(root.querySelectorAll('a[href*="#"]')).filter(isReference);
  if (links.length === 0) return;
  const pages = [root.ownerDocument.URL, base].map((u) => (u ?? '').replace(/#.*$/, ''));
  const ids = new Map<string, Element>();
  for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
    const id = el.id || el.getAttribute('name') || '';
    if (id && !ids.has(id)) ids.set(id, el);
  }
  for (const a of links) {
    const id = fragmentOf(a, pages);
    const target = id === null ? undefined : ids.get(id);
    if (!target) continue;
    const note = noteOf(target, root);
    if (!note || note.contains(a) || !follows(a, note) || (note.textContent ?? '').length > MAX_NOTE) continue;
    a.setAttribute('role', 'doc-noteref');
    if (!hasRole(note, 'doc-footnote')) note.setAttribute('role', 'doc-endnote');
    markBacklinks(note, a);
  }
}

/** Links in the note back to its reference (the reference, or the superscript around it). */
function markBacklinks(note: Element, ref: Element): void {
  const back = new Set([ref.id, ref.parentElement?.id, ref.parentElement?.parentElement?.id].filter(Boolean));
  for (const el of Array.from(note.querySelectorAll('a[href*="#"], [class]'))) {
    const href = el.getAttribute('href') ?? '';
    const target = href.slice(href.indexOf('#') + 1);
    if ((el.tagName === 'A' && back.has(target)) || named(el, BACK_NAMES)) el.setAttribute('role', 'doc-backlink');
  }
}
