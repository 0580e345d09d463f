import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as yamlParse } from 'yaml';
import type { ArticleFile } from '../../src/core/article.ts';
import { FrontMatterError, normalize, parse, write } from '../../src/core/frontmatter.ts';

const sample = readFileSync(new URL('../fixtures/reference-article.md', import.meta.url), 'utf8');

// The sample's fields, spelt out: only the long body is cut from the file, after the closing
// `---` line and without the file's final newline.
const sampleFields: ArticleFile = {
  title: "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact",
  date: '2026-01-06',
  description: 'Ukraine security talks may see breakthrough as U.S. NATO ambassador says 50-nation coalition nears agreement on comprehensive framework for peace deal and security guarantees.',
  summary: 'Ukraine security talks may see breakthrough as U.S. NATO ambassador says 50-nation coalition nears agreement on comprehensive framework for peace deal and security guarantees.',
  slug: 'nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact',
  image: '',
  link: 'https://www.foxnews.com/media/nato-ambassador-says-ukraine-peace-deal-could-on-cusp-nations-near-finalization-security-pact',
  source: 'https://feeds.foxnews.com/foxnews/latest',
  categories: ['feeds.foxnews.com'],
  tags: ['finalization', 'ambassador', 'security', 'ukraine', 'nations'],
  draft: false,
  body: sample.slice(sample.indexOf('\n---\n', 4) + 5, -1),
};

function article(fields: Partial<ArticleFile> = {}): ArticleFile {
  return {
    title: 'T', date: '2024-02-29', description: '', summary: '', slug: 't', image: '', link: '',
    source: '', categories: [], tags: [], draft: false, body: 'Body', ...fields,
  };
}

/** The front-matter lines of a written file, without the `---` lines. */
function frontLines(file: string): string[] {
  return file.slice(4, file.indexOf('\n---\n', 4)).split('\n');
}

function lineOf(file: string, key: string): string | undefined {
  return frontLines(file).find((line) => line.startsWith(`${key}:`));
}

describe('the reference sample', () => {
  it('is written back byte for byte from its fields', () => {
    expect(sampleFields.body.startsWith('<p>Negotiations over')).toBe(true);
    expect(sampleFields.body.endsWith('Whitaker said.</p>')).toBe(true);
    expect(write(sampleFields)).toBe(sample);
  });

  it('is read into exactly its fields', () => {
    expect(parse(sample)).toStrictEqual(sampleFields);
  });

  it('round-trips both ways', () => {
    expect(write(parse(sample))).toBe(sample);
    expect(parse(write(sampleFields))).toStrictEqual(sampleFields);
  });

  it('is already normal', () => {
    expect(normalize(sampleFields)).toStrictEqual(sampleFields);
  });
});

describe('write: layout', () => {
  it('writes empty lists inline and keeps the blank line before draft', () => {
    const file = write(article({ body: 'x' }));
    expect(file).toBe([
      '---', 'title: "T"', 'date: 2024-02-29', 'description: ""', 'summary: ""', 'slug: "t"',
      "image: ''", "link: ''", "source: ''", 'categories: []', 'tags: []', '', 'draft: false', '---',
      'x', '',
    ].join('\n'));
    expect(parse(file)).toMatchObject({ categories: [], tags: [] });
  });

  it('writes list items at column 0, in order', () => {
    const file = write(article({ categories: ['a', 'b'], tags: ['z', 'y', 'x'] }));
    expect(frontLines(file).slice(8, 15)).toEqual([
      'categories:', "- 'a'", "- 'b'", 'tags:', "- 'z'", "- 'y'", "- 'x'",
    ]);
  });

  it('writes draft unquoted', () => {
    expect(lineOf(write(article({ draft: true })), 'draft')).toBe('draft: true');
    expect(yamlParse(frontLines(write(article({ draft: true }))).join('\n')).draft).toBe(true);
  });

  it('ends an empty body right after the closing ---', () => {
    const file = write(article({ body: '' }));
    expect(file.endsWith('draft: false\n---\n')).toBe(true);
    expect(parse(file).body).toBe('');
  });
});

describe('write: body newlines', () => {
  it('drops trailing line breaks so that the file ends with exactly one \\n', () => {
    for (const body of ['x\n', 'x\n\n\n', 'x\r\n', 'x\r\n\r\n', 'x\r']) {
      const file = write(article({ body }));
      expect(file.endsWith('---\nx\n'), JSON.stringify(body)).toBe(true);
      expect(parse(file).body).toBe('x');
    }
  });

  it('keeps leading newlines, inner CRLF, trailing spaces and --- lines in the body', () => {
    const body = '\n\n# Title\r\nline  \n---\n...\ntitle: "no"\n---\nend  ';
    const file = write(article({ body }));
    expect(file.endsWith(`---\n${body}\n`)).toBe(true);
    expect(parse(file)).toStrictEqual(article({ body }));
  });

  it('reads a body that has extra final newlines, or none, the same way', () => {
    const head = write(article({ body: '' }));
    expect(parse(`${head}body`).body).toBe('body');
    expect(parse(`${head}body\n\n\n`).body).toBe('body');
    expect(parse(head.slice(0, -1)).body).toBe(''); // no newline after the closing ---
  });
});

describe('write: double-quoted fields', () => {
  it('escapes backslashes and double quotes', () => {
    const file = write(article({ title: 'He said "C:\\new"' }));
    expect(lineOf(file, 'title')).toBe('title: "He said \\"C:\\\\new\\""');
    expect(parse(file).title).toBe('He said "C:\\new"');
  });

  it('folds whitespace runs, tabs, newlines, NBSP, NEL, U+2028/U+2029 and ideographic spaces, and trims', () => {
    const title = ' \t a\n\nb\u00a0\u00a0c\u2028d\u2029e\u0085f\u3000g\r\nh\v\fi  ';
    expect(lineOf(write(article({ title })), 'title')).toBe('title: "a b c d e f g h i"');
  });

  it('escapes C0, DEL, C1, the BOM and noncharacters', () => {
    const summary = 'a\u0000b\u0007c\u001bd\u001fe\u007ff\u0080g\u009fh\ufeffi\ufffej\uffffk';
    const file = write(article({ summary }));
    expect(lineOf(file, 'summary')).toBe(
      'summary: "a\\x00b\\x07c\\x1Bd\\x1Fe\\x7Ff\\x80g\\x9Fh\\uFEFFi\\uFFFEj\\uFFFFk"',
    );
    expect(parse(file).summary).toBe(summary);
  });

  it('writes other non-ASCII characters as they are', () => {
    const title = 'Zürich 東京 שלום 😀 \u200f\u200b é';
    expect(lineOf(write(article({ title })), 'title')).toBe(`title: "${title}"`);
  });

  it('replaces lone surrogates, which UTF-8 cannot hold, with U+FFFD', () => {
    const file = write(article({ title: 'a\ud800b\udc00c😀' }));
    expect(parse(file).title).toBe('a\ufffdb\ufffdc😀');
  });
});

describe('write: single-quoted fields', () => {
  it("doubles ' and folds whitespace", () => {
    const file = write(article({ link: "https://x.test/it's", tags: ["rock 'n' roll", ' a \t\n b '] }));
    expect(lineOf(file, 'link')).toBe("link: 'https://x.test/it''s'");
    expect(frontLines(file)).toContain("- 'rock ''n'' roll'");
    expect(frontLines(file)).toContain("- 'a b'");
    expect(parse(file).tags).toEqual(["rock 'n' roll", 'a b']);
  });

  it('drops control characters, without leaving a double space behind', () => {
    const file = write(article({ image: 'a\u0000b\u007f\u0085c \u0001 d\ufeff', categories: ['x\u009fy'] }));
    expect(lineOf(file, 'image')).toBe("image: 'ab c d'");
    expect(frontLines(file)).toContain("- 'xy'");
  });
});

describe('write: values that look like other YAML types stay strings', () => {
  const lookalikes = [
    'yes', 'no', 'on', 'null', '~', 'true', 'False', '0x1F', '017', '1e3', '.nan', '-.inf',
    '2020-01-01', '12:30', '---', '...', 'a: b', '#not a comment', '- item', '[a]', '{a: b}',
    '&anchor', '*alias', '!tag', '%YAML 1.2', '@at', '`tick`', '|', '>', '',
  ];

  it.each(lookalikes)('%j', (value) => {
    const file = write(article({ title: value, description: value, image: value, tags: [value] }));
    const data = yamlParse(frontLines(file).join('\n')) as Record<string, unknown>;
    expect(data.title).toBe(value);
    expect(data.description).toBe(value);
    expect(data.image).toBe(value);
    expect(data.tags).toEqual([value]);
    expect(parse(file)).toMatchObject({ title: value, image: value, tags: [value] });
  });

  it('writes the date unquoted and YAML 1.2 reads it as the same string', () => {
    const file = write(article({ date: '2026-01-06' }));
    expect(lineOf(file, 'date')).toBe('date: 2026-01-06');
    expect(yamlParse(frontLines(file).join('\n')).date).toBe('2026-01-06');
  });
});

describe('write: refuses what cannot be written', () => {
  it.each(['2026-1-6', '2026-02-30', '2100-02-29', '2026-13-01', '0000-01-01', '2026-01-06T10:00:00Z', '', ' 2026-01-06'])(
    'date %j',
    (date) => {
      expect(() => write(article({ date }))).toThrow(FrontMatterError);
      expect(() => write(article({ date }))).toThrow(/date must be a calendar day written YYYY-MM-DD/);
    },
  );

  it('accepts leap days', () => {
    expect(lineOf(write(article({ date: '2000-02-29' })), 'date')).toBe('date: 2000-02-29');
    expect(lineOf(write(article({ date: '2024-02-29' })), 'date')).toBe('date: 2024-02-29');
  });

  it('wrong types coming from untyped code', () => {
    expect(() => write({ ...article(), tags: 'a' } as unknown as ArticleFile)).toThrow(/tags must be a list of strings/);
    expect(() => write({ ...article(), tags: [1] } as unknown as ArticleFile)).toThrow(/tags must be a list of strings/);
    expect(() => write({ ...article(), draft: 'false' } as unknown as ArticleFile)).toThrow(/draft must be true or false/);
    expect(() => write({ ...article(), title: undefined } as unknown as ArticleFile)).toThrow(/title must be a string, not missing/);
  });
});

describe('parse: tolerated variations', () => {
  const minimal = '---\ntitle: Hello world\ndate: 2026-01-06\n---\nBody\n';

  it('fills in defaults for missing optional fields', () => {
    expect(parse(minimal)).toStrictEqual({
      title: 'Hello world', date: '2026-01-06', description: '', summary: '', slug: 'hello-world',
      image: '', link: '', source: '', categories: [], tags: [], draft: false, body: 'Body',
    });
  });

  it('defaults summary to the description, and takes an empty value as none', () => {
    const file = '---\ntitle: x\ndate: 2026-01-06\ndescription: About\nimage:\ntags:\n---\n';
    expect(parse(file)).toMatchObject({ description: 'About', summary: 'About', image: '', tags: [] });
  });

  it('reads keys in any order, quoted dates, flow lists and anchors as yaml does', () => {
    const file = "---\ndraft: true\ndate: '2026-01-06'\ntags: [a, 'b c']\ndescription: &d Same\nsummary: *d\ntitle: x\n---\n";
    expect(parse(file)).toMatchObject({ draft: true, date: '2026-01-06', tags: ['a', 'b c'], summary: 'Same' });
  });

  it('returns values as YAML reads them, unfolded (folding happens on write)', () => {
    const file = '---\ntitle: "a\\tb  c"\ndate: 2026-01-06\n---\n';
    expect(parse(file).title).toBe('a\tb  c');
    expect(normalize(parse(file)).title).toBe('a b c');
  });

  it('accepts a leading BOM and CRLF line endings', () => {
    const file = '\ufeff---\r\ntitle: "x"\r\ndate: 2026-01-06\r\n---\r\nline 1\r\nline 2\r\n';
    expect(parse(file)).toMatchObject({ title: 'x', date: '2026-01-06', body: 'line 1\r\nline 2' });
  });
});

describe('parse: rejects what is not an article file', () => {
  const ok = 'title: "x"\ndate: 2026-01-06\n';
  const cases: [string, string, RegExp][] = [
    ['no opening ---', 'title: x\ndate: 2026-01-06\n', /first line must be "---"/],
    ['opening --- not on the first line', `\n---\n${ok}---\n`, /first line must be "---"/],
    ['no closing ---', `---\n${ok}`, /no closing "---"/],
    ['an empty text', '', /first line must be "---"/],
    ['an empty front matter', '---\n---\nbody', /front matter is empty/],
    ['a list instead of a mapping', '---\n- a\n---\n', /must be a mapping/],
    ['a plain string', '---\njust text\n---\n', /must be a mapping/],
    ['broken quoting', '---\ntitle: "x\ndate: 2026-01-06\n---\n', /invalid YAML in front matter at line \d+: Missing closing "quote/],
    ['bad indentation', '---\ntitle: x\n  date: 2026-01-06\n---\n', /invalid YAML in front matter at line \d/],
    ['a duplicate key', `---\n${ok}title: "y"\n---\n`, /at line 4: Map keys must be unique/],
    ['a second document', `---\n${ok}...\nmore: 1\n---\n`, /second YAML document/],
    ['an unknown key', `---\n${ok}author: me\n---\n`, /unknown front-matter key: author/],
    ['unknown keys', `---\n${ok}author: me\nlayout: post\n---\n`, /unknown front-matter keys: author, layout/],
    ['a missing title', '---\ndate: 2026-01-06\n---\n', /has no title/],
    ['a missing date', '---\ntitle: x\n---\n', /has no date/],
    ['a null title', '---\ntitle:\ndate: 2026-01-06\n---\n', /has no title/],
    ['a date that is no day', '---\ntitle: x\ndate: 2026-02-30\n---\n', /date must be a calendar day/],
    ['a timestamp', '---\ntitle: x\ndate: 2026-01-06T10:00:00Z\n---\n', /date must be a calendar day/],
    ['a date as a number', '---\ntitle: x\ndate: 20260106\n---\n', /date must be a calendar day.*number/],
    ['a numeric title', '---\ntitle: 12\ndate: 2026-01-06\n---\n', /title must be a string, not number 12/],
    ['a mapping as link', `---\n${ok}link: {a: 1}\n---\n`, /link must be a string, not a mapping/],
    ['a string as tags', `---\n${ok}tags: a, b\n---\n`, /tags must be a list of strings/],
    ['a number in categories', `---\n${ok}categories: [a, 2]\n---\n`, /categories\[1\] must be a string/],
    ['a YAML 1.1 boolean as draft', `---\n${ok}draft: yes\n---\n`, /draft must be true or false, not string "yes"/],
    ['a quoted draft', `---\n${ok}draft: "false"\n---\n`, /draft must be true or false/],
    ['an unresolved alias', `---\n${ok}summary: *nope\n---\n`, /invalid YAML in front matter: Unresolved alias/],
    ['an unknown tag', `---\n${ok}summary: !custom x\n---\n`, /invalid YAML .* line 4: Unresolved tag/],
  ];

  it.each(cases)('%s', (_name, text, message) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontMatterError);
    expect((error as Error).name).toBe('FrontMatterError');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
