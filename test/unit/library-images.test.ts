import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/frontmatter.ts';
import {
  deleteArticles, getArticle, importArticles, readArticleBatches, readArticleImages, restoreArticles, saveArticle, saveArticleImages,
  type ImportedArticle,
} from '../../src/storage/library.ts';
import { buildExportZip } from '../../options/library-export.ts';
import { readImport } from '../../options/library-import.ts';
import { linkedImages } from '../../options/import-images.ts';
import { openZipSink } from '../../options/zip-sink.ts';
import { sampleArticle } from './ui-helpers.ts';

const png = (seed: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, seed, seed, seed]);
const blob = (bytes: Uint8Array) => new Blob([bytes as BlobPart], { type: 'image/png' });

const article = sampleArticle({
  link: 'https://news.test/bridge',
  title: 'The bridge opens',
  slug: 'the-bridge-opens',
  filename: 'the-bridge-opens.md',
  image: 'https://cdn.test/lead.png',
  body: 'Opening day.\n\n![The deck](https://cdn.test/deck-400.png)\n\nMore.\n\n![Gone](https://cdn.test/gone.png)',
});
const kept = [
  { name: 'lead.png', src: 'https://cdn.test/lead.png', url: 'https://cdn.test/lead.png', type: 'image/png', size: 11, blob: blob(png(1)) },
  { name: 'deck.png', src: 'https://cdn.test/deck-400.png', url: 'https://cdn.test/deck.png', type: 'image/png', size: 11, blob: blob(png(2)) },
];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function exportFiles(layout: 'flat' | 'bundles'): Promise<Record<string, Uint8Array>> {
  const result = await buildExportZip({
    batches: readArticleBatches(null), template: '{slug}.md', layout, sink: await openZipSink(), compression: 'store', readImages: readArticleImages,
  });
  const files = unzipSync(new Uint8Array(await result.file.arrayBuffer()));
  result.release();
  return files;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('images kept with an article in the library', () => {
  it('are stored in one transaction with the article\'s record, and read back byte for byte', async () => {
    await saveArticle(article, new Date(), { imagesPending: true });
    expect((await getArticle('https://news.test/bridge'))?.imagesPending).toBe(true);
    await saveArticleImages('https://news.test/bridge', kept);
    const entry = await getArticle('https://news.test/bridge');
    expect(entry?.imagesPending).toBeUndefined();
    expect(entry?.savedImages?.map((r) => r.name)).toEqual(['lead.png', 'deck.png']);
    const images = await readArticleImages('https://news.test/bridge');
    expect(new Uint8Array(await images.get('deck.png')!.arrayBuffer())).toEqual(png(2));
  });

  it('stay when the article\'s text is saved again, go with a delete and come back with its undo', async () => {
    await saveArticle(article);
    await saveArticleImages(article.link, kept);
    await saveArticle({ ...article, title: 'The bridge opens at last' });
    expect((await getArticle(article.link))?.savedImages).toHaveLength(2);
    const removed = await deleteArticles([article.link]);
    expect((await readArticleImages(article.link)).size).toBe(0);
    await restoreArticles(removed);
    expect([...(await readArticleImages(article.link)).keys()].sort()).toEqual(['deck.png', 'lead.png']);
  });

  it('go into Export all: inside the Hugo bundle, or in a <name>/ folder beside a flat file, with the links local', async () => {
    await saveArticle(article);
    await saveArticleImages(article.link, kept);
    const bundles = await exportFiles('bundles');
    expect(Object.keys(bundles).sort()).toEqual(['frontclip.json', 'the-bridge-opens/deck.png', 'the-bridge-opens/index.md', 'the-bridge-opens/lead.png']);
    expect(bundles['the-bridge-opens/deck.png']).toEqual(png(2));
    const index = parse(text(bundles['the-bridge-opens/index.md']));
    expect(index.image).toBe('lead.png');
    expect(index.body).toBe('Opening day.\n\n![The deck](deck.png)\n\nMore.\n\n![Gone](https://cdn.test/gone.png)');

    const flat = await exportFiles('flat');
    expect(Object.keys(flat).sort()).toEqual(['frontclip.json', 'the-bridge-opens.md', 'the-bridge-opens/deck.png', 'the-bridge-opens/lead.png']);
    const file = parse(text(flat['the-bridge-opens.md']));
    expect(file.image).toBe('the-bridge-opens/lead.png');
    expect(file.body).toContain('![The deck](the-bridge-opens/deck.png)');
  });

  it.each(['bundles', 'flat'] as const)('an exported %s zip imports back with its images, and exports again file for file', async (layout) => {
    await saveArticle(article);
    await saveArticleImages(article.link, kept);
    const first = await exportFiles(layout);
    const zipped = (await buildExportZip({
      batches: readArticleBatches(null), template: '{slug}.md', layout, sink: await openZipSink(), compression: 'store', readImages: readArticleImages,
    })).file;
    // A fresh profile: the zip is all there is.
    globalThis.indexedDB = new IDBFactory();
    const reading = readImport([{ name: 'library.zip', bytes: new Uint8Array(await zipped.arrayBuffer()) }], '{slug}.md');
    expect(reading.invalid).toEqual([]);
    const incoming: ImportedArticle[] = reading.articles.map(({ bundledImages, ...a }) => ({
      ...a,
      keptImages: (bundledImages ?? []).map((i) => ({ name: i.name, src: i.src, url: i.src, type: i.type, size: i.bytes.length, blob: blob(i.bytes) })),
    }));
    expect(incoming[0]!.keptImages?.map((i) => i.name).sort()).toEqual(['deck.png', 'lead.png']);
    await importArticles(incoming);
    const again = await exportFiles(layout);
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    for (const name of Object.keys(first)) {
      if (name === 'frontclip.json') continue;
      expect(Buffer.compare(Buffer.from(again[name]!), Buffer.from(first[name]!)), name).toBe(0);
    }
    expect(text(again[layout === 'flat' ? 'the-bridge-opens.md' : 'the-bridge-opens/index.md'])).toBe(
      text(first[layout === 'flat' ? 'the-bridge-opens.md' : 'the-bridge-opens/index.md']),
    );
  });
});

describe('linkedImages', () => {
  it('resolves a bundle\'s and a flat file\'s relative image links to zip paths, and ignores remote and climbing ones', () => {
    const body = '![a](a.png) ![b](https://x.test/b.png) ![c](../c.png) <img src="d%20e.png"> ![f](notes.txt)';
    expect([...linkedImages({ body, image: 'lead.png' }, 'story/index.md')]).toEqual([
      ['story/a.png', 'a.png'], ['story/d e.png', 'd%20e.png'], ['story/lead.png', 'lead.png'],
    ]);
    expect([...linkedImages({ body: '![a](story/a.png)', image: '' }, 'story.md')]).toEqual([['story/a.png', 'story/a.png']]);
  });
});
