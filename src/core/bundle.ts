import type { ArticleFile, BodyFormat } from './article.ts';
import { localizeImages } from './image-links.ts';

/**
 * How an article and its saved images sit on disk (FORMAT.md, "Images saved with the article"):
 * a page bundle (`<name>/index.md` with the images beside it), the layout of a download and of a
 * Hugo export; or flat (`<name>.md` beside a `<name>/` folder of images), the layout of a flat
 * export.
 */
export type ImageLayout = 'bundle' | 'flat';

export interface BundlePaths {
  /** The article file's path. */
  file: string;
  /** The folder the images go into. */
  folder: string;
  /** What the article's links put before an image's name: `''` in a bundle, `<name>/` when flat. */
  linkPrefix: string;
}

const ENDING = /\.(?:md|html)$/i;

/** The body format a file name stands for. */
export function formatOfFilename(filename: string): BodyFormat {
  return /\.html$/i.test(filename) ? 'html' : 'markdown';
}

/**
 * Where the article file and its images go for a file name the template gave (`slug.md`,
 * `2026/slug.md`, or already a bundle's `slug/index.md`).
 */
export function bundlePaths(filename: string, layout: ImageLayout): BundlePaths {
  const ending = ENDING.exec(filename)?.[0] ?? '';
  const stemPath = ending ? filename.slice(0, -ending.length) : filename;
  const slash = stemPath.lastIndexOf('/');
  const dir = slash === -1 ? '' : stemPath.slice(0, slash);
  const stem = stemPath.slice(slash + 1);
  if (layout === 'bundle') {
    // A template that already writes `<name>/index.md` is a bundle as it stands.
    if (stem === 'index' && dir !== '') return { file: filename, folder: dir, linkPrefix: '' };
    return { file: `${stemPath}/index${ending || '.md'}`, folder: stemPath, linkPrefix: '' };
  }
  return { file: filename, folder: stemPath, linkPrefix: `${stem}/` };
}

/** One saved image: the addresses that name it in the article, and its file's name in the folder. */
export interface SavedImageName {
  src: string;
  url: string;
  name: string;
}

/**
 * The article's file fields with saved images pointing at their local files: the body's image
 * links, and `image` when the lead image was saved (its path relative to the file). Every other
 * field is unchanged; an image that was not saved keeps its absolute URL.
 */
export function localizeArticle<T extends ArticleFile>(article: T, format: BodyFormat, saved: readonly SavedImageName[], linkPrefix: string): T {
  const local = new Map<string, string>();
  for (const image of saved) local.set(image.src, `${linkPrefix}${image.name}`);
  const lead = article.image === '' ? undefined : saved.find((s) => s.src === article.image || s.url === article.image);
  return {
    ...article,
    body: localizeImages(article.body, format, local),
    image: lead ? `${linkPrefix}${lead.name}` : article.image,
  };
}
