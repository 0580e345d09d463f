import { concatBytes } from '../src/concat-bytes.ts';

/**
 * Where a zip goes while it is written: a file in the extension's origin-private file system
 * (OPFS), written as it grows, so the zip never sits whole in the page's memory; or, where the
 * page has no OPFS (a test in jsdom), Blob parts, which the browser keeps outside the JS heap.
 * Nothing reaches the downloads folder until the zip is complete: a cancelled or failed export
 * leaves no partial zip anywhere (its spool file is removed).
 */
export interface ZipSink {
  /** Queues bytes; they are written in order. */
  write(chunk: Uint8Array): void;
  /** Resolves once everything queued so far is written (back-pressure between batches). */
  drain(): Promise<void>;
  /** The finished zip, and how to remove its spool file once the browser has copied it. */
  finish(): Promise<{ file: Blob; release: () => void }>;
  /** Drops everything written so far. */
  discard(): Promise<void>;
}

/** Written in pieces of this size: one OPFS write per fflate chunk (often 30 bytes) would crawl. */
const PIECE_BYTES = 4 * 1024 * 1024;

const SPOOL_PREFIX = 'frontclip-export-';

/** Gathers small chunks into pieces and hands each full piece to `flush`. */
function pieces(flush: (piece: Uint8Array<ArrayBuffer>) => void) {
  let chunks: Uint8Array[] = [];
  let size = 0;
  return {
    add(chunk: Uint8Array) {
      // A piece from the stored-zip writer (half a piece or more) goes as it is, without a copy.
      if (chunk.length >= PIECE_BYTES / 2) {
        this.flush();
        flush(chunk as Uint8Array<ArrayBuffer>);
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
      if (size >= PIECE_BYTES) this.flush();
    },
    flush() {
      if (size === 0) return;
      flush(concatBytes(chunks, size));
      chunks = [];
      size = 0;
    },
  };
}

/** Blob parts: where no spool file can be written. */
export function memoryZipSink(): ZipSink {
  const parts: Blob[] = [];
  const buffer = pieces((piece) => parts.push(new Blob([piece])));
  return {
    write: (chunk) => buffer.add(chunk),
    drain: async () => {},
    async finish() {
      buffer.flush();
      return { file: new Blob(parts, { type: 'application/zip' }), release: () => {} };
    },
    async discard() {
      parts.length = 0;
    },
  };
}

type OpfsRoot = FileSystemDirectoryHandle & { keys?: () => AsyncIterable<string> };

/** A new spool file's name (`part` for one of the parts of an export written side by side). */
export function spoolName(part = ''): string {
  return `${SPOOL_PREFIX}${Date.now()}-${Math.random().toString(36).slice(2)}${part}.zip`;
}

async function opfsRoot(): Promise<OpfsRoot | null> {
  const storage = typeof navigator === 'object' ? navigator.storage : undefined;
  if (typeof storage?.getDirectory !== 'function') return null;
  return storage.getDirectory().catch(() => null) as Promise<OpfsRoot | null>;
}

/** Removes spool files an earlier export left behind (its page was closed before it finished). */
async function sweep(root: OpfsRoot, keep: ReadonlySet<string>): Promise<void> {
  if (typeof root.keys !== 'function') return;
  for await (const name of root.keys()) {
    if (name.startsWith(SPOOL_PREFIX) && !keep.has(name)) await root.removeEntry(name).catch(() => {});
  }
}

/** `sweep` for a page whose spool files are written elsewhere (in workers), before they start. */
export async function sweepSpoolFiles(): Promise<void> {
  const root = await opfsRoot();
  if (root) await sweep(root, new Set()).catch(() => {});
}

/** Removes one spool file (a part of an export, once the browser has copied the zip). */
export async function removeSpoolFile(name: string): Promise<void> {
  const root = await opfsRoot();
  await root?.removeEntry(name).catch(() => {});
}

interface SyncAccess {
  write(data: Uint8Array, options: { at: number }): number;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle?: () => Promise<SyncAccess> };

/**
 * A spool file written through a synchronous access handle, which only a dedicated worker has:
 * each piece goes straight to the file, with no copy handed to the browser's process (an async
 * writable's `write` of a 4 MB piece cost about 9 ms on the page's thread in a profile). Null where
 * the handle cannot be had; the caller then takes another sink.
 */
async function syncSpoolSink(root: OpfsRoot, name: string): Promise<ZipSink | null> {
  const handle = await root.getFileHandle(name, { create: true }) as SyncFileHandle;
  if (typeof handle.createSyncAccessHandle !== 'function') return null;
  const access = await handle.createSyncAccessHandle();
  let at = 0;
  let open = true;
  const close = () => {
    if (open) access.close();
    open = false;
  };
  const remove = () => void root.removeEntry(name).catch(() => {});
  return {
    write(chunk) {
      at += access.write(chunk, { at });
    },
    drain: async () => {},
    async finish() {
      // No `flush`: it forces the file to disk, which a spool file read back at once never needs.
      close();
      return { file: await handle.getFile(), release: remove };
    },
    async discard() {
      close();
      remove();
    },
  };
}

/**
 * The sink of one part of an export written in a worker: the named spool file, through a
 * synchronous handle where the worker has one, else an async writable, else Blob parts.
 */
export async function openPartSink(name: string): Promise<ZipSink> {
  const root = await opfsRoot();
  if (!root) return memoryZipSink();
  try {
    return await syncSpoolSink(root, name) ?? await opfsSink(root, name);
  } catch {
    await root.removeEntry(name).catch(() => {});
    return memoryZipSink();
  }
}

async function opfsSink(root: OpfsRoot, name: string): Promise<ZipSink> {
  const handle = await root.getFileHandle(name, { create: true });
  if (!('createWritable' in handle)) throw new Error('no writable spool files here');
  const writable = await handle.createWritable();
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const buffer = pieces((piece) => {
    queue = queue.then(() => writable.write(piece)).catch((err: unknown) => {
      failure ??= err;
    });
  });
  const remove = () => void root.removeEntry(name).catch(() => {});
  return {
    write: (chunk) => buffer.add(chunk),
    async drain() {
      await queue;
      if (failure) throw failure;
    },
    async finish() {
      buffer.flush();
      await queue;
      if (failure) throw failure;
      await writable.close();
      const file = await handle.getFile();
      return { file: file.slice(0, file.size, 'application/zip'), release: remove };
    },
    async discard() {
      await queue.catch(() => {});
      await writable.abort().catch(() => {});
      remove();
    },
  };
}

/** A sink on disk where the page has OPFS with writable files, else in Blob parts. */
export async function openZipSink(): Promise<ZipSink> {
  const root = typeof FileSystemFileHandle === 'function' && 'createWritable' in FileSystemFileHandle.prototype ? await opfsRoot() : null;
  if (!root) return memoryZipSink();
  try {
    const name = spoolName();
    const sink = await opfsSink(root, name);
    void sweep(root, new Set([name])).catch(() => {});
    return sink;
  } catch {
    return memoryZipSink();
  }
}
