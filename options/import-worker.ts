// A worker that reads picked import files (unzips, decodes, parses the front matter) so that the
// library page stays responsive, shows progress and can cancel (by ending the worker). Several run
// at once, each on one part of the files.
import { readImport, type ImportReading } from './library-import.ts';
import { messageOf } from '../src/core/error-message.ts';
import { packBodies, type PackedBodies } from './body-pack.ts';
import { importSource } from './import-source.ts';
import type { Part } from './part-run.ts';

export interface ImportRequest {
  files: File[];
  template: string;
  part: Part;
}

export type ImportReply =
  | { type: 'progress'; done: number; total: number }
  /** The articles' bodies travel apart, packed (./body-pack.ts). */
  | { type: 'done'; reading: ImportReading; bodies: PackedBodies }
  | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ImportRequest>) => void) | null; postMessage: (reply: ImportReply, transfer?: Transferable[]) => void };

scope.onmessage = async ({ data: { files, template, part } }) => {
  try {
    const sources = await Promise.all(files.map((file) => importSource(file, part)));
    const reading = readImport(sources, template, { part, bodyBytes: true, onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }) });
    const bodies = packBodies(reading.articles);
    scope.postMessage({ type: 'done', reading, bodies }, [bodies.bytes.buffer]);
  } catch (err) {
    scope.postMessage({ type: 'error', message: messageOf(err) });
  }
};
