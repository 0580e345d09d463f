import type { Article } from './core/article.ts';
import type { TagSource } from './core/tag-source.ts';
import type { FolderAction } from './folder/folder-write.ts';

/** What to clip: Readability's article, the whole page, or the reader's selection. */
export type ClipMode = 'article' | 'page' | 'selection';

/** Why a clip gave no article, so the popup can show a clear state instead of a blank. */
export type ClipFailure =
  | 'restricted' // chrome://, about:, the web stores, PDF viewers: extensions may not run there
  | 'no-access' // an ordinary web page the browser has not let Frontclip read (no activeTab grant)
  | 'no-article' // Readability found nothing worth clipping: offer the whole page or the selection
  | 'no-selection' // "Clip selection" with nothing selected
  | 'loading' // the tab is still loading
  | 'too-large' // the whole page or the selection is too big to convert while the reader waits
  | 'error'; // the content script failed or could not be reached

/** Why an image was kept as a link instead of saved with the article. */
export type ImageFailure =
  | 'blocked' // the site refused, Frontclip may not read it (no permission, no CORS), or it is unreachable
  | 'not-found' // 404 or 410
  | 'http-error' // another error status
  | 'timed-out'
  | 'too-large' // over the per-image limit
  | 'article-limit' // the article's images together are over their limit
  | 'not-an-image'
  | 'unsafe-svg' // an SVG with scripts or references to other files
  | 'storage' // the library had no room for it
  | 'write'; // the browser did not write the file

/**
 * How a write into the chosen folder went: the file was created, updated (it was this article's),
 * written under a new name (`-2`: the name was someone else's file), or waits for the reader to
 * allow access in the tab that opened.
 */
export interface FolderOutcome {
  folderName: string;
  action: FolderAction | 'waiting';
}

/** What happened to an article's images: how many were saved, how many kept as links and why. */
export interface ImageReport {
  saved: number;
  linked: number;
  reasons: Partial<Record<ImageFailure, number>>;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; reason: ClipFailure | 'storage' | 'download'; message: string };

/**
 * The one protocol between the extension's pages and its service worker (docs/DESIGN.md, principle 3):
 * message name -> (request) => response. Senders and the handler object share this map, so a
 * missing handler or a wrong payload is a type error.
 */
export interface Protocol {
  /**
   * Clip a tab through the content script; nothing is stored. With `preferSelection`, an article
   * clip takes the reader's selection instead when there is one; `mode` says what was clipped.
   * `saved` is the link's library entry, looked up while the page was read (absent from old workers).
   */
  clip(request: { tabId: number; mode?: ClipMode; preferSelection?: boolean }): Result<{ article: Article; tabUrl: string; mode?: ClipMode; saved?: SavedState | null }>;
  /** Keep the (edited) article in the library; with `images`, its images too. */
  save(request: { article: Article; images?: boolean }): Result<{ savedAt: string; images?: ImageReport }>;
  /**
   * Save to the library and download the file now (with `images`, as a page bundle with its
   * images), into the Downloads folder or the folder the reader chose (`folder`).
   */
  download(request: { article: Article; images?: boolean }): Result<{ savedAt: string; filename: string; images?: ImageReport; folder?: FolderOutcome }>;
  /** Writes a saved article into the chosen folder (the tab that asks for the folder's permission). */
  folderWrite(request: { link: string; images?: boolean }): Result<{ filename: string; folder: FolderOutcome; images?: ImageReport }>;
  /** Clip a tab and download it at once with the suggested tags (keyboard command, context menu). */
  quickDownload(request: { tabId: number; mode?: ClipMode }): Result<{ filename: string; images?: ImageReport; folder?: FolderOutcome }>;
  /** Tags already used in the library, most used first: the popup's autocomplete. */
  knownTags(request: Record<string, never>): Result<{ tags: string[] }>;
  /** Whether a link is already in the library: the popup says "Already saved on <date>". */
  lookup(request: { link: string }): Result<{ saved: SavedState | null }>;
  /** Downloads one saved article as a file named by the current template (the library's "Download"). */
  downloadSaved(request: { link: string }): Result<{ filename: string }>;
}

/** What the popup learns about a link already in the library (ISO 8601 times). */
export interface SavedState {
  savedAt: string;
  editedAt: string;
  exportedAt: string | null;
  /** The tags the reader gave it: a new clip of the link starts from these, not from fresh suggestions. */
  tags: string[];
}

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Parameters<Protocol[K]>[0];
export type ResponseOf<K extends MessageName> = ReturnType<Protocol[K]>;

/** The envelope on the wire: `{ name, request }`. */
export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  request: RequestOf<K>;
}

/** The service worker's handler object: one async function per message name. */
export type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

/** Content script protocol: the worker asks the injected script of one tab for its article. */
export interface ContentRequest {
  name: 'frontclip:extract';
  mode: ClipMode;
  /** In `article` mode: clip the selection instead when the reader has made one. */
  preferSelection?: boolean;
  body: 'markdown' | 'html';
  filenameTemplate: string;
}
/** The article without its tags (`tags` and `keywords` empty): the worker adds them (tag-fields.ts). */
export type ContentResponse = Result<{ article: Article; tagSource: TagSource; mode?: ClipMode }>;

/**
 * Asked before injecting: a tab whose content script already listens answers `{ ok: true }`, so
 * the worker does not inject the script a second time.
 */
export interface ContentPing {
  name: 'frontclip:ping';
}
export type ContentMessage = ContentRequest | ContentPing;
