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

function memorySink(): ZipSink {
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

/** Removes spool files an earlier export left behind (its page was closed before it finished). */
async function sweep(root: OpfsRoot, keep: string): Promise<void> {
  if (typeof root.keys !== 'function') return;
  for await (const name of root.keys()) {
    if (name.startsWith(SPOOL_PREFIX) && name !== keep) await root.removeEntry(name).catch(() => {});
  }
}

async function opfsSink(root: OpfsRoot): Promise<ZipSink> {
  const name = `${SPOOL_PREFIX}${Date.now()}-${Math.random().toString(36).slice(2)}.zip`;
  const handle = await root.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  void sweep(root, name).catch(() => {});
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
  const storage = typeof navigator === 'object' ? navigator.storage : undefined;
  if (typeof storage?.getDirectory !== 'function' || typeof FileSystemFileHandle === 'undefined' || !('createWritable' in FileSystemFileHandle.prototype)) {
    return memorySink();
  }
  try {
    return await opfsSink(await storage.getDirectory() as OpfsRoot);
  } catch {
    return memorySink();
  }
}
