import { parseDocument } from 'yaml';
import type { ArticleFile } from './article.ts';
import { slugify } from './slug.ts';

/** Thrown when a text is not an article file, or an ArticleFile cannot be written; one line. */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

const DELIMITER = '---';

// ---------------------------------------------------------------------------------------------
// Folding (FORMAT.md, "Quoting and escaping")

// Unicode White_Space: tab, LF, VT, FF, CR, space, NEL, NBSP, U+1680, U+2000–U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000. Deliberately not JavaScript's `\s`, which adds U+FEFF: a BOM is
// not a space, so it is escaped (or dropped) like a control character instead of folded.
const WHITESPACE_RUN = /\p{White_Space}+/gu;

// What YAML cannot hold as is (outside YAML 1.2's printable set) or holds ambiguously: the C0 and
// C1 controls and DEL that are not whitespace, the BOM (only allowed at the start of a stream),
// and the noncharacters U+FFFE/U+FFFF. Double-quoted fields escape these; single-quoted ones,
// which have no escapes, drop them. The ranges are \p{Cc} minus the whitespace controls (tab to
// CR, NEL), which are folded instead.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\x00-\x08\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]/g;

// A lone surrogate cannot be encoded as UTF-8: the file on disk would hold U+FFFD anyway, so the
// text is made well-formed up front and what is written is what will be read back.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(text: string): string {
  // The native check first: a library import folds 10,000 bodies, and the lookbehind regex over
  // each whole body is most of that time. (Not typed in the ES2023 lib this project targets.)
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (native !== undefined && native.call(text)) return text;
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

function foldWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').replace(/^ | $/g, '');
}

/** A double-quoted field's value as it will read back: whitespace folded, trimmed. */
function foldEscaped(text: string): string {
  return foldWhitespace(wellFormed(text));
}

/**
 * A single-quoted field's value as it will read back. Unprintables go before whitespace is
 * folded, so that `a \0 b` gives `a b`, not `a  b`, and folding twice changes nothing. These
 * values are trimmed too: a URL or a tag has no use for edge spaces.
 */
function foldPlain(text: string): string {
  return foldWhitespace(wellFormed(text).replace(UNPRINTABLE, ''));
}

/**
 * The body without its trailing line breaks: the writer ends the file with exactly one `\n`, so a
 * body's own final newlines cannot survive a write, and a reader could not tell `x` from `x\n`.
 * Leading newlines and every other byte are kept.
 */
function foldBody(text: string): string {
  return trimLineBreaks(wellFormed(text));
}

// A loop rather than /[\r\n]+$/, which backtracks quadratically over long runs of newlines.
function trimLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}

/**
 * The file as `write` will store it and `parse` will read it back: one-line fields folded,
 * unprintable characters dropped from single-quoted fields, trailing newlines cut from the body.
 * `parse(write(f))` deep-equals `normalize(f)`, and `normalize` is idempotent.
 */
export function normalize(file: ArticleFile): ArticleFile {
  return {
    title: foldEscaped(file.title),
    date: file.date,
    description: foldEscaped(file.description),
    summary: foldEscaped(file.summary),
    slug: foldEscaped(file.slug),
    image: foldPlain(file.image),
    link: foldPlain(file.link),
    source: foldPlain(file.source),
    categories: file.categories.map(foldPlain),
    tags: file.tags.map(foldPlain),
    draft: file.draft,
    body: foldBody(file.body),
  };
}

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
  return f.body === '' ? head : `${head}${f.body}\n`;
}

// ---------------------------------------------------------------------------------------------
// Validation, shared by write and parse

const STRING_KEYS = ['title', 'description', 'summary', 'slug', 'image', 'link', 'source'] as const;
const LIST_KEYS = ['categories', 'tags'] as const;
const FRONT_MATTER_KEYS: readonly string[] = [
  'title', 'date', ...STRING_KEYS.slice(1), ...LIST_KEYS, 'draft',
];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written `YYYY-MM-DD` (year 0001 to 9999). */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return year >= 1 && day >= 1 && day <= max;
}

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
    const message = error instanceof Error ? error.message : String(error);
    throw new FrontMatterError(`invalid YAML in front matter: ${message.split('\n')[0]}`);
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
