/**
 * What `npm run bench:markdown` looks for in a page, found by loose structural tests that do not
 * share the converters' rules (so a construct the converters miss still counts), and how it would
 * look in the Markdown once converted.
 */
import { embedKind } from '../src/core/embed-kinds.ts';
import { foldSpaces } from '../src/core/fold.ts';

export type Construct = 'math' | 'footnotes' | 'captions' | 'embeds';
export const CONSTRUCTS: Construct[] = ['math', 'footnotes', 'captions', 'embeds'];

export interface Found {
  kind: Construct;
  /** The element, to tell whether it stood in the article. */
  at: Element;
  /** Is it in the Markdown body, converted? (Footnotes are counted for the page: `footnoteReferences`.) */
  converted: (markdown: string) => boolean;
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');
/** Markdown text without Turndown's backslash escapes. */
export const unescape = (markdown: string): string => markdown.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');

const TEX = /^\s*(?:application|text)\/(?:x-)?tex\s*$/i;

/** The TeX the page gives for a formula, in each of the places it may write it. */
function texOf(el: Element): string[] {
  if (el.localName === 'script') return [(el.textContent ?? '').replace(/^\s*%\s*<!\[CDATA\[|%?\s*\]\]>\s*$/g, '').trim()];
  const notes = Array.from(el.getElementsByTagName('annotation')).filter((a) => TEX.test(a.getAttribute('encoding') ?? ''));
  const alts = [el, ...Array.from(el.querySelectorAll('math, img[class*="mwe-math-fallback-image"]'))]
    .map((e) => e.getAttribute(e.localName === 'img' ? 'alt' : 'alttext') ?? '');
  return [...notes.map((n) => n.textContent ?? ''), ...alts].map((t) => t.trim()).filter(Boolean);
}

const FORMULAS = 'script[type^="math/tex" i], .katex, mjx-container, .mwe-math-element, img[class*="mwe-math-fallback-image"], math';

function mathIn(doc: Document): Found[] {
  const found: Found[] = [];
  for (const el of Array.from(doc.querySelectorAll(FORMULAS))) {
    // One formula, however many copies of it the page draws.
    if (el.parentElement?.closest('.katex, mjx-container, .mwe-math-element, math, .MathJax, .MathJax_Display')) continue;
    const tex = texOf(el);
    const shown = squeeze(el.localName === 'mjx-container' ? el.querySelector('math')?.textContent ?? '' : el.textContent ?? '');
    if (tex.length === 0 && !shown) continue;
    found.push({
      kind: 'math',
      at: el,
      converted: (md) => {
        const flat = squeeze(md);
        return tex.length > 0 ? tex.some((t) => flat.includes(`$${squeeze(t)}$`)) : squeeze(unescape(md)).includes(shown);
      },
    });
  }
  return found;
}

const NOTE_CLASS = /(?:^|[^a-z])(?:fn|footnote|footnotes|noteref|fnref|endnote|ref|reference|cite)(?:$|[^a-z])/i;
const SHORT_LABEL = /^[[(]?\s*[\p{L}\p{N}*†‡]{1,4}\s*[\])]?$/u;

function footnotesIn(doc: Document): Found[] {
  const ids = new Set(Array.from(doc.querySelectorAll('[id], a[name]'), (el) => el.id || el.getAttribute('name') || ''));
  const found: Found[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href^="#"]'))) {
    const id = decodeURIComponent((a.getAttribute('href') ?? '').slice(1));
    if (!id || !ids.has(id) || !SHORT_LABEL.test((a.textContent ?? '').trim())) continue;
    const signal = a.closest('sup') || a.querySelector('sup') || a.getAttribute('role') === 'doc-noteref'
      || NOTE_CLASS.test(`${a.getAttribute('class') ?? ''} ${a.parentElement?.getAttribute('class') ?? ''}`);
    if (!signal) continue;
    found.push({ kind: 'footnotes', at: a, converted: () => false });
  }
  return found;
}

/** References written `[^x]` whose note `[^x]: …` is defined at the end. */
export function footnoteReferences(markdown: string): number {
  return [...markdown.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].filter((m) => markdown.includes(`\n[^${m[1]}]: `)).length;
}

const CREDIT_WORDS = String.raw`©|\(c\)\s|copyright\b|(?:photo|foto|image|bild)s?\s*[:/©]|(?:photo|foto|image)s? by\b|credit|source\s*:|quelle\s*:`;
const CREDIT = new RegExp(`^(?:${CREDIT_WORDS})`, 'i');

/** A credit written after the caption's words ("Neanderthals. Source: Wikimedia Commons"): not part of what is looked for. */
const CREDIT_TAIL = new RegExp(String.raw`(?:[.!?\u2026]\s+|\s*[([]\s*|\s+[\u2013\u2014|/-]\s+)(?:${CREDIT_WORDS}).{0,90}$`, 'i');

function captionsIn(doc: Document): Found[] {
  const found: Found[] = [];
  for (const caption of Array.from(doc.querySelectorAll('figure figcaption'))) {
    const figure = caption.closest('figure')!;
    if (!figure.querySelector('img')) continue;
    const copy = caption.cloneNode(true) as Element;
    for (const part of Array.from(copy.querySelectorAll('[class*="credit" i], [class*="copyright" i]'))) part.remove();
    const text = foldSpaces(copy.textContent ?? '').replace(CREDIT_TAIL, (tail) => (/^[.!?\u2026]/.test(tail) ? tail[0]! : ''));
    if (text.length < 15 || CREDIT.test(text)) continue;
    const start = squeeze(text.slice(0, 40));
    found.push({
      kind: 'captions',
      at: figure,
      // Kept as its own line of text (an italic line), not only as the image's alternative text.
      converted: (md) => unescape(md).split('\n').some((line) => !line.startsWith('![') && squeeze(line).includes(start)),
    });
  }
  return found;
}

function frameSrc(frame: Element): string {
  const src = (frame.getAttribute('src') ?? '').trim();
  return src && src !== 'about:blank' ? src : (frame.getAttribute('data-src') ?? '').trim();
}

function embedsIn(doc: Document): Found[] {
  const found: Found[] = [];
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    if (/^[0-2](?:px)?$/.test(frame.getAttribute('width') ?? '') || /^[0-2](?:px)?$/.test(frame.getAttribute('height') ?? '')) continue;
    let url: URL;
    try {
      url = new URL(frameSrc(frame), doc.baseURI);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol) || !frameSrc(frame)) continue;
    const kind = embedKind(url.href);
    if (!kind && !(frame.getAttribute('title') ?? '').trim()) continue;
    const href = kind?.href ?? url.href;
    found.push({ kind: 'embeds', at: frame, converted: (md) => md.includes(`](${href})`) || md.includes(`](${encodeURI(href)})`) });
  }
  return found;
}

/** Every construct of the page, wherever it stands (`inArticle` tells which ones the article holds). */
export function constructsOf(doc: Document): Found[] {
  return [...mathIn(doc), ...footnotesIn(doc), ...captionsIn(doc), ...embedsIn(doc)];
}

const BLOCKS = 'p, li, dd, dt, td, th, blockquote, h1, h2, h3, h4, h5, h6, figcaption, pre';

/** A piece of text beside the element: its block's own words, else the nearest block before or after it. */
function neighbours(el: Element): string[] {
  const block = el.closest(BLOCKS);
  if (block) {
    // The longest run of the block's words between formulas, which the clip writes differently.
    const copy = block.cloneNode(true) as Element;
    for (const part of Array.from(copy.querySelectorAll(FORMULAS))) part.replaceWith('\u0000');
    const runs = foldSpaces(copy.textContent ?? '').split('\u0000').map(foldSpaces).sort((a, b) => b.length - a.length);
    if ((runs[0] ?? '').length >= 25) return [runs[0]!.slice(0, 60)];
  }
  const out: string[] = [];
  const blocks = Array.from(el.ownerDocument.querySelectorAll(BLOCKS));
  const before = blocks.filter((b) => (b.compareDocumentPosition(el) & 4) !== 0 && !b.contains(el));
  const after = blocks.filter((b) => (el.compareDocumentPosition(b) & 4) !== 0 && !el.contains(b));
  const prev = before.reverse().find((b) => foldSpaces(b.textContent ?? '').length >= 30);
  const next = after.find((b) => foldSpaces(b.textContent ?? '').length >= 30);
  if (prev) out.push(foldSpaces(prev.textContent ?? '').slice(-60));
  if (next) out.push(foldSpaces(next.textContent ?? '').slice(0, 60));
  return out;
}

/** Did the element stand in the article? Text beside it is in the clip's text (`bodyText`, folded). */
export function inArticle(el: Element, bodyText: string): boolean {
  return neighbours(el).some((text) => bodyText.includes(text));
}
