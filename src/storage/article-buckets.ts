import type { StoredArticle } from './library-record.ts';
import { linkBucket } from './link-bucket.ts';

/**
 * Articles are stored in this many records of the `articleBuckets` store, by a hash of the link,
 * each record the bucket's articles in link order. Measured in Chromium (`npm run bench:library`):
 * reading 10,000 articles of ~8 KB kept one per record took 6-7 s, the browser's cost per byte of
 * a small record; the same bytes in records of ~100 KB or more (which it keeps as files of their
 * own) read in about 1 s and write in a fraction of the time. A library of 10,000 articles makes
 * buckets of ~340 KB; one article's read or save is one bucket's.
 */
export const ARTICLE_BUCKETS = 256;

/** The record that holds a link's article. */
export function articleBucket(link: string): number {
  return linkBucket(link, ARTICLE_BUCKETS);
}

/** A bucket as stored: its articles, in link order. */
export type ArticleBucket = StoredArticle[];

interface BucketReader {
  get(bucket: number): Promise<ArticleBucket | undefined>;
}

interface BucketStore extends BucketReader {
  put(records: ArticleBucket, bucket: number): Promise<unknown>;
  delete(bucket: number): Promise<unknown>;
}

/** The article saved under this link, read from its bucket. */
export async function readBucketArticle(store: BucketReader, link: string): Promise<StoredArticle | undefined> {
  return (await store.get(articleBucket(link)))?.find((entry) => entry.link === link);
}

const byLink = (a: StoredArticle, b: StoredArticle) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0);

/** Links grouped by the bucket that holds them, buckets in key order. */
export function linksByBucket(links: Iterable<string>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const link of links) {
    const bucket = articleBucket(link);
    const group = groups.get(bucket);
    if (group) group.push(link);
    else groups.set(bucket, [link]);
  }
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}

/**
 * The articles one write transaction works on. Each bucket is read once and changed in memory, so
 * that many changes in one bucket (a bulk edit runs them side by side) all land, then `flush`
 * writes every changed bucket once, in the same transaction (library-tx.ts calls it before the
 * commit): a failure anywhere still rolls everything back.
 */
export class BucketedArticles {
  private readonly loaded = new Map<number, Promise<Map<string, StoredArticle>>>();
  private readonly changed = new Set<number>();

  constructor(private readonly store: BucketStore) {}

  private open(link: string): Promise<Map<string, StoredArticle>> {
    const bucket = articleBucket(link);
    let records = this.loaded.get(bucket);
    if (!records) {
      records = this.store.get(bucket).then((stored) => new Map((stored ?? []).map((entry) => [entry.link, entry])));
      this.loaded.set(bucket, records);
    }
    return records;
  }

  async get(link: string): Promise<StoredArticle | undefined> {
    return (await this.open(link)).get(link);
  }

  async put(entry: StoredArticle): Promise<void> {
    (await this.open(entry.link)).set(entry.link, entry);
    this.changed.add(articleBucket(entry.link));
  }

  async delete(link: string): Promise<boolean> {
    const removed = (await this.open(link)).delete(link);
    if (removed) this.changed.add(articleBucket(link));
    return removed;
  }

  /** Writes the changed buckets (an emptied one is deleted). */
  async flush(): Promise<void> {
    const changed = [...this.changed];
    this.changed.clear();
    await Promise.all(changed.map(async (bucket) => {
      const records = [...(await this.loaded.get(bucket)!).values()].sort(byLink);
      return records.length > 0 ? this.store.put(records, bucket) : this.store.delete(bucket);
    }));
  }
}
