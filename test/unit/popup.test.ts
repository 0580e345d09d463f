// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/core/article.ts';
import type { ResponseOf, SavedState } from '../../src/messages.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema.ts';
import { mountPopup, type PopupDeps } from '../../popup/mount-popup.ts';
import { allByRole, byLabel, byRole, fakeSend, press, sampleArticle, settle, type } from './ui-helpers.ts';

type ClipReply = ResponseOf<'clip'>;

function clipOk(article: Article = sampleArticle(), extra: { mode?: 'article' | 'selection'; saved?: SavedState | null } = {}): ClipReply {
  return { ok: true, article, tabUrl: article.link, ...extra };
}

async function open(
  clip: (request: { tabId: number; mode?: string }) => ClipReply | Promise<ClipReply>,
  options: { settings?: Partial<Settings>; knownTags?: string[]; tabId?: number | undefined; extra?: Parameters<typeof fakeSend>[0] } = {},
) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const fake = fakeSend({
    clip,
    knownTags: () => ({ ok: true, tags: options.knownTags ?? [] }),
    ...options.extra,
  });
  const deps: PopupDeps = {
    send: fake.send,
    tabId: 'tabId' in options ? options.tabId : 7,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...options.settings }),
  };
  const mounted = mountPopup(root, deps);
  return { root, fake, mounted };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('popup states', () => {
  it('says "Clipping…" while the worker works, then shows the form', async () => {
    let answer: (reply: ClipReply) => void = () => {};
    const { root, fake, mounted } = await open(() => new Promise((resolve) => { answer = resolve; }));
    await settle();
    expect(byRole(root, 'status').textContent).toBe('Clipping…');
    expect(allByRole(root, 'form')).toHaveLength(0);
    // The first clip takes the reader's selection when there is one.
    expect(fake.requests('clip')).toEqual([{ tabId: 7, mode: 'article', preferSelection: true }]);
    answer(clipOk());
    await mounted;
    expect(allByRole(root, 'status').map((s) => s.textContent)).toEqual(['']);
    expect(byLabel<HTMLTextAreaElement>(root, 'Title').value).toBe(sampleArticle().title);
  });

  it('explains a page where extensions may not run, without offering anything that cannot work', async () => {
    const { root, mounted } = await open(() => ({ ok: false, reason: 'restricted', message: 'chrome://settings is restricted' }));
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe("Frontclip can't run on this page");
    expect(root.textContent).toMatch(/extensions/i);
    expect(allByRole(root, 'button')).toHaveLength(0);
    expect(allByRole(root, 'form')).toHaveLength(0);
  });

  it('offers the whole page or the selection when no article is found, and clips again in that mode', async () => {
    const clip = vi.fn((request: { mode?: string }): ClipReply =>
      request.mode === 'page' ? clipOk(sampleArticle({ title: 'Whole page' })) : { ok: false, reason: 'no-article', message: 'nothing' });
    const { root, fake, mounted } = await open(clip);
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe('No article found');
    expect(document.activeElement).toBe(byRole(root, 'button', 'Clip whole page'));
    byRole(root, 'button', 'Clip selection').click();
    await settle();
    byRole(root, 'button', 'Clip whole page').click();
    await settle();
    expect(fake.requests('clip').map((r) => r.mode)).toEqual(['article', 'selection', 'page']);
    expect(byLabel<HTMLTextAreaElement>(root, 'Title').value).toBe('Whole page');
  });

  it('asks to wait for a page that is still loading, and Retry clips again in the same mode', async () => {
    let calls = 0;
    const { root, fake, mounted } = await open(() =>
      ++calls === 1 ? { ok: false, reason: 'loading', message: 'loading' } : clipOk());
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe('The page is still loading');
    byRole(root, 'button', 'Retry').click();
    await settle();
    expect(fake.requests('clip')).toEqual([{ tabId: 7, mode: 'article', preferSelection: true }, { tabId: 7, mode: 'article', preferSelection: true }]);
    expect(allByRole(root, 'form')).toHaveLength(1);
  });

  it('shows the error from the content script with a Retry button', async () => {
    const { root, mounted } = await open(() => ({ ok: false, reason: 'error', message: 'The content script did not answer.' }));
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe("Couldn't clip this page");
    expect(root.textContent).toContain('The content script did not answer.');
    expect(byRole(root, 'button', 'Retry')).toBeTruthy();
  });

  it('shows an error state when the worker cannot be reached at all', async () => {
    const { root, mounted } = await open(() => { throw new Error('Could not establish connection.'); });
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe("Couldn't clip this page");
    expect(root.textContent).toContain('Could not establish connection.');
  });

  it('says so when there is no tab to clip, without asking the worker', async () => {
    const { root, fake, mounted } = await open(() => clipOk(), { tabId: undefined });
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe("Couldn't clip this page");
    expect(fake.requests('clip')).toEqual([]);
  });

  it('opens on the selection when the worker clipped one, and "Clip whole article" clips the article', async () => {
    const clip = vi.fn((request: { mode?: string; preferSelection?: boolean }): ClipReply => request.preferSelection
      ? clipOk(sampleArticle({ body: 'Only the selected lines.' }), { mode: 'selection' })
      : clipOk(sampleArticle(), { mode: 'article' }));
    const { root, fake, mounted } = await open(clip);
    await mounted;
    expect(byRole(root, 'note').textContent).toContain('Clipped your selection.');
    expect(root.querySelector('.preview')?.textContent).toBe('Only the selected lines.');
    byRole(root, 'button', 'Clip whole article').click();
    await settle();
    expect(fake.requests('clip').at(-1)).toEqual({ tabId: 7, mode: 'article' });
    expect(root.querySelector('.preview')?.textContent).toBe(sampleArticle().body);
    expect(allByRole(root, 'button').map((b) => b.textContent)).not.toContain('Clip whole article');
  });

  it('tells an ordinary page it may not read yet from a browser page', async () => {
    const { root, mounted } = await open(() => ({ ok: false, reason: 'no-access', message: 'Missing host permission for the tab' }));
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe('Frontclip may not read this page yet');
    expect(root.textContent).not.toMatch(/chrome:\/\/|about:/);
    expect(byRole(root, 'button', 'Retry')).toBeTruthy();
  });

  it('takes "already saved" from the clip answer without asking the worker again', async () => {
    const lookup = vi.fn((): ResponseOf<'lookup'> => ({ ok: true, saved: null }));
    const saved = { savedAt: '2026-01-07T10:00:00Z', editedAt: '2026-01-07T10:00:00Z', exportedAt: null, tags: ['kept'] };
    const { root, mounted } = await open(() => clipOk(sampleArticle(), { saved }), { extra: { lookup } });
    await mounted;
    expect(lookup).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Already saved on');
    expect(Array.from(root.querySelectorAll('.tag-chip .tag-text'), (c) => c.textContent)).toEqual(['kept']);
  });

  it('asks for a selection again when "Clip selection" found none', async () => {
    const { root, mounted } = await open(() => ({ ok: false, reason: 'no-selection', message: '' }));
    await mounted;
    expect(byRole(root, 'heading').textContent).toBe('Nothing is selected');
    expect(allByRole(root, 'button').map((b) => b.textContent)).toEqual(['Clip selection', 'Clip whole page']);
  });
});

describe('popup form', () => {
  it('shows the clipped fields with their accessible names, and puts the keyboard in Title', async () => {
    const { root, mounted } = await open(() => clipOk(), { settings: { defaultDraft: true } });
    await mounted;
    const article = sampleArticle();
    const title = byLabel<HTMLTextAreaElement>(root, 'Title');
    expect(title.value).toBe(article.title);
    expect(document.activeElement).toBe(title);
    expect(byLabel<HTMLTextAreaElement>(root, 'Description').value).toBe(article.description);
    const date = byLabel<HTMLInputElement>(root, 'Date');
    expect(date.type).toBe('date');
    expect(date.value).toBe('2026-01-06');
    const described = (date.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain("from the page's metadata");
    expect(byLabel<HTMLInputElement>(root, 'Draft').checked).toBe(true); // settings.defaultDraft
    expect(byLabel(root, 'Add tag')).toBeTruthy();
    expect(allByRole(root, 'button').filter((b) => b.closest('.tag-list')).map((b) => b.getAttribute('aria-label')))
      .toEqual(['Remove tag ambassador', 'Remove tag ukraine', 'Remove tag nations']);
    expect(byRole(root, 'button', 'Save')).toBeTruthy();
    expect(byRole(root, 'button', 'Download')).toBeTruthy();
    expect(byRole(root, 'region', 'Preview').textContent).toBe(article.body);
  });

  it('says when the page had no date and today was used', async () => {
    const { root, mounted } = await open(() => clipOk(sampleArticle({ dateSource: 'clip-date' })));
    await mounted;
    const date = byLabel<HTMLInputElement>(root, 'Date');
    const note = document.getElementById((date.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '');
    expect(note?.textContent).toBe('no date on the page: today');
    type(date, '2025-12-31');
    expect(note?.textContent).toBe('set by you');
  });

  it('suggests the page keywords and the library tags that fit the article; typing finds every library tag', async () => {
    const { root, mounted } = await open(() => clipOk(), { knownTags: ['politics', 'Talks', 'babies', 'peace deal', 'ukraine'] });
    await mounted;
    const group = byRole(root, 'group', 'Suggested tags');
    // `talks` is in the description and body, `peace deal` in the title; `politics` and `babies` nowhere.
    expect(allByRole(group, 'button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Add suggested tag nato', 'Add suggested tag diplomacy', 'Add suggested tag talks', 'Add suggested tag peace deal',
    ]);
    const input = byLabel<HTMLInputElement>(root, 'Add tag');
    type(input, 'pol');
    expect(allByRole(root, 'option').map((o) => o.textContent)).toEqual(['politics']);
    type(input, 'BAB');
    expect(allByRole(root, 'option').map((o) => o.textContent)).toEqual(['babies']);
  });

  it('treats NATO and nato as one tag: a typed NATO is the keyword chip nato', async () => {
    const { root, mounted } = await open(() => clipOk(), { knownTags: ['NATO'] });
    await mounted;
    const input = byLabel<HTMLInputElement>(root, 'Add tag');
    type(input, 'NATO');
    press(input, 'Enter');
    const group = byRole(root, 'group', 'Suggested tags');
    expect(allByRole(group, 'button').map((b) => b.getAttribute('aria-label'))).toEqual(['Add suggested tag diplomacy']);
    expect(Array.from(root.querySelectorAll('.tag-chip .tag-text'), (c) => c.textContent)).toEqual(['ambassador', 'ukraine', 'nations', 'nato']);
  });

  it('sends back the unedited article unchanged on Save, and confirms in the status region', async () => {
    const save = vi.fn((): ResponseOf<'save'> => ({ ok: true, savedAt: '2026-01-06T10:00:00Z' }));
    const { root, fake, mounted } = await open(() => clipOk(), { extra: { save } });
    await mounted;
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(fake.requests('save')).toEqual([{ article: sampleArticle() }]);
    expect(byRole(root, 'status').textContent).toBe('Saved to your library');
  });

  it('Edit turns the preview into the Markdown source; Save sends the edited body and the fields as they are', async () => {
    const save = vi.fn((): ResponseOf<'save'> => ({ ok: true, savedAt: 'now' }));
    const { root, fake, mounted } = await open(() => clipOk(), { extra: { save } });
    await mounted;
    const edit = byRole(root, 'button', 'Edit');
    expect(edit.getAttribute('aria-pressed')).toBe('false');
    edit.click();
    expect(edit.getAttribute('aria-pressed')).toBe('true');
    const source = byLabel<HTMLTextAreaElement>(root, 'Body (Markdown source)');
    expect(source.hidden).toBe(false);
    expect(document.activeElement).toBe(source);
    expect(source.value).toBe(sampleArticle().body);
    type(source, 'Only **this** paragraph.\n');
    edit.click();
    expect(source.hidden).toBe(true);
    expect(root.querySelector('.preview')?.textContent).toBe('Only **this** paragraph.\n');
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(fake.requests('save')[0]?.article).toEqual({ ...sampleArticle(), body: 'Only **this** paragraph.\n' });
  });

  it('sanitizes an edited HTML body again before saving it', async () => {
    const save = vi.fn((): ResponseOf<'save'> => ({ ok: true, savedAt: 'now' }));
    const article = sampleArticle({ body: '<p>Talks were close.</p>' });
    const { root, fake, mounted } = await open(() => clipOk(article), { settings: { bodyFormat: 'html' }, extra: { save } });
    await mounted;
    byRole(root, 'button', 'Edit').click();
    type(byLabel(root, 'Body (HTML source)'), '<p onclick="steal()">New <a href="javascript:alert(1)">text</a><script>bad()</script> <a href="/more">more</a></p>');
    byRole(root, 'button', 'Save').click();
    await settle();
    const body = fake.requests('save')[0]?.article.body ?? '';
    expect(body).toContain('New');
    expect(body).not.toMatch(/onclick|javascript:|<script|bad\(\)/);
    expect(body).toContain('href="https://www.foxnews.com/more"');
  });

  it('sends the edits on Download: new slug and file name from the title, summary = description', async () => {
    const download = vi.fn((): ResponseOf<'download'> => ({ ok: true, savedAt: 'now', filename: 'Clips/2025-12-31-peace-at-last.md' }));
    const { root, fake, mounted } = await open(() => clipOk(), {
      settings: { filenameTemplate: '{date}-{slug}.md', subfolder: 'Clips' },
      extra: { download },
    });
    await mounted;
    type(byLabel(root, 'Title'), '  Peace at last ');
    type(byLabel(root, 'Description'), 'A new description.');
    type(byLabel(root, 'Date'), '2025-12-31');
    byLabel<HTMLInputElement>(root, 'Draft').click();
    byRole(root, 'button', 'Remove tag nations').click();
    const tagInput = byLabel<HTMLInputElement>(root, 'Add tag');
    type(tagInput, 'Diplomacy');
    press(tagInput, 'Enter');
    type(tagInput, 'pending'); // typed, not confirmed: still kept
    expect(root.querySelector('.file-name')?.textContent).toBe('File: Clips/2025-12-31-peace-at-last.md');
    byRole(root, 'button', 'Download').click();
    await settle();
    const sent = fake.requests('download')[0]?.article;
    expect(sent).toEqual({
      ...sampleArticle(),
      title: 'Peace at last',
      description: 'A new description.',
      summary: 'A new description.',
      date: '2025-12-31',
      draft: true,
      tags: ['ambassador', 'ukraine', 'diplomacy', 'pending'],
      slug: 'peace-at-last',
      filename: '2025-12-31-peace-at-last.md',
    });
    expect(byRole(root, 'status').textContent).toBe('Downloaded Clips/2025-12-31-peace-at-last.md');
  });

  it('shows a refused save or download as an error, and keeps the form', async () => {
    const { root, mounted } = await open(() => clipOk(), {
      extra: {
        save: () => ({ ok: false, reason: 'storage', message: 'Quota exceeded.' }),
        download: () => { throw new Error('Worker gone.'); },
      },
    });
    await mounted;
    byRole(root, 'button', 'Save').click();
    await settle();
    const status = byRole(root, 'status');
    expect(status.textContent).toBe("Couldn't save: Quota exceeded.");
    expect(status.dataset['kind']).toBe('error');
    byRole(root, 'button', 'Download').click();
    await settle();
    expect(status.textContent).toBe("Couldn't download: Worker gone.");
    expect(byLabel<HTMLTextAreaElement>(root, 'Title').value).toBe(sampleArticle().title);
  });

  it('refuses to save without a title or a date, marks the field and sends nothing', async () => {
    const save = vi.fn((): ResponseOf<'save'> => ({ ok: true, savedAt: 'now' }));
    const { root, fake, mounted } = await open(() => clipOk(), { extra: { save } });
    await mounted;
    const title = byLabel<HTMLTextAreaElement>(root, 'Title');
    type(title, '   ');
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(fake.requests('save')).toEqual([]);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const errors = (title.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(errors).toContain('Enter a title.');
    expect(document.activeElement).toBe(title);
    expect(byRole(root, 'status').dataset['kind']).toBe('error');

    type(title, 'Fine');
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    type(byLabel(root, 'Date'), '');
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(fake.requests('save')).toEqual([]);
    expect(byLabel(root, 'Date').getAttribute('aria-invalid')).toBe('true');
  });

  it('ignores a second click while the first request is pending', async () => {
    let finish: (reply: ResponseOf<'save'>) => void = () => {};
    const save = vi.fn(() => new Promise<ResponseOf<'save'>>((resolve) => { finish = resolve; }));
    const { root, mounted } = await open(() => clipOk(), { extra: { save } });
    await mounted;
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(byRole(root, 'button', 'Save').getAttribute('aria-disabled')).toBe('true');
    byRole(root, 'button', 'Save').click();
    byRole(root, 'button', 'Download').click();
    await settle();
    expect(save).toHaveBeenCalledTimes(1);
    finish({ ok: true, savedAt: 'now' });
    await settle();
    expect(byRole(root, 'button', 'Save').hasAttribute('aria-disabled')).toBe(false);
  });

  it('keeps Enter in the form from saving or adding a newline to the title', async () => {
    const save = vi.fn((): ResponseOf<'save'> => ({ ok: true, savedAt: 'now' }));
    const { root, mounted } = await open(() => clipOk(), { extra: { save } });
    await mounted;
    expect(press(byLabel(root, 'Title'), 'Enter').defaultPrevented).toBe(true);
    const submit = new Event('submit', { cancelable: true });
    byRole(root, 'form').dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('popup: page-derived strings are text, never markup', () => {
  const evil = '<img src=x onerror="globalThis.pwned=1">';

  it('shows markup in every field, note, tag, suggestion and message as text (Markdown body)', async () => {
    const parsed: string[] = [];
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
    vi.spyOn(Element.prototype, 'innerHTML', 'set').mockImplementation(function (this: Element, value: string) {
      parsed.push(value);
      innerHTML?.set?.call(this, value);
    });
    vi.spyOn(Element.prototype, 'insertAdjacentHTML').mockImplementation(() => { parsed.push('insertAdjacentHTML'); });
    const parseFromString = vi.spyOn(DOMParser.prototype, 'parseFromString');

    const article = sampleArticle({
      title: evil,
      description: `<script>globalThis.pwned=1</script>${evil}`,
      tags: [evil],
      keywords: ['<b>kw</b>'],
      body: `# Body\n\n${evil}\n`,
      filename: `${evil}.md`,
    });
    const { root, mounted } = await open(() => clipOk(article), { knownTags: ['<i>lib</i>'] });
    await mounted;
    expect(byLabel<HTMLTextAreaElement>(root, 'Title').value).toBe(evil);
    expect(byLabel<HTMLTextAreaElement>(root, 'Description').value).toBe(article.description);
    expect(root.querySelector('.tag-chip')?.textContent).toContain(evil.toLowerCase());
    expect(byRole(root, 'region', 'Preview').textContent).toBe(article.body);
    expect(root.querySelectorAll('img, script, b, i')).toHaveLength(0);
    expect(parsed).toEqual([]);
    expect(parseFromString).not.toHaveBeenCalled();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows markup in an error message as text', async () => {
    const { root, mounted } = await open(() => ({ ok: false, reason: 'error', message: evil }));
    await mounted;
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(evil);
  });

  it('sanitizes an HTML body into the preview only', async () => {
    const article = sampleArticle({
      title: evil,
      body: `<p>Fine <a href="javascript:alert(1)">bad link</a> <a href="https://example.com/">good</a></p>${evil}<script>globalThis.pwned=1</script>`,
    });
    const { root, mounted } = await open(() => clipOk(article), { settings: { bodyFormat: 'html' } });
    await mounted;
    const preview = byRole(root, 'region', 'Preview');
    expect(preview.querySelector('p')?.textContent).toBe('Fine bad link good');
    expect(preview.querySelectorAll('script, img, [onerror]')).toHaveLength(0);
    expect(preview.querySelector('a[href^="javascript"]')).toBeNull();
    expect(preview.querySelector('a[href="https://example.com/"]')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(preview.textContent).toContain('[Image]');
    expect(byLabel<HTMLTextAreaElement>(root, 'Title').value).toBe(evil);
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
