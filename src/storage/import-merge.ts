import type { Article } from '../core/article.ts';
import { mergeImportedTags } from './tag-change.ts';

export { mergeImportedTags } from './tag-change.ts';

/**
 * Several imported files for one link (a folder exported twice, a zip plus its own files) become
 * one article by the library's merge rule: the first file wins, later ones add their tags.
 */
export function combineDuplicates<T extends Article>(articles: readonly T[]): { articles: T[]; duplicates: number } {
  const byLink = new Map<string, T>();
  let duplicates = 0;
  for (const article of articles) {
    const first = byLink.get(article.link);
    if (first) {
      duplicates++;
      byLink.set(article.link, { ...first, tags: mergeImportedTags(first.tags, article.tags).tags });
    } else {
      byLink.set(article.link, article);
    }
  }
  return { articles: [...byLink.values()], duplicates };
}
