import type { Folder } from './folder-api.ts';

/** One change a `FileSystemObserver` reports (the fields Frontclip reads). */
export interface FolderChange {
  type: 'appeared' | 'disappeared' | 'modified' | 'moved' | 'unknown' | 'errored';
  relativePathComponents: readonly string[];
}

/** The browser's `FileSystemObserver` (Chromium 133+), typed here: TypeScript's DOM library lacks it. */
export interface FolderObserver {
  observe(folder: Folder): Promise<void>;
  disconnect(): void;
}
export type FolderObserverClass = new (callback: (changes: readonly FolderChange[]) => void) => FolderObserver;

/** Names compared as the disks that ignore case and Unicode normalization (macOS, Windows) compare them. */
export const foldName = (name: string): string => name.normalize('NFC').toLowerCase();

/** What a run of writes knows about which names a folder holds. */
export interface FolderNames {
  /** False only when the name is known to be free: no file or folder of that name, whatever the case. */
  maybeTaken(name: string): boolean;
  /** A name this run is about to create. */
  take(name: string): void;
  stop(): void;
}

const unknown: FolderNames = { maybeTaken: () => true, take: () => {}, stop: () => {} };

/**
 * The names in `folder`, listed once for a run that writes many files, so that a name that is not
 * there is not asked about file by file (a round trip to the browser each: about a fifth of a first
 * sync's time). A file someone else creates during the run must still never be overwritten: the
 * folder is watched (the browser's `FileSystemObserver`, started before the listing so nothing
 * slips in between) and every name that appears is taken. Where the browser cannot watch, where
 * it says it lost track, or where the folder holds more names than the run will write (listing
 * would cost more than asking), every name is asked about as before.
 */
export async function watchNames(folder: Folder, most: number, Observer: FolderObserverClass | undefined): Promise<FolderNames> {
  if (!Observer || !folder.values || most <= 0) return unknown;
  const taken = new Set<string>();
  let trusted = true;
  const observer = new Observer((changes) => {
    for (const change of changes) {
      if (change.type === 'unknown' || change.type === 'errored') trusted = false;
      else if (change.relativePathComponents.length > 0) taken.add(foldName(change.relativePathComponents[0]!));
    }
  });
  try {
    await observer.observe(folder);
    for await (const entry of folder.values()) {
      taken.add(foldName(entry.name));
      if (taken.size > most) throw new Error('more names than files to write');
    }
  } catch {
    observer.disconnect();
    return unknown;
  }
  return {
    maybeTaken: (name) => !trusted || taken.has(foldName(name)),
    take: (name) => void taken.add(foldName(name)),
    stop: () => observer.disconnect(),
  };
}

/** The browser's folder observer, where it has one. */
export function browserFolderObserver(): FolderObserverClass | undefined {
  return (globalThis as { FileSystemObserver?: FolderObserverClass }).FileSystemObserver;
}
