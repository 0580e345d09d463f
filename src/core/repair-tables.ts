/** Table parts an extractor left without their table. */
import { changed } from './dom-measure.ts';

/**
 * Readability can lift a layout table's cell out of its table; a cell or row without a table is
 * invalid HTML that converters trip over, so it becomes a plain block.
 */
const TABLE_PARENT: Record<string, RegExp> = {
  TD: /^TR$/, TH: /^TR$/, TR: /^(?:TBODY|THEAD|TFOOT|TABLE)$/, TBODY: /^TABLE$/, THEAD: /^TABLE$/, TFOOT: /^TABLE$/, CAPTION: /^TABLE$/,
};

export function repairTables(root: Element): void {
  // In document order, so a stray row is mended before its cells are looked at.
  for (const el of Array.from(root.querySelectorAll('td, th, tr, tbody, thead, tfoot, caption'))) {
    // A row holds cells only: the white space between them is never shown, and the Markdown
    // table converter counts a row's child nodes as its columns.
    if (el.tagName === 'TR') for (const node of Array.from(el.childNodes)) if (node.nodeType !== 1) node.remove();
    if (TABLE_PARENT[el.tagName]!.test(el.parentElement?.tagName ?? '')) continue;
    const div = el.ownerDocument.createElement('div');
    div.append(...Array.from(el.childNodes));
    el.replaceWith(div);
    changed();
  }
}
