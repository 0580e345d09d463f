import { describe, expect, it } from 'vitest';
import { largestEntry } from '../../src/core/largest-entry.ts';

describe('largestEntry', () => {
  it('gives the key with the largest value, the first of equals', () => {
    expect(largestEntry(new Map([['a', 2], ['b', 5], ['c', 5], ['d', 1]]))).toEqual({ key: 'b', value: 5 });
  });

  it('is null for an empty map or one without a value above 0', () => {
    expect(largestEntry(new Map())).toBeNull();
    expect(largestEntry(new Map([['a', 0]]))).toBeNull();
  });
});
