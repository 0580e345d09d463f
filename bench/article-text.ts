/**
 * The text a reader sees in an article body, HTML or Markdown: what the benches score and compare
 * (./quality-body.ts, ./retention.ts).
 */

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'SUMMARY',
]);

/** Text of an element with a line break around each block, as a reader sees it rendered. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts.join('');
}

/** An article's HTML parsed into an element of an inert document (`doc`: any document of the page). */
export function parseArticle(html: string, doc: Document): Element {
  const holder = doc.implementation.createHTMLDocument('').createElement('div');
  holder.innerHTML = html;
  return holder;
}

/** The text a reader sees in an article's HTML. */
export const htmlText = (html: string, doc: Document): string => blockText(parseArticle(html, doc));

/** The text a reader sees in a Markdown body written by Frontclip's Turndown settings. */
export function markdownText(md: string): string {
  const out: string[] = [];
  // Fenced code keeps its text verbatim; only prose outside it carries Markdown syntax.
  const pieces = md.split(/^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\1[ \t]*$/m);
  for (let i = 0; i < pieces.length; i += 3) {
    out.push(proseText(pieces[i] ?? ''));
    if (i + 2 < pieces.length) out.push(`\n${pieces[i + 2] ?? ''}\n`);
  }
  return out.join('');
}

const LINK_TEXT = String.raw`((?:\\.|[^[\]\\])*)`;
const LINK_DEST = String.raw`\((?:[^()\s]|\([^()\s]*\))*(?:\s+"(?:\\.|[^"\\])*")?\)`;
const IMAGE = new RegExp(String.raw`(?<!\\)!\[${LINK_TEXT}\]${LINK_DEST}`, 'g');
const LINK = new RegExp(String.raw`(?<!\\)\[${LINK_TEXT}\]${LINK_DEST}`, 'g');

function proseText(md: string): string {
  // Inline code spans keep their text; hide them from the other rules.
  const codes: string[] = [];
  let text = md.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks, code: string) => {
    codes.push(code.trim());
    return `\u0000${codes.length - 1}\u0000`;
  });
  text = text.replace(IMAGE, '');
  // Links can nest in nothing but images, so one pass after images suffices.
  text = text.replace(LINK, '$1');
  text = text
    .replace(/^ {0,3}(?:> ?)+/gm, '')
    .replace(/^ {0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*(?:[-+*]|\d+\.)[ \t]+/gm, '')
    .replace(/^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '')
    .replace(/^\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$/gm, '')
    .replace(/^[ \t]*\|.*\|[ \t]*$/gm, (row) => row.replace(/(?<!\\)\|/g, ' '))
    .replace(/\*\*|~~/g, '')
    // Turndown escapes every literal underscore, so a bare one is emphasis.
    .replace(/(?<!\\)_/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|=<&])/g, '$1');
  // eslint-disable-next-line no-control-regex -- NUL brackets the placeholders set aside above
  return text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)] ?? '');
}
