import { escapeHtml } from './generated-pages.ts';

/** What one payload does when it runs: bumps the trap counter of the window it runs in. */
export const RUN = 'self.__frontclipTrap=(self.__frontclipTrap|0)+1';

/** Markup and script in page text: must stay text in every field, file and view. */
export const MARKUP = [
  `<img src=x onerror="${RUN};document.title='pwned'">`,
  `<script>${RUN}</script>`,
  `"><svg onload=${RUN}>`,
  `</textarea><img src=x onerror=${RUN}>`,
  `</title><script>${RUN}</script>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<a href="javascript:${RUN}">link</a>`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `<!-- comment --> ]]> <![CDATA[ x ]]>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
];

/** Strings that break a hand-written YAML emitter. */
export const YAML_BREAKERS = [
  '---',
  '"',
  "'",
  '\\',
  '\\"',
  "''",
  'key: value',
  'colon:',
  '# a comment',
  'trailing #',
  '- a list item',
  '? a key',
  '[a, b]',
  '{a: b}',
  '&anchor *alias',
  '!!python/object/apply:os.system ["ls"]',
  '%YAML 1.2',
  '@at `tick`',
  '| literal',
  '> folded',
  'null',
  '~',
  'true',
  'NO',
  '0x1F',
  '1e3',
  '2025-01-01',
  '.inf',
  '<<',
  'line one\n---\nline two',
  'carriage\r\nreturn',
  'line\u2028separator',
  'paragraph\u2029separator',
  'next\u0085line',
  'no\u00a0break',
  'tab\there',
  'vertical\u000btab',
  'bell\u0007 escape\u001b delete\u007f c1\u0090',
  'bom\ufeff zero\u200bwidth',
];

/** Scripts, marks and sizes a file name and a YAML string must both survive. */
export const UNICODE = [
  'Emoji 👩‍👩‍👧 and flags 🇺🇦 and 🐍',
  'Combining e\u0301 a\u0308 Z\u0336a\u0337l\u0338g\u0334o\u0335',
  'RTL عربي עברית with \u202eoverride\u202c',
  '漢字かなカナ 한국어',
  'Astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'CON', 'nul.txt', 'LPT1', '..', '../../etc/passwd', 'C:\\Windows\\system32', 'trailing dots...',
  'x'.repeat(300),
];

export interface MetaCase {
  title: string;
  description: string;
  keywords: string;
}

/**
 * Every hostile string above appears in a title or a description of some case; each case mixes
 * several, so that a dozen pages try them all.
 */
export function metaCases(): MetaCase[] {
  const all = [...MARKUP, ...YAML_BREAKERS, ...UNICODE];
  const cases: MetaCase[] = [];
  const per = 6;
  for (let i = 0; i < all.length; i += per) {
    const group = all.slice(i, i + per);
    const half = Math.ceil(group.length / 2);
    cases.push({
      // A word first, so the title never folds to nothing.
      title: `Case ${cases.length + 1}: ${group.slice(0, half).join(' ¦ ')}`,
      description: group.slice(half).join(' ¦ ') || group.join(' ¦ '),
      keywords: group.join(','),
    });
  }
  return cases;
}

export const hostileInputCount = (): number => MARKUP.length + YAML_BREAKERS.length + UNICODE.length;

/** A plain article page whose title, description and keywords are the case's strings. */
export function hostileMetaPage(c: MetaCase): string {
  const paragraph = (n: number) => `<p>Paragraph ${n}: the harbour fair raised money for the lifeboat station, and the pier was repaired before the winter storms arrived on the coast this year.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title>
<meta property="og:title" content="${escapeHtml(c.title)}">
<meta property="og:description" content="${escapeHtml(c.description)}">
<meta name="keywords" content="${escapeHtml(c.keywords)}">
<meta property="article:published_time" content="2025-04-04T12:00:00Z">
<script>${RUN};</script>
</head><body><main><article><h1>${escapeHtml(c.title)}</h1>${paragraph(1)}<p>${escapeHtml(c.description)}</p>${paragraph(2)}${paragraph(3)}</article></main></body></html>`;
}
