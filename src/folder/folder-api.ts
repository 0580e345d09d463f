/**
 * The part of the File System Access API Frontclip uses, typed here because TypeScript's DOM
 * library lacks the permission calls. A `FileSystemDirectoryHandle` of the browser fits it, and so
 * does the in-memory folder of the unit tests.
 */
export type FolderPermission = 'granted' | 'prompt' | 'denied';

export interface FolderFile {
  getFile(): Promise<{ readonly size: number; text(): Promise<string> }>;
  createWritable(): Promise<{ write(data: string | Blob): Promise<void>; close(): Promise<void>; abort?(): Promise<void> }>;
}

export type FolderEntry = { kind: 'directory'; name: string } | ({ kind: 'file'; name: string } & FolderFile);

export interface Folder {
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<Folder>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FolderFile>;
  /** The folder's entries (a browser's handle has it; only a bundle cut short is looked into). */
  values?(): AsyncIterable<FolderEntry>;
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<FolderPermission>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<FolderPermission>;
}

/** The error a handle gives for a name that is not there (DOMException `NotFoundError`). */
export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'NotFoundError';
}
