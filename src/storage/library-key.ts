import type { Article } from '../core/article.ts';
import { normalize } from '../core/fold.ts';
import { mergeTags } from '../core/tag-text.ts';
import { siteHost } from '../core/urls.ts';
import type { StoredArticle } from './library-record.ts';

// Apart from the rest of the store because it needs the core's file folding, whose module brings
// the YAML parser: the library page loads this only when it saves or imports.

/**
 * The library holds an article exactly as its file would read back (FORMAT.md's folding applied
 * once, here), so that exporting and importing it again gives the same entry. Tags have one
 * identity everywhere (the tag editor's: trimmed, lower case, no duplicates), whichever path they
 * came by. Only the Article fields are copied: nothing a caller attached by accident is stored.
 */
export function storedArticle(article: Article, times: { savedAt: string; editedAt: string }): StoredArticle {
  const file = normalize({ ...article, tags: mergeTags(article.tags) });
  return {
    ...file,
    dateSource: article.dateSource,
    siteName: article.siteName,
    keywords: [...article.keywords],
    filename: article.filename,
    site: siteHost(file.link),
    savedAt: times.savedAt,
    editedAt: times.editedAt,
  };
}

/** The key an article is stored under: its link folded as the file format folds it. */
export function libraryKey(link: string): string {
  return normalize({
    title: '', date: '2000-01-01', description: '', summary: '', slug: '', image: '', link, source: '',
    categories: [], tags: [], draft: false, body: '',
  }).link;
}

