import type { Article } from '../src/core/article.ts';
import { buildFilename } from '../src/core/filename.ts';
import { slugify } from '../src/core/slug.ts';
import { siteHost } from '../src/core/urls.ts';

/** What the popup's form lets the reader change. */
export interface ArticleEdits {
  title: string;
  description: string;
  date: string;
  tags: readonly string[];
  draft: boolean;
  /** The body as the reader edited it (already sanitized when it is HTML); absent: as clipped. */
  body?: string;
}

/**
 * The clipped article with the reader's edits applied. The body changes only when the reader
 * edited it; the front matter fields stay as the form has them. The slug and
 * file name follow the title (and the file name the date, which templates may use), but stay
 * exactly as clipped when those are unchanged, so an unedited clip gives the content script's file.
 */
export function editedArticle(original: Article, edits: ArticleEdits, filenameTemplate: string): Article {
  const title = edits.title.trim();
  const description = edits.description.trim();
  const titleChanged = title !== original.title;
  const slug = titleChanged ? slugify(title) || 'article' : original.slug;
  const filename = titleChanged || edits.date !== original.date
    ? buildFilename(filenameTemplate, { slug, date: edits.date, title, site: siteHost(original.link) })
    : original.filename;
  return {
    ...original,
    title,
    description,
    // FORMAT.md: summary equals description unless the user edits it. The form has no summary
    // field, so it follows the description, except that an article whose summary was its own (an
    // imported file) keeps it while its description is left alone.
    summary: original.summary !== original.description && description === original.description ? original.summary : description,
    date: edits.date,
    tags: [...edits.tags],
    draft: edits.draft,
    body: edits.body ?? original.body,
    slug,
    filename,
  };
}
