import { isArticleEntry, type ImportSource } from './library-import.ts';
import { MANIFEST_NAME } from './library-manifest.ts';
import { imageTypeOfName } from './import-images.ts';
import { partialZipView } from './zip-view.ts';
import type { ZipEntry } from './zip-directory.ts';
import { partRun, type Part } from './part-run.ts';

const ZIP_HEAD = [0x50, 0x4b];

/**
 * A picked file as one part of a shared reading needs it. Of a zip of article files, only the
 * stretch of the file that holds the part's own run of entries (./part-run.ts, as `readImport`
 * takes them) and the manifest are read: in Firefox, which reads a picked file at about 50 MB/s,
 * each of two workers reading the whole zip of a 10,000-file import cost it 0.3 s (median of five
 * pairs of runs). A zip that holds pictures (bundles: an article's pictures may lie anywhere in
 * it), one the directory reader does not take on, and any other file are read whole.
 */
export async function importSource(file: File, part: Part): Promise<ImportSource> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (part.of > 1 && head[0] === ZIP_HEAD[0] && head[1] === ZIP_HEAD[1]) {
    let pictures = false;
    const zip = await partialZipView(file, (entries) => {
      // By name, as `readImport` lists them: a name held twice once, in its first place, and read
      // from its last copy (the one unzipping gives).
      const byName = new Map<string, ZipEntry>();
      for (const entry of entries) if (entry.name !== MANIFEST_NAME && isArticleEntry(entry.name)) byName.set(entry.name, entry);
      const articles = [...byName.values()];
      pictures = entries.some((entry) => imageTypeOfName(entry.name) !== null);
      if (pictures) return [];
      const run = partRun(articles.length, part);
      return [...articles.slice(run.from, run.to), ...entries.filter((entry) => entry.name === MANIFEST_NAME)];
    });
    if (zip && !pictures) return { name: file.name, bytes: new Uint8Array(0), zip };
  }
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
