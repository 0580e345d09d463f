import type { ExportMarks } from './library-record.ts';
import { linkBucket } from './link-bucket.ts';

/**
 * The export marks are spread over this many records of the `exports` store, by a hash of the
 * link. One record for the whole library made marking 10,000 articles one write, but every single
 * read (the popup's lookup of a clipped link, a save, the list's first screen) then read and
 * decoded all of it (1.5 MB for 10,000 marks). In buckets, marking a library writes at most this
 * many records, and one article's mark is a read of about 1/256 of them.
 */
export const MARK_BUCKETS = 256;

/** The record (0-255) that holds a link's mark. */
export function markBucket(link: string): number {
  return linkBucket(link, MARK_BUCKETS);
}

interface MarksReader {
  get(bucket: number): Promise<ExportMarks | undefined>;
  getAll(): Promise<ExportMarks[]>;
}

interface MarksWriter {
  put(marks: ExportMarks, bucket: number): Promise<unknown>;
}

/**
 * The marks of these links, or every mark when `links` is left out. The map holds whole buckets:
 * after changing the marks of some of `links`, `writeMarks` with those links stores them.
 */
export async function readMarks(store: MarksReader, links?: readonly string[]): Promise<ExportMarks> {
  const records = links === undefined
    ? await store.getAll()
    : await Promise.all([...new Set(links.map(markBucket))].map((bucket) => store.get(bucket)));
  const marks: ExportMarks = new Map();
  for (const record of records) for (const [link, state] of record ?? []) marks.set(link, state);
  return marks;
}

/** Stores the buckets of `changed` from `marks`, which must hold those buckets whole (readMarks). */
export async function writeMarks(store: MarksWriter, marks: ExportMarks, changed: Iterable<string>): Promise<void> {
  const buckets = new Map<number, ExportMarks>();
  for (const link of changed) buckets.set(markBucket(link), new Map());
  for (const [link, state] of marks) buckets.get(markBucket(link))?.set(link, state);
  await Promise.all([...buckets].map(([bucket, record]) => store.put(record, bucket)));
}
