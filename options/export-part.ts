import { messageOf } from '../src/core/error-message.ts';
import type { ArticleRecord } from '../src/storage/library.ts';
import { entriesAt, filePieces, type ExportedFile, type FailedArticle } from './library-export.ts';
import type { FilePiece } from './file-pieces.ts';
import { manifestPart, type ManifestEntry } from './library-manifest.ts';
import { StoredZipWriter } from './stored-zip.ts';
import { exportFilename, ZipNamer, type ExportLayout } from './zip-names.ts';
import type { ZipSink } from './zip-sink.ts';

/** What one part of an export hands back: its bytes, and what the whole zip needs to know of them. */
export interface PartResult {
  file: Blob;
  /** The central directory records of the part's files, offsets from the part's start. */
  directory: Uint8Array;
  count: number;
  size: number;
  /** The files' total size, in bytes. */
  bytes: number;
  /** The articles written, in order, each with the name the template gave it before any `-2`. */
  files: (ExportedFile & { filename: string })[];
  /** Its articles' entries of the manifest, encoded (`manifestPart`). */
  manifest: Uint8Array;
  /** The newest `editedAt` among its files ('' when none). */
  newest: string;
  failed: FailedArticle[];
}

export interface PartOptions {
  readImages?: (link: string) => Promise<Map<string, Blob>>;
  onProgress?: (done: number) => void;
  /** Asked between batches; a cancelled part discards its file and gives null. */
  cancelled?: () => boolean;
}

/** An article the part wrote, kept until the page has checked its name. */
interface Written {
  entry: ArticleRecord;
  filename: string;
  /** Its file's text when that does not depend on the name (no images kept), else null. */
  text: readonly FilePiece[] | null;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One part of an export: some of the library's buckets, read and written by one worker while
 * others write the rest (`export-parallel.ts`). It reads, names and writes in one pass, reading
 * the next batch while it writes one. Names are made unique within the part; the page then names
 * every part's files in order, as one writer would, and in the rare case where a name clashes
 * with another part's the part writes its file again under the page's names (`rewrite`).
 */
export class ExportPart {
  private written: Written[] = [];

  constructor(private readonly template: string, private readonly layout: ExportLayout) {}

  async run(batches: AsyncIterable<readonly ArticleRecord[]>, sink: ZipSink, options: PartOptions = {}): Promise<PartResult | null> {
    const zip = new StoredZipWriter(sink);
    const namer = new ZipNamer(this.layout);
    const out = new PartOutput();
    const iterator = batches[Symbol.asyncIterator]();
    try {
      let ahead = iterator.next();
      for (;;) {
        const step = await ahead;
        if (options.cancelled?.()) return await this.stop(zip, iterator);
        if (step.done) break;
        // The next batch is read from the store while this one is written.
        ahead = iterator.next();
        for (const entry of step.value) {
          const base = { title: entry.title || entry.link, link: entry.link };
          let filename: string;
          let text: readonly FilePiece[];
          try {
            filename = exportFilename(this.template, entry);
            text = filePieces(entry);
          } catch (err) {
            out.failed.push({ ...base, reason: messageOf(err) });
            continue;
          }
          const item = { entry, filename, text: entry.savedImages?.length ? null : text };
          if (await this.add(zip, item, namer.peek(filename), out, options)) {
            namer.name(filename);
            this.written.push(item);
          }
        }
        options.onProgress?.(this.written.length);
      }
      return await out.finish(zip);
    } catch (err) {
      await iterator.return?.(undefined);
      await zip.abort();
      throw err;
    }
  }

  /** Writes the part's files again, in the same order, under `paths` (the page's names). */
  async rewrite(paths: readonly string[], sink: ZipSink, options: PartOptions = {}): Promise<PartResult | null> {
    if (paths.length !== this.written.length) throw new Error(`the part holds ${this.written.length} articles, not ${paths.length}`);
    const zip = new StoredZipWriter(sink);
    const out = new PartOutput();
    try {
      for (let i = 0; i < this.written.length; i++) {
        // A timer lets a waiting message (a cancel) in; not after every file, as each costs a few ms.
        if (i % 1000 === 0 && i > 0) {
          options.onProgress?.(i);
          await pause();
          if (options.cancelled?.()) return await this.stop(zip);
        }
        await this.add(zip, this.written[i]!, paths[i]!, out, options);
      }
      return await out.finish(zip);
    } catch (err) {
      await zip.abort();
      throw err;
    }
  }

  /** Adds an article's files under `path`; false (and listed as failed) when it cannot be written. */
  private async add(zip: StoredZipWriter, item: Written, path: string, out: PartOutput, options: PartOptions): Promise<boolean> {
    const { entry } = item;
    try {
      const images = item.text === null && options.readImages ? await options.readImages(entry.link) : null;
      for (const input of entriesAt(entry, path, this.layout, images, item.text)) await zip.add(input);
    } catch (err) {
      out.failed.push({ title: entry.title || entry.link, link: entry.link, reason: messageOf(err) });
      return false;
    }
    out.files.push({ name: path, filename: item.filename, link: entry.link, editedAt: entry.editedAt });
    out.manifest.push({ file: path, link: entry.link, savedAt: entry.savedAt, editedAt: entry.editedAt, siteName: entry.siteName, dateSource: entry.dateSource, keywords: entry.keywords });
    if (entry.editedAt > out.newest) out.newest = entry.editedAt;
    return true;
  }

  private async stop(zip: StoredZipWriter, iterator?: AsyncIterator<unknown>): Promise<null> {
    await iterator?.return?.(undefined);
    await zip.abort();
    return null;
  }
}

/** What a pass of a part gathers besides its bytes. */
class PartOutput {
  files: PartResult['files'] = [];
  manifest: ManifestEntry[] = [];
  failed: FailedArticle[] = [];
  newest = '';

  async finish(zip: StoredZipWriter): Promise<PartResult> {
    const { file, directory, count, size } = await zip.endPart();
    return { file, directory, count, size, bytes: zip.bytes, files: this.files, manifest: manifestPart(this.manifest), newest: this.newest, failed: this.failed };
  }
}
