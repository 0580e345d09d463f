import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { write } from '../../src/core/frontmatter.ts';
import { storedArticle } from '../../src/storage/library-key.ts';
import { buildExportZip } from '../../options/library-export.ts';
import { readImport, type ImportReading } from '../../options/library-import.ts';
import { importSource } from '../../options/import-source.ts';
import { joinReadings } from '../../options/import-runner.ts';
import { zipDirectoryOf } from '../../options/zip-directory.ts';
import { openZipSink } from '../../options/zip-sink.ts';
import { sampleArticle } from './ui-helpers.ts';

// Import workers each read one part of the picked files: of a zip, one run of its article entries,
// and only the stretch of the file that holds them (./import-source.ts). Read in parts and joined,
// an import must give what one reading of the whole files gives.

const article = (i: number) => sampleArticle({ link: `https://news.example/${i}`, title: `Story ${i}`, slug: `story-${i}`, body: `Body of story ${i}.` });

/** Reads the files in `of` parts, as the workers do (each its own sources), and joins the readings as the page does. */
async function inParts(files: readonly File[], of: number): Promise<ImportReading> {
  const readings: ImportReading[] = [];
  for (let index = 0; index < of; index++) {
    const part = { index, of };
    readings.push(readImport(await Promise.all(files.map((file) => importSource(file, part))), '{slug}.md', { part }));
  }
  return joinReadings(readings);
}

const fileOf = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name);

describe('an import read in parts', () => {
  it('reads a part of a zip of articles without reading the whole file, and the parts give every article once, in order', async () => {
    const zip = zipSync(Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`story-${i}.md`, strToU8(write(article(i)))])));
    const loose = [fileOf(strToU8(write(article(7))), 'a.md'), fileOf(strToU8(write(article(8))), 'b.md')];
    const files = [loose[0]!, fileOf(zip, 'library.zip'), loose[1]!];
    const whole = readImport(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))), '{slug}.md');
    expect(whole.articles).toHaveLength(9);
    for (const of of [2, 3, 4]) {
      const parted = await inParts(files, of);
      expect(parted).toEqual(whole);
    }
    const source = await importSource(fileOf(zip, 'library.zip'), { index: 1, of: 2 });
    expect(source.bytes).toHaveLength(0);
    expect(source.zip?.entries).toHaveLength(7);
  });

  it('keeps what a library zip\'s manifest carries, in every part', async () => {
    const all = Array.from({ length: 5 }, (_, i) => storedArticle({ ...article(i), siteName: `Site ${i}`, dateSource: 'json-ld' }, { savedAt: `2026-01-0${i + 1}T00:00:00.000Z`, editedAt: `2026-02-0${i + 1}T00:00:00.000Z` }));
    async function* batches() {
      yield all;
    }
    const result = await buildExportZip({ sink: await openZipSink(), compression: 'deflate', batches: batches(), template: '{slug}.md', layout: 'flat' });
    const file = new File([await result.file.arrayBuffer()], 'library.zip');
    const parted = await inParts([file], 2);
    expect(parted.invalid).toEqual([]);
    expect(parted.articles.map((a) => [a.link, a.savedAt, a.siteName, a.dateSource])).toEqual(all.map((a) => [a.link, a.savedAt, a.siteName, 'json-ld']));
  });

  it('reads a zip that holds pictures whole (an article\'s pictures may lie anywhere in it) and still attaches them', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const bundles = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [
      [`story-${i}/index.md`, strToU8(write({ ...article(i), body: `Text.\n\n![Picture](photo.png)` }))],
      [`story-${i}/photo.png`, [png, { level: 0 }]], // stored, as Export all stores them
    ]).flat());
    const file = fileOf(zipSync(bundles), 'bundles.zip');
    expect((await importSource(file, { index: 0, of: 2 })).bytes.length).toBe(file.size);
    const parted = await inParts([file], 2);
    expect(parted.articles.map((a) => a.bundledImages?.map((image) => image.name))).toEqual([['photo.png'], ['photo.png'], ['photo.png'], ['photo.png']]);
    // Each picture in a buffer of its own: a view into the zip would carry all of it into the message and the store.
    for (const image of parted.articles.flatMap((a) => a.bundledImages ?? [])) expect(image.bytes.buffer.byteLength).toBe(png.length);
  });

  it('lists a damaged entry by the part that reads it, and imports the rest', async () => {
    const zip = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`story-${i}.md`, strToU8(write(article(i)))])));
    const last = zipDirectoryOf(zip)!.entries[5]!;
    const damaged = zip.slice();
    damaged[last.offset + 30 + 'story-5.md'.length] = 0xff; // a deflate block type that does not exist
    const parted = await inParts([fileOf(damaged, 'library.zip')], 2);
    expect(parted.articles.map((a) => a.title)).toEqual(['Story 0', 'Story 1', 'Story 2', 'Story 3', 'Story 4']);
    expect(parted.invalid).toEqual([{ name: 'library.zip: story-5.md', reason: expect.stringMatching(/^it could not be unpacked \(.+\)$/) }]);
  });

  it('reads a name the zip holds twice once, from its last copy, as one reading does, whichever parts the copies fall in', async () => {
    // Six entries, the fifth renamed in place to the first's name (same length): two copies of story-0.md, in different halves.
    const zip = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`story-${i}.md`, strToU8(write(article(i)))])));
    const renamed = zip.slice();
    const text = new TextDecoder('latin1').decode(renamed);
    for (let at = text.indexOf('story-4.md'); at !== -1; at = text.indexOf('story-4.md', at + 1)) renamed.set(strToU8('story-0.md'), at);
    expect(zipDirectoryOf(renamed)!.entries.map((e) => e.name)).toEqual(['story-0.md', 'story-1.md', 'story-2.md', 'story-3.md', 'story-0.md', 'story-5.md']);
    const whole = readImport([{ name: 'library.zip', bytes: renamed }], '{slug}.md');
    expect(whole.invalid).toEqual([]);
    expect(whole.articles.map((a) => a.title)).toEqual(['Story 4', 'Story 1', 'Story 2', 'Story 3', 'Story 5']);
    for (const of of [2, 3]) expect(await inParts([fileOf(renamed, 'library.zip')], of)).toEqual(whole);
  });

  it('reads a file that only starts like a zip whole, and says what it is', async () => {
    const parted = await inParts([fileOf(strToU8('PK but nothing else of a zip'), 'odd.zip')], 2);
    expect(parted.invalid).toEqual([{ name: 'odd.zip', reason: 'it is named .zip but is not a zip archive' }]);
  });
});
