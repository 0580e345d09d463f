import { parseDocument } from 'yaml';
import type { ArticleFile } from './article.ts';
import { messageOf } from './error-message.ts';
import { isIsoDay, normalize, trimLineBreaks, UNPRINTABLE } from './fold.ts';
import { slugify } from './slug.ts';

// Folding and the day check live in fold.ts, without the YAML parser: the library's store needs
// them on every page, the parser only where files are read.
export { isIsoDay, normalize } from './fold.ts';

/** Thrown when a text is not an article file, or an ArticleFile cannot be written; one line. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

const DELIMITER = '---';

// ---------------------------------------------------------------------------------------------
// Writing

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

/** A folded value as a YAML double-quoted scalar on one line. */
function doubleQuoted(folded: string): string {
  const body = folded
    .replace(/[\\"]/g, (ch) => `\\${ch}`)
    .replace(UNPRINTABLE, (ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
    });
  return `"${body}"`;
}

/** A folded value as a YAML single-quoted scalar on one line. */
function singleQuoted(folded: string): string {
  return `'${folded.replace(/'/g, "''")}'`;
}

function list(key: string, items: readonly string[]): string[] {
  if (items.length === 0) return [`${key}: []`];
  return [`${key}:`, ...items.map((item) => `- ${singleQuoted(item)}`)];
}

/**
 * The article file's text. Hand-written rather than `yaml.stringify`, because FORMAT.md fixes the
 * layout byte for byte (field order, quote style per field, list items at column 0, the blank line
 * before `draft`), which no YAML emitter's options reproduce exactly; the tests parse every
 * output back with the `yaml` package to prove it is still the YAML it claims to be.
 */
export function write(file: ArticleFile): string {
  const [head, body] = writeParts(file);
  return body === undefined ? head : `${head}${body}\n`;
}

/**
 * The text `write` gives, in the pieces it is joined from: the front matter, then (unless the body
 * is empty) the body and the final line break. A zip writer encodes them one after the other:
 * joining them first builds a string of the whole file that the encoder must then flatten, which
 * in a profile of an export of 10,000 articles cost more than the encoding itself.
 */
export function writeParts(file: ArticleFile): [head: string] | [head: string, body: string, end: string] {
  checkShape(file, 'cannot write article');
  const f = normalize(file);
  const lines = [
    DELIMITER,
    `title: ${doubleQuoted(f.title)}`,
    // Unquoted on purpose (FORMAT.md): checkShape has proved it is a YYYY-MM-DD day, which
    // YAML 1.2's core schema reads back as that very string.
    `date: ${f.date}`,
    `description: ${doubleQuoted(f.description)}`,
    `summary: ${doubleQuoted(f.summary)}`,
    `slug: ${doubleQuoted(f.slug)}`,
    `image: ${singleQuoted(f.image)}`,
    `link: ${singleQuoted(f.link)}`,
    `source: ${singleQuoted(f.source)}`,
    ...list('categories', f.categories),
    ...list('tags', f.tags),
    '',
    `draft: ${f.draft ? 'true' : 'false'}`,
    DELIMITER,
  ];
  const head = `${lines.join('\n')}\n`;
  // An empty body would otherwise leave a blank last line: the file ends with exactly one `\n`.
  return f.body === '' ? [head] : [head, f.body, '\n'];
}

// ---------------------------------------------------------------------------------------------
// Validation, shared by write and parse

const STRING_KEYS = ['title', 'description', 'summary', 'slug', 'image', 'link', 'source'] as const;
const LIST_KEYS = ['categories', 'tags'] as const;
const FRONT_MATTER_KEYS: readonly string[] = [
  'title', 'date', ...STRING_KEYS.slice(1), ...LIST_KEYS, 'draft',
];

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

/** Runtime check of an ArticleFile's field types, so that writing garbage fails loudly. */
function checkShape(file: ArticleFile, context: string): void {
  const record = file as unknown as Record<string, unknown>;
  for (const key of [...STRING_KEYS, 'body'] as const) {
    if (typeof record[key] !== 'string') {
      throw new FrontMatterError(`${context}: ${key} must be a string, not ${describe(record[key])}`);
    }
  }
  for (const key of LIST_KEYS) {
    const value = record[key];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new FrontMatterError(`${context}: ${key} must be a list of strings, not ${describe(value)}`);
    }
  }
  if (typeof record.draft !== 'boolean') {
    throw new FrontMatterError(`${context}: draft must be true or false, not ${describe(record.draft)}`);
  }
  if (typeof record.date !== 'string' || !isIsoDay(record.date)) {
    throw new FrontMatterError(`${context}: date must be a calendar day written YYYY-MM-DD, not ${describe(record.date)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** 1-based line of a character offset inside the front-matter block, counted in the whole file. */
function lineOf(block: string, offset: number): number {
  let line = 2; // the block starts on the line after the opening `---`
  for (let i = 0; i < offset && i < block.length; i++) if (block[i] === '\n') line++;
  return line;
}

/** Splits a file into the YAML between its `---` lines and the text after the closing one. */
function split(text: string): { block: string; rest: string } {
  // A BOM is tolerated at the very start: Windows editors add one when saving UTF-8.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const open = /^---\r?\n/.exec(source);
  if (!open) throw new FrontMatterError('not an article file: the first line must be "---"');
  const after = source.slice(open[0].length);
  // The first line that is exactly `---` closes the block. YAML agrees: a `---` at column 0
  // starts a new document even inside a block scalar, so no value can contain that line.
  const close = /(?:^|\r?\n)---(?:\r?\n|$)/.exec(after);
  if (!close) throw new FrontMatterError('not an article file: no closing "---" line after the front matter');
  return { block: after.slice(0, close.index), rest: after.slice(close.index + close[0].length) };
}

function readYaml(block: string): unknown {
  const doc = parseDocument(block, {
    version: '1.2',
    schema: 'core', // no YAML 1.1 booleans (`yes`) or timestamps: the date stays a string
    merge: false,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const message = problem.code === 'MULTIPLE_DOCS'
      ? 'a "..." or "--- ..." line starts a second YAML document inside the front matter'
      : (problem.message.split('\n')[0] ?? problem.code);
    throw new FrontMatterError(`invalid YAML in front matter at line ${lineOf(block, problem.pos[0])}: ${message}`);
  }
  try {
    return doc.toJS();
  } catch (error) {
    // toJS throws on an undefined alias or an alias bomb (more than 100 expansions).
    throw new FrontMatterError(`invalid YAML in front matter: ${messageOf(error).split('\n')[0]}`);
  }
}

function optionalString(data: Record<string, unknown>, key: string, fallback: string): string {
  const value = data[key];
  // An empty value (`image:`) reads as null in YAML; hand-written files use it for "none".
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') {
    throw new FrontMatterError(`${key} must be a string, not ${describe(value)}`);
  }
  return value;
}

function optionalList(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FrontMatterError(`${key} must be a list of strings, not ${describe(value)}`);
  return value.map((item: unknown, i) => {
    if (typeof item !== 'string') {
      throw new FrontMatterError(`${key}[${i}] must be a string, not ${describe(item)}`);
    }
    return item;
  });
}

/**
 * Reads an article file. The front matter is parsed by the `yaml` package (YAML 1.2, core schema)
 * and then checked: it must be a mapping of the known keys only (an unknown key would be lost on
 * the next write, so it is refused rather than dropped); `title` and `date` are required; the
 * others default to empty, `summary` to the description, `slug` to the title's slug and `draft`
 * to false. Values are returned as YAML reads them, unfolded: folding happens when writing. The
 * body is everything after the closing `---` line, without its trailing line breaks.
 */
export function parse(text: string): ArticleFile {
  const { block, rest } = split(text);
  const data = readYaml(block);
  if (data === null || data === undefined) {
    throw new FrontMatterError('front matter is empty: title and date are required');
  }
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Map) {
    throw new FrontMatterError(`front matter must be a mapping of keys to values, not ${describe(data)}`);
  }
  const record = data as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !FRONT_MATTER_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new FrontMatterError(`unknown front-matter key${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  }
  for (const key of ['title', 'date']) {
    if (record[key] === undefined || record[key] === null) {
      throw new FrontMatterError(`front matter has no ${key}`);
    }
  }
  const title = optionalString(record, 'title', '');
  const date = record.date;
  if (typeof date !== 'string' || !isIsoDay(date)) {
    throw new FrontMatterError(`date must be a calendar day written YYYY-MM-DD, not ${describe(date)}`);
  }
  const draft = record.draft ?? false;
  if (typeof draft !== 'boolean') {
    throw new FrontMatterError(`draft must be true or false, not ${describe(draft)}`);
  }
  const description = optionalString(record, 'description', '');
  return {
    title,
    date,
    description,
    summary: optionalString(record, 'summary', description),
    slug: optionalString(record, 'slug', slugify(title)),
    image: optionalString(record, 'image', ''),
    link: optionalString(record, 'link', ''),
    source: optionalString(record, 'source', ''),
    categories: optionalList(record, 'categories'),
    tags: optionalList(record, 'tags'),
    draft,
    body: trimLineBreaks(rest),
  };
}
