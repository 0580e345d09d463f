import type { ReadFiles } from './library-deps.ts';
import type { ImportReading } from './library-import.ts';
import type { ImportReply, ImportRequest } from './import-worker.ts';
import { unpackReading } from './body-pack.ts';

const cancelled = () => new DOMException('The import was cancelled.', 'AbortError');

/** Reads the files on the page's own thread (tests, or where no module worker starts). */
export const readFilesHere: ReadFiles = async (files, template, { signal, onProgress }) => {
  // Loaded on use: the parser (and its YAML package) is not needed to show the library.
  const { readImport } = await import('./library-import.ts');
  const sources = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  if (signal.aborted) throw cancelled();
  const reading = readImport(sources, template, { onProgress });
  if (signal.aborted) throw cancelled();
  return reading;
};

/** The parts' readings as one, the articles back in file order. */
export function joinReadings(readings: readonly ImportReading[]): ImportReading {
  return {
    articles: readings.flatMap((r) => r.articles).sort((a, b) => a.order - b.order),
    invalid: readings.flatMap((r) => r.invalid),
    skipped: readings.flatMap((r) => r.skipped),
  };
}

function runPart(request: ImportRequest, signal: AbortSignal, onProgress: (done: number, total: number) => void, bodiesAsBytes: boolean): Promise<ImportReading> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportReading>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(cancelled());
    };
    signal.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
      if (data.type === 'progress') onProgress(data.done, data.total);
      else if (data.type === 'done') {
        finish();
        resolve(unpackReading(data.reading, data.bodies, bodiesAsBytes));
      } else {
        finish();
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the import worker could not start'));
    };
    worker.postMessage(request);
  });
}

/**
 * Reads the files in `parts` module workers at once (one per core, at most four), each taking
 * one part of the article files (of a zip, one run of its entries, and only that stretch of the
 * file is read: ./import-source.ts); the readings are put back in file order. Returns the page's own
 * reader where workers cannot start. With `bodiesAsBytes`, the bodies come as UTF-8 bytes for the
 * library to store so (`unpackBodies`).
 */
export function createReadFiles(parts = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)), { bodiesAsBytes = false } = {}): ReadFiles {
  if (typeof Worker !== 'function') return readFilesHere;
  return async (files, template, { signal, onProgress }) => {
    if (signal.aborted) throw cancelled();
    const progress = Array.from({ length: parts }, () => ({ done: 0, total: 0 }));
    const report = () => onProgress(progress.reduce((n, p) => n + p.done, 0), progress.reduce((n, p) => n + p.total, 0));
    const inner = new AbortController();
    const forward = () => inner.abort();
    signal.addEventListener('abort', forward, { once: true });
    try {
      const readings = await Promise.all(Array.from({ length: parts }, (_, index) => runPart(
        { files: [...files], template, part: { index, of: parts } },
        inner.signal,
        (done, total) => {
          progress[index] = { done, total };
          report();
        },
        bodiesAsBytes,
      ).catch((err: unknown) => {
        inner.abort();
        throw err;
      })));
      return joinReadings(readings);
    } catch (err) {
      throw signal.aborted ? cancelled() : err;
    } finally {
      signal.removeEventListener('abort', forward);
    }
  };
}
