import { describe, expect, it } from 'vitest';
import type { DateSource } from '../../src/core/article.ts';
import { dateSourceNote } from '../../popup/date-source-note.ts';
import { tabIdFromSearch } from '../../popup/tab-id-from-search.ts';

describe('dateSourceNote', () => {
  it.each<[DateSource, string]>([
    ['article:published_time', "from the page's metadata"],
    ['meta', "from the page's metadata"],
    ['json-ld', "from the page's structured data"],
    ['microdata', "from the page's structured data"],
    ['url', "from the page's URL"],
    ['clip-date', 'no date on the page: today'],
  ])('%s → %s', (source, note) => {
    expect(dateSourceNote(source)).toBe(note);
  });

  it('says something sensible for a source it does not know yet', () => {
    expect(dateSourceNote('rss' as DateSource)).toBe('found on the page');
  });
});

describe('tabIdFromSearch', () => {
  it('reads ?tabId=N', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tabId=0')).toBe(0);
  });

  it('ignores a missing or malformed tab id', () => {
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=1.5')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=99999999999999999999')).toBeUndefined();
  });
});
