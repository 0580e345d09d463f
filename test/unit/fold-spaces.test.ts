import { describe, expect, it } from 'vitest';
import { foldSpaces, normalize } from '../../src/core/fold.ts';

describe('foldSpaces: page text as a reader sees it', () => {
  it('folds every Unicode white space and U+FEFF, and nothing else, into one space', () => {
    const wrong: string[] = [];
    const folded: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCharCode(code);
      const isSpace = /\p{White_Space}/u.test(c) || c === '\uFEFF';
      if (foldSpaces(`a${c}${c}b`) !== (isSpace ? 'a b' : `a${c}${c}b`)) wrong.push(`U+${code.toString(16)}`);
      if (isSpace) folded.push(c);
    }
    expect(wrong).toEqual([]);
    expect(folded).toContain('\u0085');
    expect(folded).toContain('\u00a0');
  });

  it('trims the ends and reads a missing text as empty', () => {
    expect(foldSpaces(' \u3000 Headline \n\t here \u0085')).toBe('Headline here');
    expect(foldSpaces(null)).toBe('');
    expect(foldSpaces(undefined)).toBe('');
  });

  it('differs from the file format\'s folding only in U+FEFF, which the file keeps', () => {
    const blank = { date: '2026-01-01', description: '', summary: '', slug: 's', image: '', link: '', source: '', categories: [], tags: [], draft: false, body: '' };
    const title = ' a\u0085 b\u00a0\u00a0c\uFEFFd ';
    expect(normalize({ ...blank, title }).title).toBe('a b c\uFEFFd');
    expect(foldSpaces(title)).toBe('a b c d');
  });

  it('the file\'s folding finds every White_Space character (it skips fields with none), alone or at an edge', () => {
    const blank = { date: '2026-01-01', description: '', summary: '', slug: 's', image: '', link: '', source: '', categories: [], tags: [], draft: false, body: '' };
    const title = (text: string) => normalize({ ...blank, title: text }).title;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCharCode(code);
      if (!/\p{White_Space}/u.test(c)) continue;
      if (title(`a${c}b`) !== 'a b' || title(`${c}a`) !== 'a' || title(`a${c}`) !== 'a') wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(title('a  b')).toBe('a b');
    expect(title('plain title, nothing to fold')).toBe('plain title, nothing to fold');
  });
});
