import type { ImageFailure, ImageReport } from '../messages.ts';
import { readArticleImages, saveArticleImages, type LibraryEntry } from '../storage/library.ts';
import { imageReport, type GatheredImages } from './save-images.ts';

/** Room left free in the browser's quota for everything else the library will hold. */
const QUOTA_MARGIN = 50 * 1024 * 1024;

/** Whether `bytes` more fit in the origin's storage quota, as far as the browser says. */
async function fits(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota) return true;
  return (estimate.usage ?? 0) + bytes + QUOTA_MARGIN <= estimate.quota;
}

/**
 * Keeps the gathered images in the library with the article (saved already, its images marked
 * pending). When they do not fit in the quota, or the store refuses them, the article stays as it
 * is, with its images kept as links, and the report says why: the article is never lost for its
 * images.
 */
export async function keepImages(link: string, gathered: GatheredImages): Promise<ImageReport> {
  const unique = new Map(gathered.files.map((f) => [f.name, f.blob.size]));
  const bytes = [...unique.values()].reduce((sum, n) => sum + n, 0);
  const refused = (reason: ImageFailure) => imageReport([], [...gathered.failures, ...gathered.files.map((f) => ({ url: f.url, reason }))]);
  const images = gathered.files.map((f) => ({ name: f.name, src: f.src, url: f.url, type: f.type, size: f.blob.size, blob: f.blob }));
  if (!(await fits(bytes))) {
    await saveArticleImages(link, []).catch(() => {});
    return refused('storage');
  }
  try {
    await saveArticleImages(link, images);
  } catch {
    await saveArticleImages(link, []).catch(() => {});
    return refused('storage');
  }
  return imageReport(gathered.files, gathered.failures);
}

/** The images a saved article keeps, ready to write as a bundle; null when it keeps none. */
export async function storedImages(entry: LibraryEntry): Promise<GatheredImages | null> {
  if (!entry.savedImages?.length) return null;
  const blobs = await readArticleImages(entry.link);
  const files = entry.savedImages.flatMap((ref) => {
    const blob = blobs.get(ref.name);
    return blob ? [{ name: ref.name, src: ref.src, url: ref.url, type: ref.type, blob }] : [];
  });
  return { files, failures: [] };
}
