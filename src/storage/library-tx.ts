import type { IDBPTransaction } from 'idb';
import { notifyLibraryChanged } from './library-events.ts';
import { openLibrary, type LibraryDb, type LibrarySchema, type StoreName } from './library-schema.ts';

export type WriteTx = IDBPTransaction<LibrarySchema, StoreName[], 'readwrite'>;

export const BOTH: StoreName[] = ['articles', 'summaries'];

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

/**
 * Runs `work` in one readwrite transaction over both stores and resolves once it has committed.
 * Any failure (a request that throws, a full disk reported at commit) aborts the whole
 * transaction, so no article is ever half written and no earlier save is lost. An explicit abort
 * matters: without it, the requests made before a synchronous throw would still commit.
 */
export async function writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const result = await withLibrary(async (db) => {
    const tx = db.transaction(BOTH, 'readwrite');
    try {
      const value = await work(tx);
      await tx.done;
      return value;
    } catch (err) {
      try {
        tx.abort();
      } catch {
        // The transaction is already over (it failed on its own).
      }
      await tx.done.catch(() => {});
      throw err;
    }
  });
  notifyLibraryChanged();
  return result;
}

