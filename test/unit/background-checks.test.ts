import { describe, expect, it } from 'vitest';
import { injectionFailure } from '../../src/background/injection-failure.ts';
import { articleProblem, isArticle } from '../../src/storage/article-check.ts';
import { menuMode, MENU_ITEMS } from '../../src/background/menu-action.ts';
import type { Article } from '../../src/core/article.ts';

const article: Article = {
  title: 'T', date: '2026-01-06', dateSource: 'meta', description: 'd', summary: 'd', slug: 't', image: '', link: 'https://x.example/t',
  source: 'https://x.example/', categories: ['x.example'], tags: ['a'], draft: false, body: 'b', siteName: 'X', keywords: [], filename: 't.md',
};

describe('injectionFailure', () => {
  it.each([
    ['Cannot access a chrome:// URL', 'restricted'],
    ['Cannot access contents of url "about:blank". Extension manifest must request permission to access this host.', 'restricted'],
    ['The extensions gallery cannot be scripted.', 'restricted'],
    ['Missing host permission for the tab', 'no-access'],
    ['Cannot access contents of url "http://news.example/a". Extension manifest must request permission to access this host.', 'no-access'],
    ['Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.', 'restricted'],
    ['Frame with ID 0 is showing error page', 'error'],
    ['No tab with id: 12.', 'error'],
    ['Something odd', 'error'],
  ] as const)('%s → %s', (text, reason) => {
    const failure = injectionFailure(new Error(text));
    expect(failure.reason).toBe(reason);
    expect(failure.message.length).toBeGreaterThan(20);
  });
});

describe('articleProblem', () => {
  it('accepts a whole article', () => {
    expect(isArticle(article)).toBe(true);
  });

  it('names what is wrong', () => {
    expect(articleProblem(null)).toMatch(/not an object/);
    expect(articleProblem({ ...article, tags: 'a' })).toMatch(/tags/);
    expect(articleProblem({ ...article, draft: 'no' })).toMatch(/draft/);
    expect(articleProblem({ ...article, date: '6 Jan' })).toMatch(/date/);
    expect(articleProblem({ ...article, link: '' })).toMatch(/link/);
    expect(articleProblem({ ...article, dateSource: 'guess' })).toMatch(/dateSource/);
    const { filename: _f, ...noName } = article;
    expect(articleProblem(noName)).toMatch(/filename/);
  });
});

describe('menuMode', () => {
  it('maps each menu entry to what it clips', () => {
    expect(MENU_ITEMS.map((item) => menuMode(item.id))).toEqual(['article', 'selection']);
    expect(menuMode('other')).toBeNull();
  });
});
