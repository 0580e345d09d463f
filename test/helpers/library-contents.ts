import { articleOfRecord, readArticleBatches, type StoredArticle } from '../../src/storage/library.ts';

/** Every stored article, bodies included, in link order: what a test compares before and after a write. */
export async function allArticles(): Promise<StoredArticle[]> {
  const all: StoredArticle[] = [];
  for await (const batch of readArticleBatches(null)) all.push(...batch.map(articleOfRecord));
  return all.sort((a, b) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
}
