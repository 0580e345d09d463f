import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import type { ArticleFile } from '../../src/core/article.ts';
import { normalize, parse, write } from '../../src/core/frontmatter.ts';

// ------------------------------------------------------------------------------------------------
// An oracle for FORMAT.md's folding, written independently of src/core/frontmatter.ts (a loop over
// code points with explicit code-point lists, where the implementation uses regular expressions),
// so that a bug in the implementation's `normalize` cannot hide behind a comparison with itself.

/** Unicode's White_Space property, listed out. */
const WHITE_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Controls YAML cannot hold as is, the BOM and the two BMP noncharacters. */
function unprintable(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfeff || cp === 0xfffe || cp === 0xffff;
}

function expectedFold(value: string, dropUnprintable: boolean): string {
  let out = '';
  let space = false;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (WHITE_SPACE.has(cp)) {
      space = true;
      continue;
    }
    if (dropUnprintable && unprintable(cp)) continue;
    if (space && out !== '') out += ' ';
    space = false;
    out += cp >= 0xd800 && cp <= 0xdfff ? '\uFFFD' : ch;
  }
  return out;
}

function expectedBody(body: string): string {
  let out = '';
  for (const ch of body) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp >= 0xd800 && cp <= 0xdfff ? '\uFFFD' : ch;
  }
  while (out.endsWith('\n') || out.endsWith('\r')) out = out.slice(0, -1);
  return out;
}

function expectedFrontMatter(f: ArticleFile): Record<string, unknown> {
  return {
    title: expectedFold(f.title, false),
    date: f.date,
    description: expectedFold(f.description, false),
    summary: expectedFold(f.summary, false),
    slug: expectedFold(f.slug, false),
    image: expectedFold(f.image, true),
    link: expectedFold(f.link, true),
    source: expectedFold(f.source, true),
    categories: f.categories.map((c) => expectedFold(c, true)),
    tags: f.tags.map((t) => expectedFold(t, true)),
    draft: f.draft,
  };
}

// ------------------------------------------------------------------------------------------------
// Generators: strings built from pieces that are known to trouble YAML, mixed with random text.

const TRICKY = [
  '"', "'", "''", '\\', '\\n', '\\x41', ': ', ':', ' #', '#', '---', '...', '- ', '? ', '|', '>',
  '[', ']', '{', '}', ',', '&a', '*a', '!tag', '!!str', '%YAML', '@', '`', '=', '<<',
  '\n', '\r\n', '\r', '\t', '\v', '\f', ' ', '   ', '\u00a0', '\u0085', '\u1680', '\u2003',
  '\u2028', '\u2029', '\u202f', '\u3000', '\u200b', '\u200d', '\u200f', '\u202e', '\ufeff',
  '\u0000', '\u0007', '\u001b', '\u001f', '\u007f', '\u0080', '\u009f', '\ufffe', '\uffff',
  '\ud800', '\udfff', '😀', '👨‍👩‍👧', 'e\u0301', 'é', 'й', 'שלום', 'مرحبا', 'हिन्दी', '東京',
  'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', '~', 'true', 'False', '0x1F', '0o17', '017',
  '1e3', '-.5', '.nan', '.inf', '-.Inf', '2020-01-01', '2001-12-14t21:59:43.10-05:00', '12:30:00',
  '=', 'https://example.com/a?b=c#d', 'a: b', '- item', 'key:', '#comment',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 5 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
);
const text = fc.array(piece, { maxLength: 7 }).map((parts) => parts.join(''));
// A whole value that YAML would read as another type if it were not quoted.
const value = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 5, arbitrary: text });

const day = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const bodyLine = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('---', '...', '', '\r', 'title: "x"', '---\n---') },
  { weight: 3, arbitrary: text },
);
const body = fc
  .tuple(fc.array(bodyLine, { maxLength: 5 }), fc.constantFrom('', '\n', '\n\n', '\r\n', '\n \n'))
  .map(([lines, end]) => lines.join('\n') + end);

const article: fc.Arbitrary<ArticleFile> = fc.record({
  title: value,
  date: day,
  description: value,
  summary: value,
  slug: value,
  image: value,
  link: value,
  source: value,
  categories: fc.array(value, { maxLength: 3 }),
  tags: fc.array(value, { maxLength: 6 }),
  draft: fc.boolean(),
  body,
});

// ------------------------------------------------------------------------------------------------

/** Splits the writer's output by its fixed layout, independently of `parse`. */
function splitWritten(file: string): { block: string; rest: string } {
  // No value line can be `---`: every front-matter line starts with a key, `- ` or is blank.
  const close = file.indexOf('\n---\n');
  return { block: file.slice(4, close + 1), rest: file.slice(close + 5) };
}

const LINE = [
  /^(?:title|description|summary|slug): "(?:[^"\\\p{Cc}\uFEFF\uFFFE\uFFFF]|\\[\\"]|\\x[0-9A-F]{2}|\\u[0-9A-F]{4})*"$/u,
  /^date: \d{4}-\d{2}-\d{2}$/,
  /^(?:image|link|source): '(?:[^'\p{Cc}\uFEFF\uFFFE\uFFFF]|'')*'$/u,
  /^(?:categories|tags):(?: \[\])?$/,
  /^- '(?:[^'\p{Cc}\uFEFF\uFFFE\uFFFF]|'')*'$/u,
  /^$/,
  /^draft: (?:true|false)$/,
];

/** The front-matter lines that do not have one of the layout's shapes. */
function badLines(block: string): string[] {
  return block.slice(0, -1).split('\n').filter((line) => !LINE.some((re) => re.test(line)));
}

describe('write/parse on 10,000 generated articles', () => {
  // Everything is compared in one expect per run: vitest's matchers, not YAML, would otherwise
  // dominate the run time.
  it('writes YAML that the yaml package reads back as the folded values, and parse agrees', () => {
    fc.assert(
      fc.property(article, (f) => {
        const file = write(f);
        const { block, rest } = splitWritten(file);
        const lineCount = (n: number) => (n === 0 ? 1 : n + 1); // `key: []`, or `key:` and items

        // The yaml package, in its defaults (YAML 1.2, core schema), reads exactly the folded values.
        const doc = parseDocument(block);
        const data = doc.toJS() as Record<string, unknown>;
        const expected = expectedFrontMatter(f);
        const body = expectedBody(f.body);
        // Our reader agrees with yaml and gives the body back without its trailing newlines.
        const read = parse(file);

        expect({
          starts: file.startsWith('---\n'),
          endsWithOneNewline: file.endsWith('\n') && !file.endsWith('\n\n'),
          lines: block.split('\n').length - 1,
          badLines: badLines(block),
          problems: [...doc.errors, ...doc.warnings].map((e) => e.message),
          data,
          keys: Object.keys(data),
          draftType: typeof data.draft,
          date: data.date,
          rest,
          read,
          normalized: normalize(f),
          // A second round changes nothing: write is a fixpoint on what parse returns.
          rewritten: write(read) === file,
          renormalized: normalize(read),
        }).toStrictEqual({
          starts: true,
          endsWithOneNewline: true,
          lines: 10 + lineCount(f.categories.length) + lineCount(f.tags.length),
          badLines: [],
          problems: [],
          data: expected,
          keys: Object.keys(expected),
          draftType: 'boolean',
          date: f.date,
          rest: body === '' ? '' : `${body}\n`,
          read: { ...expected, body },
          normalized: { ...expected, body },
          rewritten: true,
          renormalized: { ...expected, body },
        });
      }),
      { numRuns: 10_000 },
    );
    // 10,000 runs take about 12 s on a 2-core machine with other work on it: the time is not what
    // this test checks, so a busy machine must not fail it.
  }, 90_000);
});
