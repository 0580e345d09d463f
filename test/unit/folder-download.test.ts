import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryFolder } from '../helpers/memory-folder.ts';
import { sampleArticle } from './ui-helpers.ts';
import { write } from '../../src/core/frontmatter.ts';

const state = {
  folder: null as MemoryFolder | null,
  opened: [] as string[],
  written: new Map<string, { path: string; digest: string }>(),
};

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { create: async ({ url }: { url: string }) => { state.opened.push(url); return { id: 1 }; } },
    runtime: { getURL: (path: string) => `chrome-extension://frontclip/${path}` },
  },
}));

vi.mock('../../src/storage/folder-store.ts', () => ({
  chosenFolder: async () => (state.folder ? { handle: state.folder, name: state.folder.name } : null),
  noteWritten: async (key: string, record: { path: string; digest: string }) => { state.written.set(key, record); },
}));

const { saveToFolder } = await import('../../src/background/folder-download.ts');

const article = sampleArticle({ filename: 'peace.md', link: 'https://news.test/peace' });

beforeEach(() => {
  state.folder = new MemoryFolder('vault');
  state.opened = [];
  state.written.clear();
});

describe('saveToFolder: what happens with the chosen folder', () => {
  it('writes the file when the browser still allows it, and notes what it wrote', async () => {
    const done = await saveToFolder(article, null, { askInTab: true });
    expect(done).toEqual({ ok: true, filename: 'vault/peace.md', folder: { folderName: 'vault', action: 'created' } });
    expect(await state.folder!.read('peace.md')).toBe(write(article));
    expect(state.written.get('https://news.test/peace')?.path).toBe('peace.md');
    expect(state.opened).toEqual([]);
  });

  it('when the browser asks again (after a restart): nothing written, the access tab opens for this article', async () => {
    state.folder!.permission = 'prompt';
    const done = await saveToFolder(article, null, { askInTab: true });
    expect(done).toEqual({ ok: true, filename: 'peace.md', folder: { folderName: 'vault', action: 'waiting' } });
    expect(state.folder!.list()).toEqual([]);
    expect(state.opened).toEqual([`chrome-extension://frontclip/options/folder-access.html?link=${encodeURIComponent('https://news.test/peace')}`]);
  });

  it('the access tab itself does not open another tab when permission is still missing', async () => {
    state.folder!.permission = 'denied';
    expect(await saveToFolder(article, null, { askInTab: false })).toMatchObject({ ok: true, folder: { action: 'waiting' } });
    expect(state.opened).toEqual([]);
  });

  it('a folder that is gone is said so, and the tab offers another folder or Downloads', async () => {
    state.folder!.getDirectoryHandle = async () => { throw Object.assign(new Error('gone'), { name: 'NotFoundError' }); };
    state.folder!.getFileHandle = async () => { throw Object.assign(new Error('gone'), { name: 'NotFoundError' }); };
    const done = await saveToFolder(article, null, { askInTab: true });
    expect(done).toMatchObject({ ok: false, reason: 'download' });
    expect(!done.ok && done.message).toMatch(/"vault" is no longer there/);
    expect(state.opened[0]).toContain('gone=1');
  });

  it('no folder chosen: a clear message', async () => {
    state.folder = null;
    const done = await saveToFolder(article, null, { askInTab: true });
    expect(!done.ok && done.message).toMatch(/No folder is chosen/);
  });
});
