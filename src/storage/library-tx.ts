import type { IDBPTransaction } from 'idb';
import { BucketedArticles } from './article-buckets.ts';
import { BucketedSummaries } from './summary-buckets.ts';
import { notifyLibraryChanged } from './library-events.ts';
import type { ArticleRecord } from './library-record.ts';
import { summaryOf } from './library-record.ts';
import { openLibrary, type LibraryDb, type LibrarySchema, type StoreName } from './library-schema.ts';

/**
 * Every store an article's record spans. A write transaction always covers all of them, so a
 * store that joins the record later (an article's saved images) is written in the same
 * transaction as the article, without touching the writers.
 */
export const RECORD_STORES: StoreName[] = ['articleBuckets', 'summaryBuckets', 'summaryViews', 'images', 'exports'];

export type WriteTx = IDBPTransaction<LibrarySchema, StoreName[], 'readwrite'>;

interface TxBuckets {
  articles: BucketedArticles;
  summaries: BucketedSummaries;
}

const bucketsOfTx = new WeakMap<WriteTx, TxBuckets>();

function txBuckets(tx: WriteTx): TxBuckets {
  let buckets = bucketsOfTx.get(tx);
  if (!buckets) {
    buckets = { articles: new BucketedArticles(tx.objectStore('articleBuckets')), summaries: new BucketedSummaries(tx.objectStore('summaryBuckets'), tx.objectStore('summaryViews')) };
    bucketsOfTx.set(tx, buckets);
  }
  return buckets;
}

/** The articles of a write transaction (article-buckets.ts): its changes are written before it commits. */
export function txArticles(tx: WriteTx): BucketedArticles {
  return txBuckets(tx).articles;
}

/** The summaries of a write transaction (summary-buckets.ts): written before it commits, like the articles. */
export function txSummaries(tx: WriteTx): BucketedSummaries {
  return txBuckets(tx).summaries;
}

/** What a long write may be given: a way to stop it, and a report of its progress. */
export interface WriteOptions {
  /** Aborting it rolls the whole transaction back: nothing is written. */
  signal?: AbortSignal;
  /** Called as records are written: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export async function withLibrary<T>(use: (db: LibraryDb) => Promise<T>): Promise<T> {
  // Opened per call and closed at once: the worker may be stopped between any two messages, and
  // a page holding a connection open would block the next version's upgrade.
  const db = await openLibrary();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

function abortQuietly(tx: WriteTx): void {
  try {
    tx.abort();
  } catch {
    // The transaction is already over (it failed on its own).
  }
}

const cancelled = () => new DOMException('The change was cancelled: nothing was written.', 'AbortError');

/**
 * Runs `work` in one readwrite transaction over the record's stores and resolves once it has
 * committed. Any failure (a request that throws, a full disk reported at commit, the caller's
 * signal) aborts the whole transaction, so no article is ever half written and no earlier save
 * is lost. An explicit abort matters: without it, the requests made before a synchronous throw
 * would still commit.
 */
export async function writeTransaction<T>(work: (tx: WriteTx) => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw cancelled();
  const result = await withLibrary(async (db) => {
    const tx = db.transaction(RECORD_STORES, 'readwrite');
    const onAbort = () => abortQuietly(tx);
    signal?.addEventListener('abort', onAbort);
    // Watched from the start: an abort while the buckets are written settles it before the
    // failed write reaches the catch below, and that is not an unhandled failure.
    const done = tx.done;
    done.catch(() => {});
    try {
      const value = await work(tx);
      const buckets = bucketsOfTx.get(tx);
      if (buckets) await Promise.all([buckets.articles.flush(), buckets.summaries.flush()]);
      await done;
      return value;
    } catch (err) {
      abortQuietly(tx);
      await done.catch(() => {});
      throw signal?.aborted ? cancelled() : err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  });
  notifyLibraryChanged();
  return result;
}

/**
 * The one place an article's record is put: the article and its summary together, in the
 * caller's transaction. Every writer (save, import, bulk tags) goes through here. (The export
 * state is not part of it: it stays in the marks, and an edit makes it stale by changing
 * `editedAt`.)
 */
export function putRecord(tx: WriteTx, entry: ArticleRecord): Promise<unknown> {
  return Promise.all([txArticles(tx).put(entry), txSummaries(tx).put(summaryOf(entry))]);
}

/** `putRecord` for many records at once (an import of a library); `onPut` is called for each once all are stored. */
export async function putRecords(tx: WriteTx, entries: readonly ArticleRecord[], onPut: () => void): Promise<void> {
  await Promise.all([txArticles(tx).putAll(entries), txSummaries(tx).putAll(entries.map(summaryOf))]);
  for (let i = 0; i < entries.length; i++) onPut();
}

/** Counts finished records and reports them at most every `every` records, and at the end. */
export function progressCounter(total: number, report?: (done: number, total: number) => void, every = 100): () => void {
  let done = 0;
  return () => {
    done++;
    if (report && (done % every === 0 || done === total)) report(done, total);
  };
}
