import { ARTICLE_BUCKETS, linksByBucket, readBucketArticle } from './article-buckets.ts';
import { withExportState, type ArticleRecord, type LibraryEntry, type StoredSummary, type Summary } from './library-record.ts';
import { openLibrary, type LibraryDb } from './library-schema.ts';
import { RECORD_STORES, withLibrary } from './library-tx.ts';
import { readMarks } from './export-marks.ts';
import { rankTagCounts } from './rank-tags.ts';
import { countSummaries, decodeSummaryBuckets, readBucketSummary } from './summary-buckets.ts';
import { newestFirst, newestOfViews, VIEWS_KEY } from './summary-views.ts';

// Reading the library: nothing here writes.

/** The saved article under this key (a stored link: see `libraryKey` for a link from a page). */
export function getArticle(key: string): Promise<LibraryEntry | undefined> {
  return withLibrary(async (db) => {
    const tx = db.transaction(RECORD_STORES, 'readonly');
    const [entry, marks] = await Promise.all([readBucketArticle(tx.objectStore('articleBuckets'), key), readMarks(tx.objectStore('exports'), [key])]);
    return entry ? { ...entry, exportedAt: marks.get(key)?.exportedAt ?? null } : undefined;
  });
}

/** The list's record of a saved key, or undefined when it is not in the library. */
export function lookupArticle(key: string): Promise<Summary | undefined> {
  return withLibrary(async (db) => {
    const tx = db.transaction(['summaryBuckets', 'exports']);
    const [summary, marks] = await Promise.all([readBucketSummary(tx.objectStore('summaryBuckets'), key), readMarks(tx.objectStore('exports'), [key])]);
    return summary && withExportState(summary, marks);
  });
}

/** Every stored summary, in no particular order: all the buckets in one read. */
async function allSummaries(db: LibraryDb): Promise<StoredSummary[]> {
  return decodeSummaryBuckets(await db.getAll('summaryBuckets'));
}

/** Every article's summary, newest save first; no body is read. */
export function listSummaries(): Promise<Summary[]> {
  return withLibrary(async (db) => {
    const tx = db.transaction(['summaryBuckets', 'exports']);
    const [stored, marks] = await Promise.all([tx.objectStore('summaryBuckets').getAll(), readMarks(tx.objectStore('exports'))]);
    return decodeSummaryBuckets(stored).sort(newestFirst).map((summary) => withExportState(summary, marks));
  });
}

/**
 * The newest `limit` summaries: the list's first screen, from the views record (summary-views.ts)
 * or, for more than it keeps, every summary; only the marks of the rows on screen.
 */
export function listNewestSummaries(limit: number): Promise<Summary[]> {
  return withLibrary(async (db) => {
    const views = await db.get('summaryViews', VIEWS_KEY);
    const out = (views && newestOfViews(views, limit)) ?? (await allSummaries(db)).sort(newestFirst).slice(0, Math.max(0, limit));
    const marks = await readMarks(db.transaction('exports').store, out.map((summary) => summary.link));
    return out.map((summary) => withExportState(summary, marks));
  });
}

/** Tags used in the library, most used first, ties alphabetical, from the counts the views keep. */
export function knownTags(): Promise<string[]> {
  return withLibrary(async (db) => {
    const views = await db.get('summaryViews', VIEWS_KEY);
    return rankTagCounts((views?.tags ?? []).map(([tag, count]) => ({ tag, count })));
  });
}

/**
 * Reads articles in batches of about `size`: all of them, or the given links, bucket after bucket
 * (article-buckets.ts: in no order a reader would choose, the same order every time; given links
 * keep their order within a batch). Each batch
 * is its own short transaction, so the caller may do other work (compress, yield to the page)
 * between batches, and only a batch of bodies or two is ever in memory at a time. The records come
 * as stored: a body may be bytes (`articleOfRecord` gives the text; an export writes the bytes).
 */
export async function* readArticleBatches(links: readonly string[] | null, size = 200, part: { index: number; of: number } = { index: 0, of: 1 }): AsyncGenerator<ArticleRecord[]> {
  // A part reads its share of the buckets: the parts in turn read what one reader would.
  const first = Math.floor((part.index * ARTICLE_BUCKETS) / part.of);
  const end = Math.floor(((part.index + 1) * ARTICLE_BUCKETS) / part.of);
  const db = await openLibrary();
  try {
    if (links) {
      const groups = [...linksByBucket(links)].filter(([bucket]) => bucket >= first && bucket < end);
      // Within a batch, the order given (a selection that fits in one batch keeps its order).
      const position = new Map(links.map((link, i) => [link, i]));
      for (let start = 0; start < groups.length;) {
        // Buckets until the batch holds `size` of the links.
        const take: [number, string[]][] = [];
        let count = 0;
        while (start < groups.length && (count === 0 || count + groups[start]![1].length <= size)) {
          take.push(groups[start]!);
          count += groups[start]![1].length;
          start++;
        }
        const store = db.transaction('articleBuckets').store;
        const buckets = await Promise.all(take.map(([bucket]) => store.get(bucket)));
        const batch = take.flatMap(([, wanted], i) => {
          const found = new Map((buckets[i] ?? []).map((entry) => [entry.link, entry]));
          return wanted.map((link) => found.get(link)).filter((entry): entry is ArticleRecord => entry !== undefined);
        }).sort((a, b) => position.get(a.link)! - position.get(b.link)!);
        if (batch.length > 0) yield batch;
      }
      return;
    }
    // As many buckets per read as hold about `size` articles in a library of this size.
    const total = countSummaries(await db.getAll('summaryBuckets'));
    const step = Math.min(ARTICLE_BUCKETS, Math.max(1, Math.round((size * ARTICLE_BUCKETS) / Math.max(1, total))));
    for (let start = first; start < end; start += step) {
      const records = await db.getAll('articleBuckets', IDBKeyRange.bound(start, Math.min(start + step, end), false, true));
      const batch = records.flat();
      if (batch.length > 0) yield batch;
    }
  } finally {
    db.close();
  }
}
