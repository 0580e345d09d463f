// A worker that writes one part of an export zip (export-part.ts): it reads its share of the
// library's buckets straight from IndexedDB and writes their files into its own spool file. Two or
// more run side by side, so the reading, the file writer, the encoding and the CRCs of a large
// library are spread over the cores and kept off the page.
import { readArticleBatches, readArticleImages } from '../src/storage/library.ts';
import { messageOf } from '../src/core/error-message.ts';
import { ExportPart, type PartOptions, type PartResult } from './export-part.ts';
import type { ExportLayout } from './zip-names.ts';
import { openPartSink } from './zip-sink.ts';

export type ExportWorkerRequest =
  | { type: 'run'; links: string[] | null; part: { index: number; of: number }; template: string; layout: ExportLayout; spool: string }
  | { type: 'rewrite'; paths: string[]; spool: string }
  | { type: 'cancel' };

export type ExportWorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'part'; result: PartResult }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ExportWorkerRequest>) => void) | null; postMessage: (reply: ExportWorkerReply) => void };

/** Articles a read: bigger reads of the store cost less each (about 8 MB of text at a time). */
const BATCH = 1000;

let part: ExportPart | null = null;
let cancelled = false;
let working = false;

const options: PartOptions = {
  readImages: readArticleImages,
  onProgress: (done) => scope.postMessage({ type: 'progress', done }),
  cancelled: () => cancelled,
};

scope.onmessage = async ({ data }) => {
  if (data.type === 'cancel') {
    cancelled = true;
    // A part being written stops at its next batch, removes its file and answers then.
    if (!working) scope.postMessage({ type: 'cancelled' });
    return;
  }
  working = true;
  try {
    let result: PartResult | null;
    if (data.type === 'run') {
      part = new ExportPart(data.template, data.layout);
      result = await part.run(readArticleBatches(data.links, BATCH, data.part), await openPartSink(data.spool), options);
    } else {
      if (!part) throw new Error('the export part was asked to write again before it ran');
      result = await part.rewrite(data.paths, await openPartSink(data.spool), options);
    }
    scope.postMessage(result ? { type: 'part', result } : { type: 'cancelled' });
  } catch (err) {
    scope.postMessage({ type: 'error', message: messageOf(err) });
  } finally {
    working = false;
  }
};
