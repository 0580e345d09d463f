import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import type { ArticleFile } from '../../src/core/article.ts';
import { write } from '../../src/core/frontmatter.ts';
import { readImport, type ImportReading, type ImportSource } from '../../options/library-import.ts';
import { packBodies, unpackReading } from '../../options/body-pack.ts';
import { importArticles, type StoredArticle } from '../../src/storage/library.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { importSource } from '../../options/import-source.ts';
import { joinReadings } from '../../options/import-runner.ts';

// An import worker reads with `bodyBytes` (bodies left as the file's bytes), packs the bodies and
// the page unpacks them: decoded (Chromium), or as bytes that the library stores as they are
// (Firefox); the page's own reader decodes each file whole. The library must end up holding the
// same every way.

const tricky = fc.string({ unit: fc.oneof(
  fc.constantFrom('"', "'", '\\', '\n', '\r', '\t', '\u0000', '\u0085', '\u00a0', '\u2028', '\ufeff', '\ud800', '#', ':', '- ', '---', '---\n', 'x', 'é', '日', '😀'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
), maxLength: 30 });
const link = fc.oneof(fc.constantFrom('https://news.example/a', 'http://b.example/x?y=1', 'file:///tmp/n.html'), tricky);
const file: fc.Arbitrary<ArticleFile> = fc.record({
  title: tricky, date: fc.constantFrom('2026-01-06', '1999-12-31'), description: tricky, summary: tricky, slug: tricky, image: tricky, link,
  source: tricky, categories: fc.array(tricky, { maxLength: 2 }), tags: fc.array(tricky, { maxLength: 3 }), draft: fc.boolean(),
  body: fc.oneof(tricky, fc.constant(''), fc.constant('line\n---\nnot a delimiter\n\n'), fc.constant('\ufeffBOM first')),
});
/** A written file's bytes, sometimes changed as a hand or another tool would change them. */
const edit = fc.constantFrom(
  (t: string) => t, (t: string) => `${t}\n`, (t: string) => t.replace(/\n$/, ''), (t: string) => t.replace(/\n/g, '\r\n'),
  (t: string) => `${t}\r\n`, (t: string) => t.replace('draft: ', 'draft:  '),
);


/** The worker's way: bodies as bytes, packed, sent (a copy), unpacked on the page (decoded, or as bytes for the library). */
function asWorker(sources: ImportSource[], asBytes: boolean): ImportReading {
  const reading = readImport(sources, '{slug}.md', { bodyBytes: true });
  const packed = packBodies(reading.articles);
  const sent = structuredClone({ reading, packed });
  return unpackReading(sent.reading, sent.packed, asBytes);
}

/** Workers' way in `of` parts: each reads its own part of the picked files (of a zip, only its run of entries), then the page joins them. */
async function inParts(sources: ImportSource[], of: number, asBytes: boolean): Promise<ImportReading> {
  const files = sources.map((source) => new File([source.bytes as Uint8Array<ArrayBuffer>], source.name));
  const readings: ImportReading[] = [];
  for (let index = 0; index < of; index++) {
    const part = { index, of };
    const reading = readImport(await Promise.all(files.map((file) => importSource(file, part))), '{slug}.md', { part, bodyBytes: true });
    const packed = packBodies(reading.articles);
    const sent = structuredClone({ reading, packed });
    readings.push(unpackReading(sent.reading, sent.packed, asBytes));
  }
  return joinReadings(readings);
}

const NOW = new Date('2026-03-01T12:00:00Z');

/** What a fresh library holds after importing the reading, and the files it did not take, with why (as the page lists them). */
async function imported(reading: ImportReading): Promise<{ articles: StoredArticle[]; notImported: { name: string; reason: string }[] }> {
  globalThis.indexedDB = new IDBFactory();
  const outcome = reading.articles.length > 0 ? await importArticles(reading.articles, { now: NOW }) : { refused: [] };
  const refused = outcome.refused.map(({ index, reason }) => ({ name: reading.articles[index]!.from, reason }));
  const notImported = [...reading.invalid, ...refused].sort((a, b) => a.name.localeCompare(b.name));
  return { articles: await allArticles(), notImported };
}

describe('an import worker\'s reading, bodies kept as bytes', () => {
  it('leaves the library holding what reading each file whole gives, for any file the writer writes, edited or not, read in one part or several', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(file, edit), { minLength: 1, maxLength: 4 }), async (files) => {
      const entries = Object.fromEntries(files.map(([f, change], i) => [`n${i}.md`, strToU8(change(write(f)))]));
      const sources = [{ name: 'a.zip', bytes: zipSync(entries) }, ...Object.entries(entries).map(([name, bytes]) => ({ name, bytes }))];
      const whole = readImport(sources, '{slug}.md');
      const library = await imported(whole);
      for (const asBytes of [false, true]) {
        const worker = asWorker(sources, asBytes);
        expect(worker.skipped).toEqual(whole.skipped);
        expect(await imported(worker)).toEqual(library);
        const parted = await inParts(sources, asBytes ? 2 : 3, asBytes);
        expect(parted.skipped).toEqual(whole.skipped);
        expect(await imported(parted)).toEqual(library);
      }
    }), { numRuns: 150 });
  });

  it('leaves a written file\'s body undecoded, and reports a body that is not UTF-8 as the whole reading does', async () => {
    const text = write({ title: 'T', date: '2026-01-06', description: '', summary: '', slug: 't', image: '', link: 'https://x.example/t', source: '', categories: [], tags: [], draft: false, body: 'Body ü' });
    const good = strToU8(text);
    const bad = new Uint8Array([...strToU8(text.replace('Body ü\n', '').replace('x.example/t', 'x.example/u')), 0x42, 0xff, 0xfe, 0x0a]);
    const sources = [{ name: 'good.md', bytes: good }, { name: 'bad.md', bytes: bad }];
    const direct = readImport(sources, '{slug}.md', { bodyBytes: true });
    // The worker's path was taken: both bodies are still bytes, the bad one not yet found out.
    expect(direct.articles.map((a) => [a.body, a.bodyBytes?.length])).toEqual([['', 7], ['', 3]]);
    // Decoded on the page, the bad one is found there; as bytes, the library finds it.
    const decoded = asWorker(sources, false);
    expect(decoded.articles.map((a) => a.body)).toEqual(['Body ü']);
    expect(decoded.invalid).toEqual([{ name: 'bad.md', reason: 'it is not UTF-8 text' }]);
    const asBytes = asWorker(sources, true);
    expect(asBytes.articles.map((a) => [a.body, a.bodyBytes?.length])).toEqual([['', 7], ['', 3]]);
    const whole = await imported(readImport(sources, '{slug}.md'));
    expect(whole.articles.map((a) => a.body)).toEqual(['Body ü']);
    expect(whole.notImported).toEqual([{ name: 'bad.md', reason: 'it is not UTF-8 text' }]);
    expect(await imported(decoded)).toEqual(whole);
    expect(await imported(asBytes)).toEqual(whole);
  });
});
