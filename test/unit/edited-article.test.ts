import { describe, expect, it } from 'vitest';
import { editedArticle, type ArticleEdits } from '../../popup/edited-article.ts';
import { sampleArticle } from './ui-helpers.ts';

const article = sampleArticle({ filename: 'clipped-by-the-content-script.md' });
const same: ArticleEdits = { title: article.title, description: article.description, date: article.date, tags: article.tags, draft: false };

describe('editedArticle', () => {
  it('returns the clip unchanged when nothing was edited, even if the template would give another name', () => {
    expect(editedArticle(article, same, '{date}-{slug}.md')).toEqual(article);
  });

  it('recomputes slug and file name from a new title with the template, and never touches the body', () => {
    const out = editedArticle(article, { ...same, title: '  Café: ça va?  ' }, '{date}-{slug}-{site}.md');
    expect(out.title).toBe('Café: ça va?');
    expect(out.slug).toBe('cafe-ca-va');
    expect(out.filename).toBe('2026-01-06-cafe-ca-va-foxnews.com.md');
    expect(out.body).toBe(article.body);
  });

  it('renames the file when the date changes and the template uses it, keeping the slug', () => {
    const out = editedArticle(article, { ...same, date: '2025-02-01' }, '{year}/{slug}.md');
    expect(out.slug).toBe(article.slug);
    expect(out.filename).toBe(`2025/${article.slug}.md`);
  });

  it('keeps summary equal to the edited description, and takes tags and draft from the form', () => {
    const out = editedArticle(article, { ...same, description: ' New text ', tags: ['a', 'b'], draft: true }, '{slug}.md');
    expect(out.description).toBe('New text');
    expect(out.summary).toBe('New text');
    expect(out.tags).toEqual(['a', 'b']);
    expect(out.draft).toBe(true);
  });

  it('falls back to "article" for a title with no letters or digits', () => {
    const out = editedArticle(article, { ...same, title: '!!!' }, '{slug}.md');
    expect(out.slug).toBe('article');
    expect(out.filename).toBe('article.md');
  });
});
