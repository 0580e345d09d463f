import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ArticleFile } from '../../src/core/article.ts';
import { parse, write } from '../../src/core/frontmatter.ts';
import { parseWritten } from '../../src/core/frontmatter-fast.ts';
import { readFileSync } from 'node:fs';

// Text with everything the writer escapes or folds: quotes, backslashes, controls, the BOM,
// lone surrogates, YAML indicators, line breaks and Unicode spaces.
const tricky = fc.string({ unit: fc.oneof(
  fc.constantFrom('"', "'", '\\', '\n', '\r', '\t', '\u0000', '\u0085', '\u00a0', '\u2028', '\ufeff', '\ud800', '#', ':', '- ', '---', 'x', 'é', '😀'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
), maxLength: 30 });
const day = fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const file: fc.Arbitrary<ArticleFile> = fc.record({
  title: tricky, date: day, description: tricky, summary: tricky, slug: tricky, image: tricky, link: tricky, source: tricky,
  categories: fc.array(tricky, { maxLength: 3 }), tags: fc.array(tricky, { maxLength: 4 }), draft: fc.boolean(),
  body: fc.oneof(tricky, fc.constant(''), fc.constant('line\n---\nnot a delimiter\n\n')),
});

describe('reading a file Frontclip wrote without the YAML parser', () => {
  it('gives exactly what parse gives, for any article the writer writes', () => {
    fc.assert(fc.property(file, (f) => {
      const text = write(f);
      expect(parseWritten(text)).toEqual(parse(text));
    }), { numRuns: 400 });
  });

  it('the reference sample reads the same both ways', () => {
    const text = readFileSync(new URL('../fixtures/reference-article.md', import.meta.url), 'utf8');
    expect(parseWritten(text)).not.toBeNull();
    expect(parseWritten(text)).toEqual(parse(text));
  });

  it('leaves every text not in the writer\'s exact layout to the parser', () => {
    const text = write({ title: 'T', date: '2026-01-06', description: 'D', summary: 'D', slug: 't', image: '', link: 'https://x.example/', source: '', categories: [], tags: ['a'], draft: false, body: 'Body' });
    expect(parseWritten(text)).toEqual(parse(text));
    for (const edited of [
      text.replace('title: "T"', "title: 'T'"), text.replace('tags:\n- \'a\'', 'tags: [a]'), text.replace('draft: false', 'draft: no'),
      text.replace('\n\ndraft', '\ndraft'), `\ufeff${text}`, text.replace(/\n/g, '\r\n'), text.replace('title: "T"', 'title: "T" # note'),
      text.replace('summary: "D"\n', ''), text.replace('title: "T"', 'title: "T\\n"'),
    ]) {
      expect(parseWritten(edited), edited).toBeNull();
    }
  });
});
