/**
 * Parses an HTML string into a `div` of a new, inert document (`createHTMLDocument`): a document
 * without a browsing context, where nothing in the markup runs or loads. The caller sanitizes
 * what it keeps.
 */
export function parseInert(html: string, doc: Document): HTMLDivElement {
  const holder = doc.implementation.createHTMLDocument('').createElement('div');
  holder.innerHTML = html;
  return holder;
}
