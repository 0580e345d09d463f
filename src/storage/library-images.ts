import type { SavedImageRef, StoredImage } from './library-record.ts';
import { putRecord, txArticles, withLibrary, writeTransaction, type WriteTx } from './library-tx.ts';

/** An image to keep with an article: what names it, and its bytes. */
export interface ImageToKeep extends SavedImageRef {
  blob: Blob;
}

/** Deletes an article's stored images inside the caller's transaction; resolves with what it removed. */
export async function removeImages(tx: WriteTx, link: string): Promise<StoredImage[]> {
  const store = tx.objectStore('images');
  const found = await store.index('link').getAll(link);
  await Promise.all(found.map((image) => store.delete([image.link, image.name])));
  return found;
}

/**
 * Keeps an article's images in the library, replacing those it kept before, in one transaction
 * with the article's record (which lists them): all of it or nothing. The article must be saved
 * already (its text is saved first, so a stopped worker never loses it).
 */
export function saveArticleImages(link: string, images: readonly ImageToKeep[]): Promise<void> {
  return writeTransaction(async (tx) => {
    const article = await txArticles(tx).get(link);
    if (!article) throw new Error('the article is no longer in the library');
    await removeImages(tx, link);
    const store = tx.objectStore('images');
    const unique = new Map<string, ImageToKeep>();
    for (const image of images) if (!unique.has(image.name)) unique.set(image.name, image);
    await Promise.all([...unique.values()].map((image) => store.put({ link, name: image.name, blob: image.blob })));
    const refs = images.map(({ name, src, url, type, size }) => ({ name, src, url, type, size }));
    const { imagesPending: _pending, ...rest } = article;
    await putRecord(tx, { ...rest, savedImages: refs });
  });
}

/** The bytes of the images kept with an article, by file name. */
export function readArticleImages(link: string): Promise<Map<string, Blob>> {
  return withLibrary(async (db) => {
    const found = await db.getAllFromIndex('images', 'link', link);
    return new Map(found.map((image) => [image.name, image.blob]));
  });
}
