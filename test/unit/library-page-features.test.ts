// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as store from '../../src/storage/library.ts';
import { articleBucket } from '../../src/storage/article-buckets.ts';
import { DEFAULT_SETTINGS } from '../../src/storage/settings-schema.ts';
import { mountLibrary, type LibraryDeps } from '../../options/library-page.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { allByRole, byLabel, byRole, fakeSend, sampleArticle, settle, type } from './ui-helpers.ts';

const article = (n: number, over: Parameters<typeof sampleArticle>[0] = {}) => sampleArticle({
  link: `https://site.example/a/${n}`, title: `Story ${n}`, slug: `story-${n}`, tags: ['news'], ...over,
});
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

async function mount(over: Partial<LibraryDeps> = {}) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const zips: Blob[] = [];
  await mountLibrary(root, {
    store,
    send: fakeSend({}).send,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS }),
    saveZip: async (file, filename) => {
      zips.push(file);
      return { ok: true, filename: `Frontclip/${filename}` };
    },
    now: () => new Date(2026, 0, 6),
    ...over,
  });
  return { root, zips };
}

const titles = (root: HTMLElement) => Array.from(root.querySelectorAll('.lib-row .row-title'), (el) => el.textContent);
const status = (root: HTMLElement) => byRole(root, 'status').textContent ?? '';
const choose = (select: HTMLSelectElement | HTMLInputElement, value: string | boolean) => {
  if (typeof value === 'boolean') (select as HTMLInputElement).checked = value;
  else select.value = value;
  select.dispatchEvent(new Event('change'));
};
const clickBox = (root: HTMLElement, title: string, shiftKey = false) =>
  byRole<HTMLInputElement>(root, 'checkbox', `Select ${title}`).dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey }));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('the library page: finding and choosing', () => {
  it('sorts by saved date, published date or title', async () => {
    await store.saveArticle(article(1, { title: 'Beta', date: '2025-03-01' }), day(1));
    await store.saveArticle(article(2, { title: 'alpha', date: '2024-01-01' }), day(2));
    await store.saveArticle(article(3, { title: 'Gamma', date: '2025-12-31' }), day(3));
    const { root } = await mount();
    const sort = byLabel<HTMLSelectElement>(root, 'Sort by');
    expect(Array.from(sort.options, (o) => o.textContent)).toEqual(['Saved date', 'Published date', 'Title']);
    expect(titles(root)).toEqual(['Gamma', 'alpha', 'Beta']);
    choose(sort, 'published');
    expect(titles(root)).toEqual(['Gamma', 'Beta', 'alpha']);
    choose(sort, 'title');
    expect(titles(root)).toEqual(['alpha', 'Beta', 'Gamma']);
  });

  it('Shift-click selects a range, and the selection survives a search that still shows it', async () => {
    for (const n of [1, 2, 3, 4, 5]) await store.saveArticle(article(n, { title: n === 3 ? 'Harbour story' : `Story ${n}` }), day(n));
    const { root } = await mount();
    clickBox(root, 'Story 4');
    clickBox(root, 'Story 1', true);
    // Newest first: Story 5, Story 4, Harbour story, Story 2, Story 1.
    expect(root.querySelector('.selected-count')?.textContent).toBe('4 articles selected');
    expect(allByRole(root, 'checkbox').filter((c) => c.classList.contains('row-select') && (c as HTMLInputElement).checked)).toHaveLength(4);
    type(byLabel(root, 'Search'), 'harb');
    expect(titles(root)).toEqual(['Harbour story']);
    expect(root.querySelector('.selected-count')?.textContent).toBe('1 article selected (3 more hidden by the search and filters)');
    type(byLabel(root, 'Search'), '');
    expect(root.querySelector('.selected-count')?.textContent).toBe('4 articles selected');
    // Shift-click to deselect a range takes the clicked box's state.
    clickBox(root, 'Story 4');
    clickBox(root, 'Story 2', true);
    expect(root.querySelector('.selected-count')?.textContent).toBe('1 article selected');
    clickBox(root, 'Harbour story');
    // An action takes only what is shown.
    type(byLabel(root, 'Search'), 'harb');
    byRole(root, 'button', 'Delete selected').click();
    await until(() => status(root) === 'Deleted 1 article.');
    expect((await store.listSummaries()).map((s) => s.title)).toEqual(['Story 5', 'Story 4', 'Story 2', 'Story 1']);
    expect(root.querySelector('.selected-count')?.textContent).toBe('None selected (1 more hidden by the search and filters)');
  });

  it('a search with no match says so and offers Clear search and filters', async () => {
    for (const n of [1, 2]) await store.saveArticle(article(n), day(n));
    const { root } = await mount();
    type(byLabel(root, 'Search'), 'zzz');
    choose(byLabel(root, 'Not exported yet'), true);
    expect(root.querySelector('.library-empty p')?.textContent).toBe('No articles match the search and filters.');
    byRole(root, 'button', 'Clear search and filters').click();
    expect(titles(root)).toEqual(['Story 2', 'Story 1']);
    expect(byLabel<HTMLInputElement>(root, 'Not exported yet').checked).toBe(false);
    expect(document.activeElement).toBe(byLabel(root, 'Search'));
  });

  it('shows when each article was exported, filters the rest, and Export new exports only those', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n), day(n));
    const one = (await store.getArticle(article(1).link))!;
    const two = (await store.getArticle(article(2).link))!;
    await store.markExported([{ link: one.link, editedAt: one.editedAt }, { link: two.link, editedAt: two.editedAt }], day(4));
    await store.saveArticle(article(2, { title: 'Story 2, edited' }), day(5));
    const { root, zips } = await mount();
    const notes = () => Array.from(root.querySelectorAll('.row-exported'), (el) => el.textContent);
    expect(notes()).toEqual(['Not exported', expect.stringMatching(/^Changed since export on \S/), expect.stringMatching(/^Exported \S/)]);
    choose(byLabel(root, 'Not exported yet'), true);
    expect(titles(root)).toEqual(['Story 3', 'Story 2, edited']);
    byRole(root, 'button', 'Export new').click();
    await until(() => /^Exported/.test(status(root)));
    expect(status(root)).toBe('Exported 2 articles to Frontclip/frontclip-2026-01-06.zip');
    const files = Object.keys(unzipSync(new Uint8Array(await zips[0]!.arrayBuffer())));
    expect(files.sort()).toEqual(['frontclip.json', 'story-2.md', 'story-3.md']);
    await until(() => titles(root).length === 0);
    byRole(root, 'button', 'Export new').click();
    await until(() => /nothing new/.test(status(root)));
    expect(zips).toHaveLength(1);
  });
});

describe('the library page: reading, and long work', () => {
  it('reads an article: rendered Markdown, images as labels, Edit and Open original', async () => {
    const body = '## Harbour\n\nThe **keeper** [wrote](https://site.example/letter) this.\n\n![The lamp](https://img.example/lamp.jpg)\n\n<img src=x onerror="alert(1)">\n\n[bad](javascript:alert(1))';
    await store.saveArticle(article(1, { body }), day(1));
    const { root } = await mount();
    byRole(root, 'button', 'Story 1').click();
    await until(() => document.querySelector('dialog.reader') !== null);
    const reader = document.querySelector<HTMLDialogElement>('dialog.reader')!;
    expect(byRole(reader, 'heading', 'Story 1')).toBeTruthy();
    const view = byRole(reader, 'region', 'Article');
    expect(view.querySelector('h2')?.textContent).toBe('Harbour');
    expect(view.querySelector('strong')?.textContent).toBe('keeper');
    expect(view.textContent).toContain('[Image: The lamp]');
    expect(view.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(view.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
    expect(Array.from(view.querySelectorAll('a'), (a) => [a.getAttribute('href'), a.getAttribute('target')])).toEqual([['https://site.example/letter', '_blank']]);
    const original = byRole<HTMLAnchorElement>(reader, 'link', 'Open original');
    expect([original.href, original.target, original.rel]).toEqual([article(1).link, '_blank', 'noopener noreferrer']);
    byRole(reader, 'button', 'Edit').click();
    await until(() => document.querySelector('dialog.reader') === null && document.querySelector('dialog') !== null);
    expect(byLabel<HTMLTextAreaElement>(document.querySelector('dialog')!, 'Title').value).toBe('Story 1');
  });

  it('a cancelled import writes nothing and says so', async () => {
    let release: () => void = () => {};
    const { root } = await mount({
      readFiles: (_files, _template, { signal, onProgress }) => new Promise((_resolve, reject) => {
        onProgress(1, 4);
        release = () => reject(signal.reason);
        signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
      }),
    });
    const input = byLabel<HTMLInputElement>(root, 'Import…');
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.md')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(() => root.querySelector('.progress-line')?.textContent === 'Reading files: 1 of 4');
    byRole(byRole(root, 'group', 'Progress'), 'button', 'Cancel').click();
    await until(() => status(root) === 'Import cancelled: nothing was imported.');
    release();
    expect(await allArticles()).toEqual([]);
    expect(root.querySelector('.progress-panel')?.hasAttribute('hidden')).toBe(true);
  });

  it('a cancelled export saves no zip; an article that cannot be written is skipped and reported', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n), day(n));
    let cancel: () => void = () => {};
    const slow = {
      ...store,
      async *readArticleBatches(links: readonly string[] | null) {
        for await (const batch of store.readArticleBatches(links, 1)) {
          yield batch;
          cancel();
          await settle();
        }
      },
    };
    const { root, zips } = await mount({ store: slow });
    cancel = () => byRole(byRole(root, 'group', 'Progress'), 'button', 'Cancel').click();
    byRole(root, 'button', 'Export all').click();
    await until(() => status(root) === 'Export cancelled: no zip was saved.');
    expect(zips).toEqual([]);
    expect((await store.listSummaries()).every((s) => s.exportedAt === null)).toBe(true);

    // A record an older version stored with a day that does not exist.
    const bad = { ...(await store.getArticle(article(2).link))!, date: '2026-02-31' };
    const db = await store.openLibrary();
    const bucket = articleBucket(bad.link);
    await db.put('articleBuckets', (await db.get('articleBuckets', bucket))!.map((e) => (e.link === bad.link ? bad : e)), bucket);
    db.close();
    cancel = () => {};
    byRole(root, 'button', 'Export all').click();
    await until(() => /^Exported/.test(status(root)));
    expect(status(root)).toMatch(/^Exported 2 articles to Frontclip\/frontclip-2026-01-06\.zip\. 1 article could not be written: Story 2: cannot write article: date must be a calendar day/);
    expect(byRole(root, 'region', 'Articles not exported').textContent).toContain('Story 2: ');
    expect(Object.keys(unzipSync(new Uint8Array(await zips[0]!.arrayBuffer()))).sort()).toEqual(['frontclip.json', 'story-1.md', 'story-3.md']);
  });
});
