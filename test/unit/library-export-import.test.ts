import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FILE_KEYS } from '../../src/core/article.ts';
import { normalize, write } from '../../src/core/frontmatter.ts';
import { storedArticle } from '../../src/storage/library-key.ts';
import type { StoredArticle } from '../../src/storage/library-record.ts';
import { buildExportZip, type ExportOptions } from '../../options/library-export.ts';
import { readImport } from '../../options/library-import.ts';
import { MANIFEST_NAME, readManifest } from '../../options/library-manifest.ts';
import { exportFilename } from '../../options/zip-names.ts';
import { openZipSink, type ZipSink } from '../../options/zip-sink.ts';
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

/** The zip's article files (its manifest left out), by name. */
const unzip = async (blob: Blob) => {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  delete files[MANIFEST_NAME];
  return files;
};

type Options = Omit<ExportOptions, 'sink' | 'compression'> & Partial<Pick<ExportOptions, 'sink' | 'compression'>>;
const exportZip = async (options: Options) => buildExportZip({ sink: await openZipSink(), compression: 'deflate', ...options });

describe('exporting a zip', () => {
  it('holds every article as the core writes it, byte for byte, named by the template', async () => {
    const all = entries(5);
    const result = await exportZip({ batches: inBatches(all, 2), template: '{date}-{slug}.md', layout: 'flat' });
    const files = await unzip(result.file);
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
    const result = await exportZip({ batches: inBatches([a, twin], 10), template: '{slug}.md', layout: 'bundles' });
    const files = await unzip(result.file);
    expect(Object.keys(files).sort()).toEqual([`${a.slug}-2/index.md`, `${a.slug}/index.md`]);
    expect(new TextDecoder().decode(files[`${a.slug}-2/index.md`])).toBe(write(twin));
  });

  it('stores or deflates (the browser\'s own zlib) to the same files, the stored zip being larger', async () => {
    const all = entries(12);
    const stored = await exportZip({ batches: inBatches(all, 5), template: '{slug}.md', layout: 'flat', compression: 'store' });
    const deflated = await exportZip({ batches: inBatches(all, 5), template: '{slug}.md', layout: 'flat', compression: 'deflate' });
    const [a, b] = [await unzip(stored.file), await unzip(deflated.file)];
    for (const entry of all) {
      const name = exportFilename('{slug}.md', entry);
      expect(new TextDecoder().decode(a[name])).toBe(write(entry));
      expect(new TextDecoder().decode(b[name])).toBe(write(entry));
    }
    expect(stored.file.size).toBeGreaterThan(stored.bytes);
    expect(deflated.file.size).toBeLessThan(stored.file.size);
  });

  it('reads one batch ahead, never more: at most two batches in memory at a time', async () => {
    const all = entries(9);
    let written = 0;
    const requested: number[] = [];
    const sink = await openZipSink();
    const counting: ZipSink = { ...sink, write: (chunk) => {
      written += chunk.length;
      sink.write(chunk);
    } };
    async function* watched(): AsyncGenerator<StoredArticle[]> {
      for (let i = 0; i < all.length; i += 3) {
        requested.push(written);
        yield all.slice(i, i + 3);
      }
    }
    const result = await exportZip({ batches: watched(), template: '{slug}.md', layout: 'flat', sink: counting });
    // The second batch is read while the first is written; the third waits for the first.
    expect(requested[0]).toBe(0);
    expect(requested[1]).toBe(0);
    expect(requested[2]).toBeGreaterThan(0);
    expect(Object.keys(await unzip(result.file))).toHaveLength(9);
  });

  it('skips and lists an article that cannot be written, and exports the rest', async () => {
    const all = entries(4);
    const impossible = { ...all[1]!, date: '2026-02-31' };
    const result = await exportZip({ batches: inBatches([all[0]!, impossible, all[2]!, all[3]!], 2), template: '{slug}.md', layout: 'flat' });
    expect(result.failed).toEqual([{ title: impossible.title, link: impossible.link, reason: expect.stringMatching(/date must be a calendar day/) }]);
    expect(result.files.map((f) => f.link)).toEqual([all[0]!.link, all[2]!.link, all[3]!.link]);
    expect(Object.keys(await unzip(result.file)).sort()).toEqual([all[0]!, all[2]!, all[3]!].map((e) => exportFilename('{slug}.md', e)).sort());
  });

  it('a cancelled export stops between batches and discards what it wrote', async () => {
    const controller = new AbortController();
    let discarded = false;
    const sink = await openZipSink();
    const watched: ZipSink = { ...sink, discard: async () => {
      discarded = true;
    } };
    async function* batches(): AsyncGenerator<StoredArticle[]> {
      yield entries(2);
      controller.abort();
      yield entries(2);
    }
    await expect(exportZip({ batches: batches(), template: '{slug}.md', layout: 'flat', sink: watched, signal: controller.signal })).rejects.toThrow(/cancelled/);
    expect(discarded).toBe(true);
  });

  it('carries what the file format cannot hold in frontclip.json, at the zip root', async () => {
    const all = entries(3).map((e, i) => ({ ...e, siteName: `Site ${i}`, dateSource: 'json-ld' as const, keywords: [`k${i}`] }));
    const result = await exportZip({ batches: inBatches(all, 2), template: '{slug}.md', layout: 'bundles' });
    const zip = unzipSync(new Uint8Array(await result.file.arrayBuffer()));
    const manifest = readManifest(zip[MANIFEST_NAME]!);
    for (const entry of all) {
      expect(manifest.get(`${entry.slug}/index.md`)).toEqual({
        file: `${entry.slug}/index.md`, link: entry.link, savedAt: entry.savedAt, editedAt: entry.editedAt, siteName: entry.siteName, dateSource: 'json-ld', keywords: entry.keywords,
      });
    }
    const back = readImport([{ name: 'library.zip', bytes: new Uint8Array(await result.file.arrayBuffer()) }], '{slug}.md');
    expect(back.invalid).toEqual([]);
    expect(back.articles.map((a) => ({ link: a.link, savedAt: a.savedAt, siteName: a.siteName, dateSource: a.dateSource, keywords: a.keywords })))
      .toEqual(all.map((e) => ({ link: e.link, savedAt: e.savedAt, siteName: e.siteName, dateSource: 'json-ld', keywords: e.keywords })));
  });
});

describe('reading an import', () => {
  const good = write(sampleArticle({ link: 'https://www.coast.example/a', title: 'Good one', slug: 'good-one', tags: ['Coast'] }));

  it('reads article files and fills what a file does not carry', () => {
    const reading = readImport([{ name: 'good.md', bytes: strToU8(good) }], '{date}-{slug}.md');
    expect(reading.invalid).toEqual([]);
    expect(reading.articles[0]).not.toHaveProperty('savedAt');
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
    // What the files' names or directories say comes first, then what reading each file finds.
    expect(reading.invalid).toEqual([
      { name: 'fake.zip', reason: 'it is named .zip but is not a zip archive' },
      { name: 'plain.md', reason: 'not an article file: the first line must be "---"' },
      { name: 'no-link.md', reason: 'it has no link, and the library keeps each article under its link' },
      { name: 'bad-link.md', reason: 'its link "javascript:alert(1)" is not a web address' },
      { name: 'extra.md', reason: 'unknown front-matter key: author' },
      { name: 'latin1.md', reason: 'it is not UTF-8 text' },
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
    expect(reading.invalid.map((f) => f.name)).toEqual(['broken.zip', 'export.zip: notes/todo.md']);
    expect(reading.invalid[0]?.reason).toMatch(/^it is not a readable zip archive/);
  });

  it('an export read back gives the same articles (every field of the file)', async () => {
    const all = entries(4);
    for (const layout of ['flat', 'bundles'] as const) {
      const result = await exportZip({ batches: inBatches(all, 3), template: '{slug}.md', layout });
      const reading = readImport([{ name: 'library.zip', bytes: new Uint8Array(await result.file.arrayBuffer()) }], '{slug}.md');
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
