import createDOMPurify, { type DOMPurify } from 'dompurify';
import { parseUrl } from './urls.ts';
import { normalizeMath } from './math-markup.ts';
import { markFootnotes } from './footnotes.ts';
import { embedsToLinks } from './embeds.ts';
import { dropSoftHyphens } from './soft-hyphens.ts';

/** Elements that never belong in a clipped article: active content, forms and page chrome. */
const FORBID_TAGS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'form', 'input', 'button', 'select', 'option', 'textarea', 'link', 'meta', 'base',
  'dialog', 'slot',
];
const FORBID_ATTR = ['style', 'srcdoc', 'formaction', 'action', 'ping', 'background'];
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'], img: ['src'], source: ['src'], video: ['src', 'poster'], audio: ['src'],
  track: ['src'], area: ['href'], q: ['cite'], blockquote: ['cite'], del: ['cite'], ins: ['cite'],
};
/** Code-block language hints (`language-js`, `lang-py`) are the only classes worth keeping. */
const LANGUAGE_CLASS = /^(?:language|lang)-[\w+#.-]+$/i;
const SRCSET_ENTRY = /^\s*(\S+)(\s+[\d.]+[wx])?\s*$/;

const purifiers = new WeakMap<object, DOMPurify>();

/**
 * DOMPurify needs a window. The content script has the page's; the CLI and tests have jsdom's.
 * One purifier per window, configured once.
 */
function purifierFor(win: Window & typeof globalThis): DOMPurify {
  let purify = purifiers.get(win);
  if (!purify) {
    purify = createDOMPurify(win);
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      if (data.attrName === 'class') {
        const kept = data.attrValue.split(/\s+/).filter((c) => LANGUAGE_CLASS.test(c));
        if (kept.length === 0) data.keepAttr = false;
        else data.attrValue = kept.join(' ');
      }
    });
    purifiers.set(win, purify);
  }
  return purify;
}

function windowOf(doc: Document): Window & typeof globalThis {
  const win = doc.defaultView ?? (typeof window === 'undefined' ? null : window);
  if (!win) throw new Error('sanitizeHtml needs a document that has a window');
  return win as Window & typeof globalThis;
}

function absolutizeSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((entry) => {
      const m = SRCSET_ENTRY.exec(entry);
      if (!m || !m[1]) return '';
      return `${parseUrl(m[1], base)?.href ?? m[1]}${m[2] ?? ''}`;
    })
    .filter(Boolean)
    .join(', ');
}

const URL_TAGS = Object.keys(URL_ATTRS).join(', ');

function absolutize(root: Element | DocumentFragment, base: string): void {
  // One pass over the elements that carry URLs: a query per tag would walk the tree a dozen times.
  for (const el of Array.from(root.querySelectorAll(URL_TAGS))) {
    const tag = el.localName;
    for (const attr of URL_ATTRS[tag] ?? []) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      // Leave in-page anchors alone; everything else becomes absolute.
      if (value.startsWith('#')) continue;
      const abs = parseUrl(value, base)?.href;
      if (abs) el.setAttribute(attr, abs);
      else el.removeAttribute(attr);
    }
    if ((tag === 'img' || tag === 'source') && el.hasAttribute('srcset')) {
      el.setAttribute('srcset', absolutizeSrcset(el.getAttribute('srcset') ?? '', base));
    }
  }
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'SUMMARY', 'PICTURE',
]);

function isBlock(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return BLOCK.has(el.tagName) || (el.localName === 'math' && el.getAttribute('display') === 'block');
}

/**
 * Does a block (or the edge of one) come first on this side of `node`? Where `node` is the first
 * or last child of an inline element, the answer lies beyond that element: the only space in
 * `«<small>&nbsp;</small>mot` stands between two words of a line.
 */
function blockOrEdgeBeside(node: Node, side: 'previousSibling' | 'nextSibling', root: Node): boolean {
  for (let at = node; ;) {
    const beside = at[side];
    if (beside) return isBlock(beside);
    const parent = at.parentNode;
    if (!parent || parent === root || isBlock(parent)) return true;
    at = parent;
  }
}

/** Indentation between block elements is layout of the source page, not text of the article. */
function dropLayoutWhitespace(root: Node): void {
  // Removed elements leave neighbouring text nodes behind: merge them so each gap is one node.
  root.normalize();
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const drop: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/\S/.test(n.nodeValue ?? '')) continue;
    if (n.parentElement?.closest('pre')) continue;
    if (blockOrEdgeBeside(n, 'previousSibling', root) && blockOrEdgeBeside(n, 'nextSibling', root)) drop.push(n);
  }
  for (const n of drop) n.parentNode?.removeChild(n);
}

/**
 * A form's controls are dropped, the article text around them is not: shop pages put a product's
 * description inside the form that orders it. Forms are unwrapped before DOMPurify sees them (it
 * drops a form whose controls shadow its DOM properties, such as an input named `id`, with all it
 * holds); a form of nothing but controls goes whole.
 */
const FORM_CONTROLS = 'input, button, select, textarea, option, optgroup, datalist, output, progress, meter';

function unwrapForms(root: Element): void {
  for (const form of Array.from(root.querySelectorAll('form')).reverse()) {
    for (const control of Array.from(form.querySelectorAll(FORM_CONTROLS))) control.remove();
    if (!(form.textContent ?? '').trim() && !form.querySelector('img, picture, video, audio, table')) {
      form.remove();
      continue;
    }
    const holder = form.ownerDocument.createElement('div');
    holder.append(...Array.from(form.childNodes));
    form.replaceWith(holder);
  }
}

/**
 * Makes article HTML safe to store and show: no script, style, frame, form, event-handler
 * attribute or `javascript:` URL survives, and every link and image URL is absolute. Formulas
 * become one `<math>` each, footnotes carry their roles, and embedded players become links.
 * `root` is changed in place (callers pass a node of a detached clone) and returned.
 */
export function sanitizeElement<T extends Element>(root: T, base: string, doc: Document): T {
  const purify = purifierFor(windowOf(doc));
  unwrapForms(root);
  // Formulas, footnotes and embeds are read while the page's classes and frames are still there.
  normalizeMath(root);
  markFootnotes(root, base);
  embedsToLinks(root, base);
  // DOMPurify keeps the text of elements it forbids; a form's button labels or a script's source
  // are not article text, so these go whole.
  for (const el of Array.from(root.querySelectorAll(FORBID_TAGS.join(',')))) el.remove();
  const clean = purify.sanitize(root, {
    IN_PLACE: true,
    FORBID_TAGS,
    FORBID_ATTR,
    // MathML is safe to keep (DOMPurify checks its namespaces); `alttext` holds a formula's TeX.
    USE_PROFILES: { html: true, svg: true, svgFilters: true, mathMl: true },
    ADD_ATTR: ['target', 'alttext'],
    ALLOW_DATA_ATTR: false,
  }) as unknown as T;
  absolutize(clean, base);
  dropSoftHyphens(clean);
  dropLayoutWhitespace(clean);
  return clean;
}

/** Sanitizes an HTML string (a selection, an edited body) the same way. */
export function sanitizeHtml(html: string, base: string, doc: Document): string {
  const holder = doc.implementation.createHTMLDocument('').createElement('div');
  // An inert document: nothing in `html` runs or loads while it is parsed here.
  holder.innerHTML = html;
  return sanitizeElement(holder, base, doc).innerHTML.trim();
}
