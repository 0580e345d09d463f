import type { ArticleFile } from '../src/core/article.ts';
import { bareType, imageExtension } from '../src/core/image-names.ts';

/** Image files a zip may hold beside its articles (FORMAT.md, "Images saved with the article"). */
const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', jfif: 'image/jpeg', png: 'image/png', gif: 'image/gif',
  webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon', tif: 'image/tiff', tiff: 'image/tiff',
};

/** The image type a file name stands for, or null when it is not an image Frontclip keeps. */
export function imageTypeOfName(name: string): string | null {
  const type = IMAGE_TYPES[(/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase()];
  return type && imageExtension(bareType(type)) ? type : null;
}

/** An image read from a zip for one of its articles: the link as the file writes it, and its bytes. */
export interface ImportedImage {
  name: string;
  src: string;
  type: string;
  bytes: Uint8Array;
}

const isRelative = (link: string): boolean => link !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(link);

function decoded(link: string): string {
  try {
    return decodeURI(link);
  } catch {
    return link;
  }
}

/**
 * The relative image links of an imported article (its body's image links and its `image`), each
 * with the zip path it names, resolved against the article file's folder: a bundle's `index.md`
 * links `photo.jpg` beside it, a flat `name.md` links `name/photo.jpg`. Links that climb out of
 * the folder (`../`) are not followed.
 */
export function linkedImages(file: Pick<ArticleFile, 'body' | 'image'>, articlePath: string): Map<string, string> {
  const folder = articlePath.includes('/') ? articlePath.slice(0, articlePath.lastIndexOf('/') + 1) : '';
  const links = new Set<string>();
  for (const m of file.body.matchAll(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.add(m[1]!);
  for (const m of file.body.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/gi)) links.add(m[1]!.replace(/&amp;/g, '&'));
  if (file.image) links.add(file.image);
  const out = new Map<string, string>();
  for (const link of links) {
    if (!isRelative(link) || imageTypeOfName(link) === null) continue;
    const path = decoded(`${folder}${link}`);
    if (path.split('/').some((segment) => segment === '..' || segment === '.')) continue;
    out.set(path, link);
  }
  return out;
}
