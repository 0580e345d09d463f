/** A store of buckets: records keyed by a bucket number, each holding many link-keyed records. */
export interface BucketStore<V> {
  get(bucket: number): Promise<V | undefined>;
  getAll(): Promise<V[]>;
  getAllKeys(): Promise<number[]>;
  put(value: V, bucket: number): Promise<unknown>;
  delete(bucket: number): Promise<unknown>;
}

/** How one kind of record is kept in buckets: how many, which one a link falls in, and the stored form. */
export interface BucketLayout<T, V> {
  bucketOf(link: string): number;
  encode(records: T[]): V;
  decode(value: V): T[];
}

const byLink = <T extends { link: string }>(a: T, b: T) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0);

/**
 * The records of one bucketed store that a write transaction works on. Each bucket is read once
 * and changed in memory, so that many changes in one bucket (a bulk edit runs them side by side)
 * all land, then `flush` writes every changed bucket once, in the same transaction (library-tx.ts
 * calls it before the commit): a failure anywhere still rolls everything back. Written here
 * because IndexedDB has no grouping of small records and the per-record cost is the browser's.
 */
export class BucketedRecords<T extends { link: string }, V> {
  private readonly loaded = new Map<number, Promise<Map<string, T>>>();
  private readonly changed = new Set<number>();

  constructor(private readonly store: BucketStore<V>, private readonly layout: BucketLayout<T, V>) {}

  private open(link: string): Promise<Map<string, T>> {
    return this.openBucket(this.layout.bucketOf(link));
  }

  private openBucket(bucket: number): Promise<Map<string, T>> {
    let records = this.loaded.get(bucket);
    if (!records) {
      records = this.store.get(bucket).then((stored) => this.mapOf(stored));
      this.loaded.set(bucket, records);
    }
    return records;
  }

  private mapOf(stored: V | undefined): Map<string, T> {
    return new Map((stored === undefined ? [] : this.layout.decode(stored)).map((entry) => [entry.link, entry]));
  }

  /**
   * Every link held, loading every bucket not yet loaded in one read (an import touches most of
   * them anyway).
   */
  async links(): Promise<Set<string>> {
    const [keys, values] = await Promise.all([this.store.getAllKeys(), this.store.getAll()]);
    keys.forEach((bucket, i) => {
      if (!this.loaded.has(bucket)) this.loaded.set(bucket, Promise.resolve(this.mapOf(values[i])));
    });
    const links = new Set<string>();
    for (const records of await Promise.all(this.loaded.values())) for (const link of records.keys()) links.add(link);
    return links;
  }

  async get(link: string): Promise<T | undefined> {
    return (await this.open(link)).get(link);
  }

  /**
   * The records of many links, in their order: each bucket opened once, then read without a
   * promise per link (marking 10,000 articles exported awaited one `get` each).
   */
  async getMany(links: readonly string[]): Promise<(T | undefined)[]> {
    const numbers = links.map((link) => this.layout.bucketOf(link));
    const buckets = new Map<number, Map<string, T>>();
    await Promise.all([...new Set(numbers)].map(async (bucket) => {
      buckets.set(bucket, await this.openBucket(bucket));
    }));
    return links.map((link, i) => buckets.get(numbers[i]!)!.get(link));
  }

  /** Called for every change, with the record before it (if any) and after it (null: removed). */
  protected noteChange(_link: string, _before: T | undefined, _after: T | null): void {}

  /** Puts `entry` (null: removes its link's record); resolves with the record it replaced. */
  private async replace(link: string, entry: T | null): Promise<T | undefined> {
    const records = await this.open(link);
    const previous = records.get(link);
    if (entry) records.set(link, entry);
    else records.delete(link);
    if (entry || previous) {
      this.changed.add(this.layout.bucketOf(link));
      this.noteChange(link, previous, entry);
    }
    return previous;
  }

  async put(entry: T): Promise<void> {
    await this.replace(entry.link, entry);
  }

  /**
   * Puts many records (an import of a library): each bucket is opened once and its records set
   * without a promise each, which for 10,000 records was most of the time spent putting them.
   */
  async putAll(entries: readonly T[]): Promise<void> {
    const groups = new Map<number, T[]>();
    for (const entry of entries) {
      const bucket = this.layout.bucketOf(entry.link);
      const group = groups.get(bucket);
      if (group) group.push(entry);
      else groups.set(bucket, [entry]);
    }
    await Promise.all([...groups].map(async ([bucket, group]) => {
      const records = await this.openBucket(bucket);
      for (const entry of group) {
        const previous = records.get(entry.link);
        records.set(entry.link, entry);
        this.noteChange(entry.link, previous, entry);
      }
      this.changed.add(bucket);
    }));
  }

  async delete(link: string): Promise<boolean> {
    return (await this.replace(link, null)) !== undefined;
  }

  /** Every record of the buckets loaded so far, with this transaction's changes (`links` loads them all). */
  protected async loadedRecords(): Promise<T[]> {
    return (await Promise.all(this.loaded.values())).flatMap((records) => [...records.values()]);
  }

  /** Writes the changed buckets, each in link order (an emptied one is deleted). */
  async flush(): Promise<void> {
    const changed = [...this.changed];
    this.changed.clear();
    await Promise.all(changed.map(async (bucket) => {
      const records = [...(await this.loaded.get(bucket)!).values()].sort(byLink);
      return records.length > 0 ? this.store.put(this.layout.encode(records), bucket) : this.store.delete(bucket);
    }));
  }
}
