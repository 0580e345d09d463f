import { JSDOM } from 'jsdom';
import { removeFurniture } from '../../src/core/boilerplate.ts';
import { foldSpaces } from '../../src/core/fold.ts';

/** A paragraph of article prose, long enough that no furniture rule takes it. */
export const prose = (n: number): string =>
  `<p>Paragraph ${n} of the article tells its story in full sentences, long enough to be the article's own text and not a label or a line of page furniture around it.</p>`;

/** The furniture rules run on a fragment of extracted article HTML; the root they leave. */
export function cleanedRoot(html: string): Element {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`, { url: 'https://site.example/story' }).window.document;
  const root = doc.getElementById('root')!;
  removeFurniture(root);
  return root;
}

/** The text the furniture rules leave of a fragment, spaces folded. */
export const cleanedText = (html: string): string => foldSpaces(cleanedRoot(html).textContent ?? '');
