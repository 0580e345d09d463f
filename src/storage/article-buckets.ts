import { articleOfRecord, type ArticleRecord, type StoredArticle } from './library-record.ts';
import { linkBucket } from './link-bucket.ts';
import { BucketedRecords, type BucketLayout, type BucketStore } from './bucketed-records.ts';

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
export type ArticleBucket = ArticleRecord[];

interface BucketReader {
  get(bucket: number): Promise<ArticleBucket | undefined>;
}

/** The article saved under this link, read from its bucket. */
export async function readBucketArticle(store: BucketReader, link: string): Promise<StoredArticle | undefined> {
  const record = (await store.get(articleBucket(link)))?.find((entry) => entry.link === link);
  return record && articleOfRecord(record);
}

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

/** Articles are kept as they are (the browser's structured clone), sorted by link in their bucket. */
const ARTICLE_LAYOUT: BucketLayout<ArticleRecord, ArticleBucket> = { bucketOf: articleBucket, encode: (records) => records, decode: (value) => value };

/**
 * The articles one write transaction works on (bucketed-records.ts), as the store holds them: a
 * body may be bytes (`articleOfRecord` reads it), and a record is put back as it was read.
 */
export class BucketedArticles extends BucketedRecords<ArticleRecord, ArticleBucket> {
  constructor(store: BucketStore<ArticleBucket>) {
    super(store, ARTICLE_LAYOUT);
  }
}
