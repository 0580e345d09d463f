import { describe, expect, it } from 'vitest';
import { mergeTags, normalizeTag, suggestTags } from '../../src/core/tags.ts';

const SAMPLE_TITLE =
  "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact";

describe('suggestTags', () => {
  it("gives the reference sample's tags", () => {
    expect(suggestTags(SAMPLE_TITLE)).toEqual(['finalization', 'ambassador', 'security', 'ukraine', 'nations']);
  });

  it('takes count words, and all of them when there are fewer', () => {
    expect(suggestTags(SAMPLE_TITLE, 2)).toEqual(['finalization', 'ambassador']);
    expect(suggestTags(SAMPLE_TITLE, 0)).toEqual([]);
    expect(suggestTags(SAMPLE_TITLE, -3)).toEqual([]);
    expect(suggestTags('one two', 5)).toEqual(['one', 'two']);
    expect(suggestTags('')).toEqual([]);
  });

  it('keeps title order among words of equal length', () => {
    expect(suggestTags('bb aa cc dddd ee', 10)).toEqual(['dddd', 'bb', 'aa', 'cc', 'ee']);
  });

  it('lower-cases and removes duplicates, keeping the first place', () => {
    expect(suggestTags('Peace PEACE talks peace Talks', 10)).toEqual(['peace', 'talks']);
  });

  it('removes apostrophes instead of splitting words', () => {
    expect(suggestTags("Trump's Iran’s 'quoted'", 10)).toEqual(['trumps', 'quoted', 'irans']);
  });

  it('splits on every non-letter, non-digit character', () => {
    expect(suggestTags('son-in-law 2025: U.S./EU_deal 😀emoji', 10)).toEqual([
      'emoji', '2025', 'deal', 'son', 'law', 'in', 'eu', 'u', 's',
    ]);
  });

  it('counts length in code points, not UTF-16 units', () => {
    // Each 𝒜 is one character but two UTF-16 units: 𝒜𝒜𝒜 (3) is shorter than abcd (4).
    expect(suggestTags('𝒜𝒜𝒜 abcd', 2)).toEqual(['abcd', '𝒜𝒜𝒜']);
  });

  it('keeps combining marks inside words of other scripts', () => {
    expect(suggestTags('हिन्दी समाचार आज', 5)).toEqual(['हिन्दी', 'समाचार', 'आज']);
  });

  it('keeps diacritics and treats composed and decomposed forms as one word', () => {
    expect(suggestTags('Café cafe\u0301 Zürich', 5)).toEqual(['zürich', 'café']);
  });
});

describe('normalizeTag', () => {
  it.each([
    ['  Foreign  Policy ', 'foreign policy'],
    ['\tUKRAINE\n', 'ukraine'],
    ['a\u00a0\u2028b', 'a b'],
    ['x\u0000y\u007f', 'xy'],
    ['cafe\u0301', 'café'],
    ['', ''],
  ])('%j → %j', (tag, normal) => {
    expect(normalizeTag(tag)).toBe(normal);
  });
});

describe('mergeTags', () => {
  it('normalises, drops empty tags and keeps the first occurrence', () => {
    expect(mergeTags(['Ukraine', 'peace '], ['  ', 'ukraine', 'NATO'], ['Peace', 'talks'])).toEqual([
      'ukraine', 'peace', 'nato', 'talks',
    ]);
  });

  it('returns an empty list for no input', () => {
    expect(mergeTags()).toEqual([]);
  });
});
