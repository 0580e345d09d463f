// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountSettingsForm, type SettingsStore } from '../../options/settings-form.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema.ts';
import { mergeSettings } from '../../src/storage/validate-settings.ts';
import { byLabel, byRole, settle, type } from './ui-helpers.ts';

/** An in-memory store that validates like settings.ts, and can play "another tab changed it". */
function memoryStore(initial: Partial<Settings> = {}) {
  let stored: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const listeners = new Set<(s: Settings) => void>();
  const store: SettingsStore = {
    getSettings: async () => ({ ...stored }),
    setSettings: vi.fn(async (change: Partial<Settings>) => {
      stored = mergeSettings(stored, change);
      for (const listener of listeners) listener({ ...stored });
      return { ...stored };
    }),
    onSettingsChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    store,
    stored: () => stored,
    changeElsewhere(change: Partial<Settings>) {
      stored = { ...stored, ...change };
      for (const listener of listeners) listener({ ...stored });
    },
  };
}

async function mount(initial: Partial<Settings> = {}) {
  const memory = memoryStore(initial);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const form = await mountSettingsForm(root, memory.store, { debounceMs: 10_000 });
  return { ...memory, root, form };
}

function change(el: HTMLInputElement): void {
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function errorOf(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field-error') && !el.hidden)
    .map((el) => el?.textContent)
    .join('');
}

afterEach(() => document.body.replaceChildren());

describe('settings form', () => {
  it('shows the stored settings in labelled fields', async () => {
    const { root } = await mount({ bodyFormat: 'html', filenameTemplate: '{date}-{slug}.md', subfolder: 'News', saveAs: true, defaultDraft: true, tagCount: 7 });
    expect(byRole(root, 'group', 'Body format')).toBeTruthy();
    expect(byLabel<HTMLInputElement>(root, 'HTML').checked).toBe(true);
    expect(byLabel<HTMLInputElement>(root, 'Markdown').checked).toBe(false);
    expect(byLabel<HTMLInputElement>(root, 'File name template').value).toBe('{date}-{slug}.md');
    expect(byLabel<HTMLInputElement>(root, 'Subfolder').value).toBe('News');
    expect(byLabel<HTMLInputElement>(root, 'Ask where to save each file').checked).toBe(true);
    expect(byLabel<HTMLInputElement>(root, 'Mark new clips as drafts').checked).toBe(true);
    expect(byLabel<HTMLInputElement>(root, 'Number of suggested tags').value).toBe('7');
  });

  it('shows a live example of the file name, described by the template field', async () => {
    const { root } = await mount();
    const template = byLabel<HTMLInputElement>(root, 'File name template');
    const example = () => root.querySelector('.example')?.textContent;
    expect(example()).toBe('Example: Frontclip/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp.md');
    type(template, '{date}-{site}-{slug}.html');
    expect(example()).toBe('Example: Frontclip/2026-01-06-foxnews.com-nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp.html');
    type(template, '{year}/{month}/{slug}.md');
    expect(example()).toBe('Example: Frontclip/2026/01/nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp.md');
    type(template, '{date}-{site}-{slug}.html');
    type(byLabel(root, 'Subfolder'), '');
    expect(example()).toMatch(/^Example: 2026-01-06-foxnews\.com-nato/);
    const describedBy = template.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').some((id) => document.getElementById(id)?.classList.contains('example'))).toBe(true);
  });

  it('saves a valid value on change and says "Saved"', async () => {
    const { root, store, stored } = await mount();
    const template = byLabel<HTMLInputElement>(root, 'File name template');
    type(template, '  {date}-{slug}.md ');
    change(template);
    await settle();
    expect(store.setSettings).toHaveBeenCalledWith({ filenameTemplate: '{date}-{slug}.md' });
    expect(stored().filenameTemplate).toBe('{date}-{slug}.md');
    expect(byRole(root, 'status').textContent).toBe('Saved');
    expect(template.value).toBe('{date}-{slug}.md'); // shown as stored once left
  });

  it('saves typing after a pause without leaving the field', async () => {
    vi.useFakeTimers();
    try {
      const memory = memoryStore();
      document.body.replaceChildren(document.createElement('div'));
      const root = document.body.firstElementChild as HTMLElement;
      await mountSettingsForm(root, memory.store, { debounceMs: 300 });
      type(byLabel(root, 'Subfolder'), 'Clips/News');
      expect(memory.store.setSettings).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(350);
      expect(memory.stored().subfolder).toBe('Clips/News');
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['', 'Enter a template'],
    ['{slug}\\x.md', 'Separate folders with /, not \\'],
    ['/{slug}.md', 'not /: files always go inside'],
    ['{year}//{slug}.md', 'no empty folder'],
    ['../{slug}.md', 'no . or ..'],
    ['{slug}?.md', 'cannot contain < > : " | ? or *'],
    ['{slgu}.md', 'Unknown placeholder {slgu}'],
    ['{date}.md', 'Include {slug} or {title}'],
  ])('refuses the template %j: marks it, explains, stores nothing', async (value, message) => {
    const { root, store, form } = await mount();
    const template = byLabel<HTMLInputElement>(root, 'File name template');
    type(template, value);
    change(template);
    await form.flush();
    expect(template.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(template)).toContain(message);
    expect(store.setSettings).not.toHaveBeenCalled();
    expect(byRole(root, 'status').dataset['kind']).toBe('error');
  });

  it.each(['0', '21', '2.5', ''])('refuses %j suggested tags', async (value) => {
    const { root, store, form } = await mount();
    const count = byLabel<HTMLInputElement>(root, 'Number of suggested tags');
    type(count, value);
    change(count);
    await form.flush();
    expect(count.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(count)).toBe('Enter a whole number from 1 to 20.');
    expect(store.setSettings).not.toHaveBeenCalled();
  });

  it.each(['../up', 'a\\b', 'bad:name', 'dot./x'])('refuses the subfolder %j', async (value) => {
    const { root, store, form } = await mount();
    const folder = byLabel<HTMLInputElement>(root, 'Subfolder');
    type(folder, value);
    change(folder);
    await form.flush();
    expect(folder.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(folder)).not.toBe('');
    expect(store.setSettings).not.toHaveBeenCalled();
  });

  it('drops a valid keystroke still waiting when the next one makes the field invalid', async () => {
    const { root, store, form } = await mount();
    const count = byLabel<HTMLInputElement>(root, 'Number of suggested tags');
    type(count, '2');
    type(count, '25');
    await form.flush();
    expect(store.setSettings).not.toHaveBeenCalled();
    type(count, '12');
    change(count);
    await form.flush();
    expect(store.setSettings).toHaveBeenCalledWith({ tagCount: 12 });
    expect(count.hasAttribute('aria-invalid')).toBe(false);
    expect(errorOf(count)).toBe('');
  });

  it('shows no example while the template is invalid, instead of the last valid one', async () => {
    const { root } = await mount();
    const template = byLabel<HTMLInputElement>(root, 'File name template');
    const example = () => root.querySelector('.example')?.textContent;
    type(template, '{date}-{slug}.md');
    expect(example()).toMatch(/^Example: Frontclip\/2026-01-06-nato/);
    type(template, '{date}-{nope}.md');
    expect(example()).toBe('Example: none until the template is fixed');
  });

  it("switches the default template's extension with the body format, but never the reader's own template", async () => {
    const { root, stored } = await mount();
    const template = byLabel<HTMLInputElement>(root, 'File name template');
    byLabel<HTMLInputElement>(root, 'HTML').click();
    await settle();
    expect(stored()).toMatchObject({ bodyFormat: 'html', filenameTemplate: '{slug}.html' });
    expect(template.value).toBe('{slug}.html');
    expect(root.querySelector('.example')?.textContent).toMatch(/\.html$/);
    byLabel<HTMLInputElement>(root, 'Markdown').click();
    await settle();
    expect(stored().filenameTemplate).toBe('{slug}.md');
    type(template, '{date}-{slug}.md');
    change(template);
    await settle();
    byLabel<HTMLInputElement>(root, 'HTML').click();
    await settle();
    expect(stored()).toMatchObject({ bodyFormat: 'html', filenameTemplate: '{date}-{slug}.md' });
  });

  it('saves radios and checkboxes at once', async () => {
    const { root, stored } = await mount();
    const html = byLabel<HTMLInputElement>(root, 'HTML');
    html.click();
    await settle();
    expect(stored().bodyFormat).toBe('html');
    byLabel<HTMLInputElement>(root, 'Ask where to save each file').click();
    byLabel<HTMLInputElement>(root, 'Mark new clips as drafts').click();
    await settle();
    expect(stored()).toMatchObject({ saveAs: true, defaultDraft: true });
    expect(byRole(root, 'status').textContent).toBe('Saved');
  });

  it('shows changes made in another tab, but not over a field being edited', async () => {
    const { root, changeElsewhere } = await mount();
    const template = byLabel<HTMLInputElement>(root, 'File name template');
    template.focus();
    type(template, '{title}.md');
    changeElsewhere({ filenameTemplate: '{date}.md', subfolder: 'Elsewhere', defaultDraft: true });
    expect(template.value).toBe('{title}.md');
    expect(byLabel<HTMLInputElement>(root, 'Subfolder').value).toBe('Elsewhere');
    expect(byLabel<HTMLInputElement>(root, 'Mark new clips as drafts').checked).toBe(true);
  });

  it('does not rewrite a field under the cursor when its own save comes back cleaned', async () => {
    const { root, form, stored } = await mount();
    const folder = byLabel<HTMLInputElement>(root, 'Subfolder');
    folder.focus();
    type(folder, 'My '); // a pause in typing saves "My"; the space must survive for "My Folder"
    await form.flush();
    expect(stored().subfolder).toBe('My');
    expect(folder.value).toBe('My ');
  });

  it('reports a store that refuses the value', async () => {
    const { root, store, form } = await mount();
    vi.mocked(store.setSettings).mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    byLabel<HTMLInputElement>(root, 'HTML').click();
    await form.flush();
    expect(byRole(root, 'status').textContent).toBe('Not saved: QUOTA_BYTES_PER_ITEM quota exceeded');
  });
});
