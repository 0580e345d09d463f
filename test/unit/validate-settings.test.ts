import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../src/storage/settings-schema.ts';
import { mergeSettings, normalizeSubfolder, SettingsError, toStored, validateSettings } from '../../src/storage/validate-settings.ts';

describe('validateSettings', () => {
  it('gives the defaults for nothing stored or for junk', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}]) expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field', () => {
    const stored = { version: 1, bodyFormat: 'html', filenameTemplate: '{date}-{slug}.md', subfolder: 'News/2026', saveAs: true, defaultDraft: true, tagCount: 0, images: 'save', saveTo: 'folder' };
    const { version: _version, ...fields } = stored;
    expect(validateSettings(stored)).toEqual(fields);
  });

  it('replaces each bad field by its default on its own', () => {
    const settings = validateSettings({ bodyFormat: 'pdf', filenameTemplate: '   ', subfolder: '../etc', saveAs: 'yes', defaultDraft: 1, tagCount: 2.5, images: 'fetch', saveTo: 'cloud' });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings({ tagCount: 21, saveAs: true }).tagCount).toBe(DEFAULT_SETTINGS.tagCount);
    expect(validateSettings({ tagCount: 21, saveAs: true }).saveAs).toBe(true);
  });

  it('ignores unknown keys and a version from the future', () => {
    expect(validateSettings({ version: 99, theme: 'dark', tagCount: 3 })).toEqual({ ...DEFAULT_SETTINGS, tagCount: 3 });
  });

  it('writes the version with the fields', () => {
    expect(toStored(DEFAULT_SETTINGS)).toEqual({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION });
    expect(validateSettings(toStored({ ...DEFAULT_SETTINGS, subfolder: '' }))).toEqual({ ...DEFAULT_SETTINGS, subfolder: '' });
  });
});

describe('normalizeSubfolder', () => {
  it('cleans slashes and spaces', () => {
    expect(normalizeSubfolder(' /Clips//News/ ')).toBe('Clips/News');
    expect(normalizeSubfolder('')).toBe('');
    expect(normalizeSubfolder('Über Nachrichten')).toBe('Über Nachrichten');
  });

  it('refuses anything that could leave the downloads folder or that some OS forbids', () => {
    for (const bad of ['..', 'a/../b', './a', 'C:\\x', 'a:b', 'a?', 'a*', 'a|b', 'a<b', 'dots.', 'x\u0000y', 'x'.repeat(101)]) {
      expect(normalizeSubfolder(bad), bad).toBeNull();
    }
  });
});

describe('mergeSettings', () => {
  it('applies valid changes', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, { subfolder: '/Notes/', tagCount: 8 })).toEqual({ ...DEFAULT_SETTINGS, subfolder: 'Notes', tagCount: 8 });
  });

  it('refuses an invalid value or an unknown key, naming it', () => {
    expect(() => mergeSettings(DEFAULT_SETTINGS, { tagCount: -1 })).toThrow(SettingsError);
    expect(() => mergeSettings(DEFAULT_SETTINGS, { bodyFormat: 'pdf' as 'html' })).toThrow(/bodyFormat/);
    expect(() => mergeSettings(DEFAULT_SETTINGS, { colour: 'red' } as never)).toThrow(/colour/);
  });
});

describe('the default file name template follows the body format', () => {
  it('reads and merges {slug}.md as {slug}.html for an HTML body, and back', () => {
    expect(validateSettings({ bodyFormat: 'html' }).filenameTemplate).toBe('{slug}.html');
    expect(validateSettings({ bodyFormat: 'html', filenameTemplate: '{slug}.md' }).filenameTemplate).toBe('{slug}.html');
    expect(validateSettings({ bodyFormat: 'markdown', filenameTemplate: '{slug}.html' }).filenameTemplate).toBe('{slug}.md');
    const html = mergeSettings(DEFAULT_SETTINGS, { bodyFormat: 'html' });
    expect(html.filenameTemplate).toBe('{slug}.html');
    expect(mergeSettings(html, { bodyFormat: 'markdown' }).filenameTemplate).toBe('{slug}.md');
  });

  it("leaves the reader's own template alone", () => {
    expect(validateSettings({ bodyFormat: 'html', filenameTemplate: '{date}-{slug}.md' }).filenameTemplate).toBe('{date}-{slug}.md');
    expect(mergeSettings(DEFAULT_SETTINGS, { bodyFormat: 'html', filenameTemplate: '{title}.md' }).filenameTemplate).toBe('{title}.md');
  });
});
