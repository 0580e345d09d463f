/**
 * A declared description as plain text: some CMSs write the excerpt's HTML into the tag
 * (`<p>Lead.</p>`), or its source escaped once more (`I&amp;#8217;m`, which the page's parser
 * leaves as `I&#8217;m`). A reader sees neither tags nor character references.
 */
import { foldSpaces } from './fold.ts';
import { decodeEntities } from './jsonld.ts';
import { parseInert } from './inert-html.ts';

// A start or end tag: `<` then a letter or `/`, which a `<` in prose (`a < b`, `<3`) is not.
const TAG = /<\/?[a-z][^<>]*>/i;
const REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

// Elements whose edges separate words when markup is read as text: `<p>One.</p><p>Two.</p>`
// is `One. Two.`, where `textContent` would give `One.Two.`.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
// Elements whose content is never shown as text.
const SILENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function collectText(node: Node, parts: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === child.TEXT_NODE) parts.push(child.nodeValue ?? '');
    else if (child.nodeType === child.ELEMENT_NODE && !SILENT.has((child as Element).tagName)) {
      const block = BLOCKS.has((child as Element).tagName);
      if (block) parts.push(' ');
      collectText(child, parts);
      if (block) parts.push(' ');
    }
  }
}

/**
 * The text a declared description shows, folded. Markup is parsed in an inert document, where
 * nothing loads or runs (`doc` only lends its DOM implementation), which also decodes its
 * character references; a value without tags has them decoded without a parser.
 */
export function plainDescription(value: string | null | undefined, doc: Document): string {
  // References first: escaped once more, a tag reads `&lt;p&gt;` until they are decoded.
  const text = REFERENCE.test(value ?? '') && !TAG.test(value ?? '') ? decodeEntities(value ?? '') : value ?? '';
  if (!TAG.test(text)) return foldSpaces(text);
  const parts: string[] = [];
  collectText(parseInert(text, doc), parts);
  return foldSpaces(parts.join(''));
}
