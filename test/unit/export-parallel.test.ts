import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { write } from '../../src/core/frontmatter.ts';
import { importArticles, readArticleBatches, readArticleImages, saveArticleImages } from '../../src/storage/library.ts';
import { articleBucket } from '../../src/storage/article-buckets.ts';
import { buildExportInParts, localPart, type PartRunner } from '../../options/export-parallel.ts';
import { buildExportZip, type ExportResult } from '../../options/library-export.ts';
import { MANIFEST_NAME } from '../../options/library-manifest.ts';
import type { ExportLayout } from '../../options/zip-names.ts';
import { memoryZipSink } from '../../options/zip-sink.ts';
import { sampleArticle } from './ui-helpers.ts';

const T = '2026-01-03T03:04:05.000Z';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** `count` articles; every `clash`-th one takes the slug of article 0 (the same file name). */
function articles(count: number, clash = 0) {
  return Array.from({ length: count }, (_, i) => ({
    ...sampleArticle({
      link: `https://site${i % 3}.example/story/${i}`,
      title: `Story ${i}: “quotes”, ünïcödé and 😀`,
      slug: clash > 0 && i % clash === 0 ? 'the-same-story' : `story-${i}`,
      date: `2025-0${(i % 9) + 1}-1${i % 10}`,
      body: `Paragraph ${i}.\n\nÜber die Brücke — ${'text '.repeat(i % 40)}`,
    }),
    savedAt: T,
    editedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
  }));
}

const sequential = async (layout: ExportLayout, links: string[] | null = null) => buildExportZip({
  batches: readArticleBatches(links, 7), template: '{slug}.md', layout, sink: memoryZipSink(), compression: 'store', readImages: readArticleImages,
});

/** The export in `of` parts on this thread, with a record of what each part was asked. */
function parts(of: number, layout: ExportLayout, links: string[] | null = null) {
  const rewrites: number[] = [];
  const cancels: number[] = [];
  const settled: number[] = [];
  const runners: PartRunner[] = Array.from({ length: of }, (_, index) => {
    const runner = localPart({ links, template: '{slug}.md', layout }, { index, of }, readArticleBatches, readArticleImages);
    return {
      ...runner,
      rewrite: (paths) => {
        rewrites.push(index);
        return runner.rewrite(paths);
      },
      settle: () => {
        settled.push(index);
        runner.settle();
      },
      cancel: () => {
        cancels.push(index);
        return runner.cancel();
      },
    };
  });
  return { runners, rewrites, cancels, settled };
}

const bytes = async (result: ExportResult) => new Uint8Array(await result.file.arrayBuffer());

describe('an export written in parts side by side', () => {
  it('is byte for byte the zip one writer makes, in 1, 2 or 3 parts', async () => {
    await importArticles(articles(60));
    const one = await bytes(await sequential('flat'));
    for (const of of [1, 2, 3]) {
      const { runners, rewrites, settled } = parts(of, 'flat');
      const result = await buildExportInParts(runners, 'flat');
      expect(Buffer.compare(Buffer.from(await bytes(result)), Buffer.from(one))).toBe(0);
      expect(rewrites).toEqual([]);
      // Every part is told once its names are final (a worker then lets go of its articles).
      expect(settled).toEqual(Array.from({ length: of }, (_, i) => i));
      expect(result.files).toHaveLength(60);
    }
    const files = unzipSync(one);
    expect(Object.keys(files)).toHaveLength(61);
    expect(files[MANIFEST_NAME]).toBeDefined();
  });

  it('names clashing across parts as one writer would: the later part writes its files again', async () => {
    const all = articles(40, 4);
    await importArticles(all);
    // The clashing articles lie in buckets of both halves, so both parts name one `the-same-story`.
    const clashing = all.filter((_, i) => i % 4 === 0).map((a) => articleBucket(a.link));
    expect(clashing.some((b) => b < 128) && clashing.some((b) => b >= 128)).toBe(true);
    for (const layout of ['flat', 'bundles'] as const) {
      const { runners, rewrites } = parts(2, layout);
      const result = await buildExportInParts(runners, layout);
      expect(rewrites).toEqual([1]);
      expect(Buffer.compare(Buffer.from(await bytes(result)), Buffer.from(await bytes(await sequential(layout))))).toBe(0);
      const names = Object.keys(unzipSync(await bytes(result)));
      expect(names.filter((n) => n.startsWith('the-same-story'))).toHaveLength(10);
    }
  });

  it('skips and lists an article that cannot be written; the rest is exported and named as one writer would', async () => {
    const all = articles(20, 5);
    await importArticles(all);
    // A record as an older version stored it: a day that does not exist.
    const broken = all[5]!;
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('frontclip');
      open.onsuccess = () => resolve(open.result);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('articleBuckets', 'readwrite');
      const cursor = tx.objectStore('articleBuckets').openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const records = at.value as { link: string }[];
        if (records.some((r) => r.link === broken.link)) at.update(records.map((r) => (r.link === broken.link ? { ...r, date: '2026-02-31' } : r)));
        else at.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const { runners } = parts(2, 'flat');
    const result = await buildExportInParts(runners, 'flat');
    expect(result.failed).toEqual([{ title: broken.title, link: broken.link, reason: expect.stringMatching(/date must be a calendar day/) }]);
    expect(result.files).toHaveLength(19);
    expect(Buffer.compare(Buffer.from(await bytes(result)), Buffer.from(await bytes(await sequential('flat'))))).toBe(0);
  });

  it('exports the chosen articles only, and the images an article keeps', async () => {
    const all = articles(30);
    all[4] = { ...all[4]!, body: 'The deck:\n\n![Deck](https://cdn.test/deck.png)' };
    await importArticles(all);
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
    const withImage = all[4]!;
    await saveArticleImages(withImage.link, [{ name: 'lead.png', src: 'https://cdn.test/deck.png', url: 'https://cdn.test/deck.png', type: 'image/png', size: 7, blob: png }]);
    const chosen = [all[4]!.link, all[9]!.link, all[17]!.link];
    const { runners } = parts(2, 'bundles', chosen);
    const result = await buildExportInParts(runners, 'bundles');
    const files = unzipSync(await bytes(result));
    expect(Object.keys(files).sort()).toEqual(['frontclip.json', 'story-17/index.md', 'story-4/index.md', 'story-4/lead.png', 'story-9/index.md']);
    expect(new TextDecoder().decode(files['story-9/index.md'])).toBe(write(all[9]!));
    expect(files['story-4/lead.png']).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    // The article that keeps an image links to its copy, as one writer writes it.
    const one = unzipSync(await bytes(await sequential('bundles', chosen)));
    expect(files['story-4/index.md']).toEqual(one['story-4/index.md']);
    expect(new TextDecoder().decode(files['story-4/index.md'])).toContain('![Deck](lead.png)');
  });

  it('a cancel stops every part and gives no zip', async () => {
    await importArticles(articles(30));
    const controller = new AbortController();
    const { runners, cancels } = parts(2, 'flat');
    const slow = runners.map((r, i) => ({
      ...r,
      run: async (onProgress: (done: number) => void) => {
        if (i === 1) controller.abort();
        return r.run(onProgress);
      },
    }));
    await expect(buildExportInParts(slow, 'flat', { signal: controller.signal })).rejects.toThrow(/cancelled/);
    expect(cancels.sort()).toEqual([0, 1]);
  });
});
