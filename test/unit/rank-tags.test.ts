import { describe, expect, it } from 'vitest';
import { rankTagCounts, tagsThatFit } from '../../src/storage/rank-tags.ts';

describe('rankTagCounts', () => {
  it('orders tags by how many articles use them, ties alphabetically', () => {
    expect(rankTagCounts([{ tag: 'security', count: 1 }, { tag: 'ukraine', count: 2 }, { tag: 'alpha', count: 1 }, { tag: 'nato', count: 3 }]))
      .toEqual(['nato', 'ukraine', 'alpha', 'security']);
  });

  it('is empty for an empty library', () => {
    expect(rankTagCounts([])).toEqual([]);
  });

  it('adds up the counts of NATO and nato under one tag', () => {
    expect(rankTagCounts([{ tag: 'eu', count: 3 }, { tag: 'NATO', count: 2 }, { tag: 'nato', count: 2 }])).toEqual(['nato', 'eu']);
  });
});

describe('tagsThatFit', () => {
  const text = 'Minnesota Wild win late-night game. The wild card: NATO and the EU, 2024.';

  it('keeps library tags whose text, or each of whose words, is in the article', () => {
    expect(tagsThatFit(['wild', 'minnesota wild', 'late-night', 'night', 'nato', 'EU', 'game show'], text))
      .toEqual(['wild', 'minnesota wild', 'late-night', 'night', 'nato', 'EU']);
  });

  it('drops tags the article does not mention, and matches whole words only', () => {
    expect(tagsThatFit(['babies', 'americans', 'min', 'wil', 'card game show', '2024', '+++'], text)).toEqual(['2024']);
  });

  it('keeps the order it was given (most used first)', () => {
    expect(tagsThatFit(['nato', 'wild', 'game'], text)).toEqual(['nato', 'wild', 'game']);
  });
});
