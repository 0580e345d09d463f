// The library's one way in. The worker and the extension pages reach the store through this
// module only (ESLint refuses an import of the other library-* modules or of idb from outside
// src/storage), so every write is checked by `articleProblem`, folded by `storedArticle` and
// made in one transaction over every store of the record, whoever makes it.

export { articleProblem, isArticle, RecordError } from './article-check.ts';
export { libraryKey } from './library-key.ts';
export { onLibraryChanged } from './library-events.ts';
export { exportedSinceChange, articleOf, articleOfRecord, type ArticleRecord, type ExportState, type LibraryEntry, type StoredArticle, type Summary } from './library-record.ts';
export { getArticle, knownTags, listNewestSummaries, listSummaries, lookupArticle, readArticleBatches } from './library-read.ts';
export type { WriteOptions } from './library-tx.ts';
export {
  deleteArticles, importArticles, markExported, restoreArticles, retagArticles, saveArticle,
  type ExportedVersion, type ImportedArticle, type ImportOutcome, type RemovedArticle,
} from './library-write.ts';
export { readArticleImages, saveArticleImages, type ImageToKeep } from './library-images.ts';
export type { SavedImageRef } from './library-record.ts';
export { openLibrary } from './library-schema.ts';
export { storageMessage } from './storage-message.ts';
export type { TagChange } from './tag-change.ts';
