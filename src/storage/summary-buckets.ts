import { BucketedRecords, type BucketLayout, type BucketStore } from './bucketed-records.ts';
import type { StoredSummary } from './library-record.ts';
import { linkBucket } from './link-bucket.ts';
import { applyChanges, viewsOf, VIEWS_KEY, type SummaryChanges, type SummaryViews } from './summary-views.ts';

/**
 * The list's summaries are kept in this many records of the `summaryBuckets` store, by a hash of
 * the link, each record the bucket's summaries in link order, each summary as its JSON text.
 * Measured in Chromium (10,000 summaries): one record per summary with the `savedAt` and `tags`
 * indexes took 4.2 s to write in one transaction (2.2 s without the indexes: the browser's cost is
 * per record and per index entry) and 0.4 s to read whole; in buckets the same summaries write in
 * 0.15 s, and text reads back faster than objects (the browser copies a string; it rebuilds an
 * object field by field). The list's first screen and the tags come from the views record
 * (summary-views.ts). A library of 10,000 articles makes buckets of ~80 KB; a save rewrites one.
 */
export const SUMMARY_BUCKETS = 64;

/** The record that holds a link's summary. */
export function summaryBucket(link: string): number {
  return linkBucket(link, SUMMARY_BUCKETS);
}

/** A bucket as stored: the JSON text of each of its summaries, in link order. */
export type SummaryBucket = string[];

const parseSummary = (text: string) => JSON.parse(text) as StoredSummary;

const SUMMARY_LAYOUT: BucketLayout<StoredSummary, SummaryBucket> = {
  bucketOf: summaryBucket,
  encode: (records) => records.map((summary) => JSON.stringify(summary)),
  decode: (value) => value.map(parseSummary),
};

/** Every summary of the stored buckets, in no particular order. */
export function decodeSummaryBuckets(values: readonly SummaryBucket[]): StoredSummary[] {
  return values.flatMap((value) => SUMMARY_LAYOUT.decode(value));
}

/** How many summaries the stored buckets hold, without parsing them. */
export function countSummaries(values: readonly SummaryBucket[]): number {
  return values.reduce((n, value) => n + value.length, 0);
}

/** The summary of a link, read from its bucket. */
export async function readBucketSummary(store: Pick<BucketStore<SummaryBucket>, 'get'>, link: string): Promise<StoredSummary | undefined> {
  const value = await store.get(summaryBucket(link));
  return value === undefined ? undefined : SUMMARY_LAYOUT.decode(value).find((summary) => summary.link === link);
}

/** The store of the views (summary-views.ts): one record. */
export interface ViewStore {
  get(key: string): Promise<SummaryViews | undefined>;
  put(value: SummaryViews, key: string): Promise<unknown>;
}

/**
 * The summaries one write transaction works on (bucketed-records.ts), and the views kept beside
 * them: `flush` writes the changed buckets and the views after the changes, in the same
 * transaction.
 */
export class BucketedSummaries extends BucketedRecords<StoredSummary, SummaryBucket> {
  private readonly changes: SummaryChanges = new Map();

  constructor(store: BucketStore<SummaryBucket>, private readonly views: ViewStore) {
    super(store, SUMMARY_LAYOUT);
  }

  protected override noteChange(link: string, before: StoredSummary | undefined, after: StoredSummary | null): void {
    const change = this.changes.get(link);
    if (change) change.after = after;
    else this.changes.set(link, { before, after });
  }

  override async flush(): Promise<void> {
    if (this.changes.size > 0) {
      const stored = await this.views.get(VIEWS_KEY);
      let next = stored ? applyChanges(stored, this.changes) : null;
      if (!next) {
        // Counted afresh over every summary, this transaction's changes included.
        await this.links();
        next = viewsOf(await this.loadedRecords());
      }
      this.changes.clear();
      await this.views.put(next, VIEWS_KEY);
    }
    await super.flush();
  }
}
