import type {
  ArticleRecord, ExportedVersion, ImportedArticle, ImportOutcome, LibraryEntry, RemovedArticle, Summary, TagChange, WriteOptions,
} from '../src/storage/library.ts';
import type { Settings } from '../src/storage/settings-schema.ts';
import type { Send } from '../src/ui/send.ts';
import type { VirtualList } from './library-list.ts';
import type { LibraryState } from './library-state.ts';
import type { LibraryView } from './library-view.ts';
import type { SaveOutcome } from './save-zip.ts';
import type { ZipCompression } from './zip-writer.ts';
import type { ZipSink } from './zip-sink.ts';
import type { ImportReading } from './library-import.ts';
import type { FolderDeps } from './action-folder.ts';
import type { PartRequest, PartRunner } from './export-parallel.ts';

/** The store functions the page uses (src/storage/library.ts); tests pass the real ones over fake-indexeddb. */
export interface LibraryStore {
  listSummaries(): Promise<Summary[]>;
  /** The newest few, shown while the whole list loads. */
  listNewestSummaries?(limit: number): Promise<Summary[]>;
  getArticle(link: string): Promise<LibraryEntry | undefined>;
  deleteArticles(links: readonly string[], options?: WriteOptions): Promise<RemovedArticle[]>;
  restoreArticles(removed: readonly RemovedArticle[]): Promise<number>;
  retagArticles(links: readonly string[], change: TagChange, options?: WriteOptions): Promise<number>;
  importArticles(articles: readonly ImportedArticle[], options?: WriteOptions): Promise<ImportOutcome>;
  markExported(versions: readonly ExportedVersion[]): Promise<number>;
  readArticleBatches(links: readonly string[] | null, size?: number): AsyncIterable<ArticleRecord[]>;
  /** The images an article keeps, by file name (absent in tests that keep none). */
  readArticleImages?(link: string): Promise<Map<string, Blob>>;
}

/** Reads picked files into articles, off the page's thread where it can; progress as files are read. */
export type ReadFiles = (
  files: readonly File[],
  template: string,
  options: { signal: AbortSignal; onProgress: (done: number, total: number) => void },
) => Promise<ImportReading>;

export interface LibraryDeps {
  store: LibraryStore;
  /** Talks to the worker: the editor's Save and Download, a row's Download. */
  send: Send;
  loadSettings: () => Promise<Settings>;
  /** Hands a finished zip to the browser's downloads; `release` frees its spool file afterwards. */
  saveZip: (file: Blob, filename: string, settings: Settings, release?: () => void) => Promise<SaveOutcome>;
  /** Where an export's zip is written while it is built (a spool file, or memory). */
  openZipSink?: () => Promise<ZipSink>;
  /**
   * The parts of a stored export, written side by side (workers on the real page); without it,
   * one writer on the page's thread.
   */
  exportParts?: (request: PartRequest) => Promise<PartRunner[]>;
  /** How export entries are stored; `store` (the faster, measured) unless told. */
  compression?: ZipCompression;
  /** Reads import files (in workers on the real page); the page's own thread by default. */
  readFiles?: ReadFiles;
  /** The chosen folder, for Write to folder and Sync folder; absent where the browser has none (Firefox). */
  folder?: FolderDeps;
  /** Subscribes to changes made by other pages or the worker; returns an unsubscribe. */
  onLibraryChanged?: (listener: () => void) => () => void;
  now?: () => Date;
}

/** What every action of the page works with. */
export interface LibraryContext {
  deps: LibraryDeps;
  state: LibraryState;
  view: LibraryView;
  list: VirtualList<Summary>;
  now: () => Date;
  showStatus(text: string, kind: 'info' | 'success' | 'error'): void;
  offerUndo(removed: RemovedArticle[] | null): void;
  /** Lists files or articles that could not be handled, under a heading; an empty list hides it. */
  showReport(heading: string, items: readonly { name: string; reason: string }[]): void;
  /** Reads the library again and shows it. */
  reload(): Promise<void>;
  /** Runs one library action at a time, with its failure in the status line. */
  runAction(work: () => Promise<void>): Promise<void>;
}
