// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strToU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { write } from '../../src/core/frontmatter.ts';
import * as library from '../../src/storage/library.ts';
import { DEFAULT_SETTINGS } from '../../src/storage/settings-schema.ts';
import { mountLibrary, type LibraryPage } from '../../options/library-page.ts';
import { allArticles } from '../helpers/library-contents.ts';
import { allByRole, byLabel, byRole, fakeSend, press, sampleArticle, settle, type } from './ui-helpers.ts';

const store = library;

const article = (n: number, tags: string[] = ['news']) => sampleArticle({
  link: `https://site${n % 2}.example/a/${n}`,
  title: `Story number ${n}`,
  slug: `story-number-${n}`,
  description: n === 2 ? 'About the lighthouse keeper' : 'Plain',
  siteName: n % 2 ? 'Odd Times' : '',
  tags,
});

interface Mounted {
  root: HTMLElement;
  page: LibraryPage;
  zips: { file: Blob; filename: string }[];
  fake: ReturnType<typeof fakeSend>;
}

async function mount(): Promise<Mounted> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const zips: { file: Blob; filename: string }[] = [];
  const fake = fakeSend({
    save: async ({ article: a }) => ({ ok: true, savedAt: (await store.saveArticle(a)).savedAt }),
    downloadSaved: () => ({ ok: true, filename: 'Frontclip/x.md' }),
  });
  const page = await mountLibrary(root, {
    store,
    send: fake.send,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS }),
    saveZip: async (file, filename) => {
      zips.push({ file, filename });
      return { ok: true, filename: `Frontclip/${filename}` };
    },
    now: () => new Date(2026, 0, 6),
  });
  return { root, page, zips, fake };
}

const rowTitles = (root: HTMLElement) => Array.from(root.querySelectorAll('.lib-row .row-title'), (el) => el.textContent);
const statusText = (root: HTMLElement) => byRole(root, 'status').textContent;
const emptyText = (root: HTMLElement) => root.querySelector('.library-empty p')?.textContent;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/** A row's title opens the reading view; its Edit opens the editor. */
async function openEditor(root: HTMLElement, title: string): Promise<void> {
  byRole(root, 'button', title).click();
  await until(() => document.querySelector('dialog.reader') !== null);
  byRole(document.querySelector('dialog.reader')!, 'button', 'Edit').click();
  await until(() => document.querySelector('dialog.reader') === null && document.querySelector('dialog') !== null);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('the library page', () => {
  it('lists saved articles newest first with title, site, date and tags', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n, [`t${n}`, 'news']), new Date(Date.UTC(2026, 0, n)));
    const { root } = await mount();
    expect(rowTitles(root)).toEqual(['Story number 3', 'Story number 2', 'Story number 1']);
    const first = root.querySelector('.lib-row')!;
    expect(first.querySelector('.row-site')?.textContent).toBe('Odd Times');
    expect(root.querySelectorAll('.lib-row')[1]?.querySelector('.row-site')?.textContent).toBe('site0.example');
    expect(first.querySelector('.row-date')?.textContent).toMatch(/2026/);
    expect(Array.from(first.querySelectorAll('.row-tag'), (t) => t.textContent)).toEqual(['t3', 'news']);
    expect(root.querySelector('.library-count')?.textContent).toBe('3 articles');
    expect(byRole(root, 'checkbox', 'Select Story number 2')).toBeTruthy();
    expect(byRole(root, 'button', 'Download Story number 2')).toBeTruthy();
  });

  it('renders only the rows in view of a large library, each saying where it stands', async () => {
    await store.importArticles(Array.from({ length: 600 }, (_, n) => article(n)));
    const { root } = await mount();
    const rows = root.querySelectorAll('.lib-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('600');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(root.querySelector('.library-count')?.textContent).toBe('600 articles');
  });

  it('searches and filters by tag and site, and says how many are shown', async () => {
    for (const n of [1, 2, 3, 4]) await store.saveArticle(article(n, n < 3 ? ['coast'] : ['city']), new Date(Date.UTC(2026, 0, n)));
    const { root } = await mount();
    type(byLabel(root, 'Search'), 'lighthouse');
    expect(rowTitles(root)).toEqual(['Story number 2']);
    expect(root.querySelector('.library-count')?.textContent).toBe('1 of 4 articles');
    type(byLabel(root, 'Search'), '');
    const tag = byLabel<HTMLSelectElement>(root, 'Tag');
    expect(Array.from(tag.options, (o) => o.textContent)).toEqual(['All tags', 'city (2)', 'coast (2)']);
    tag.value = 'coast';
    tag.dispatchEvent(new Event('change'));
    expect(rowTitles(root)).toEqual(['Story number 2', 'Story number 1']);
    const site = byLabel<HTMLSelectElement>(root, 'Site');
    site.value = 'site1.example';
    site.dispatchEvent(new Event('change'));
    expect(rowTitles(root)).toEqual(['Story number 1']);
    type(byLabel(root, 'Search'), 'zzz');
    expect(emptyText(root)).toBe('No articles match the search and filters.');
  });

  it('selects all shown, deletes them, and Undo restores them exactly', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n), new Date(Date.UTC(2026, 0, n)));
    await store.markExported([{ link: article(2).link, editedAt: new Date(Date.UTC(2026, 0, 2)).toISOString() }], new Date(Date.UTC(2026, 0, 9)));
    const before = await allArticles();
    const { root } = await mount();
    const all = byRole<HTMLInputElement>(root, 'checkbox', 'Select all 3 shown articles');
    all.click();
    expect(root.querySelector('.selected-count')?.textContent).toBe('3 articles selected');
    expect(allByRole(root, 'checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(4);
    byRole(root, 'button', 'Delete selected').click();
    await until(() => statusText(root) === 'Deleted 3 articles.');
    expect(await allArticles()).toEqual([]);
    expect(rowTitles(root)).toEqual([]);
    const undo = byRole(root, 'button', 'Undo');
    expect(document.activeElement).toBe(undo);
    undo.click();
    await until(() => statusText(root) === 'Restored 3 articles.');
    expect(await allArticles()).toEqual(before);
    expect((await store.getArticle(article(2).link))?.exportedAt).toBe('2026-01-09T00:00:00.000Z');
    expect(rowTitles(root)).toEqual(['Story number 3', 'Story number 2', 'Story number 1']);
    expect(allByRole(root, 'button', 'Undo')).toHaveLength(0);
  });

  it('adds a tag to the selected articles, then removes it, through the tag editor', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n, ['news']), new Date(Date.UTC(2026, 0, n)));
    const { root } = await mount();
    byRole<HTMLInputElement>(root, 'checkbox', 'Select Story number 1').click();
    byRole<HTMLInputElement>(root, 'checkbox', 'Select Story number 3').click();
    const input = byLabel<HTMLInputElement>(root, 'Add tag');
    type(input, 'harbour');
    press(input, 'Enter');
    byRole(root, 'button', 'Add to selected').click();
    await until(() => statusText(root) === 'Added tag harbour to 2 articles');
    expect((await store.listSummaries()).map((s) => [s.title, s.tags])).toEqual([
      ['Story number 3', ['news', 'harbour']], ['Story number 2', ['news']], ['Story number 1', ['news', 'harbour']],
    ]);
    type(input, 'news');
    press(input, 'Enter');
    byRole(root, 'button', 'Remove from selected').click();
    await until(() => statusText(root) === 'Removed tag news from 2 articles');
    expect((await store.listSummaries()).map((s) => s.tags)).toEqual([['harbour'], ['news'], ['harbour']]);
  });

  it('exports the selection as a zip of files in our format and marks them exported', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n), new Date(Date.UTC(2026, 0, n)));
    const { root, zips } = await mount();
    byRole<HTMLInputElement>(root, 'checkbox', 'Select Story number 1').click();
    byRole<HTMLInputElement>(root, 'checkbox', 'Select Story number 2').click();
    byRole(root, 'button', 'Export selected').click();
    await until(() => /^Exported|^Couldn/.test(statusText(root) ?? ''));
    expect(statusText(root)).toBe('Exported 2 articles to Frontclip/frontclip-2026-01-06.zip');
    expect(zips).toHaveLength(1);
    const files = unzipSync(new Uint8Array(await zips[0]!.file.arrayBuffer()));
    const saved = await Promise.all([2, 1].map((n) => store.getArticle(article(n).link)));
    expect(Object.keys(files)).toEqual(['story-number-2.md', 'story-number-1.md', 'frontclip.json']);
    for (const entry of saved) expect(new TextDecoder().decode(files[`${entry!.slug}.md`])).toBe(write(entry!));
    const summaries = await store.listSummaries();
    expect(summaries.map((s) => s.exportedAt !== null)).toEqual([false, true, true]);
  });

  it('imports files, lists the invalid ones with the reason, and merges a saved link', async () => {
    await store.saveArticle(article(1, ['mine']), new Date(Date.UTC(2026, 0, 1)));
    const { root } = await mount();
    const input = byLabel<HTMLInputElement>(root, 'Import…');
    const files = [
      new File([strToU8(write(article(1, ['theirs'])))], 'one.md'),
      new File([strToU8(write(article(5)))], 'five.md'),
      new File(['hello'], 'notes.md'),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(() => /^Imported/.test(statusText(root) ?? ''));
    expect(statusText(root)).toBe('Imported 2 articles (1 new; 1 already saved, tags merged). 1 file could not be imported: see the list below.');
    const report = byRole(root, 'region', 'Files not imported');
    expect(report.textContent).toContain('notes.md: not an article file: the first line must be "---"');
    expect(rowTitles(root)).toEqual(['Story number 5', 'Story number 1']);
    expect((await store.getArticle(article(1).link))?.tags).toEqual(['mine', 'theirs']);
  });

  it('moves between rows with the arrow keys, keeping one tab stop in the list', async () => {
    for (const n of [1, 2, 3]) await store.saveArticle(article(n), new Date(Date.UTC(2026, 0, n)));
    const { root } = await mount();
    const boxes = () => allByRole(root, 'checkbox').filter((c) => c.classList.contains('row-select')) as HTMLInputElement[];
    expect(boxes().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    boxes()[0]!.focus();
    press(boxes()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(byRole(root, 'checkbox', 'Select Story number 2'));
    expect(boxes().map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    press(document.activeElement!, 'End');
    expect(document.activeElement).toBe(byRole(root, 'checkbox', 'Select Story number 1'));
    const title = byRole(root, 'button', 'Story number 1');
    title.focus();
    press(title, 'Home');
    expect(document.activeElement).toBe(byRole(root, 'button', 'Story number 3'));
  });

  it('edits one article with the popup’s form; Save goes through the worker and the list follows', async () => {
    await store.saveArticle(article(1, ['news']), new Date(Date.UTC(2026, 0, 1)));
    const { root, fake } = await mount();
    await openEditor(root, 'Story number 1');
    const dialog = document.querySelector('dialog')!;
    expect(byLabel<HTMLTextAreaElement>(dialog, 'Title').value).toBe('Story number 1');
    byRole(dialog, 'button', 'Remove tag news').click();
    const input = byLabel<HTMLInputElement>(dialog, 'Add tag');
    type(input, 'lighthouse');
    press(input, 'Enter');
    byRole(dialog, 'button', 'Save').click();
    await until(() => rowTitles(root).length === 1 && root.querySelector('.row-tag')?.textContent === 'lighthouse');
    expect(fake.requests('save')[0]?.article.tags).toEqual(['lighthouse']);
    expect((await store.getArticle(article(1).link))?.tags).toEqual(['lighthouse']);
    byRole(dialog, 'button', 'Close').click();
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(byRole(root, 'button', 'Story number 1'));
  });

  it('previews an imported HTML body as its source text: it was never sanitized by a clip', async () => {
    const body = '<p>Imported <img src=x onerror="alert(1)"> body.</p>';
    await store.importArticles([{ ...article(7), body, dateSource: 'import' }]);
    await store.saveArticle({ ...article(8), body: '<p>Clipped <b>bold</b> body.</p>' }, new Date(Date.UTC(2026, 0, 2)));
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await mountLibrary(root, { store, send: fakeSend({}).send, loadSettings: async () => ({ ...DEFAULT_SETTINGS, bodyFormat: 'html' }), saveZip: async () => ({ ok: false, message: 'unused' }) });
    const preview = async (title: string) => {
      await openEditor(root, title);
      const region = byRole(document.querySelector('dialog')!, 'region', 'Preview');
      const seen = { text: region.textContent, elements: Array.from(region.querySelectorAll('*'), (el) => el.tagName.toLowerCase()) };
      byRole(document.querySelector('dialog')!, 'button', 'Close').click();
      await settle();
      return seen;
    };
    expect(await preview('Story number 7')).toEqual({ text: body, elements: ['pre'] });
    expect(await preview('Story number 8')).toEqual({ text: 'Clipped bold body.', elements: ['div', 'p', 'b'] });
  });

  it('shows a failed write (a full disk) and keeps the articles', async () => {
    for (const n of [1, 2]) await store.saveArticle(article(n), new Date(Date.UTC(2026, 0, n)));
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    const full = { ...store, deleteArticles: async () => { throw new DOMException('Quota exceeded', 'QuotaExceededError'); } };
    await mountLibrary(root, { store: full, send: fakeSend({}).send, loadSettings: async () => ({ ...DEFAULT_SETTINGS }), saveZip: async () => ({ ok: false, message: 'unused' }) });
    byRole<HTMLInputElement>(root, 'checkbox', 'Select Story number 1').click();
    byRole(root, 'button', 'Delete selected').click();
    await until(() => /no room left/.test(statusText(root) ?? ''));
    expect(byRole(root, 'status').dataset['kind']).toBe('error');
    expect(statusText(root)).toMatch(/nothing was changed/);
    expect(rowTitles(root)).toEqual(['Story number 2', 'Story number 1']);
  });

  it('shows an empty library as such', async () => {
    const { root } = await mount();
    expect(emptyText(root)).toMatch(/^Your library is empty/);
    expect(allByRole(root, 'button', 'Clear search and filters')).toHaveLength(0);
    expect(byRole(root, 'button', 'Export all').getAttribute('aria-disabled')).toBe('true');
  });
});
