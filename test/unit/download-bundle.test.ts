import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveObjectURL } from 'node:buffer';
import { DEFAULT_SETTINGS } from '../../src/storage/settings-schema.ts';
import { sampleArticle } from './ui-helpers.ts';

/** A downloads API that keeps what was written in a map of paths, and fails where it is told to. */
const fake = {
  files: new Map<string, string | { text: () => Promise<string> }>(),
  items: new Map<number, { filename: string; state: string; error?: string }>(),
  removed: [] as number[],
  history: [] as string[],
  failOn: null as RegExp | null,
  nextId: 1,
};

vi.mock('webextension-polyfill', () => ({
  default: {
    downloads: {
      download: async ({ url, filename }: { url: string; filename: string }) => {
        const id = fake.nextId++;
        const failed = fake.failOn?.test(filename) ?? false;
        fake.items.set(id, { filename: `/home/reader/Downloads/${filename}`, state: failed ? 'interrupted' : 'complete', ...(failed ? { error: 'FILE_FAILED' } : {}) });
        // Read at once: the worker revokes a blob: URL once the browser has the file.
        if (!failed) fake.files.set(filename, url.startsWith('blob:') ? resolveObjectURL(url)! : url);
        return id;
      },
      search: async (query: { id?: number; filenameRegex?: string }) => {
        if (query.id !== undefined) {
          const item = fake.items.get(query.id);
          return item ? [{ id: query.id, ...item }] : [];
        }
        const re = new RegExp(query.filenameRegex ?? '.');
        return fake.history.filter((f) => re.test(f)).map((filename) => ({ filename, exists: true, state: 'complete' }));
      },
      removeFile: async (id: number) => { fake.removed.push(id); },
      erase: async () => [],
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));

const { downloadBundle } = await import('../../src/background/download-bundle.ts');

const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
const article = sampleArticle({
  filename: 'peace.md',
  image: 'https://cdn.test/lead.png',
  body: 'Text.\n\n![A](https://cdn.test/a.png)\n\n![B](https://cdn.test/b.png)',
});
const gathered = {
  files: [
    { src: 'https://cdn.test/lead.png', url: 'https://cdn.test/lead.png', name: 'lead.png', blob: png, type: 'image/png' },
    { src: 'https://cdn.test/a.png', url: 'https://cdn.test/a.png', name: 'a.png', blob: png, type: 'image/png' },
  ],
  failures: [{ src: 'https://cdn.test/b.png', url: 'https://cdn.test/b.png', reason: 'blocked' as const }],
};

beforeEach(() => {
  fake.files.clear();
  fake.items.clear();
  fake.removed = [];
  fake.history = [];
  fake.failOn = null;
  fake.nextId = 1;
});

/** The text written at a path: Node has blob: URLs, as Firefox's event page does. */
async function written(path: string): Promise<string> {
  const data = fake.files.get(path)!;
  return typeof data === 'string' ? Buffer.from(data.split(',')[1]!, 'base64').toString('utf8') : data.text();
}

describe('downloadBundle', () => {
  it('writes the images first and the article last, into <subfolder>/<name>/', async () => {
    const done = await downloadBundle(article, DEFAULT_SETTINGS, gathered);
    expect(done).toEqual({ ok: true, filename: 'Frontclip/peace/index.md', images: { saved: 2, linked: 1, reasons: { blocked: 1 } } });
    expect([...fake.files.keys()]).toEqual(['Frontclip/peace/lead.png', 'Frontclip/peace/a.png', 'Frontclip/peace/index.md']);
  });

  it('takes <name>-2 when an earlier bundle of Frontclip\'s is in <name>/', async () => {
    fake.history = ['/home/reader/Downloads/Frontclip/peace/index.md', '/home/reader/Downloads/Frontclip/peace-2/lead.png'];
    const done = await downloadBundle(article, DEFAULT_SETTINGS, gathered);
    expect(done).toMatchObject({ ok: true, filename: 'Frontclip/peace-3/index.md' });
  });

  it('an image the browser did not write stays a link; the article is still written', async () => {
    fake.failOn = /a\.png$/;
    const done = await downloadBundle(article, DEFAULT_SETTINGS, gathered);
    expect(done).toMatchObject({ ok: true, images: { saved: 1, linked: 2, reasons: { blocked: 1, write: 1 } } });
    const text = await written('Frontclip/peace/index.md');
    expect(text).toContain('![A](https://cdn.test/a.png)');
    expect(text).toContain("image: 'lead.png'");
  });

  it('when the article itself cannot be written, the images already written are removed: no half bundle', async () => {
    fake.failOn = /index\.md$/;
    const done = await downloadBundle(article, DEFAULT_SETTINGS, gathered);
    expect(done).toMatchObject({ ok: false, reason: 'download' });
    expect(fake.removed).toEqual([1, 2]);
  });
});
