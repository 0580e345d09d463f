// Block elements worth keeping around a selection made inside one of them, so a sentence
// selected in a heading or a quote stays a heading or a quote.
const KEEP_AROUND = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

// Node.ELEMENT_NODE, spelled out so this also runs where `Node` is no global (the CLI, jsdom tests).
const ELEMENT_NODE = 1;

/**
 * The HTML of every range of the selection, in order. Ranges are cloned (`cloneContents`), so
 * the page is never touched; the result is only parsed later in an inert document.
 */
export function selectionHtml(selection: Selection | null): string {
  if (!selection || selection.isCollapsed) return '';
  const doc = selection.anchorNode?.ownerDocument;
  if (!doc) return '';
  const parts: string[] = [];
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    const ancestor = range.commonAncestorContainer;
    const container = ancestor.nodeType === ELEMENT_NODE ? (ancestor as Element) : ancestor.parentElement;
    const holder = container && KEEP_AROUND.has(container.tagName)
      ? doc.createElement(container.tagName.toLowerCase())
      : doc.createElement('div');
    holder.append(range.cloneContents());
    parts.push(holder.tagName === 'DIV' ? holder.innerHTML : holder.outerHTML);
  }
  return parts.join('\n');
}
