import type { Article } from '../core/article.ts';

/**
 * One article as the `articles` store keeps it: every Article field, the site it came from (for
 * the `site` index) and when it was first saved and last changed (ISO 8601).
 */
export interface StoredArticle extends Article {
  site: string;
  savedAt: string;
  editedAt: string;
  /** The images kept with the article (their bytes are in the `images` store), when the reader saved them. */
  savedImages?: SavedImageRef[];
  /**
   * Images were asked for, and the article saved, but its images were not stored after it (the
   * worker stopped while fetching them): the library says so instead of pretending.
   */
  imagesPending?: boolean;
}

/**
 * An article as the store holds it: a `StoredArticle` whose body may be kept as its UTF-8 bytes
 * (an import's in Firefox, checked to be UTF-8 and folded as `normalize` folds a body) instead of
 * text. Firefox holds text decoded from bytes two bytes a character and stores and reads it that
 * way: writing 10,000 bodies (86 MB) as bytes took a third of the time the same bodies took as
 * text (options/library-main.ts has the figures). `articleOfRecord` gives the text back; an export
 * writes the bytes as they are.
 */
export type ArticleRecord = Omit<StoredArticle, 'body'> & { body: string | Uint8Array };

const bodyText = new TextDecoder('utf-8', { ignoreBOM: true });

/** The article of a stored record, its body as text. */
export function articleOfRecord(record: ArticleRecord): StoredArticle {
  return typeof record.body === 'string' ? record as StoredArticle : { ...record, body: bodyText.decode(record.body) };
}

/**
 * One image kept with an article: its file name in the article's folder, the address the body
 * gives it (`src`; for an imported bundle, the relative name the file linked), where it was
 * fetched from, and its type and size.
 */
export interface SavedImageRef {
  name: string;
  src: string;
  url: string;
  type: string;
  size: number;
}

/** An image's bytes as the `images` store keeps them, under the article's key and the file name. */
export interface StoredImage {
  link: string;
  name: string;
  blob: Blob;
}

/**
 * What the library list needs about one article, kept in its own `summaries` store so that
 * listing 10,000 articles never reads (and deserializes) their bodies. The export state
 * (`exportedAt`, `exportedVersion`) is kept in the `exports` store's marks and joined on reading.
 */
export interface Summary {
  link: string;
  title: string;
  description: string;
  siteName: string;
  site: string;
  date: string;
  tags: string[];
  draft: boolean;
  savedAt: string;
  editedAt: string;
  /** When the article was last downloaded or exported; null when never. */
  exportedAt: string | null;
  /**
   * The `editedAt` of the version that export wrote; null when never exported. The article is
   * exported "since its last change" only while this equals `editedAt`: a save or an edit made
   * while an export runs changes `editedAt`, so it is not taken for exported.
   */
  exportedVersion: string | null;
}

/** When and which version of an article was last exported. */
export interface ExportState {
  exportedAt: string | null;
  exportedVersion: string | null;
}

export const NEVER_EXPORTED: ExportState = { exportedAt: null, exportedVersion: null };

/** Whether the article's current version is the one last exported (Export new leaves it out). */
export function exportedSinceChange(summary: Pick<Summary, 'editedAt' | 'exportedVersion'>): boolean {
  return summary.exportedVersion !== null && summary.exportedVersion === summary.editedAt;
}

/** A saved article with all it keeps: the stored record plus when it was last exported. */
export interface LibraryEntry extends StoredArticle {
  exportedAt: string | null;
}

/** A summary as the `summaries` store keeps it: the export state lives apart (`ExportMarks`). */
export type StoredSummary = Omit<Summary, 'exportedAt' | 'exportedVersion'>;

/**
 * When and which version of each exported article was exported, by link: one bucket of the
 * `exports` store (export-marks.ts). Marking a whole library exported is then a few hundred
 * writes, not one per article (IndexedDB's cost is mostly per record).
 */
export type ExportMarks = Map<string, ExportState>;

/** The list's view of a stored article, as the `summaries` store keeps it. */
export function summaryOf(entry: ArticleRecord): StoredSummary {
  return {
    link: entry.link,
    title: entry.title,
    description: entry.description,
    siteName: entry.siteName,
    site: entry.site,
    date: entry.date,
    tags: [...entry.tags],
    draft: entry.draft,
    savedAt: entry.savedAt,
    editedAt: entry.editedAt,
  };
}

/**
 * A stored summary with its export state from the marks (never exported when none). Fills the
 * record it is given (fresh from the store, the caller's own): 10,000 of them are not copied.
 */
export function withExportState(summary: StoredSummary, marks: ExportMarks): Summary {
  const state = marks.get(summary.link) ?? NEVER_EXPORTED;
  return Object.assign(summary, { exportedAt: state.exportedAt, exportedVersion: state.exportedVersion });
}

/** A stored record as the Article the popup's form and the core work with. */
export function articleOf(record: ArticleRecord): Article {
  const entry = articleOfRecord(record);
  return {
    title: entry.title, date: entry.date, dateSource: entry.dateSource, description: entry.description,
    summary: entry.summary, slug: entry.slug, image: entry.image, link: entry.link, source: entry.source,
    categories: [...entry.categories], tags: [...entry.tags], draft: entry.draft, body: entry.body,
    siteName: entry.siteName, keywords: [...entry.keywords], filename: entry.filename,
  };
}
