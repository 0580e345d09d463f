import type { StoredArticle } from '../../../src/storage/library-record.ts';

/** An extension page of either browser's driver (Playwright's in Chromium, Puppeteer's in Firefox). */
interface ExtensionPage {
  evaluate<R>(fn: () => Promise<R>): Promise<R>;
}

/** The library's articles as the store holds them, and the links whose body it keeps as UTF-8 bytes (an import's, in Firefox). */
export interface StoredContents {
  /** Every article of the buckets, its body as text. */
  articles: StoredArticle[];
  bytes: string[];
}

/**
 * Every article record of the library's buckets, read with the bare IndexedDB API (not
 * Frontclip's code) inside the page: a body kept as bytes is read as its text there (the drivers
 * do not all carry typed arrays back), and its link listed in `bytes`.
 */
export function readStoredArticles(page: ExtensionPage): Promise<StoredContents> {
  return page.evaluate(() => new Promise<StoredContents>((resolve, reject) => {
    const open = indexedDB.open('frontclip');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('articleBuckets').objectStore('articleBuckets').getAll();
      request.onsuccess = () => {
        open.result.close();
        const records = (request.result as (Omit<StoredArticle, 'body'> & { body: string | Uint8Array })[][]).flat();
        resolve({
          articles: records.map((r) => ({ ...r, body: typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body) })),
          bytes: records.filter((r) => r.body instanceof Uint8Array).map((r) => r.link),
        });
      };
      request.onerror = () => reject(request.error);
    };
  }));
}
