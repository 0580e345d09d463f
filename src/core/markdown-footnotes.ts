import type TurndownService from 'turndown';
import { foldSpaces } from './fold.ts';

/**
 * Footnotes marked by footnotes.ts become Markdown footnotes: each reference `[^1]`, each note
 * `[^1]: …` at the end of the file, its back links left out, and the notes list removed from
 * where it stood. A note keeps the page's number or letter when it is one; other marks (`*`, `†`)
 * are numbered.
 */

const MARKER = 'frontclip-noteref';
const LABEL = /^[\p{L}\p{N}]{1,10}$/u;
const REFERENCE = 'a[role~="doc-noteref"]';
const NOTE = '[role~="doc-endnote"], [role~="doc-footnote"]';
const CONTENT = 'img, picture, video, audio, table, math, svg, pre, iframe';

export interface Footnoted {
  /** A copy of the article with references replaced by markers and the notes taken out. */
  root: Element;
  /** The `[^n]: …` lines, in the order of their first reference. */
  definitions: string[];
}

function idMap(root: Element): Map<string, Element> {
  const ids = new Map<string, Element>();
  for (const el of Array.from(root.querySelectorAll('[id]'))) if (!ids.has(el.id)) ids.set(el.id, el);
  return ids;
}

function targetId(a: Element): string {
  const href = a.getAttribute('href') ?? '';
  const id = href.slice(href.indexOf('#') + 1);
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Does `box` hold anything but `except`? */
function holdsMore(box: Element, except: Element): boolean {
  for (let c = box.firstChild; c; c = c.nextSibling) {
    if (c === except) continue;
    if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return true;
    if (c.nodeType !== 1) continue;
    const el = c as Element;
    if (/\S/.test(el.textContent ?? '') || el.matches(CONTENT) || el.querySelector(CONTENT)) return true;
  }
  return false;
}

const rank = (el: Element | null): number => (el && /^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 0);

/** Takes a note out, with the list and section it leaves empty and a heading that then heads nothing. */
function removeNote(note: Element, root: Element): void {
  let box = note;
  while (box.parentElement && box.parentElement !== root && !holdsMore(box.parentElement, box)) box = box.parentElement;
  const heading = box.previousElementSibling;
  box.remove();
  if (!heading || rank(heading) === 0) return;
  const next = heading.nextElementSibling;
  if (!next || (rank(next) > 0 && rank(next) <= rank(heading))) heading.remove();
}

/**
 * Finds the marked footnotes of `root`; null when there are none. `convert` turns a note into
 * Markdown (the service, so a note keeps its links and emphasis).
 */
export function takeFootnotes(root: Element, convert: (note: Element) => string): Footnoted | null {
  if (!root.querySelector(REFERENCE)) return null;
  const work = root.cloneNode(true) as Element;
  const ids = idMap(work);
  const labels = new Map<Element, string>();
  const used = new Set<string>();
  let next = 1;
  for (const a of Array.from(work.querySelectorAll(REFERENCE))) {
    const note = ids.get(targetId(a))?.closest(NOTE);
    if (!note || !work.contains(note) || note.contains(a)) continue;
    let label = labels.get(note);
    if (label === undefined) {
      const shown = (a.textContent ?? '').replace(/[[\]()\s]/g, '');
      if (LABEL.test(shown) && !used.has(shown)) label = shown;
      else {
        while (used.has(String(next))) next++;
        label = String(next);
      }
      used.add(label);
      labels.set(note, label);
    }
    const sup = a.parentElement;
    const reference = sup?.tagName === 'SUP' && foldSpaces(sup.textContent ?? '') === foldSpaces(a.textContent ?? '') ? sup : a;
    const marker = work.ownerDocument.createElement(MARKER);
    // Text, or Turndown would drop the marker as blank.
    marker.textContent = label;
    reference.replaceWith(marker);
  }
  const definitions: string[] = [];
  for (const [note, label] of labels) {
    for (const back of Array.from(note.querySelectorAll('[role~="doc-backlink"]'))) back.remove();
    const text = convert(note).trim().replace(/\n(?=[^\n])/g, '\n    ');
    definitions.push(`[^${label}]: ${text}`);
  }
  for (const note of labels.keys()) removeNote(note, work);
  return { root: work, definitions };
}

/** Writes the markers `takeFootnotes` left as `[^n]`. */
export function addFootnoteRule(service: TurndownService): void {
  service.addRule('footnoteReference', {
    filter: (node) => node.nodeName.toLowerCase() === MARKER,
    replacement: (_content, node) => {
      const label = (node.textContent ?? '').trim();
      return LABEL.test(label) ? `[^${label}]` : '';
    },
  });
}
