/** The body of an article file: Markdown (the default) or sanitized HTML (FORMAT.md, "Body"). */
export type BodyFormat = 'markdown' | 'html';

/**
 * Which signal gave the article's date; `clip-date` when the page had none and today was used;
 * `import` when the article came from a file imported into the library, which keeps no source.
 */
export type DateSource =
  | 'article:published_time'
  | 'json-ld'
  | 'microdata'
  | 'time-element'
  | 'meta'
  | 'byline'
  | 'url'
  | 'clip-date'
  | 'import';

/** Every DateSource, for checking a value that came from outside (a message, a library zip). */
export const DATE_SOURCES: readonly DateSource[] = [
  'article:published_time', 'json-ld', 'microdata', 'time-element', 'meta', 'byline', 'url', 'clip-date', 'import',
];

/**
 * The fields of one article file, in the order FORMAT.md fixes. `date` is the publisher's own
 * calendar day as `YYYY-MM-DD`: a plain string, so no time zone can ever shift it.
 */
export interface ArticleFile {
  title: string;
  date: string;
  description: string;
  summary: string;
  slug: string;
  image: string;
  link: string;
  source: string;
  categories: string[];
  tags: string[];
  draft: boolean;
  body: string;
}

/** What `extract` returns: the file's fields plus what the popup and the CLI need around them. */
export interface Article extends ArticleFile {
  dateSource: DateSource;
  siteName: string;
  /** The page's own keywords: offered as tag suggestions, never put into `tags` by themselves. */
  keywords: string[];
  filename: string;
  /** The images the body links, and the lead image: what "Save images" saves. */
  images?: ArticleImage[];
}

/** The Article keys in the order the CLI prints them (`--json`, `batch`). */
export const ARTICLE_KEYS = [
  'title', 'date', 'dateSource', 'description', 'summary', 'slug', 'image', 'link', 'source',
  'categories', 'tags', 'draft', 'body', 'siteName', 'keywords', 'filename',
] as const satisfies readonly (keyof Article)[];

/** The ArticleFile keys in file order (front matter, then body). */
export const FILE_KEYS = [
  'title', 'date', 'description', 'summary', 'slug', 'image', 'link', 'source', 'categories',
  'tags', 'draft', 'body',
] as const satisfies readonly (keyof ArticleFile)[];

/**
 * An image of the article: how the body writes its address, and the copy to save when the reader
 * keeps images with the article (the best `srcset` candidate, or the same address).
 */
export interface ArticleImage {
  src: string;
  url: string;
}
