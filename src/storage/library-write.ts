import type { Article } from '../core/article.ts';
import { mergeTags } from '../core/tag-text.ts';
import { articleProblem, RecordError } from './article-check.ts';
import { combineDuplicates } from './import-merge.ts';
import { libraryKey, storedArticle } from './library-key.ts';
import { NEVER_EXPORTED, summaryOf, type ExportState, type LibraryEntry, type StoredArticle, type Summary } from './library-record.ts';
import { progressCounter, putRecord, writeTransaction, type WriteOptions, type WriteTx } from './library-tx.ts';
import { applyTagChange, mergeImportedTags, type TagChange } from './tag-change.ts';
import { removeImages, type ImageToKeep } from './library-images.ts';
import type { StoredImage } from './library-record.ts';

// Every write to the library: each checks a record with `articleProblem` and folds it with
// `storedArticle` before `putRecord` puts it, in one transaction (library-tx.ts).

const exportStateOf = (summary: Summary | undefined): ExportState =>
  summary ? { exportedAt: summary.exportedAt, exportedVersion: summary.exportedVersion } : NEVER_EXPORTED;

/**
 * Stores the article under its link, replacing an earlier save of the same link (never a twin):
 * `savedAt` keeps the first save's time, `editedAt` is `now`, the export state is kept (and so
 * no longer current, the version having changed). Throws RecordError for a record the library
 * refuses; resolves once the transaction is committed.
 */
export function saveArticle(article: Article, now: Date = new Date(), options: { imagesPending?: boolean } = {}): Promise<LibraryEntry> {
  const problem = articleProblem(article);
  if (problem) return Promise.reject(new RecordError(problem));
  return writeTransaction(async (tx) => {
    const key = libraryKey(article.link);
    const [previous, summary] = await Promise.all([tx.objectStore('articles').get(key), tx.objectStore('summaries').get(key)]);
    const stamp = now.toISOString();
    const entry = storedArticle(article, { savedAt: previous?.savedAt ?? stamp, editedAt: stamp });
    // The images kept before stay with the article (an edit of its text does not drop them); a
    // save that asks for images marks them pending until they are stored beside it.
    if (previous?.savedImages) entry.savedImages = previous.savedImages;
    if (options.imagesPending) entry.imagesPending = true;
    const exported = exportStateOf(summary);
    await putRecord(tx, entry, exported);
    return { ...entry, exportedAt: exported.exportedAt };
  });
}

/** An article read from a file; a library zip's manifest may add what the file format cannot hold. */
export interface ImportedArticle extends Article {
  savedAt?: string;
  editedAt?: string;
  /** The images its bundle held in the zip: kept with it when the import adds it. */
  keptImages?: ImageToKeep[];
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
  /** Articles the library refused, by their place in the list given, with the reason. */
  refused: { index: number; reason: string }[];
}

const isTime = (value: string | undefined): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Writes imported articles in one transaction: all of them or, if anything fails or the signal
 * aborts, none. A record the library refuses is left out and listed. A new link is added (saved
 * and edited now unless the article says when, never exported); a link already saved follows the
 * merge rule of `mergeImportedTags`: the entry is kept and gains the files' tags it lacks.
 */
export function importArticles(incoming: readonly ImportedArticle[], options: WriteOptions & { now?: Date } = {}): Promise<ImportOutcome> {
  const refused: ImportOutcome['refused'] = [];
  const accepted: ImportedArticle[] = [];
  incoming.forEach((article, index) => {
    const problem = articleProblem(article);
    if (problem) refused.push({ index, reason: problem });
    else accepted.push({ ...article, link: libraryKey(article.link), tags: mergeTags(article.tags) });
  });
  const { articles: unique, duplicates } = combineDuplicates(accepted);
  const stamp = (options.now ?? new Date()).toISOString();
  const tick = progressCounter(unique.length, options.onProgress);
  return writeTransaction(async (tx: WriteTx) => {
    const articles = tx.objectStore('articles');
    const summaries = tx.objectStore('summaries');
    // One read of the keys instead of a get per article: most of a large import is new links.
    const saved = new Set(await summaries.getAllKeys());
    const outcomes = await Promise.all(unique.map(async (article): Promise<'added' | 'merged' | 'unchanged'> => {
      const summary = saved.has(article.link) ? await summaries.get(article.link) : undefined;
      try {
        if (!summary) {
          const savedAt = isTime(article.savedAt) ? article.savedAt : stamp;
          const editedAt = isTime(article.editedAt) ? article.editedAt : savedAt;
          const entry = storedArticle(article, { savedAt, editedAt });
          const kept = article.keptImages ?? [];
          if (kept.length > 0) {
            // In the same transaction as the article: a cancelled import leaves no stray picture.
            entry.savedImages = kept.map(({ name, src, url, type, size }) => ({ name, src, url, type, size }));
            const images = tx.objectStore('images');
            await Promise.all([...new Map(kept.map((k) => [k.name, k])).values()].map((k) => images.put({ link: entry.link, name: k.name, blob: k.blob })));
          }
          await putRecord(tx, entry, NEVER_EXPORTED);
          return 'added';
        }
        const merged = mergeImportedTags(summary.tags, article.tags);
        if (!merged.changed) return 'unchanged';
        const existing = await articles.get(article.link);
        if (!existing) throw new Error(`the library's record of ${article.link} is incomplete`);
        await putRecord(tx, { ...existing, tags: merged.tags, editedAt: stamp }, exportStateOf(summary));
        return 'merged';
      } finally {
        tick();
      }
    }));
    return {
      added: outcomes.filter((o) => o === 'added').length,
      merged: outcomes.filter((o) => o === 'merged').length,
      unchanged: outcomes.filter((o) => o === 'unchanged').length,
      duplicates,
      refused,
    };
  }, options.signal);
}

/** An article taken out of the library, with everything needed to put it back exactly. */
export interface RemovedArticle {
  article: StoredArticle;
  summary: Summary;
  images: StoredImage[];
}

/** Deletes the articles in one transaction; resolves with what was removed, for an undo. */
export function deleteArticles(links: readonly string[], options: WriteOptions = {}): Promise<RemovedArticle[]> {
  const tick = progressCounter(links.length, options.onProgress);
  return writeTransaction(async (tx) => {
    const articles = tx.objectStore('articles');
    const summaries = tx.objectStore('summaries');
    const found = await Promise.all(links.map(async (link) => {
      const [article, summary] = await Promise.all([articles.get(link), summaries.get(link)]);
      const images = article ? await removeImages(tx, link) : [];
      if (article) await Promise.all([articles.delete(link), summaries.delete(link)]);
      tick();
      return article ? { article, summary: summary ?? summaryOf(article, NEVER_EXPORTED), images } : null;
    }));
    return found.filter((r): r is RemovedArticle => r !== null);
  }, options.signal);
}

/**
 * Puts deleted articles back exactly as they were (times and export state included). A link saved
 * again since the delete keeps its newer entry. Resolves with how many were restored.
 */
export function restoreArticles(removed: readonly RemovedArticle[]): Promise<number> {
  return writeTransaction(async (tx) => {
    const articles = tx.objectStore('articles');
    const present = await Promise.all(removed.map(({ article }) => articles.getKey(article.link)));
    const missing = removed.filter((_, i) => present[i] === undefined);
    await Promise.all(missing.map(({ article, summary }) => putRecord(tx, article, exportStateOf(summary))));
    await Promise.all(missing.flatMap(({ images }) => (images ?? []).map((image) => tx.objectStore('images').put(image))));
    return missing.length;
  });
}

/** Adds and removes tags on many articles in one transaction; resolves with how many changed. */
export function retagArticles(links: readonly string[], change: TagChange, options: WriteOptions & { now?: Date } = {}): Promise<number> {
  const stamp = (options.now ?? new Date()).toISOString();
  const tick = progressCounter(links.length, options.onProgress);
  return writeTransaction(async (tx) => {
    const articles = tx.objectStore('articles');
    const summaries = tx.objectStore('summaries');
    const changed = await Promise.all(links.map(async (link) => {
      try {
        const summary = await summaries.get(link);
        if (!summary) return false;
        const next = applyTagChange(summary.tags, change);
        if (!next.changed) return false;
        const article = await articles.get(link);
        if (!article) return false;
        await putRecord(tx, { ...article, tags: next.tags, editedAt: stamp }, exportStateOf(summary));
        return true;
      } finally {
        tick();
      }
    }));
    return changed.filter(Boolean).length;
  }, options.signal);
}

/** One exported file's article: its key and the version (`editedAt`) that was written. */
export interface ExportedVersion {
  link: string;
  editedAt: string;
}

/**
 * Records that these versions of articles were exported (downloaded) at `at`; only the small
 * summaries change. An article whose `editedAt` moved on meanwhile (saved or edited while the
 * export ran) keeps its old state: what is on disk is not its current version. Resolves with how
 * many were marked.
 */
export async function markExported(versions: readonly ExportedVersion[], at: Date = new Date()): Promise<number> {
  const stamp = at.toISOString();
  const wanted = new Map(versions.map((v) => [v.link, v.editedAt]));
  return writeTransaction(async (tx) => {
    const store = tx.objectStore('summaries');
    // Many links (an export of the library): one getAll beats a get per link, and the puts are
    // queued without waiting for each other.
    const candidates = versions.length > 64
      ? (await store.getAll()).filter((s) => wanted.has(s.link))
      : (await Promise.all(versions.map((v) => store.get(v.link)))).filter((s): s is Summary => s !== undefined);
    const current = candidates.filter((s) => wanted.get(s.link) === s.editedAt);
    await Promise.all(current.map((s) => store.put({ ...s, exportedAt: stamp, exportedVersion: s.editedAt })));
    return current.length;
  });
}
