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
    const [entry, marks] = await Promise.all([tx.objectStore('articles').get(key), readMarks(tx.objectStore('exports'), [key])]);
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
 * Reads articles in batches of `size`: all of them in link order (each batch one `getAll` starting
 * after the last key of the one before), or the given links. Each batch is its own short
 * transaction, so the caller may do other work (compress, yield to the page) between batches, and
 * only one batch of bodies is ever in memory at a time.
 */
export async function* readArticleBatches(links: readonly string[] | null, size = 200): AsyncGenerator<StoredArticle[]> {
  const db = await openLibrary();
  try {
    if (links) {
      for (let start = 0; start < links.length; start += size) {
        const store = db.transaction('articles').store;
        const batch = await Promise.all(links.slice(start, start + size).map((link) => store.get(link)));
        yield batch.filter((entry): entry is StoredArticle => entry !== undefined);
      }
      return;
    }
    let after: string | null = null;
    for (;;) {
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const batch: StoredArticle[] = await db.getAll('articles', range, size);
      if (batch.length === 0) return;
      after = batch[batch.length - 1]!.link;
      yield batch;
      if (batch.length < size) return;
    }
  } finally {
    db.close();
  }
}
