/**
 * When Readability finds too little (none of its attempts reached its own threshold), the article
 * may sit where it does not look: in an `aside`, in collapsed tabs or accordions it prunes as
 * unlikely, in the `noscript` copy a script-built page ships for readers without scripts. This
 * second opinion scores the page's blocks of text itself, on a clone with page chrome removed, and
 * takes the container that gathers the most unlinked text.
 */
import { foldSpaces } from './fold.ts';
import { furnitureKinds } from './furniture-names.ts';
import { nameMatcher } from './name-words.ts';
import { parseInert } from './inert-html.ts';
import { largestEntry } from './largest-entry.ts';

/** Below this much text Readability's own attempts all fell short (its default threshold). */
export const FALLBACK_BELOW = 500;
/** A block of text counts from this length on. */
const MIN_BLOCK = 25;

const CHROME = [
  'script', 'style', 'template', 'svg', 'nav', 'footer', 'header', 'form', 'button', 'select', 'iframe',
  '[hidden]', '[aria-hidden="true"]', '[role="navigation"]', '[role="contentinfo"]', '[role="banner"]',
  '[role="search"]', '[role="dialog"]', '[role="alertdialog"]', '[role="menu"]',
].join(',');

/** Class and id words of containers that are never the article. */
const CHROME_NAMES = nameMatcher([
  'footer', 'nav', 'navbar', 'navigation', 'menu', 'sidebar', 'breadcrumb', 'breadcrumbs', 'cookie', 'cookies', 'consent',
  'comment', 'comments', 'related', 'newsletter', 'masthead', 'topbar', 'header',
]);

function isChrome(el: Element): boolean {
  return CHROME_NAMES(el) || furnitureKinds(el).some((k) => k === 'comments' || k === 'navigation' || k === 'ad' || k === 'consent');
}

/** Takes out of `root` (a detached copy) the page chrome no article holds: menus, forms, footers, dialogs. */
export function removeChrome(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(CHROME))) el.remove();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (root.contains(el) && isChrome(el)) el.remove();
  }
}

function directText(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += foldSpaces(c.nodeValue ?? '').length;
  return n;
}

function linkText(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += foldSpaces(a.textContent ?? '').length;
  return n;
}

/**
 * The best container of article text on the page, as an element of a detached clone, or null when
 * it holds no more than `atLeast` characters.
 */
export function fallbackBody(doc: Document, atLeast: number): Element | null {
  if (!doc.body) return null;
  const clone = doc.cloneNode(true) as Document;
  const body = clone.body;
  if (!body) return null;
  // A noscript holds the page's script-free copy. Parsed without scripts (the CLI's jsdom) its
  // content is elements; a browser, which runs scripts, keeps it as text: that is parsed inertly.
  for (const ns of Array.from(body.querySelectorAll('noscript'))) {
    const parsed = ns.firstElementChild ? Array.from(ns.childNodes) : Array.from(parseInert(ns.textContent ?? '', clone).childNodes);
    ns.replaceWith(...parsed);
  }
  removeChrome(body);

  const scores = new Map<Element, number>();
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (el.closest('a')) continue;
    const own = directText(el);
    if (own < MIN_BLOCK) continue;
    const length = foldSpaces(el.textContent ?? '').length;
    const density = length ? Math.min(1, linkText(el) / length) : 0;
    const weight = own * (1 - density) ** 2;
    let level = 1;
    for (let up: Element | null = el; up && up !== body && level <= 5; up = up.parentElement, level++) {
      scores.set(up, (scores.get(up) ?? 0) + weight / level);
    }
  }
  let best = largestEntry(scores)?.key;
  if (!best) return null;
  // A lone paragraph wins by itself: take the block around it instead.
  while (best.parentElement && best.parentElement !== body && foldSpaces(best.textContent ?? '').length < 400) best = best.parentElement;
  const text = foldSpaces(best.textContent ?? '').length;
  return text > atLeast ? best : null;
}
