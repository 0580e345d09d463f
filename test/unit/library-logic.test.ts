import { describe, expect, it } from 'vitest';
import { combineDuplicates } from '../../src/storage/import-merge.ts';
import { storageMessage } from '../../src/storage/storage-message.ts';
import { applyTagChange, mergeImportedTags } from '../../src/storage/tag-change.ts';
import { scrollToReveal, visibleRange } from '../../src/ui/visible-range.ts';
import { countValues, filterSummaries, foldForSearch, queryWords, searchText } from '../../options/library-search.ts';
import { ZipNamer, zipFilename } from '../../options/zip-names.ts';
import { LibraryState } from '../../options/library-state.ts';
import type { Summary } from '../../src/storage/library-record.ts';
import { sampleArticle } from './ui-helpers.ts';

describe('visibleRange (the virtual list windowing)', () => {
  const base = { rowHeight: 64, count: 10_000, overscan: 0 };

  it('shows the rows that intersect the viewport', () => {
    expect(visibleRange({ ...base, scrollTop: 0, viewportHeight: 640 })).toEqual({ start: 0, end: 10 });
    // Scrolled half a row: a partial row at each edge.
    expect(visibleRange({ ...base, scrollTop: 32, viewportHeight: 640 })).toEqual({ start: 0, end: 11 });
    expect(visibleRange({ ...base, scrollTop: 64 * 500, viewportHeight: 640 })).toEqual({ start: 500, end: 510 });
  });

  it('adds the overscan on both sides, clamped to the list', () => {
    expect(visibleRange({ ...base, overscan: 5, scrollTop: 64 * 500, viewportHeight: 640 })).toEqual({ start: 495, end: 515 });
    expect(visibleRange({ ...base, overscan: 5, scrollTop: 0, viewportHeight: 640 })).toEqual({ start: 0, end: 15 });
    expect(visibleRange({ ...base, overscan: 5, scrollTop: 64 * 9_995, viewportHeight: 640 })).toEqual({ start: 9_990, end: 10_000 });
  });

  it('survives what layout can report: negative or past-the-end scroll, no height, no rows', () => {
    expect(visibleRange({ ...base, scrollTop: -40, viewportHeight: 640 })).toEqual({ start: 0, end: 10 });
    expect(visibleRange({ ...base, scrollTop: 64 * 20_000, viewportHeight: 640 })).toEqual({ start: 9_999, end: 10_000 });
    expect(visibleRange({ ...base, scrollTop: 0, viewportHeight: 0 })).toEqual({ start: 0, end: 1 });
    expect(visibleRange({ ...base, count: 0, scrollTop: 0, viewportHeight: 640 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, count: 3, scrollTop: 0, viewportHeight: 640 })).toEqual({ start: 0, end: 3 });
  });

  it('scrolls as little as needed to reveal a row', () => {
    expect(scrollToReveal(5, 0, 640, 64)).toBe(0);
    expect(scrollToReveal(10, 0, 640, 64)).toBe(64);
    expect(scrollToReveal(3, 640, 640, 64)).toBe(192);
    expect(scrollToReveal(0, 100, 640, 64)).toBe(0);
  });
});

const summary = (title: string, over: Partial<Summary> = {}): Summary => ({
  link: `https://x.example/${title}`, title, description: '', siteName: '', site: 'x.example', date: '2026-01-01', tags: [],
  draft: false, savedAt: '2026-01-01T00:00:00Z', editedAt: '2026-01-01T00:00:00Z', exportedAt: null, exportedVersion: null, ...over,
});

describe('library search', () => {
  const list = [
    summary('Harbour town restores its lighthouse', { tags: ['heritage', 'coast'], site: 'coast.example' }),
    summary('Café owners fight new parking rules', { description: 'A row over the high street', tags: ['town'] }),
    summary("NATO's ambassador in talks", { tags: ['diplomacy'], site: 'news.example' }),
  ];
  const texts = list.map(searchText);
  const titles = (query: string, tag = '', site = '') => filterSummaries(list, texts, { query, tag, site }).map((s) => s.title.split(' ')[0]);

  it('finds words by their beginning in title, description and tags, every word required', () => {
    expect(titles('light')).toEqual(['Harbour']);
    expect(titles('house')).toEqual([]);
    expect(titles('street')).toEqual(['Café']);
    expect(titles('diplo')).toEqual(["NATO's"]);
    expect(titles('town')).toEqual(['Harbour', 'Café']);
    expect(titles('town harbour')).toEqual(['Harbour']);
  });

  it('ignores case, accents and apostrophes, and an empty query matches all', () => {
    expect(titles('CAFE')).toEqual(['Café']);
    expect(titles('natos')).toEqual(["NATO's"]);
    expect(titles('  ')).toEqual(['Harbour', 'Café', "NATO's"]);
    expect(titles('!!')).toEqual(['Harbour', 'Café', "NATO's"]);
  });

  it('filters by exact tag and by site, with the query', () => {
    expect(titles('', 'town')).toEqual(['Café']);
    expect(titles('', '', 'news.example')).toEqual(["NATO's"]);
    expect(titles('town', 'heritage')).toEqual(['Harbour']);
    expect(titles('talks', 'heritage')).toEqual([]);
  });

  it('folds text and splits queries into words', () => {
    expect(foldForSearch('Zürich Ça ÉTÉ')).toBe('zurich ca ete');
    expect(queryWords("  Ukraine's  peace-deal ")).toEqual(['ukraines', 'peace', 'deal']);
  });

  it('searches 10,000 summaries well under the 100 ms budget', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => summary(`Article ${i} about harbour number ${i % 97}`, {
      description: 'A description of some length that is about as long as a real one is, with several words in it.',
      tags: [`tag${i % 50}`, 'news', 'coast'],
    }));
    const manyTexts = many.map(searchText);
    const start = performance.now();
    for (const q of ['harbour', 'number 5', 'zzz', 'tag4 coast']) filterSummaries(many, manyTexts, { query: q, tag: '', site: '' });
    expect((performance.now() - start) / 4).toBeLessThan(50);
  });

  it('builds search texts in slices, one task each, and a search before the end still sees every article', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => summary(`Story ${i} ${i === 1_150 ? 'lighthouse' : 'harbour'}`));
    const state = new LibraryState();
    state.setSummaries(many, true);
    const preparing = state.prepareSearchTexts(500);
    // Nothing is built in the task that asked for it: the page finishes showing the list first.
    expect(state['texts']).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state['texts']).toHaveLength(500);
    // A search now builds the rest at once and finds the article past the built slice.
    state.apply({ query: 'lighthouse', tag: '', site: '', notExported: false });
    expect(state.shown.map((s) => s.title)).toEqual(['Story 1150 lighthouse']);
    await preparing;
    expect(state.searchTexts()).toEqual(many.map(searchText));
  });

  it('stops preparing texts for summaries that were replaced, and the new ones are searched by their own texts', async () => {
    const state = new LibraryState();
    state.setSummaries(Array.from({ length: 1_000 }, (_, i) => summary(`Old ${i} harbour`)), true);
    const preparing = state.prepareSearchTexts(100);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fresh = [summary('New lighthouse'), summary('New harbour')];
    state.setSummaries(fresh, true);
    await preparing;
    expect(state.searchTexts()).toEqual(fresh.map(searchText));
    state.apply({ query: 'harbour', tag: '', site: '', notExported: false });
    expect(state.shown.map((s) => s.title)).toEqual(['New harbour']);
  });

  it('counts filter values, most used first', () => {
    expect(countValues([['b', 'a'], ['a'], ['c', 'a', 'c']])).toEqual([{ value: 'a', count: 3 }, { value: 'b', count: 1 }, { value: 'c', count: 1 }]);
  });
});

describe('zip entry names', () => {
  it('keeps names, and makes a clash unique with -2, -3, ignoring case', () => {
    const namer = new ZipNamer('flat');
    expect(['a.md', 'b.md', 'a.md', 'A.md', 'a.html'].map((n) => namer.name(n))).toEqual(['a.md', 'b.md', 'a-2.md', 'A-3.md', 'a.html']);
  });

  it('does not clash with a name that already ends in -2', () => {
    const namer = new ZipNamer('flat');
    expect(['a-2.md', 'a.md', 'a.md'].map((n) => namer.name(n))).toEqual(['a-2.md', 'a.md', 'a-3.md']);
  });

  it('puts Hugo page bundles in a folder named after the file, and uniquifies the folder', () => {
    const namer = new ZipNamer('bundles');
    expect(['harbour.md', 'harbour.md', 'page.html', 'Harbour.md'].map((n) => namer.name(n))).toEqual([
      'harbour/index.md', 'harbour-2/index.md', 'page/index.html', 'Harbour-3/index.md',
    ]);
  });

  it('keeps a numbered name within the 120-character limit', () => {
    const long = `${'word-'.repeat(23)}words`; // 120 characters
    const namer = new ZipNamer('flat');
    namer.name(`${long}.md`);
    const second = namer.name(`${long}.md`);
    expect(second.endsWith('-2.md')).toBe(true);
    expect(second.length - '.md'.length).toBeLessThanOrEqual(120);
  });

  it('names the zip after the day and the layout', () => {
    expect(zipFilename('flat', new Date(2026, 0, 6, 23, 59))).toBe('frontclip-2026-01-06.zip');
    expect(zipFilename('bundles', new Date(2026, 0, 6))).toBe('frontclip-2026-01-06-bundles.zip');
  });
});

describe('tag rules', () => {
  it('a bulk change removes, then appends what is missing, and says whether anything changed', () => {
    expect(applyTagChange(['a', 'b', 'c'], { add: ['d', 'a'], remove: ['b'] })).toEqual({ tags: ['a', 'c', 'd'], changed: true });
    expect(applyTagChange(['a'], { add: ['A '], remove: [] })).toEqual({ tags: ['a'], changed: false });
    expect(applyTagChange(['a'], { add: [], remove: ['zzz'] })).toEqual({ tags: ['a'], changed: false });
  });

  it('an import keeps the saved tags first and adds the file’s missing ones, each in the one lower-case identity', () => {
    expect(mergeImportedTags(['mine', 'nato'], ['NATO', 'Theirs', ' '])).toEqual({ tags: ['mine', 'nato', 'theirs'], changed: true });
    expect(mergeImportedTags(['nato'], ['NATO'])).toEqual({ tags: ['nato'], changed: false });
  });

  it('duplicate files in one import become one article: the first wins, tags merged', () => {
    const first = sampleArticle({ title: 'First', tags: ['x'] });
    const second = sampleArticle({ title: 'Second', tags: ['y', 'x'] });
    const other = sampleArticle({ link: 'https://other.example/', tags: [] });
    const { articles, duplicates } = combineDuplicates([first, other, second]);
    expect(duplicates).toBe(1);
    expect(articles.map((a) => [a.title, a.tags])).toEqual([['First', ['x', 'y']], [other.title, []]]);
  });
});

describe('storage errors', () => {
  it('explains a full disk, and says nothing was changed', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(storageMessage(quota)).toMatch(/no room left.*nothing was changed/i);
    expect(storageMessage(new Error('boom'))).toBe('The library could not be written, so nothing was changed: boom');
  });
});
