// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as library from '../../src/storage/library.ts';
import { DEFAULT_SETTINGS } from '../../src/storage/settings-schema.ts';
import { localPart, PartsUnavailable, type PartRequest, type PartRunner } from '../../options/export-parallel.ts';
import { mountLibrary } from '../../options/library-page.ts';
import { byRole, fakeSend, sampleArticle } from './ui-helpers.ts';

const article = (n: number) => sampleArticle({ link: `https://site.example/a/${n}`, title: `Story ${n}`, slug: `story-${n}` });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  document.body.replaceChildren();
});

/** Mounts the library with `parts` as its export parts; Export all; resolves with the status and the zip's file names. */
async function exportAll(parts: (request: PartRequest) => PartRunner[]): Promise<{ status: string; files: string[] }> {
  await library.importArticles([article(1), article(2), article(3)]);
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const zips: Blob[] = [];
  await mountLibrary(root, {
    store: library,
    send: fakeSend({}).send,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS }),
    saveZip: async (file, filename) => {
      zips.push(file);
      return { ok: true, filename: `Frontclip/${filename}` };
    },
    exportParts: async (request) => parts(request),
    now: () => new Date(2026, 0, 6),
  });
  byRole(root, 'button', 'Export all').click();
  const status = () => byRole(root, 'status').textContent ?? '';
  for (let i = 0; i < 200 && !/^Exported|^Couldn/.test(status()); i++) await new Promise((r) => setTimeout(r, 10));
  const files = zips[0] ? Object.keys(unzipSync(new Uint8Array(await zips[0].arrayBuffer()))).sort() : [];
  return { status: status(), files };
}

const written = ['frontclip.json', 'story-1.md', 'story-2.md', 'story-3.md'];

/** A part whose run fails with `error`. */
const failingPart = (error: Error): PartRunner => ({
  run: async () => { throw error; },
  rewrite: async () => null,
  settle: () => {},
  cancel: async () => {},
  release: () => {},
});

describe('Export all in parts on the library page', () => {
  it('writes the zip through its parts', async () => {
    const ran: number[] = [];
    const { status, files } = await exportAll((request) => [0, 1].map((index) => {
      const part = localPart(request, { index, of: 2 }, library.readArticleBatches, library.readArticleImages);
      return { ...part, run: (onProgress) => {
        ran.push(index);
        return part.run(onProgress);
      } };
    }));
    expect(status).toBe('Exported 3 articles to Frontclip/frontclip-2026-01-06.zip');
    expect(files).toEqual(written);
    expect(ran).toEqual([0, 1]);
  });

  it('writes the zip on the page when its parts cannot start, and the reader still gets it', async () => {
    const { status, files } = await exportAll(() => [0, 1].map(() => failingPart(new PartsUnavailable('the export worker could not start'))));
    expect(status).toBe('Exported 3 articles to Frontclip/frontclip-2026-01-06.zip');
    expect(files).toEqual(written);
  });

  it('says what went wrong when a part fails while it runs', async () => {
    const { status, files } = await exportAll(() => [failingPart(new Error('the disk is full'))]);
    expect(status).toBe("Couldn't export: the disk is full");
    expect(files).toEqual([]);
  });
});
