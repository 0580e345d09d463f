// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import type { ContentRequest } from '../../src/messages.ts';
import { DEFAULT_SETTINGS } from '../../src/storage/settings-schema.ts';

// A fake of the few extension APIs clipTab uses; each test scripts how the tab behaves.
const fake = vi.hoisted(() => ({
  tab: { id: 7, url: 'https://news.example/story', status: 'complete' } as { id: number; url?: string; status: string } | null,
  /** Answers the worker's messages to the tab; a never-settling promise is a page that never answers. */
  sendMessage: (_message: { name: string }): Promise<unknown> => Promise.resolve({ ok: true }),
  executeScript: (): Promise<unknown> => Promise.resolve([]),
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      get: async () => {
        if (!fake.tab) throw new Error('No tab with id: 7.');
        return { ...fake.tab };
      },
      sendMessage: (_id: number, message: { name: string }) => fake.sendMessage(message),
      onUpdated: { addListener: () => {}, removeListener: () => {} },
    },
    scripting: { executeScript: () => fake.executeScript() },
  },
}));

// The guards must answer before the core runs at all: on a document this large (in jsdom, which is
// far slower than a browser) the core would take minutes, so it refuses to run instead.
vi.mock('../../src/core/extract-untagged.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/extract-untagged.ts')>();
  return {
    ...real,
    extractUntagged: (doc: Document, ...rest: Parameters<typeof real.extractUntagged> extends [Document, ...infer R] ? R : never) => {
      if (doc.getElementsByTagName('*').length > 40_000) throw new Error('the core ran on a page past the limit');
      return real.extractUntagged(doc, ...rest);
    },
  };
});

const { clipTab, EXTRACT_TIMEOUT_MS } = await import('../../src/background/clip-tab.ts');
const { answer, MAX_CLIP_ELEMENTS } = await import('../../src/content/answer.ts');
const { sendFailure } = await import('../../src/ui/send.ts');

const never = () => new Promise<never>(() => {});

beforeEach(() => {
  fake.tab = { id: 7, url: 'https://news.example/story', status: 'complete' };
  fake.executeScript = () => Promise.resolve([]);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('clipTab when the page or the tab misbehaves', () => {
  it('a page whose thread never frees up: a clear answer once the deadline passes, not a hang', async () => {
    vi.useFakeTimers();
    fake.sendMessage = never;
    fake.executeScript = never;
    const reply = clipTab(7, 'article', DEFAULT_SETTINGS);
    await vi.advanceTimersByTimeAsync(EXTRACT_TIMEOUT_MS);
    expect(await reply).toEqual({
      ok: false,
      reason: 'error',
      message: 'The page is not responding: Frontclip waited 10 seconds for it. Wait until it responds again, or reload it, and try again.',
    });
    expect(EXTRACT_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
  });

  it('reading that never ends: "too large" once the same deadline passes', async () => {
    vi.useFakeTimers();
    fake.sendMessage = (m) => (m.name === 'frontclip:ping' ? Promise.resolve({ ok: true }) : never());
    const reply = clipTab(7, 'article', DEFAULT_SETTINGS);
    await vi.advanceTimersByTimeAsync(EXTRACT_TIMEOUT_MS);
    expect(await reply).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringMatching(/^Reading this page took longer than 10 seconds/) });
  });

  it('the tab closed before clipping began: the same words as a tab closed during it', async () => {
    fake.tab = null;
    expect(await clipTab(7, 'article', DEFAULT_SETTINGS)).toEqual({ ok: false, reason: 'error', message: 'The tab was closed before Frontclip could clip it.' });
  });

  it('the tab closed while the page was read', async () => {
    fake.sendMessage = async (m) => {
      if (m.name === 'frontclip:ping') return { ok: true };
      fake.tab = null;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await clipTab(7, 'article', DEFAULT_SETTINGS)).toEqual({ ok: false, reason: 'error', message: 'The tab was closed while Frontclip was reading it.' });
  });

  it('the tab went to another page while the page was read', async () => {
    fake.sendMessage = async (m) => {
      if (m.name === 'frontclip:ping') return { ok: true };
      fake.tab = { id: 7, url: 'https://other.example/', status: 'loading' };
      throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
    };
    expect(await clipTab(7, 'article', DEFAULT_SETTINGS)).toEqual({
      ok: false,
      reason: 'error',
      message: 'The tab went to another page while Frontclip was reading it. Open Frontclip again to clip the page it shows now.',
    });
  });

  it('any other failure keeps the browser’s reason, as one sentence', async () => {
    fake.sendMessage = async (m) => {
      if (m.name === 'frontclip:ping') return { ok: true };
      throw new Error('Something odd happened.');
    };
    expect(await clipTab(7, 'article', DEFAULT_SETTINGS)).toEqual({ ok: false, reason: 'error', message: 'Frontclip could not read this page: Something odd happened.' });
  });
});

describe('the popup’s words when the worker does not answer', () => {
  it('turns the browser’s messages for a stopped worker into one the reader can act on', () => {
    for (const text of [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'The message port closed before a response was received.',
      'Could not establish connection. Receiving end does not exist.',
    ]) {
      expect(sendFailure(new Error(text))).toBe("Frontclip's background worker stopped before it answered. Try again.");
    }
    expect(sendFailure(new Error('Quota exceeded'))).toBe('Quota exceeded');
  });
});

describe('the content script on pages too large to convert while the reader waits', () => {
  const request = (mode: ContentRequest['mode']): ContentRequest => ({ name: 'frontclip:extract', mode, body: 'markdown', filenameTemplate: '{slug}.md' });
  const cells = (n: number) => '<span class="c"></span>'.repeat(n);
  const now = new Date('2026-01-06T12:00:00Z');

  it('refuses the whole page past the limit at once, saying how large it is', () => {
    const { document } = new JSDOM(`<!doctype html><title>Grid</title><body>${cells(MAX_CLIP_ELEMENTS + 1)}</body>`, { url: 'https://grid.example/' }).window;
    const started = performance.now();
    expect(answer(request('page'), document, 'https://grid.example/', now)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'This page is too large to clip whole: it has 40,001 elements, and Frontclip stops at 40,000. Clip the article, or select a part of the page and clip the selection.',
    });
    // Article mode on this page, which has no article, answers at once too instead of running
    // Readability's passes over 40,000 elements.
    expect(answer(request('article'), document, 'https://grid.example/', now)).toMatchObject({ ok: false, reason: 'no-article' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a selection past the limit, and clips one below it', () => {
    const select = (document: Document, id: string) => {
      const range = document.createRange();
      // The element as a whole: jsdom clones a range's children one by one, slowly, but a whole node at once.
      range.selectNode(document.getElementById(id)!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    };
    const big = new JSDOM(`<!doctype html><title>Grid</title><body><div id="big">${cells(MAX_CLIP_ELEMENTS + 1)}</div></body>`, { url: 'https://grid.example/' }).window.document;
    select(big, 'big');
    expect(answer(request('selection'), big, 'https://grid.example/', now)).toMatchObject({
      ok: false, reason: 'too-large', message: expect.stringMatching(/^The selection is too large to clip: it holds 40,002 elements/), // the div and its cells
    });
    const small = new JSDOM('<!doctype html><title>Grid</title><body><p id="small">A small selected paragraph of text.</p></body>', { url: 'https://grid.example/' }).window.document;
    select(small, 'small');
    expect(answer(request('selection'), small, 'https://grid.example/', now)).toMatchObject({ ok: true, article: { body: 'A small selected paragraph of text.' } });
  });
});
