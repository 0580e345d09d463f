import type TurndownService from 'turndown';
import { foldSpaces } from './fold.ts';

/**
 * Markdown readers without math support show TeX as text, and would take `<b` in `a<b` for the
 * start of raw HTML, or `](` for a link. A space after `<` and between `]` and `(` changes
 * nothing in math mode, where TeX ignores spaces, and leaves neither.
 */
const texForMarkdown = (tex: string): string => tex.replace(/<(?=[A-Za-z/!?])/g, '< ').replace(/\]\(/g, '] (');

/**
 * A formula (one `<math>` element, see math-markup.ts) as TeX: `$…$` inline, `$$…$$` on lines of
 * its own for display math, the source as the page wrote it (no Markdown escaping inside).
 * Without TeX the formula's visible text stands once, as text.
 */
export function addMathRule(service: TurndownService): void {
  service.addRule('math', {
    filter: (node) => node.nodeName.toLowerCase() === 'math',
    replacement: (_content, node) => {
      const math = node as Element;
      const tex = texForMarkdown((math.getAttribute('alttext') ?? '').trim());
      if (!tex) return service.escape(foldSpaces(math.textContent));
      // A table cell is one line: display math is written inline there.
      const display = math.getAttribute('display') === 'block' && !math.closest('td, th');
      // A blank line would end the formula early, inline or displayed.
      return display ? `\n\n$$\n${tex.replace(/\n\s*\n/g, '\n')}\n$$\n\n` : `$${tex.replace(/\s*\n\s*/g, ' ')}$`;
    },
  });
}
