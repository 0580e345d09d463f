import fc from 'fast-check';

/**
 * Pieces a hostile title or file-name template is made of: the characters and names each
 * platform reserves, path tricks, controls, invisible and direction-changing characters, scripts
 * and marks that grow when encoded or decomposed, and unpaired surrogate halves.
 */
export const TITLE_PIECES = [
  '<', '>', ':', '"', '/', '\\', '|', '?', '*', '~', '.', '..', '...', ' ', '  ', '-', '_', '#', '%', '&',
  'CON', 'con', 'PRN', 'AUX', 'NUL', 'nul', 'COM1', 'COM9', 'COM¹', 'LPT1', 'lpt³', 'CONIN$', 'CONOUT$',
  '../', '..\\', '/etc/passwd', 'C:\\', '\\\\?\\', 'a/b', '.git',
  '\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0',
  '\u200b', '\u200d', '\u200e', '\u202e', '\u2028', '\u2029', '\u2066', '\ufeff', '\ufffe', '\uffff', '\ufdd0',
  '\ud800', '\udfff', '\udbff\udfff',
  '👩‍👩‍👧', '🇺🇦', '🐍', '𝔘', '漢字', 'かな', '한국어', 'عربي', 'עברית', 'ǖ', 'ΐ', 'ﷺ', 'e\u0301', 'Z\u0336\u0337\u0338',
  'ß', 'İ', 'ﬃ', 'Å', 'Ω',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TITLE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
);

/** A title: pieces joined, sometimes repeated out to hundreds of characters. */
export const hostileTitle = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc.tuple(piece, fc.integer({ min: 50, max: 320 })).map(([p, n]) => p.repeat(Math.ceil(n / Math.max(1, p.length))).slice(0, n)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '.', '..', '. . .', '-', 'CON', 'nul.md', 'x'.repeat(300), 'ΐ'.repeat(130), '👩‍👩‍👧'.repeat(60)) },
);

const placeholder = fc.constantFrom('{slug}', '{date}', '{year}', '{month}', '{day}', '{title}', '{site}', '{unknown}', '{', '}', '{}', '{SLUG}');

/** Folder separators and the ways a path could try to leave its folder or be absolute. */
const separator = fc.constantFrom('/', '//', '/../', '../', './', '/.', '\\', 'C:/', '~/', '/index');

/** A file-name template: placeholders and hostile pieces, with or without a known extension. */
export const hostileTemplate = fc.tuple(
  fc.array(fc.oneof({ weight: 3, arbitrary: placeholder }, { weight: 2, arbitrary: piece }, { weight: 1, arbitrary: separator }), { minLength: 0, maxLength: 8 }),
  fc.constantFrom('.md', '.html', '.MD', '.Html', '.txt', '', '.', '. ', '.md.', '.md ', '/.md'),
).map(([parts, ending]) => parts.join('') + ending);

export const hostileDate = fc.oneof(
  fc.constantFrom('2026-01-06', '1999-12-31', '0000-00-00'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

export const hostileSite = fc.oneof(fc.constantFrom('www.foxnews.com', 'example.org', '127.0.0.1', 'xn--bcher-kva.example', ''), hostileTitle);
