import type { Article } from '../core/article.ts';
import { mergeTags } from '../core/tag-text.ts';
import { articleProblem, bodyBytesProblem, foldBodyBytes, RecordError } from './article-check.ts';
import { combineDuplicates } from './import-merge.ts';
import { libraryKey, storedArticle } from './library-key.ts';
import { summaryOf, withExportState, type ArticleRecord, type LibraryEntry, type Summary } from './library-record.ts';
import { readMarks, writeMarks } from './export-marks.ts';
import { progressCounter, putRecord, putRecords, txArticles, txSummaries, writeTransaction, type WriteOptions, type WriteTx } from './library-tx.ts';
import { applyTagChange, mergeImportedTags, type TagChange } from './tag-change.ts';
import { removeImages, type ImageToKeep } from './library-images.ts';
import type { StoredImage } from './library-record.ts';

// Every write to the library: each checks a record with `articleProblem` and folds it with
// `storedArticle` before `putRecord` puts it, in one transaction (library-tx.ts).

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
    const [previous, marks] = await Promise.all([txArticles(tx).get(key), readMarks(tx.objectStore('exports'), [key])]);
    const stamp = now.toISOString();
    const entry = storedArticle(article, { savedAt: previous?.savedAt ?? stamp, editedAt: stamp });
    // The images kept before stay with the article (an edit of its text does not drop them); a
    // save that asks for images marks them pending until they are stored beside it.
    if (previous?.savedImages) entry.savedImages = previous.savedImages;
    if (options.imagesPending) entry.imagesPending = true;
    await putRecord(tx, entry);
    return { ...entry, exportedAt: marks.get(key)?.exportedAt ?? null };
  });
}

/** An article read from a file; a library zip's manifest may add what the file format cannot hold. */
export interface ImportedArticle extends Article {
  savedAt?: string;
  editedAt?: string;
  /** The images its bundle held in the zip: kept with it when the import adds it. */
  keptImages?: ImageToKeep[];
  /**
   * Its body as the file's UTF-8 bytes, in place of `body` (then `''`): stored so when the import
   * adds the article (library-record.ts says why), after `bodyBytesProblem`'s check.
   */
  bodyBytes?: Uint8Array;
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
    const problem = articleProblem(article) ?? (article.bodyBytes === undefined ? null : bodyBytesProblem(article.body, article.bodyBytes));
    if (problem) refused.push({ index, reason: problem });
    else accepted.push({ ...article, link: libraryKey(article.link), tags: mergeTags(article.tags) });
  });
  const { articles: unique, duplicates } = combineDuplicates(accepted);
  const stamp = (options.now ?? new Date()).toISOString();
  const tick = progressCounter(unique.length, options.onProgress);
  return writeTransaction(async (tx: WriteTx) => {
    const articles = txArticles(tx);
    const summaries = txSummaries(tx);
    // Every bucket read at once instead of a get per article: most of a large import is new links.
    const saved = await summaries.links();
    const added: ArticleRecord[] = [];
    const imagePuts: Promise<unknown>[] = [];
    const known: ImportedArticle[] = [];
    // The new links (most of a large import) in a plain loop: no promise per article.
    for (const article of unique) {
      if (saved.has(article.link)) {
        known.push(article);
        continue;
      }
      const savedAt = isTime(article.savedAt) ? article.savedAt : stamp;
      const editedAt = isTime(article.editedAt) ? article.editedAt : savedAt;
      const entry: ArticleRecord = storedArticle(article, { savedAt, editedAt });
      if (article.bodyBytes) entry.body = foldBodyBytes(article.bodyBytes);
      const kept = article.keptImages ?? [];
      if (kept.length > 0) {
        // In the same transaction as the article: a cancelled import leaves no stray picture.
        entry.savedImages = kept.map(({ name, src, url, type, size }) => ({ name, src, url, type, size }));
        const images = tx.objectStore('images');
        for (const k of new Map(kept.map((k) => [k.name, k])).values()) imagePuts.push(images.put({ link: entry.link, name: k.name, blob: k.blob }));
      }
      added.push(entry);
    }
    let merged = 0;
    let unchanged = 0;
    await Promise.all([...imagePuts, ...known.map(async (article) => {
      try {
        const summary = await summaries.get(article.link);
        const next = summary ? mergeImportedTags(summary.tags, article.tags) : null;
        if (!next?.changed) {
          unchanged++;
          return;
        }
        const existing = await articles.get(article.link);
        if (!existing) throw new Error(`the library's record of ${article.link} is incomplete`);
        await putRecord(tx, { ...existing, tags: next.tags, editedAt: stamp });
        merged++;
      } finally {
        tick();
      }
    })]);
    // The new links, most of a large import. They come in never exported: no mark outlives its article (deleteArticles removes it).
    await putRecords(tx, added, tick);
    return { added: added.length, merged, unchanged, duplicates, refused };
  }, options.signal);
}

/** An article taken out of the library, with everything needed to put it back exactly. */
export interface RemovedArticle {
  /** As the store held it (its body may be bytes): an undo puts back exactly that. */
  article: ArticleRecord;
  summary: Summary;
  images: StoredImage[];
}

/** Deletes the articles in one transaction; resolves with what was removed, for an undo. */
export function deleteArticles(links: readonly string[], options: WriteOptions = {}): Promise<RemovedArticle[]> {
  const tick = progressCounter(links.length, options.onProgress);
  return writeTransaction(async (tx) => {
    const articles = txArticles(tx);
    const summaries = txSummaries(tx);
    const marks = await readMarks(tx.objectStore('exports'), links);
    const found = await Promise.all(links.map(async (link) => {
      const [article, summary] = await Promise.all([articles.get(link), summaries.get(link)]);
      const images = article ? await removeImages(tx, link) : [];
      if (article) await Promise.all([articles.delete(link), summaries.delete(link)]);
      tick();
      return article ? { article, summary: withExportState(summary ?? summaryOf(article), marks), images } : null;
    }));
    const removed = found.filter((r): r is RemovedArticle => r !== null);
    // Its marks go with the article: saved again later, it starts as never exported.
    const unmarked = removed.filter(({ article }) => marks.delete(article.link)).map(({ article }) => article.link);
    if (unmarked.length > 0) await writeMarks(tx.objectStore('exports'), marks, unmarked);
    return removed;
  }, options.signal);
}

/**
 * Puts deleted articles back exactly as they were (times and export state included). A link saved
 * again since the delete keeps its newer entry. Resolves with how many were restored.
 */
export function restoreArticles(removed: readonly RemovedArticle[]): Promise<number> {
  return writeTransaction(async (tx) => {
    const articles = txArticles(tx);
    const present = await Promise.all(removed.map(({ article }) => articles.get(article.link)));
    const missing = removed.filter((_, i) => present[i] === undefined);
    await Promise.all(missing.map(({ article }) => putRecord(tx, article)));
    await Promise.all(missing.flatMap(({ images }) => (images ?? []).map((image) => tx.objectStore('images').put(image))));
    const exported = missing.filter(({ summary }) => summary.exportedAt !== null);
    if (exported.length > 0) {
      const links = exported.map(({ summary }) => summary.link);
      const marks = await readMarks(tx.objectStore('exports'), links);
      for (const { summary } of exported) marks.set(summary.link, { exportedAt: summary.exportedAt, exportedVersion: summary.exportedVersion });
      await writeMarks(tx.objectStore('exports'), marks, links);
    }
    return missing.length;
  });
}

/** Adds and removes tags on many articles in one transaction; resolves with how many changed. */
export function retagArticles(links: readonly string[], change: TagChange, options: WriteOptions & { now?: Date } = {}): Promise<number> {
  const stamp = (options.now ?? new Date()).toISOString();
  const tick = progressCounter(links.length, options.onProgress);
  return writeTransaction(async (tx) => {
    const articles = txArticles(tx);
    const summaries = txSummaries(tx);
    const changed = await Promise.all(links.map(async (link) => {
      try {
        const summary = await summaries.get(link);
        if (!summary) return false;
        const next = applyTagChange(summary.tags, change);
        if (!next.changed) return false;
        const article = await articles.get(link);
        if (!article) return false;
        await putRecord(tx, { ...article, tags: next.tags, editedAt: stamp });
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
 * Records that these versions of articles were exported (downloaded) at `at`; only the marks
 * change, in their buckets. An article whose `editedAt` moved on meanwhile (saved or edited while
 * the export ran) keeps its old state: what is on disk is not its current version. Resolves with
 * how many were marked.
 */
export async function markExported(versions: readonly ExportedVersion[], at: Date = new Date()): Promise<number> {
  const stamp = at.toISOString();
  const wanted = new Map(versions.map((v) => [v.link, v.editedAt]));
  return writeTransaction(async (tx) => {
    const summaries = txSummaries(tx);
    // Many links (an export of the library): every bucket in one read.
    if (versions.length > 64) await summaries.links();
    const [candidates, marks] = await Promise.all([
      summaries.getMany(versions.map((v) => v.link)),
      readMarks(tx.objectStore('exports'), versions.length > 64 ? undefined : [...wanted.keys()]),
    ]);
    const marked: string[] = [];
    for (const summary of candidates) {
      if (summary === undefined || wanted.get(summary.link) !== summary.editedAt) continue;
      marks.set(summary.link, { exportedAt: stamp, exportedVersion: summary.editedAt });
      marked.push(summary.link);
    }
    if (marked.length > 0) await writeMarks(tx.objectStore('exports'), marks, marked);
    return marked.length;
  });
}
