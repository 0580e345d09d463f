// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { answer } from '../../src/content/answer.ts';
import { isContentMessage } from '../../src/content/is-content-message.ts';
import type { ContentRequest } from '../../src/messages.ts';
import { withTags } from '../../src/core/tag-fields.ts';
import { NEWS_URL, readFixture } from '../helpers/fixtures.ts';

const request = (mode: ContentRequest['mode']): ContentRequest => ({
  name: 'frontclip:extract', mode, body: 'markdown', filenameTemplate: '{date}-{slug}.md',
});
const now = new Date('2026-11-26T12:00:00Z');

describe('answer (the content script on a live document)', () => {
  it('clips the news fixture with the settings it was sent, leaving the page as it was', () => {
    const { document } = new JSDOM(readFixture('news-article.html'), { url: NEWS_URL }).window;
    const before = document.documentElement.outerHTML;
    const reply = answer(request('article'), document, NEWS_URL, now);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.article.filename).toBe(`2026-01-06-${reply.article.slug}.md`);
    // The tags are the worker's to add, from what the tab sends along: the same as the CLI's.
    expect(reply.article.tags).toEqual([]);
    expect(reply.tagSource).toEqual({ declaredLanguage: 'en-US', pageKeywords: expect.any(Array) });
    expect(withTags({ article: reply.article, tagSource: reply.tagSource }, 5).tags)
      .toEqual(['finalization', 'ambassador', 'security', 'ukraine', 'nations']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('reports no article on a page without one, and no selection when nothing is selected', () => {
    const { document } = new JSDOM('<!doctype html><title>Menu</title><nav><a href="/">Home</a></nav>', { url: 'https://example.com/' }).window;
    expect(answer(request('article'), document, 'https://example.com/', now)).toMatchObject({ ok: false, reason: 'no-article' });
    expect(answer(request('selection'), document, 'https://example.com/', now)).toMatchObject({ ok: false, reason: 'no-selection' });
  });

  it('clips the selection as the body, with metadata from the page', () => {
    const { document } = new JSDOM(readFixture('news-article.html'), { url: NEWS_URL }).window;
    const p = document.querySelector('article p') ?? document.querySelector('p')!;
    const range = document.createRange();
    range.selectNode(p);
    document.getSelection()!.addRange(range);
    const reply = answer(request('selection'), document, NEWS_URL, now);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.article.title).toMatch(/^NATO ambassador/);
    expect(reply.article.body).toBe('Negotiations over [security guarantees for Ukraine](https://www.foxnews.com/category/world/conflicts/ukraine) may be nearing a breakthrough.');
  });
});

describe('answer: the selection wins when asked to prefer it', () => {
  it('clips the selection in article mode with preferSelection, and says so; the article without a selection', () => {
    const { document } = new JSDOM(readFixture('news-article.html'), { url: NEWS_URL }).window;
    const withPreference = { ...request('article'), preferSelection: true };
    const whole = answer(withPreference, document, NEWS_URL, now);
    expect(whole).toMatchObject({ ok: true, mode: 'article' });
    const p = document.querySelector('article p') ?? document.querySelector('p')!;
    const range = document.createRange();
    range.selectNode(p);
    document.getSelection()!.addRange(range);
    const selected = answer(withPreference, document, NEWS_URL, now);
    expect(selected).toMatchObject({ ok: true, mode: 'selection' });
    if (!selected.ok || !whole.ok) return;
    expect(selected.article.body).toMatch(/^Negotiations over/);
    expect(selected.article.title).toBe(whole.article.title);
    // Without the preference, the selection is ignored.
    expect(answer(request('article'), document, NEWS_URL, now)).toMatchObject({ ok: true, mode: 'article' });
  });
});

describe('isContentMessage', () => {
  it('accepts the two content messages and nothing else', () => {
    expect(isContentMessage({ name: 'frontclip:ping' })).toBe(true);
    expect(isContentMessage(request('page'))).toBe(true);
    expect(isContentMessage({ ...request('page'), mode: 'everything' })).toBe(false);
    expect(isContentMessage({ name: 'clip', request: {} })).toBe(false);
    expect(isContentMessage(null)).toBe(false);
  });
});
