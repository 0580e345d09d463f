// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResponseOf } from '../../src/messages.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema.ts';
import { mountPopup } from '../../popup/mount-popup.ts';
import { imageOriginPatterns } from '../../src/ui/image-origins.ts';
import { byLabel, byRole, fakeSend, sampleArticle, settle } from './ui-helpers.ts';

const IMAGES = [
  { src: 'https://cdn.news.test/a.jpg', url: 'https://cdn.news.test/a-1600.jpg' },
  { src: 'https://cdn.news.test:8443/b.png', url: 'https://cdn.news.test:8443/b.png' },
  { src: 'http://img.other.test/c.gif', url: 'http://img.other.test/c.gif' },
  { src: 'data:image/png;base64,AAAA', url: 'data:image/png;base64,AAAA' },
];

async function open(settings: Partial<Settings>, requestOrigins = vi.fn(async (_patterns: string[]) => true)) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const article = sampleArticle({ images: IMAGES });
  const download = vi.fn((): ResponseOf<'download'> => ({
    ok: true, savedAt: 'now', filename: 'Frontclip/peace/index.md', images: { saved: 3, linked: 1, reasons: { blocked: 1 } },
  }));
  const save = vi.fn((): ResponseOf<'save'> => ({ ok: true, savedAt: 'now', images: { saved: 4, linked: 0, reasons: {} } }));
  const fake = fakeSend({ clip: () => ({ ok: true, article, tabUrl: article.link }), knownTags: () => ({ ok: true, tags: [] }), download, save });
  await mountPopup(root, { send: fake.send, tabId: 3, loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }), requestOrigins });
  return { root, fake, requestOrigins };
}

afterEach(() => document.body.replaceChildren());

describe('Save images in the popup', () => {
  it('starts as the Images setting says and tells how many images the article has', async () => {
    const off = await open({ images: 'link' });
    expect(byLabel<HTMLInputElement>(off.root, 'Save images').checked).toBe(false);
    const on = await open({ images: 'save' });
    const box = byLabel<HTMLInputElement>(on.root, 'Save images');
    expect(box.checked).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe('4 images in this article');
    expect(box.parentElement!.querySelector('[aria-hidden="true"]')?.textContent).toBe('(4)');
  });

  it('shows the bundle the download will write while it is checked', async () => {
    const { root } = await open({ images: 'link' });
    const fileName = () => root.querySelector('.file-name')?.textContent;
    expect(fileName()).toBe(`File: Frontclip/${sampleArticle().filename}`);
    byLabel<HTMLInputElement>(root, 'Save images').click();
    expect(fileName()).toBe(`File: Frontclip/${sampleArticle().filename.replace(/\.md$/, '')}/index.md`);
  });

  it('asks for the image sites in the click itself, then downloads with images and reports them', async () => {
    const { root, fake, requestOrigins } = await open({ images: 'save' });
    byRole(root, 'button', 'Download').click();
    // Asked before anything was awaited: the browser only shows its prompt during the click.
    expect(requestOrigins).toHaveBeenCalledTimes(1);
    expect(requestOrigins.mock.calls[0]![0]).toEqual(['https://cdn.news.test/*', 'http://img.other.test/*']);
    await settle();
    expect(fake.requests('download')[0]).toMatchObject({ images: true });
    expect(byRole(root, 'status').textContent).toBe('Downloaded Frontclip/peace/index.md · 3 images saved, 1 kept as a link (1 blocked)');
  });

  it('goes on when the reader refuses: the worker saves what the sites allow', async () => {
    const { root, fake } = await open({ images: 'save' }, vi.fn(async () => false));
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(fake.requests('save')[0]).toMatchObject({ images: true });
    expect(byRole(root, 'status').textContent).toBe('Saved to your library · 4 images saved');
  });

  it('asks nothing and sends no images flag when unchecked for this clip', async () => {
    const { root, fake, requestOrigins } = await open({ images: 'save' });
    byLabel<HTMLInputElement>(root, 'Save images').click();
    byRole(root, 'button', 'Download').click();
    await settle();
    expect(requestOrigins).not.toHaveBeenCalled();
    expect(fake.requests('download')[0]).not.toHaveProperty('images');
  });
});

describe('imageOriginPatterns', () => {
  it('gives one pattern per web host, without ports, and none for data: images', () => {
    expect(imageOriginPatterns(IMAGES)).toEqual(['https://cdn.news.test/*', 'http://img.other.test/*']);
    expect(imageOriginPatterns([{ src: 'x', url: 'not a url' }])).toEqual([]);
  });
});
