// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as store from '../../src/storage/library.ts';
import type { WrittenState } from '../../src/storage/folder-store.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema.ts';
import { write } from '../../src/core/frontmatter.ts';
import { mountLibrary } from '../../options/library-page.ts';
import { MemoryFolder } from '../helpers/memory-folder.ts';
import { byRole, fakeSend, sampleArticle } from './ui-helpers.ts';

const article = (n: number) => sampleArticle({ link: `https://site.example/a/${n}`, title: `Story ${n}`, slug: `story-${n}`, tags: ['news'] });

let folder: MemoryFolder;
let written: Map<string, WrittenState>;
let settings: Settings;

async function mount(withFolder = true) {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await mountLibrary(root, {
    store,
    send: fakeSend({}).send,
    loadSettings: async () => settings,
    saveZip: async (_file, filename) => ({ ok: true, filename }),
    ...(withFolder ? {
      folder: {
        chosen: async () => ({ handle: folder, name: folder.name }),
        written: async () => new Map(written),
        noteWritten: async (records: readonly (readonly [string, WrittenState])[]) => { for (const [link, state] of records) written.set(link, state); },
      },
    } : {}),
  });
  return root;
}

async function click(root: HTMLElement, name: string): Promise<string> {
  const status = byRole(root, 'status');
  status.textContent = ''; // so that the same outcome twice is still seen arriving
  byRole(root, 'button', name).click();
  for (let i = 0; i < 300 && !/^(?:Synced|Wrote|Stopped|No folder|Frontclip may)/.test(status.textContent ?? ''); i++) await new Promise((r) => setTimeout(r, 10));
  return status.textContent ?? '';
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  folder = new MemoryFolder('vault');
  written = new Map();
  settings = { ...DEFAULT_SETTINGS, filenameTemplate: '{year}/{slug}.md' };
  for (let n = 1; n <= 5; n++) await store.saveArticle(article(n));
});

afterEach(() => document.body.replaceChildren());

describe('Write to folder and Sync folder in the library', () => {
  it('a first sync writes every article under the template; a second writes nothing', async () => {
    const root = await mount();
    expect(await click(root, 'Sync folder')).toBe('Synced "vault": 5 articles written, 0 unchanged, 0 failed.');
    expect(folder.writes).toBe(5);
    expect(folder.list()).toEqual([1, 2, 3, 4, 5].map((n) => `2026/story-${n}.md`));
    expect(await folder.read('2026/story-3.md')).toBe(write(article(3)));
    expect(await click(root, 'Sync folder')).toBe('Synced "vault": 0 articles written, 5 unchanged, 0 failed.');
    expect(folder.writes).toBe(5);
  });

  it('articles that take the same name, written at once, each get their own file (-2, -3), whatever the case', async () => {
    for (const [n, slug] of [[6, 'same'], [7, 'same'], [8, 'SAME']] as const) {
      await store.saveArticle(sampleArticle({ link: `https://other.example/${n}`, title: `Same ${n}`, slug, tags: ['news'] }));
    }
    const root = await mount();
    expect(await click(root, 'Sync folder')).toBe('Synced "vault": 8 articles written, 0 unchanged, 0 failed.');
    const same = folder.list().filter((p) => /same/i.test(p));
    expect(same).toHaveLength(3);
    const links = await Promise.all(same.map(async (p) => /^link: (.*)$/m.exec((await folder.read(p))!)![1]));
    expect(new Set(links).size).toBe(3);
  });

  it('after an edit it writes only that article; an edit that changes no content writes nothing', async () => {
    const root = await mount();
    await click(root, 'Sync folder');
    await store.retagArticles(['https://site.example/a/2'], { add: ['harbour'], remove: [] });
    // A new version with the same content: compared by content, it is unchanged.
    await store.saveArticle(article(4));
    const again = await mount();
    expect(await click(again, 'Sync folder')).toBe('Synced "vault": 1 article written, 4 unchanged, 0 failed.');
    expect(folder.writes).toBe(6);
    expect(await folder.read('2026/story-2.md')).toContain("- 'harbour'");
  });

  it('Write to folder writes the selected articles, or all; never over a file of the reader\'s own', async () => {
    (await folder.getDirectoryHandle('2026', { create: true })).files.set('story-1.md', 'my own notes');
    const root = await mount();
    byRole<HTMLInputElement>(root, 'checkbox', 'Select Story 1').click();
    expect(await click(root, 'Write to folder')).toBe('Wrote to "vault": 1 article written, 0 unchanged, 0 failed.');
    expect(folder.list()).toEqual(['2026/story-1-2.md', '2026/story-1.md']);
    expect(await folder.read('2026/story-1.md')).toBe('my own notes');
  });

  it('a changed template writes the articles at their new paths and deletes nothing', async () => {
    const root = await mount();
    await click(root, 'Sync folder');
    settings = { ...settings, filenameTemplate: '{slug}/index.md' };
    expect(await click(root, 'Sync folder')).toBe('Synced "vault": 5 articles written, 0 unchanged, 0 failed.');
    expect(folder.list()).toHaveLength(10);
  });

  it('without a folder the buttons are not there; with none chosen it says where to choose one', async () => {
    const bare = await mount(false);
    const buttons = Array.from(bare.querySelectorAll('button')).filter((b) => /^(?:Sync folder|Write to folder)$/.test(b.textContent ?? ''));
    expect(buttons).toHaveLength(2);
    expect(buttons.every((b) => b.hidden)).toBe(true);
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await mountLibrary(root, {
      store, send: fakeSend({}).send, loadSettings: async () => settings, saveZip: async (_f, filename) => ({ ok: true, filename }),
      folder: { chosen: async () => null, written: async () => new Map(), noteWritten: async () => {} },
    });
    expect(await click(root, 'Sync folder')).toMatch(/^No folder is chosen: choose one in the settings/);
  });
});
