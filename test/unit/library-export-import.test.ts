import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FILE_KEYS } from '../../src/core/article.ts';
import { normalize, write } from '../../src/core/frontmatter.ts';
import { storedArticle } from '../../src/storage/library-key.ts';
import type { StoredArticle } from '../../src/storage/library-record.ts';
import { buildExportZip, exportFilename } from '../../options/library-export.ts';
import { readImport } from '../../options/library-import.ts';
import { sampleArticle } from './ui-helpers.ts';

const TIMES = { savedAt: '2026-01-02T03:04:05.000Z', editedAt: '2026-01-03T03:04:05.000Z' };

function entries(count: number): StoredArticle[] {
  return Array.from({ length: count }, (_, i) => storedArticle(sampleArticle({
    link: `https://site${i % 2}.example/story/${i}`,
    title: `Story ${i}: “quotes” and ünïcödé`,
    slug: `story-${i}`,
    date: `2025-0${(i % 9) + 1}-1${i % 10}`,
    tags: [`tag${i}`, 'shared'],
    body: `Paragraph ${i} with **bold**.\n\nSecond paragraph.`,
  }), TIMES));
}

async function* inBatches<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const unzip = async (blob: Blob) => unzipSync(new Uint8Array(await blob.arrayBuffer()));

describe('exporting a zip', () => {
  it('holds every article as the core writes it, byte for byte, named by the template', async () => {
    const all = entries(5);
    const result = await buildExportZip({ batches: inBatches(all, 2), template: '{date}-{slug}.md', layout: 'flat' });
    const files = await unzip(result.blob);
    expect(Object.keys(files).sort()).toEqual(all.map((e) => `${e.date}-${e.slug}.md`).sort());
    for (const entry of all) {
      const bytes = files[`${entry.date}-${entry.slug}.md`]!;
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(write(entry), 'utf8'))).toBe(0);
    }
    expect(result.files.map((f) => f.link)).toEqual(all.map((e) => e.link));
    expect(result.bytes).toBe(all.reduce((n, e) => n + Buffer.byteLength(write(e)), 0));
  });

  it('writes Hugo page bundles, and makes clashing names unique', async () => {
    const [a, b] = entries(2) as [StoredArticle, StoredArticle];
    const twin = { ...b, slug: a.slug }; // a second article with the same slug
    const result = await buildExportZip({ batches: inBatches([a, twin], 10), template: '{slug}.md', layout: 'bundles' });
    const files = await unzip(result.blob);
    expect(Object.keys(files).sort()).toEqual([`${a.slug}-2/index.md`, `${a.slug}/index.md`]);
    expect(new TextDecoder().decode(files[`${a.slug}-2/index.md`])).toBe(write(twin));
  });

  it('stays correct when files are deflated out of order (workers finishing at random)', async () => {
    const all = entries(12);
    let calls = 0;
    const deflate = (data: Uint8Array, level: number) => new Promise<Uint8Array<ArrayBuffer>>((resolve) => {
      calls++;
      const out = deflateSync(data, { level: level as 6 });
      setTimeout(() => resolve(out), (calls * 7) % 5);
    });
    const result = await buildExportZip({ batches: inBatches(all, 5), template: '{slug}.md', layout: 'flat', deflate });
    expect(calls).toBe(12);
    const files = await unzip(result.blob);
    for (const entry of all) expect(new TextDecoder().decode(files[exportFilename('{slug}.md', entry)])).toBe(write(entry));
  });

  it('reads the next batch only once the last one is in the zip: one batch in memory at a time', async () => {
    const all = entries(9);
    let deflated = 0;
    const requested: number[] = [];
    async function* watched(): AsyncGenerator<StoredArticle[]> {
      for (let i = 0; i < all.length; i += 3) {
        requested.push(deflated);
        yield all.slice(i, i + 3);
      }
    }
    const deflate = async (data: Uint8Array) => {
      await new Promise((r) => setTimeout(r, 2));
      deflated++;
      return deflateSync(data);
    };
    await buildExportZip({ batches: watched(), template: '{slug}.md', layout: 'flat', deflate });
    expect(requested).toEqual([0, 3, 6]);
  });

  it('fails the export when a file cannot be deflated', async () => {
    const deflate = async () => {
      throw new Error('worker gone');
    };
    await expect(buildExportZip({ batches: inBatches(entries(2), 5), template: '{slug}.md', layout: 'flat', deflate })).rejects.toThrow('worker gone');
  });
});

describe('reading an import', () => {
  const good = write(sampleArticle({ link: 'https://www.coast.example/a', title: 'Good one', slug: 'good-one', tags: ['Coast'] }));

  it('reads article files and fills what a file does not carry', () => {
    const reading = readImport([{ name: 'good.md', bytes: strToU8(good) }], '{date}-{slug}.md');
    expect(reading.invalid).toEqual([]);
    expect(reading.articles).toHaveLength(1);
    expect(reading.articles[0]).toMatchObject({
      title: 'Good one', tags: ['Coast'], dateSource: 'import', siteName: 'coast.example', keywords: [], filename: '2026-01-06-good-one.md',
    });
  });

  it('lists every invalid file with its reason, and still reads the valid ones', () => {
    const noLink = write(sampleArticle({ link: '' }));
    const badLink = write(sampleArticle({ link: 'javascript:alert(1)' }));
    const reading = readImport([
      { name: 'good.md', bytes: strToU8(good) },
      { name: 'plain.md', bytes: strToU8('Just some notes.\n') },
      { name: 'no-link.md', bytes: strToU8(noLink) },
      { name: 'bad-link.md', bytes: strToU8(badLink) },
      { name: 'extra.md', bytes: strToU8(good.replace('draft: false', 'draft: false\nauthor: "X"')) },
      { name: 'latin1.md', bytes: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]) },
      { name: 'fake.zip', bytes: strToU8('not a zip') },
    ], '{slug}.md');
    expect(reading.articles.map((a) => a.title)).toEqual(['Good one']);
    expect(reading.invalid).toEqual([
      { name: 'plain.md', reason: 'not an article file: the first line must be "---"' },
      { name: 'no-link.md', reason: 'it has no link, and the library keeps each article under its link' },
      { name: 'bad-link.md', reason: 'its link "javascript:alert(1)" is not a web address' },
      { name: 'extra.md', reason: 'unknown front-matter key: author' },
      { name: 'latin1.md', reason: 'it is not UTF-8 text' },
      { name: 'fake.zip', reason: 'it is named .zip but is not a zip archive' },
    ]);
  });

  it('reads the article files of a zip, skips its other files, and reports a broken archive', () => {
    const zip = zipSync({
      'bundle/index.md': strToU8(good),
      'bundle/photo.jpg': new Uint8Array([1, 2, 3]),
      'notes/todo.md': strToU8('no front matter'),
      '__MACOSX/bundle/._index.md': strToU8('junk'),
    });
    const broken = zip.slice(0, zip.length - 30);
    const reading = readImport([{ name: 'export.zip', bytes: zip }, { name: 'broken.zip', bytes: broken }], '{slug}.md');
    expect(reading.articles.map((a) => a.link)).toEqual(['https://www.coast.example/a']);
    expect(reading.skipped).toEqual(['export.zip: bundle/photo.jpg', 'export.zip: __MACOSX/bundle/._index.md']);
    expect(reading.invalid.map((f) => f.name)).toEqual(['export.zip: notes/todo.md', 'broken.zip']);
    expect(reading.invalid[1]?.reason).toMatch(/^it is not a readable zip archive/);
  });

  it('an export read back gives the same articles (every field of the file)', async () => {
    const all = entries(4);
    for (const layout of ['flat', 'bundles'] as const) {
      const result = await buildExportZip({ batches: inBatches(all, 3), template: '{slug}.md', layout });
      const reading = readImport([{ name: 'library.zip', bytes: new Uint8Array(await result.blob.arrayBuffer()) }], '{slug}.md');
      expect(reading.invalid).toEqual([]);
      const byLink = new Map(reading.articles.map((a) => [a.link, a]));
      for (const entry of all) {
        const back = byLink.get(entry.link)!;
        for (const key of FILE_KEYS) expect(back[key], key).toEqual(normalize(entry)[key]);
        expect(write(back)).toBe(write(entry));
      }
    }
  });
});
