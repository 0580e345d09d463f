import { describe, expect, it } from 'vitest';
import type { ExportMarks } from '../../src/storage/library-record.ts';
import { MARK_BUCKETS, markBucket, readMarks, writeMarks } from '../../src/storage/export-marks.ts';

/** A store of buckets that counts what is read, as IndexedDB's store would answer. */
function memoryStore() {
  const records = new Map<number, ExportMarks>();
  const reads: number[] = [];
  return {
    records,
    reads,
    get: (bucket: number) => { reads.push(bucket); return Promise.resolve(structuredClone(records.get(bucket))); },
    getAll: () => { reads.push(-1); return Promise.resolve([...records.values()].map((r) => structuredClone(r))); },
    put: (marks: ExportMarks, bucket: number) => { records.set(bucket, structuredClone(marks)); return Promise.resolve(bucket); },
  };
}

const links = Array.from({ length: 2_000 }, (_, i) => `https://news.example/2026/story-${i}`);
const state = (i: number) => ({ exportedAt: `2026-11-30T10:00:${String(i % 60).padStart(2, '0')}.000Z`, exportedVersion: null });

describe('export marks in buckets', () => {
  it('spreads links over the buckets, each link always in the same one', () => {
    const used = new Set(links.map(markBucket));
    expect(used.size).toBeGreaterThan(MARK_BUCKETS * 0.9);
    expect(markBucket(links[7]!)).toBe(markBucket(`${'https://news.example/2026/story-'}7`));
  });

  it('reads one link by its bucket alone, and writes a change without losing its neighbours', async () => {
    const store = memoryStore();
    const all: ExportMarks = new Map(links.map((link, i) => [link, state(i)]));
    await writeMarks(store, all, all.keys());
    expect(store.records.size).toBe(new Set(links.map(markBucket)).size);

    store.reads.length = 0;
    const one = await readMarks(store, [links[5]!]);
    expect(store.reads).toEqual([markBucket(links[5]!)]);
    expect(one.get(links[5]!)).toEqual(state(5));

    one.delete(links[5]!);
    await writeMarks(store, one, [links[5]!]);
    const after = await readMarks(store);
    expect(after.size).toBe(links.length - 1);
    expect(after.has(links[5]!)).toBe(false);
    expect(after.get(links[6]!)).toEqual(state(6));
  });
});
