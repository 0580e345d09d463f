import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { mergeTags } from '../core/tag-text.ts';
import { siteHost } from '../core/urls.ts';
import { writeMarks } from './export-marks.ts';
import { linksByBucket, type ArticleBucket } from './article-buckets.ts';
import { BucketedSummaries, type SummaryBucket } from './summary-buckets.ts';
import type { SummaryViews } from './summary-views.ts';
import { summaryOf, type ExportMarks, type ExportState, type StoredArticle, type StoredImage, type StoredSummary, type Summary } from './library-record.ts';

export interface LibrarySchema extends DBSchema {
  articleBuckets: {
    /** A bucket of articles (article-buckets.ts). */
    key: number;
    value: ArticleBucket;
  };
  summaryBuckets: {
    /** A bucket of summaries (summary-buckets.ts). */
    key: number;
    value: SummaryBucket;
  };
  summaryViews: {
    /** One record: the newest summaries and the tag counts (summary-views.ts). */
    key: string;
    value: SummaryViews;
  };
  exports: {
    /** A bucket of marks (export-marks.ts). */
    key: number;
    value: ExportMarks;
  };
  images: {
    key: [string, string];
    value: StoredImage;
    indexes: { link: string };
  };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
export type StoreName = StoreNames<LibrarySchema>;

export const DB_NAME = 'frontclip';
/**
 * 1: `articles` keyed by link, index `savedAt`.
 * 2: `articles` gains `site` and the `tags` (multiEntry) and `site` indexes; `summaries` holds the
 *    list's fields and `exportedAt`, so the library page never reads bodies to show its list.
 * 3: summaries gain `exportedVersion` (which version was exported); every tag takes the one
 *    identity the tag editor gives it (lower case), so `NATO` and `nato` are one tag.
 * 4: `images` holds the bytes of the images saved with an article, keyed by [link, file name],
 *    apart from the article so that listing and searching never read them.
 * 5: the export state leaves the summaries for records of marks in `exports`, 256 buckets by
 *    a hash of the link (export-marks.ts); `articles` loses its indexes: `savedAt` and `site` were never read, and
 *    `tags` moves to the small summaries. Each index is keys to extract and entries to write on
 *    every put (an import puts 10,000 articles).
 * 6: `articles` (one record per article) gives way to `articleBuckets`, 256 records of articles
 *    by a hash of the link (article-buckets.ts): reading or writing a whole library is then a
 *    few hundred large records, which the browser reads and writes several times faster.
 * 7: `summaries` (one record per article, indexed by `savedAt` and `tags`) gives way to
 *    `summaryBuckets`, 64 records of summaries by a hash of the link (summary-buckets.ts): an
 *    import of 10,000 articles spent most of its write on those records and their index entries.
 *    What the indexes gave without reading every summary (the newest ones, the tags and their
 *    counts) is one record of `summaryViews`, kept in step by every write.
 */
export const DB_VERSION = 7;

type UpgradeTx = IDBPTransaction<LibrarySchema, StoreName[], 'versionchange'>;

/**
 * The stores earlier versions kept: articles (versions 1 to 5) and summaries (2 to 6), one record
 * per article, keyed by link.
 */
interface LegacySchema extends DBSchema {
  articles: { key: string; value: StoredArticle };
  summaries: { key: string; value: StoredSummary; indexes: { savedAt: string; tags: string } };
}

type LegacyTx = IDBPTransaction<LegacySchema, ('articles' | 'summaries')[], 'versionchange'>;

function legacyArticles(tx: UpgradeTx) {
  return (tx as unknown as LegacyTx).objectStore('articles');
}

function legacySummaries(tx: UpgradeTx) {
  return (tx as unknown as LegacyTx).objectStore('summaries');
}

/**
 * Fills what version 2 adds for articles saved under version 1. It runs inside the upgrade
 * transaction: if any record fails, the whole upgrade is rolled back and the version-1 data stays
 * exactly as it was, to be upgraded on the next open.
 */
async function fillVersion2(tx: UpgradeTx): Promise<void> {
  const articles = legacyArticles(tx);
  const summaries = legacySummaries(tx);
  let cursor = await articles.openCursor();
  while (cursor) {
    const old = cursor.value as Omit<StoredArticle, 'site'> & { site?: string };
    const entry: StoredArticle = { ...old, site: old.site ?? siteHost(old.link) };
    await cursor.update(entry);
    await summaries.put(summaryOf(entry));
    cursor = await cursor.continue();
  }
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Version 3: an exported article was exported as it is now if nothing changed after the export;
 * tags folded to one identity. Like version 2, all or nothing inside the upgrade transaction.
 */
async function fillVersion3(tx: UpgradeTx): Promise<void> {
  const articles = legacyArticles(tx);
  let cursor = await legacySummaries(tx).openCursor();
  while (cursor) {
    const old = cursor.value as Omit<Summary, 'exportedVersion'> & { exportedVersion?: string | null };
    // (Summaries of version 3 and 4 still carry the export state; version 5 takes it out.)
    const current = old.exportedAt !== null && old.exportedAt >= old.editedAt;
    const tags = mergeTags(old.tags);
    await cursor.update({ ...old, tags, exportedVersion: old.exportedVersion ?? (current ? old.editedAt : null) } as StoredSummary);
    if (!sameTags(tags, old.tags)) {
      const article = await articles.get(old.link);
      if (article) await articles.put({ ...article, tags });
    }
    cursor = await cursor.continue();
  }
}

/** Version 5: the export state the summaries carried, gathered into the buckets of marks. */
async function fillVersion5(tx: UpgradeTx): Promise<void> {
  const marks: ExportMarks = new Map();
  for (const old of await legacySummaries(tx).getAll() as (StoredSummary & Partial<ExportState>)[]) {
    if (typeof old.exportedAt === 'string') marks.set(old.link, { exportedAt: old.exportedAt, exportedVersion: old.exportedVersion ?? null });
  }
  await writeMarks(tx.objectStore('exports'), marks, marks.keys());
}

/**
 * Version 6: every article moves from its own record into its bucket, a bucket at a time (each
 * article read once, each bucket written once, one bucket's articles in memory), and the old
 * store goes. Inside the upgrade transaction like every step: all of it or nothing.
 */
async function fillVersion6(tx: UpgradeTx, dropOld: () => void): Promise<void> {
  const old = legacyArticles(tx);
  const buckets = tx.objectStore('articleBuckets');
  const groups = [...linksByBucket(await old.getAllKeys())];
  // A few buckets at once: the reads overlap, memory stays a few buckets' worth.
  for (let start = 0; start < groups.length; start += 8) {
    await Promise.all(groups.slice(start, start + 8).map(async ([bucket, links]) => {
      const records = await Promise.all(links.sort().map((link) => old.get(link)));
      await buckets.put(records.filter((entry): entry is StoredArticle => entry !== undefined), bucket);
    }));
  }
  dropOld();
}

/** Version 7: every summary moves into its bucket (all of them fit in memory: no bodies), and the old store goes. */
async function fillVersion7(tx: UpgradeTx, dropOld: () => void): Promise<void> {
  const buckets = new BucketedSummaries(tx.objectStore('summaryBuckets'), tx.objectStore('summaryViews'));
  await buckets.putAll(await legacySummaries(tx).getAll());
  await buckets.flush();
  dropOld();
}

/** Runs an upgrade step; a failure aborts the upgrade transaction (and the open), changing nothing. */
function inUpgrade(tx: UpgradeTx, step: (tx: UpgradeTx) => Promise<void>): Promise<void> {
  return step(tx).catch(() => {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request itself.
    }
  });
}

/** Opens (creating or upgrading on first use) the library database. */
export function openLibrary(): Promise<LibraryDb> {
  return openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      const legacy = db as unknown as IDBPDatabase<LegacySchema>;
      // Stores a later step moves away are made only for a library that has data to move.
      if (oldVersion >= 1 && oldVersion < 2) legacy.createObjectStore('summaries', { keyPath: 'link' }).createIndex('savedAt', 'savedAt');
      if (oldVersion < 4) db.createObjectStore('images', { keyPath: ['link', 'name'] }).createIndex('link', 'link');
      if (oldVersion < 5) db.createObjectStore('exports');
      if (oldVersion >= 1 && oldVersion < 5) {
        const articles = legacyArticles(tx);
        for (const old of ['savedAt', 'site', 'tags']) if (articles.indexNames.contains(old as never)) articles.deleteIndex(old as never);
      }
      if (oldVersion < 6) db.createObjectStore('articleBuckets');
      if (oldVersion < 7) {
        db.createObjectStore('summaryBuckets');
        db.createObjectStore('summaryViews');
      }
      // The upgrade transaction waits for these requests; a failure aborts it (and the open). The
      // steps run one after the other: version 3 folds the summaries version 2 writes, version 5
      // gathers the export state version 3 leaves, version 6 moves the articles the others wrote,
      // version 7 the summaries.
      if (oldVersion >= 1 && oldVersion < 7) {
        void inUpgrade(tx, async (upgrade) => {
          if (oldVersion < 2) await fillVersion2(upgrade);
          if (oldVersion < 3) await fillVersion3(upgrade);
          if (oldVersion < 5) await fillVersion5(upgrade);
          if (oldVersion < 6) await fillVersion6(upgrade, () => legacy.deleteObjectStore('articles'));
          await fillVersion7(upgrade, () => legacy.deleteObjectStore('summaries'));
        });
      }
    },
    // A newer version of the extension wants to upgrade: let go, the next call opens afresh.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
