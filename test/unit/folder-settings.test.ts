// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountSettingsForm, type SettingsStore } from '../../options/settings-form.ts';
import type { FolderChooser } from '../../options/save-to-field.ts';
import { mountFolderAccess } from '../../options/folder-access-view.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema.ts';
import { mergeSettings } from '../../src/storage/validate-settings.ts';
import { mountPopup } from '../../popup/mount-popup.ts';
import { write } from '../../src/core/frontmatter.ts';
import { byLabel, byRole, fakeSend, sampleArticle, settle } from './ui-helpers.ts';

function store(initial: Partial<Settings> = {}) {
  let stored: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const settings: SettingsStore = {
    getSettings: async () => ({ ...stored }),
    setSettings: vi.fn(async (change: Partial<Settings>) => (stored = mergeSettings(stored, change), { ...stored })),
    onSettingsChanged: () => () => {},
  };
  return { settings, stored: () => stored };
}

function chooser(overrides: Partial<FolderChooser> = {}): FolderChooser & { picks: number } {
  let name: string | null = null;
  const c = {
    picks: 0,
    available: true,
    current: async () => name,
    choose: async () => {
      c.picks++;
      name = 'vault';
      return name;
    },
    ...overrides,
  };
  return c;
}

afterEach(() => document.body.replaceChildren());

describe('Save to in the settings', () => {
  it('Choose folder… shows the folder\'s name and switches to it', async () => {
    const { settings, stored } = store();
    const folder = chooser();
    const root = document.createElement('div');
    document.body.append(root);
    await mountSettingsForm(root, settings, { folder });
    const group = byRole(root, 'group', 'Save to');
    expect(byLabel<HTMLInputElement>(group, 'Downloads folder').checked).toBe(true);
    expect(root.querySelector('.folder-name')?.textContent).toBe('No folder chosen yet');
    byRole(root, 'button', 'Choose folder…').click();
    await settle();
    expect(root.querySelector('.folder-name')?.textContent).toBe('Chosen: vault');
    expect(byLabel<HTMLInputElement>(group, 'A folder on this computer').checked).toBe(true);
    expect(stored().saveTo).toBe('folder');
  });

  it('picking "A folder on this computer" with none chosen opens the picker; a cancel goes back to Downloads', async () => {
    const { settings, stored } = store();
    const folder = chooser({ choose: async () => null });
    const root = document.createElement('div');
    document.body.append(root);
    await mountSettingsForm(root, settings, { folder });
    const mine = byLabel<HTMLInputElement>(root, 'A folder on this computer');
    mine.click();
    await settle();
    expect(byLabel<HTMLInputElement>(root, 'Downloads folder').checked).toBe(true);
    expect(stored().saveTo).toBe('downloads');
  });

  it('where the browser cannot (Firefox) it is shown as unavailable, with the reason, not as an error', async () => {
    const { settings } = store({ saveTo: 'folder' });
    const root = document.createElement('div');
    document.body.append(root);
    await mountSettingsForm(root, settings, { folder: chooser({ available: false }) });
    expect(byLabel<HTMLInputElement>(root, 'A folder on this computer').disabled).toBe(true);
    expect(byLabel<HTMLInputElement>(root, 'Downloads folder').checked).toBe(true);
    expect((byRole<HTMLButtonElement>(root, 'button', 'Choose folder…')).disabled).toBe(true);
    expect(root.textContent).toMatch(/Firefox has no such feature/);
    expect(root.querySelector('.field-error:not([hidden])')).toBeNull();
  });
});

describe('the folder access tab', () => {
  function mount(options: { gone?: boolean; permission?: 'granted' | 'denied'; folder?: boolean } = {}) {
    const root = document.createElement('div');
    document.body.append(root);
    const request = vi.fn(async () => options.permission ?? 'granted');
    const fake = fakeSend({
      folderWrite: () => ({ ok: true, filename: 'vault/peace.md', folder: { folderName: 'vault', action: 'created' } }),
      downloadSaved: () => ({ ok: true, filename: 'Frontclip/peace.md' }),
    });
    const useDownloads = vi.fn(async () => {});
    const mounted = mountFolderAccess(root, {
      link: 'https://news.test/peace', images: false, gone: options.gone ?? false,
      folder: async () => (options.folder === false ? null : { name: 'vault', request }),
      chooseAnother: async () => 'other', useDownloads, send: fake.send,
    });
    return { root, request, fake, useDownloads, mounted };
  }

  it('one button: Allow access asks the browser in the click, then writes the saved article', async () => {
    const { root, request, fake, mounted } = mount();
    await mounted;
    expect(document.activeElement).toBe(byRole(root, 'button', 'Allow access'));
    byRole(root, 'button', 'Allow access').click();
    expect(request).toHaveBeenCalledTimes(1);
    await settle();
    expect(fake.requests('folderWrite')).toEqual([{ link: 'https://news.test/peace' }]);
    expect(byRole(root, 'status').textContent).toBe('Saved vault/peace.md');
  });

  it('a refusal writes nothing and says what to do', async () => {
    const { root, fake, mounted } = mount({ permission: 'denied' });
    await mounted;
    byRole(root, 'button', 'Allow access').click();
    await settle();
    expect(fake.requests('folderWrite')).toEqual([]);
    expect(byRole(root, 'status').textContent).toMatch(/may not write into "vault"/);
  });

  it('a folder that is gone: choose another (and write there) or use Downloads (and download it)', async () => {
    const { root, fake, useDownloads, mounted } = mount({ gone: true });
    await mounted;
    expect(root.textContent).toMatch(/"vault" is no longer there/);
    expect(root.querySelectorAll('button')).toHaveLength(2);
    byRole(root, 'button', 'Choose another folder…').click();
    await settle();
    expect(fake.requests('folderWrite')).toHaveLength(1);
    byRole(root, 'button', 'Use the Downloads folder').click();
    await settle();
    expect(useDownloads).toHaveBeenCalled();
    expect(fake.requests('downloadSaved')).toEqual([{ link: 'https://news.test/peace' }]);
    expect(byRole(root, 'status').textContent).toBe('Downloaded Frontclip/peace.md');
  });
});

describe('Copy in the popup', () => {
  it('puts exactly the file Download would write on the clipboard, and says so', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const article = sampleArticle();
    const copied: string[] = [];
    const fake = fakeSend({ clip: () => ({ ok: true, article, tabUrl: article.link }), knownTags: () => ({ ok: true, tags: [] }) });
    await mountPopup(root, { send: fake.send, tabId: 1, loadSettings: async () => DEFAULT_SETTINGS, copyText: async (t) => { copied.push(t); } });
    byRole(root, 'button', 'Copy').click();
    await settle();
    expect(copied).toEqual([write(article)]);
    expect(byRole(root, 'status').textContent).toBe('Copied the whole file (front matter and body) to the clipboard');
  });
});
