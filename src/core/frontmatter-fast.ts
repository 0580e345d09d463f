import type { ArticleFile } from './article.ts';
import { write, writeParts } from './frontmatter.ts';

// A reader for files in exactly the layout `write` produces (every file a library export holds),
// hand-written because the YAML parser takes most of a 10,000-file import. It never decides on
// its own: it reads a candidate, and only when `write(candidate)` gives back the very same text
// is that candidate the answer. `parse(write(f))` equals `normalize(f)` (the writer's tested
// promise), so for such a text `parse` would return exactly that candidate. Anything else,
// a hand-edited file included, returns null and goes to `parse`.

const LINE = {
  title: /^title: "(.*)"$/,
  date: /^date: (\d{4}-\d{2}-\d{2})$/,
  description: /^description: "(.*)"$/,
  summary: /^summary: "(.*)"$/,
  slug: /^slug: "(.*)"$/,
  image: /^image: '(.*)'$/,
  link: /^link: '(.*)'$/,
  source: /^source: '(.*)'$/,
} as const;

/** A double-quoted scalar as the writer escapes it: `\\`, `\"`, `\xHH`, `\uHHHH`. */
function doubleQuoted(body: string): string | null {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') return null;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === '\\' || next === '"') {
      out += next;
      i++;
    } else if (next === 'x' || next === 'u') {
      const size = next === 'x' ? 2 : 4;
      const hex = body.slice(i + 2, i + 2 + size);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== size) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 1 + size;
    } else return null;
  }
  return out;
}

function singleQuoted(body: string): string | null {
  return /'(?!')/.test(body.replace(/''/g, '')) ? null : body.replace(/''/g, "'");
}

/** A `key: []` line, or `key:` followed by `- '...'` lines; returns the items and the next line. */
function list(lines: readonly string[], at: number, key: string): { items: string[]; next: number } | null {
  if (lines[at] === `${key}: []`) return { items: [], next: at + 1 };
  if (lines[at] !== `${key}:`) return null;
  const items: string[] = [];
  let i = at + 1;
  for (; i < lines.length && lines[i]!.startsWith('- '); i++) {
    const m = /^- '(.*)'$/.exec(lines[i]!);
    const item = m ? singleQuoted(m[1]!) : null;
    if (item === null) return null;
    items.push(item);
  }
  return { items, next: i };
}

/** The file's fields when `text` is exactly what `write` makes of them; null otherwise. */
export function parseWritten(text: string): ArticleFile | null {
  const end = text.indexOf('\n---\n', 4);
  if (end === -1) return null;
  const head = readHead(text.slice(0, end + 5));
  if (!head) return null;
  const body = text.slice(end + 5).replace(/\n$/, '');
  const candidate: ArticleFile = { ...head, body };
  // When `write(candidate)` is the text, the candidate is already normalized: this reader inverts
  // the writer on every text the writer makes (the property test holds it to `parse`), so the
  // candidate read from `write(normalize(candidate))` is `normalize(candidate)` itself. Normalizing
  // it again folded every field twice: a tenth of a 10,000-file import's reading.
  try {
    return write(candidate) === text ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * The fields of a front matter block (`---` to the closing `---` line and its line break) when it
 * is exactly the one `write` makes of them, whatever the body; null otherwise. A reader that has
 * the body apart (as bytes) checks the body's own part of the round trip itself: `write` keeps a
 * body as it is but for its final line breaks, and ends a non-empty one with a single `\n`.
 */
export function parseWrittenHead(head: string): Omit<ArticleFile, 'body'> | null {
  const candidate = readHead(head);
  if (!candidate) return null;
  // The same proof as above, on the front matter alone (`writeParts` gives it apart from the body).
  try {
    return writeParts({ ...candidate, body: '' })[0] === head ? candidate : null;
  } catch {
    return null;
  }
}

/** A candidate for the fields of a front matter block in the writer's layout, not yet proved. */
function readHead(head: string): Omit<ArticleFile, 'body'> | null {
  if (!head.startsWith('---\n') || !head.endsWith('\n---\n')) return null;
  const lines = head.slice(4, -5).split('\n');
  const fields: Record<string, string> = {};
  let i = 0;
  for (const [key, pattern] of Object.entries(LINE)) {
    const m = pattern.exec(lines[i++] ?? '');
    if (!m) return null;
    const value = key === 'date' ? m[1]! : pattern.source.includes('"') ? doubleQuoted(m[1]!) : singleQuoted(m[1]!);
    if (value === null) return null;
    fields[key] = value;
  }
  const categories = list(lines, i, 'categories');
  if (!categories) return null;
  const tags = list(lines, categories.next, 'tags');
  if (!tags || lines[tags.next] !== '' || tags.next + 2 !== lines.length) return null;
  const draft = lines[tags.next + 1];
  if (draft !== 'draft: true' && draft !== 'draft: false') return null;
  return {
    title: fields.title!, date: fields.date!, description: fields.description!, summary: fields.summary!, slug: fields.slug!,
    image: fields.image!, link: fields.link!, source: fields.source!, categories: categories.items, tags: tags.items,
    draft: draft === 'draft: true',
  };
}
