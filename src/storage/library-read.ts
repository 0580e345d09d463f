import { ARTICLE_BUCKETS, linksByBucket, readBucketArticle } from './article-buckets.ts';
import { withExportState, type LibraryEntry, type StoredArticle, type StoredSummary, type Summary } from './library-record.ts';
import { openLibrary } from './library-schema.ts';
import { RECORD_STORES, withLibrary } from './library-tx.ts';
import { readMarks } from './export-marks.ts';
import { rankTagCounts } from './rank-tags.ts';

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
    const tx = db.transaction(['summaries', 'exports']);
    const [summary, marks] = await Promise.all([tx.objectStore('summaries').get(key), readMarks(tx.objectStore('exports'), [key])]);
    return summary && withExportState(summary, marks);
  });
}

/** Every article's summary, newest save first; no body is read. */
export function listSummaries(): Promise<Summary[]> {
  return withLibrary(async (db) => {
    const tx = db.transaction(['summaries', 'exports']);
    const [stored, marks] = await Promise.all([tx.objectStore('summaries').index('savedAt').getAll(), readMarks(tx.objectStore('exports'))]);
    return stored.reverse().map((summary) => withExportState(summary, marks));
  });
}

/** The newest `limit` summaries, read backwards along the savedAt index: the list's first screen. */
export function listNewestSummaries(limit: number): Promise<Summary[]> {
  return withLibrary(async (db) => {
    const tx = db.transaction(['summaries', 'exports']);
    const out: StoredSummary[] = [];
    let cursor = await tx.objectStore('summaries').index('savedAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      if (out.length < limit) cursor = await cursor.continue();
    }
    // Only the marks of the rows on screen: the list reads the rest with the whole library.
    const marks = await readMarks(tx.objectStore('exports'), out.map((summary) => summary.link));
    return out.map((summary) => withExportState(summary, marks));
  });
}

/**
 * Tags used in the library, most used first, ties alphabetical. Read from the `tags` index: one
 * key cursor over the distinct tags, then one count per tag, all in one transaction, so no
 * article is read however large the library is.
 */
export function knownTags(): Promise<string[]> {
  return withLibrary(async (db) => {
    const index = db.transaction('summaries').store.index('tags');
    const tags: string[] = [];
    let cursor = await index.openKeyCursor(null, 'nextunique');
    while (cursor) {
      tags.push(cursor.key);
      cursor = await cursor.continue();
    }
    const counts = await Promise.all(tags.map((tag) => index.count(tag)));
    return rankTagCounts(tags.map((tag, i) => ({ tag, count: counts[i] ?? 0 })));
  });
}

/**
 * Reads articles in batches of about `size`: all of them, or the given links, bucket after bucket
 * (article-buckets.ts: in no order a reader would choose, the same order every time; given links
 * keep their order within a batch). Each batch
 * is its own short transaction, so the caller may do other work (compress, yield to the page)
 * between batches, and only a batch of bodies or two is ever in memory at a time.
 */
export async function* readArticleBatches(links: readonly string[] | null, size = 200, part: { index: number; of: number } = { index: 0, of: 1 }): AsyncGenerator<StoredArticle[]> {
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
          return wanted.map((link) => found.get(link)).filter((entry): entry is StoredArticle => entry !== undefined);
        }).sort((a, b) => position.get(a.link)! - position.get(b.link)!);
        if (batch.length > 0) yield batch;
      }
      return;
    }
    // As many buckets per read as hold about `size` articles in a library of this size.
    const total = await db.count('summaries');
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
