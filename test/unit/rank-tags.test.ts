import { describe, expect, it } from 'vitest';
import { rankTags } from '../../src/storage/rank-tags.ts';

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
