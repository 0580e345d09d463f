import type { Article } from '../core/article.ts';
import { combineDuplicates } from './import-merge.ts';
import { libraryKey, storedArticle } from './library-key.ts';
import { summaryOf, type LibraryEntry, type StoredArticle } from './library-record.ts';
import { writeTransaction } from './library-tx.ts';
import { mergeImportedTags } from './tag-change.ts';

// Saving and importing: the writes that take a whole Article, folded as its file reads back.

/**
 * Stores the article under its link, replacing an earlier save of the same link (never a twin):
 * `savedAt` keeps the first save's time, `editedAt` is `now`, `exportedAt` is kept. Resolves once
 * the transaction is committed.
 */
export function saveArticle(article: Article, now: Date = new Date()): Promise<LibraryEntry> {
  return writeTransaction(async (tx) => {
    const key = libraryKey(article.link);
    const [previous, summary] = await Promise.all([tx.objectStore('articles').get(key), tx.objectStore('summaries').get(key)]);
    const stamp = now.toISOString();
    const entry = storedArticle(article, { savedAt: previous?.savedAt ?? stamp, editedAt: stamp });
    const exportedAt = summary?.exportedAt ?? null;
    await Promise.all([tx.objectStore('articles').put(entry), tx.objectStore('summaries').put(summaryOf(entry, exportedAt))]);
    return { ...entry, exportedAt };
  });
}

export interface ImportOutcome {
  /** Links that were not in the library. */
  added: number;
  /** Links already saved that gained tags from the files. */
  merged: number;
  /** Links already saved whose entry the files did not change. */
  unchanged: number;
  /** Files that repeated a link given by another file of the same import. */
  duplicates: number;
}

/**
 * Writes imported articles in one transaction: all of them or, if anything fails, none. A new link
 * is added (saved and edited now, never exported); a link already saved follows the merge rule of
 * `mergeImportedTags`: the entry is kept and gains the files' tags it lacks.
 */
export function importArticles(incoming: readonly Article[], now: Date = new Date()): Promise<ImportOutcome> {
  const { articles: unique, duplicates } = combineDuplicates(incoming.map((a) => ({ ...a, link: libraryKey(a.link) })));
  return writeTransaction(async (tx) => {
    const articles = tx.objectStore('articles');
    const summaries = tx.objectStore('summaries');
    const stamp = now.toISOString();
    const outcomes = await Promise.all(unique.map(async (article): Promise<'added' | 'merged' | 'unchanged'> => {
      const summary = await summaries.get(article.link);
      if (!summary) {
        const entry = storedArticle(article, { savedAt: stamp, editedAt: stamp });
        await Promise.all([articles.put(entry), summaries.put(summaryOf(entry, null))]);
        return 'added';
      }
      const merged = mergeImportedTags(summary.tags, storedArticle(article, { savedAt: stamp, editedAt: stamp }).tags);
      if (!merged.changed) return 'unchanged';
      const existing = await articles.get(article.link);
      if (!existing) throw new Error(`the library's record of ${article.link} is incomplete`);
      const entry: StoredArticle = { ...existing, tags: merged.tags, editedAt: stamp };
      await Promise.all([articles.put(entry), summaries.put(summaryOf(entry, summary.exportedAt))]);
      return 'merged';
    }));
    return {
      added: outcomes.filter((o) => o === 'added').length,
      merged: outcomes.filter((o) => o === 'merged').length,
      unchanged: outcomes.filter((o) => o === 'unchanged').length,
      duplicates,
    };
  });
}

