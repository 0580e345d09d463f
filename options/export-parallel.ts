import type { ArticleRecord } from '../src/storage/library.ts';
import type { ExportResult } from './library-export.ts';
import { ExportPart, type PartResult } from './export-part.ts';
import type { ExportWorkerReply, ExportWorkerRequest } from './export-worker.ts';
import { manifestFromParts, MANIFEST_NAME } from './library-manifest.ts';
import { moveDirectory, StoredZipWriter } from './stored-zip.ts';
import { ZipNamer, type ExportLayout } from './zip-names.ts';
import { memoryZipSink, removeSpoolFile, spoolName, sweepSpoolFiles } from './zip-sink.ts';

/** What every part of one export is asked for. */
export interface PartRequest {
  links: string[] | null;
  template: string;
  layout: ExportLayout;
}

/** One part of an export, in a worker (`workerPart`) or on the page's own thread (`localPart`). */
export interface PartRunner {
  /** Reads and writes the part; null when it was cancelled. */
  run(onProgress: (done: number) => void): Promise<PartResult | null>;
  /** Writes the part's files again under `paths` (names clashed with another part's). */
  rewrite(paths: string[]): Promise<PartResult | null>;
  /** Its names are final: it may let go of the articles it kept for a rewrite (its file stays). */
  settle(): void;
  /** Stops it; its spool file is removed. */
  cancel(): Promise<void>;
  /** Frees its spool file once the browser has copied the zip. */
  release(): void;
}

const cancelled = () => new DOMException('The export was cancelled.', 'AbortError');

/** A part could not run at all (its worker failed to load): the export may be written another way. */
export class PartsUnavailable extends Error {}

/** A part in a module worker, which reads the store itself and writes its own spool file. */
export function workerPart(request: PartRequest, part: { index: number; of: number }): PartRunner {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  let spool = spoolName(`-part${part.index}`);
  let waiting: { settle: (reply: ExportWorkerReply) => void; fail: (err: Error) => void } | null = null;
  let progress: (done: number) => void = () => {};
  const ask = (message: ExportWorkerRequest) => new Promise<ExportWorkerReply>((resolve, reject) => {
    waiting = { settle: resolve, fail: reject };
    worker.postMessage(message);
  });
  worker.onmessage = ({ data }: MessageEvent<ExportWorkerReply>) => {
    if (data.type === 'progress') progress(data.done);
    else if (data.type === 'error') waiting?.fail(new Error(data.message));
    else waiting?.settle(data);
  };
  // The worker answers every failure of its own with a message: an error event means it did not run.
  let dead = false;
  worker.onerror = (event) => {
    event.preventDefault();
    dead = true;
    waiting?.fail(new PartsUnavailable(event.message || 'the export worker could not start'));
  };
  const result = (reply: ExportWorkerReply) => (reply.type === 'part' ? reply.result : null);
  const end = () => {
    worker.terminate();
    void removeSpoolFile(spool);
  };
  return {
    async run(onProgress) {
      progress = onProgress;
      return result(await ask({ type: 'run', ...request, part, spool }));
    },
    async rewrite(paths) {
      void removeSpoolFile(spool);
      spool = spoolName(`-part${part.index}`);
      return result(await ask({ type: 'rewrite', paths, spool }));
    },
    // The part's file is the page's now; the worker and the articles it holds are no longer needed.
    settle: () => worker.terminate(),
    async cancel() {
      // Asked first, so that the worker closes and removes its file; ended anyway after a while.
      if (!dead) {
        const answered = ask({ type: 'cancel' }).catch(() => undefined);
        await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
      end();
    },
    release: end,
  };
}

/** A part on the page's own thread (where no worker starts, and in tests), its zip in memory. */
export function localPart(
  request: PartRequest,
  part: { index: number; of: number },
  readBatches: (links: readonly string[] | null, size: number, part: { index: number; of: number }) => AsyncIterable<readonly ArticleRecord[]>,
  readImages?: (link: string) => Promise<Map<string, Blob>>,
): PartRunner {
  const writer = new ExportPart(request.template, request.layout);
  let stopped = false;
  const options = { ...(readImages ? { readImages } : {}), cancelled: () => stopped };
  return {
    run: (onProgress) => writer.run(readBatches(request.links, 250, part), memoryZipSink(), { ...options, onProgress }),
    rewrite: (paths) => writer.rewrite(paths, memoryZipSink(), options),
    settle: () => {},
    cancel: async () => {
      stopped = true;
    },
    release: () => {},
  };
}

/** Rejects when `signal` aborts: raced against each step, so Cancel never waits for a part. */
function abortion(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(cancelled());
    signal?.addEventListener('abort', () => reject(cancelled()), { once: true });
  });
}

/**
 * Builds an export zip from parts written side by side, each into its own file. The names are
 * then made unique over all parts in order, as one writer would name them; a part whose names
 * differ (a clash with an earlier part's, rare) writes its files again under these. The zip is the
 * parts' files one after another and a short tail written here: the manifest, the central
 * directory (each part's records moved by the sizes of the parts before it) and the end record,
 * as a Blob of those files (nothing is copied). A cancel stops every part and removes its file.
 */
export async function buildExportInParts(runners: readonly PartRunner[], layout: ExportLayout, options: {
  signal?: AbortSignal;
  /** Articles written so far, over all parts. */
  onProgress?: (done: number) => void;
} = {}): Promise<ExportResult> {
  const started = performance.now();
  const stop = abortion(options.signal);
  stop.catch(() => {});
  try {
    const done = runners.map(() => 0);
    const ran = await Promise.race([Promise.all(runners.map((r, i) => r.run((n) => {
      done[i] = n;
      options.onProgress?.(done.reduce((a, b) => a + b, 0));
    }))), stop]);
    if (ran.some((p) => p === null)) throw cancelled();
    const results = ran as PartResult[];
    const readMs = performance.now() - started;
    // The names one writer would give, over the parts in order; a part whose own names differ
    // (a clash with an earlier part's) writes its files again under these.
    const namer = new ZipNamer(layout);
    const names = results.map((r) => r.files.map((f) => namer.name(f.filename)));
    const again = await Promise.race([Promise.all(results.map((r, i) => (r.files.every((f, j) => f.name === names[i]![j]) ? r : runners[i]!.rewrite(names[i]!)))), stop]);
    if (again.some((p) => p === null)) throw cancelled();
    const parts = again as PartResult[];
    for (const runner of runners) runner.settle();
    let offset = 0;
    const records: Uint8Array[] = [];
    for (const part of parts) {
      records.push(moveDirectory(part.directory, offset));
      offset += part.size;
    }
    const files = parts.flatMap((p) => p.files.map(({ name, link, editedAt }) => ({ name, link, editedAt })));
    // A part written again lists only what failed the second time: what failed first counts too.
    const failed = parts.flatMap((p, i) => (p === results[i] ? p.failed : [...results[i]!.failed, ...p.failed]));
    const tail = new StoredZipWriter(memoryZipSink(), { offset, prior: { records, count: parts.reduce((n, p) => n + p.count, 0) } });
    // Timed by the newest edit it describes, so the same library gives the same zip entry.
    const newest = parts.reduce((latest, p) => (p.newest > latest ? p.newest : latest), '');
    if (files.length > 0) await tail.add({ path: MANIFEST_NAME, data: manifestFromParts(parts.map((p) => p.manifest)), mtime: new Date(newest) });
    const end = await tail.end();
    const file = new Blob([...parts.map((p) => p.file), end.file], { type: 'application/zip' });
    const release = () => runners.forEach((r) => r.release());
    return { file, release, files, failed, bytes: parts.reduce((n, p) => n + p.bytes, 0), readMs, zipMs: performance.now() - started - readMs };
  } catch (err) {
    await Promise.all(runners.map((r) => r.cancel()));
    throw err;
  }
}

/**
 * The parts of an export on the real page: one worker per core (at most four). Spool files an
 * earlier export left behind (its page closed before it ended) are removed first.
 */
export async function workerParts(request: PartRequest): Promise<PartRunner[]> {
  await sweepSpoolFiles();
  const of = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  return Array.from({ length: of }, (_, index) => workerPart(request, { index, of }));
}
