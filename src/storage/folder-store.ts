import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Folder } from '../folder/folder-api.ts';

/**
 * The chosen folder and what was last written there, apart from the library's database: a
 * directory handle can only live in IndexedDB (it is not JSON, so not in storage.sync), and the
 * folder's bookkeeping must not make the library's schema move.
 */
interface FolderSchema extends DBSchema {
  folder: { key: 'chosen'; value: { handle: Folder; name: string; chosenAt: string } };
  /** Per article (library key): the path written last and a digest of the files written there. */
  written: { key: string; value: WrittenState & { writtenAt: string } };
}

const DB_NAME = 'frontclip-folder';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<FolderSchema>> | undefined;

function db(): Promise<IDBPDatabase<FolderSchema>> {
  opening ??= openDB<FolderSchema>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('folder');
      database.createObjectStore('written');
    },
  }).catch((err: unknown) => {
    opening = undefined;
    throw err;
  });
  return opening;
}

export interface ChosenFolder {
  handle: Folder;
  name: string;
}

/** The folder the reader chose, or null when none is (the Downloads folder is used). */
export async function chosenFolder(): Promise<ChosenFolder | null> {
  const record = await (await db()).get('folder', 'chosen');
  return record ? { handle: record.handle, name: record.name } : null;
}

/** Keeps the reader's new folder; nothing is written there yet, so the record of writes starts afresh. */
export async function chooseFolder(handle: Folder): Promise<void> {
  const tx = (await db()).transaction(['folder', 'written'], 'readwrite');
  await Promise.all([
    tx.objectStore('written').clear(),
    tx.objectStore('folder').put({ handle, name: handle.name, chosenAt: new Date().toISOString() }, 'chosen'),
    tx.done,
  ]);
}

/** Forgets the folder and what was written to it (a new folder starts with nothing written). */
export async function forgetFolder(): Promise<void> {
  const tx = (await db()).transaction(['folder', 'written'], 'readwrite');
  await Promise.all([tx.objectStore('folder').clear(), tx.objectStore('written').clear(), tx.done]);
}

/** What was last written into the chosen folder for one article. */
export interface WrittenState {
  path: string;
  /** `writeDigest` of what was written. */
  digest: string;
  /** The version of the article that was written, and the template that named it: a cheap first test before the content is compared. */
  editedAt?: string;
  template?: string;
}

export async function writtenRecords(): Promise<Map<string, WrittenState>> {
  const database = await db();
  const [keys, values] = await Promise.all([database.getAllKeys('written'), database.getAll('written')]);
  return new Map(keys.map((key, i) => {
    const { writtenAt: _at, ...state } = values[i]!;
    return [key, state];
  }));
}

export async function noteWritten(key: string, record: WrittenState): Promise<void> {
  await noteWrittenMany([[key, record]]);
}

/** Records the writes of many articles in one transaction. */
export async function noteWrittenMany(records: readonly (readonly [string, WrittenState])[]): Promise<void> {
  if (records.length === 0) return;
  const tx = (await db()).transaction('written', 'readwrite');
  const writtenAt = new Date().toISOString();
  await Promise.all([...records.map(([key, record]) => tx.store.put({ ...record, writtenAt }, key)), tx.done]);
}
