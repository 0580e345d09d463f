import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { nameMatcher, namesOf, separatedWords } from '../../src/core/name-words.ts';

const element = (html: string): Element => new JSDOM(`<body>${html}</body>`).window.document.body.firstElementChild!;

describe('class and id names read as words', () => {
  const matches = nameMatcher(['nav', 'advert*', 'most read']);

  it('finds a plain word at any separator or camelCase step, in a class or the id', () => {
    expect(matches(element('<div class="site-nav"></div>'))).toBe(true);
    expect(matches(element('<div class="mainNav"></div>'))).toBe(true);
    expect(matches(element('<div id="nav_2"></div>'))).toBe(true);
    expect(matches(element('<div class="navigate"></div>'))).toBe(false);
    expect(matches(element('<div class="canvas"></div>'))).toBe(false);
  });

  it('finds a word by its start only where the entry ends in *', () => {
    expect(matches(element('<div class="advertisement-box"></div>'))).toBe(true);
    expect(matches(element('<div class="box-adverts"></div>'))).toBe(true);
    expect(matches(element('<div class="navs"></div>'))).toBe(false);
  });

  it('finds a two-word entry only side by side in one name', () => {
    expect(matches(element('<div class="most-read"></div>'))).toBe(true);
    expect(matches(element('<div class="box mostRead"></div>'))).toBe(true);
    expect(matches(element('<div class="most read"></div>'))).toBe(false);
    expect(matches(element('<div class="most-often-read"></div>'))).toBe(false);
  });

  it('reads names at their separators only where a rule asks for it', () => {
    const comments = nameMatcher(['comment', 'side bar'], separatedWords);
    expect(comments(element('<div class="post_comment-2"></div>'))).toBe(true);
    expect(comments(element('<div class="side-bar"></div>'))).toBe(true);
    expect(comments(element('<article class="ArticleHeaderComment"></article>'))).toBe(false);
    expect(nameMatcher(['comment'])(element('<article class="ArticleHeaderComment"></article>'))).toBe(true);
  });

  it('lists the class names and the id', () => {
    expect(namesOf(element('<div class=" a  b " id="c"></div>'))).toEqual(['a', 'b', 'c']);
    expect(namesOf(element('<div></div>'))).toEqual([]);
  });
});
