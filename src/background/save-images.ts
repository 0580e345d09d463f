import type { ArticleImage } from '../core/article.ts';
import type { SavedImageName } from '../core/bundle.ts';
import { imageFileName } from '../core/image-names.ts';
import type { ImageFailure, ImageReport } from '../messages.ts';
import { fetchImages, IMAGE_LIMITS, type ImageLimits } from './image-fetch.ts';

/** One image ready to write: its name in the article's folder, its bytes, and what named it. */
export interface ImageFile extends SavedImageName {
  blob: Blob;
  type: string;
}

export interface ImageFailureEntry {
  src: string;
  url: string;
  reason: ImageFailure;
}

export interface GatheredImages {
  files: ImageFile[];
  failures: ImageFailureEntry[];
}

/**
 * Fetches an article's images and names them: one file per address (two images that load the
 * same picture share it), in the article's order, names unique within the folder.
 */
export async function gatherImages(images: readonly ArticleImage[], limits: ImageLimits = IMAGE_LIMITS, fetcher?: typeof fetch): Promise<GatheredImages> {
  const outcomes = await fetchImages(images.map((image) => image.url), limits, fetcher);
  const taken = new Set<string>();
  const nameOf = new Map<string, string>();
  const files: ImageFile[] = [];
  const failures: ImageFailureEntry[] = [];
  for (const image of images) {
    const outcome = outcomes.get(image.url);
    if (!outcome?.ok) {
      failures.push({ ...image, reason: outcome?.reason ?? 'blocked' });
      continue;
    }
    let name = nameOf.get(image.url);
    if (name === undefined) {
      name = imageFileName(image.url, outcome.type, taken);
      nameOf.set(image.url, name);
    }
    files.push({ ...image, name, blob: outcome.blob, type: outcome.type });
  }
  return { files, failures };
}

/** The counts the popup and the badge report; an address named twice counts once. */
export function imageReport(files: readonly { url: string }[], failures: readonly { url: string; reason: ImageFailure }[]): ImageReport {
  const reasons: Partial<Record<ImageFailure, number>> = {};
  const failed = new Map<string, ImageFailure>();
  for (const f of failures) failed.set(f.url, f.reason);
  for (const reason of failed.values()) reasons[reason] = (reasons[reason] ?? 0) + 1;
  return { saved: new Set(files.map((f) => f.url)).size, linked: failed.size, reasons };
}
