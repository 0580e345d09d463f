import type { Page } from 'playwright-core';

/**
 * Holds a readwrite transaction on the library's article store from the page, with the bare
 * IndexedDB API, until the returned function is called. Every transaction Frontclip starts on that
 * store meanwhile (an import's write, an export's reads) waits behind it, so a test can press
 * Cancel while the work is surely unfinished, however fast the machine. The transaction is kept
 * alive by one small request after another (a transaction with no request pending commits).
 */
export async function holdArticleStore(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('frontclip');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('articleBuckets', 'readwrite');
      const store = tx.objectStore('articleBuckets');
      const held = globalThis as { frontclipHeld?: boolean };
      held.frontclipHeld = true;
      const spin = () => {
        if (held.frontclipHeld) store.count().onsuccess = spin;
      };
      spin();
      tx.oncomplete = () => db.close();
      resolve();
    };
  }));
  return async () => {
    await page.evaluate(() => {
      (globalThis as { frontclipHeld?: boolean }).frontclipHeld = false;
    });
  };
}
