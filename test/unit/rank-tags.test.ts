import { describe, expect, it } from 'vitest';
import { rankTagCounts, rankTags, tagsThatFit } from '../../src/storage/rank-tags.ts';

describe('rankTags', () => {
  it('orders tags by how many articles use them, ties alphabetically', () => {
    expect(rankTags([['ukraine', 'nato'], ['nato', 'security'], ['nato', 'ukraine'], ['alpha']])).toEqual(['nato', 'ukraine', 'alpha', 'security']);
  });

  it('counts a tag once per article', () => {
    expect(rankTags([['a', 'a', 'a'], ['b'], ['b']])).toEqual(['b', 'a']);
  });

  it('is empty for an empty library', () => {
    expect(rankTags([])).toEqual([]);
  });
});

describe('rankTags and rankTagCounts: one tag whatever its case', () => {
  it('adds up the counts of NATO and nato under one tag', () => {
    expect(rankTags([['NATO'], ['nato'], ['Nato', 'nato'], ['eu'], ['eu']])).toEqual(['nato', 'eu']);
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
