/**
 * Pages write a formula in several ways at once: KaTeX puts MathML (with the TeX as an annotation)
 * beside a copy drawn in spans; MathJax 3 puts hidden MathML beside its drawing; MediaWiki puts
 * MathML beside an image whose `alt` is the TeX. Each is reduced to one `<math>` element that
 * holds the drawing as MathML (what a browser shows), `alttext` with the TeX source when the page
 * has it, and `display="block"` for display math: the HTML body shows it, and the Markdown
 * converter writes the TeX, so the formula is said once, never twice.
 */

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
/** KaTeX and MathJax write `application/x-tex`; some pages `TeX` or `text/x-tex`. */
const TEX_ENCODING = /^\s*(?:(?:application|text)\/(?:x-)?tex|tex|latex)\s*$/i;
const WIKI_IMAGE = 'img[class*="mwe-math-fallback-image"]';
const WRAPPERS = `.katex-display, .katex, mjx-container, .mwe-math-element, ${WIKI_IMAGE}`;

export interface Formula {
  /** The TeX source as the page wrote it, or '' when the page gives none. */
  tex: string;
  display: boolean;
  /** MathML whose children draw the formula, when the page has it. */
  drawing?: Element | null;
}

const isAnnotation = (el: Element): boolean => /^annotation(?:-xml)?$/i.test(el.localName);

function texOf(math: Element): string {
  for (const note of Array.from(math.getElementsByTagName('annotation'))) {
    if (TEX_ENCODING.test(note.getAttribute('encoding') ?? '')) return (note.textContent ?? '').trim();
  }
  return (math.getAttribute('alttext') ?? '').trim();
}

/** The drawing part of MathML: a `<semantics>` wrapper's first child, annotations left out. */
function drawingNodes(math: Element): Node[] {
  const semantics = Array.from(math.children).find((c) => c.localName === 'semantics');
  const source = semantics ?? math;
  const nodes = Array.from(source.childNodes).filter((n) => n.nodeType !== 1 || !isAnnotation(n as Element));
  const copies = nodes.map((n) => n.cloneNode(true));
  for (const copy of copies) {
    if (copy.nodeType !== 1) continue;
    for (const inner of Array.from((copy as Element).querySelectorAll('*')).filter(isAnnotation)) inner.remove();
  }
  return copies;
}

/** One `<math>` element for a formula, in `doc`. */
export function mathElement(doc: Document, formula: Formula): Element {
  const math = doc.createElementNS(MATHML_NS, 'math');
  if (formula.display) math.setAttribute('display', 'block');
  if (formula.tex) math.setAttribute('alttext', formula.tex);
  if (formula.drawing) math.append(...drawingNodes(formula.drawing));
  // Without a drawing the source is what there is to show; an empty element would be dropped as
  // blank by the converters.
  if (!(math.textContent ?? '').trim() && formula.tex) {
    const text = doc.createElementNS(MATHML_NS, 'mtext');
    text.textContent = formula.tex;
    math.append(text);
  }
  return math;
}

/** The formula a page's MathML states, its TeX from a TeX annotation or `alttext`. */
export function formulaOf(math: Element, display = math.getAttribute('display') === 'block'): Formula {
  return { tex: texOf(math), display, drawing: math };
}

function wrapperFormula(box: Element): Formula | null {
  const math = box.localName === 'math' ? box : box.querySelector('math');
  const image = box.matches(WIKI_IMAGE) ? box : box.querySelector(WIKI_IMAGE);
  const display = box.classList.contains('katex-display')
    || box.getAttribute('display') === 'true'
    || math?.getAttribute('display') === 'block'
    || /mwe-math-fallback-image-display/.test(image?.getAttribute('class') ?? '');
  if (math) return formulaOf(math, display);
  const alt = (image?.getAttribute('alt') ?? '').trim();
  return alt ? { tex: alt, display } : null;
}

/**
 * Whether `root` may hold a formula: the elements `math` or WRAPPERS select, asked by tag and
 * class, which needs no selector engine (most articles have no math, and this runs on each).
 */
function mayHoldMath(root: Element): boolean {
  for (const tag of ['math', 'mjx-container']) if (root.getElementsByTagName(tag).length > 0) return true;
  for (const name of ['katex', 'katex-display', 'mwe-math-element']) if (root.getElementsByClassName(name).length > 0) return true;
  return Array.from(root.getElementsByTagName('img')).some((img) => (img.getAttribute('class') ?? '').includes('mwe-math-fallback-image'));
}

/** Rewrites every formula under `root` into its one `<math>` element, in place. */
export function normalizeMath(root: Element): void {
  if (!mayHoldMath(root)) return;
  const doc = root.ownerDocument;
  // Outer wrappers come first in document order, so an inner part is gone before its turn.
  for (const box of Array.from(root.querySelectorAll(WRAPPERS))) {
    if (!root.contains(box)) continue;
    const formula = wrapperFormula(box);
    // A wrapper that lost its MathML (a drawing alone) keeps its visible text.
    if (formula) box.replaceWith(mathElement(doc, formula));
  }
  for (const math of Array.from(root.querySelectorAll('math'))) {
    if (!root.contains(math) || math.parentElement?.closest('math')) continue;
    math.replaceWith(mathElement(doc, formulaOf(math)));
  }
}
