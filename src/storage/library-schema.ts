import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { siteHost } from '../core/urls.ts';
import { summaryOf, type StoredArticle, type Summary } from './library-record.ts';

export interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: { savedAt: string; tags: string; site: string };
  };
  summaries: {
    key: string;
    value: Summary;
    indexes: { savedAt: string };
  };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
export type StoreName = StoreNames<LibrarySchema>;

export const DB_NAME = 'frontclip';
/**
 * 1: `articles` keyed by link, index `savedAt`.
 * 2: `articles` gains `site` and the `tags` (multiEntry) and `site` indexes; `summaries` holds the
 *    list's fields and `exportedAt`, so the library page never reads bodies to show its list.
 */
export const DB_VERSION = 2;

type UpgradeTx = IDBPTransaction<LibrarySchema, StoreName[], 'versionchange'>;

/**
 * Fills what version 2 adds for articles saved under version 1. It runs inside the upgrade
 * transaction: if any record fails, the whole upgrade is rolled back and the version-1 data stays
 * exactly as it was, to be upgraded on the next open.
 */
async function fillVersion2(tx: UpgradeTx): Promise<void> {
  const articles = tx.objectStore('articles');
  const summaries = tx.objectStore('summaries');
  let cursor = await articles.openCursor();
  while (cursor) {
    const old = cursor.value as Omit<StoredArticle, 'site'> & { site?: string };
    const entry: StoredArticle = { ...old, site: old.site ?? siteHost(old.link) };
    await cursor.update(entry);
    await summaries.put(summaryOf(entry, null));
    cursor = await cursor.continue();
  }
}

/** Opens (creating or upgrading on first use) the library database. */
export function openLibrary(): Promise<LibraryDb> {
  return openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const store = db.createObjectStore('articles', { keyPath: 'link' });
        store.createIndex('savedAt', 'savedAt');
      }
      if (oldVersion < 2) {
        const articles = tx.objectStore('articles');
        // One index entry per tag: knownTags counts them without reading a single article.
        articles.createIndex('tags', 'tags', { multiEntry: true });
        articles.createIndex('site', 'site');
        db.createObjectStore('summaries', { keyPath: 'link' }).createIndex('savedAt', 'savedAt');
        // The upgrade transaction waits for these requests; a failure aborts it (and the open).
        fillVersion2(tx).catch(() => {
          try {
            tx.abort();
          } catch {
            // Already aborted by the failed request itself.
          }
        });
      }
    },
    // A newer version of the extension wants to upgrade: let go, the next call opens afresh.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
