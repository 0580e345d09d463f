/**
 * MathJax 2 keeps each formula's TeX in a `<script type="math/tex">` (`; mode=display` for display
 * math) and draws it beside the script. Readability deletes every script, so on its copy of the
 * page each such script becomes a `<math>` element first (see math-markup.ts), and MathJax's
 * drawing and preview go: the formula is then said once.
 */
import { mathElement } from './math-markup.ts';

/** Pages (WordPress, Blogger) wrap the TeX in a commented CDATA section, which MathJax strips. */
const CDATA = /^\s*%\s*<!\[CDATA\[([\s\S]*?)%?\s*\]\]>\s*$/;

const MATH_TYPE = /^math\/tex/i;

const PREVIEW = /(?:^|\s)MathJax_Preview(?:\s|$)/;

/** MathJax's drawing of the script's formula: `<id>-Frame`, inside a display wrapper for display math. */
function drawingOf(root: ParentNode, script: Element): Element | null {
  const id = `${script.id}-Frame`.replace(/["\\]/g, '\\$&');
  const frame = script.id ? root.querySelector(`[id="${id}"]`) : null;
  if (!frame) return null;
  const wrapper = frame.parentElement;
  return wrapper && wrapper.children.length === 1 && /Display/.test(wrapper.getAttribute('class') ?? '') ? wrapper : frame;
}

/**
 * Turns MathJax 2's formula scripts under `root` (Readability's own copy of the page, or a copy
 * of its body or of a selection) into MathML, in place.
 */
export function mathScriptsToMathml(root: Document | Element): void {
  const doc = root.ownerDocument ?? (root as Document);
  // By tag and then type rather than `script[type^="math/tex" i]`: the same scripts, found without
  // a selector engine's walk (slow where it is JavaScript, as in jsdom).
  const scripts = Array.from(root.getElementsByTagName('script')).filter((s) => MATH_TYPE.test(s.getAttribute('type') ?? ''));
  for (const script of scripts) {
    const type = script.getAttribute('type') ?? '';
    const raw = script.textContent ?? '';
    const tex = (CDATA.exec(raw)?.[1] ?? raw).trim();
    const drawing = drawingOf(root, script);
    const before = (drawing ?? script).previousElementSibling;
    if (before && PREVIEW.test(before.getAttribute('class') ?? '')) before.remove();
    const assistive = drawing?.querySelector('math') ?? null;
    drawing?.remove();
    if (!tex && !assistive) {
      script.remove();
      continue;
    }
    script.replaceWith(mathElement(doc, { tex, display: /mode\s*=\s*display/i.test(type), drawing: assistive }));
  }
}
