import type { Article } from '../core/article.ts';
import { bundlePaths, formatOfFilename, localizeArticle, type SavedImageName } from '../core/bundle.ts';
import { parse, write } from '../core/frontmatter.ts';
import { libraryKey } from '../storage/library.ts';
import { isNotFound, type Folder, type FolderFile } from './folder-api.ts';

/**
 * What happened to the article's file: a new file, an update of the same article's file, a new
 * name beside someone else's, or nothing: the article's file already holds exactly these bytes.
 */
export type FolderAction = 'created' | 'updated' | 'renamed' | 'unchanged';

export interface FolderWrite {
  /** The file's path inside the chosen folder. */
  path: string;
  action: FolderAction;
}

/** One image to write beside the article (a page bundle). */
export interface FolderImage extends SavedImageName {
  blob: Blob;
}

async function existing(dir: Folder, name: string): Promise<FolderFile | null> {
  try {
    return await dir.getFileHandle(name);
  } catch (err) {
    if (isNotFound(err)) return null;
    // A folder of that name, or a name the file system refuses: not ours to write.
    if ((err as { name?: string }).name === 'TypeMismatchError') return null;
    throw err;
  }
}

/**
 * The text of a file in the folder that may take this article, or null when it is not this
 * article's: its front matter names the same link, or it is empty. An empty file is what a write
 * cut short leaves (the name is created before the browser swaps the written data in), and it
 * holds nothing to lose.
 */
async function sameArticleText(file: FolderFile, link: string): Promise<string | null> {
  try {
    const data = await file.getFile();
    if (data.size === 0) return '';
    const text = await data.text();
    return libraryKey(parse(text).link) === libraryKey(link) ? text : null;
  } catch {
    return null; // not a file of ours, or not valid: the reader's own, never touched
  }
}

async function isSameArticle(file: FolderFile, link: string): Promise<boolean> {
  return (await sameArticleText(file, link)) !== null;
}

/**
 * Whether a bundle's folder that has no index holds only what a write of this bundle cut short
 * leaves (the images go first, the index last): some of these images, each whole or empty. Then
 * it is this article's and is taken, instead of the article moving to `-2`.
 */
async function cutShortBundle(bundle: Folder, images: readonly FolderImage[]): Promise<boolean> {
  if (!bundle.values) return false;
  const sizes = new Map(images.map((image) => [image.name, image.blob.size]));
  for await (const entry of bundle.values()) {
    if (entry.kind !== 'file' || !sizes.has(entry.name)) return false;
    const { size } = await entry.getFile();
    if (size !== 0 && size !== sizes.get(entry.name)) return false;
  }
  return true;
}

async function writeText(file: FolderFile, data: string | Blob): Promise<void> {
  // The browser writes to a temporary file and swaps it in on close: never a half-written file.
  const stream = await file.createWritable();
  try {
    await stream.write(data);
    await stream.close();
  } catch (err) {
    await stream.abort?.().catch(() => {});
    throw err;
  }
}

const numbered = (stem: string, n: number): string => (n === 1 ? stem : `${stem}-${n}`);

/** `name.md` -> [`name`, `.md`]. */
function splitName(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** One folder of the run: its handle, and the names (case folded) being written there now. */
interface RunFolder {
  dir: Folder;
  writing: Map<string, Promise<unknown>>;
}
type FolderAt = (segments: readonly string[]) => Promise<RunFolder>;

export interface FolderWriter {
  write(article: Article, images: readonly FolderImage[] | null): Promise<FolderWrite>;
  /** Forgets the folders (the end of the run). */
  end(): void;
}

/**
 * `writeToFolder` for a run of many articles into one folder (Write to folder, Sync folder): each
 * folder the template makes is looked up once per run instead of once per file. A folder removed
 * during the run is made again: the article is tried once more with nothing remembered.
 */
export function folderWriter(root: Folder): FolderWriter {
  const known = new Map<string, Promise<RunFolder>>();
  const runFolder = (dir: Folder): RunFolder => ({ dir, writing: new Map() });
  const folderAt: FolderAt = (segments) => {
    let key = '';
    let at = known.get(key);
    if (!at) known.set(key, at = Promise.resolve(runFolder(root)));
    for (const segment of segments) {
      key += `${segment}/`;
      let next = known.get(key);
      if (!next) {
        const path = key;
        next = at.then(({ dir }) => dir.getDirectoryHandle(segment, { create: true })).then(runFolder);
        known.set(path, next);
        next.catch(() => known.delete(path));
      }
      at = next;
    }
    return at;
  };
  const end = () => known.clear();
  return {
    async write(article, images) {
      try {
        return await writeArticle(folderAt, article, images);
      } catch (err) {
        if (!isNotFound(err) || known.size === 0) throw err;
        end();
        return writeArticle(folderAt, article, images);
      }
    },
    end,
  };
}

/**
 * Writes the article into the chosen folder under its file name (which may hold the template's
 * folders). Never overwrites a file that is not this article's: when the name is taken by a file
 * whose front matter names the same link, that file is updated in place; otherwise the article
 * takes the first free `-2`, `-3`… With `images`, the article is a page bundle
 * (`<name>/index.md` and its images) and the same rule applies to the bundle's folder.
 */
export async function writeToFolder(root: Folder, article: Article, images: readonly FolderImage[] | null): Promise<FolderWrite> {
  const writer = folderWriter(root);
  try {
    return await writer.write(article, images);
  } finally {
    writer.end();
  }
}

async function writeArticle(folderAt: FolderAt, article: Article, images: readonly FolderImage[] | null): Promise<FolderWrite> {
  if (images === null) {
    const segments = article.filename.split('/');
    const [stem, ending] = splitName(segments.pop()!);
    const { dir, writing } = await folderAt(segments);
    const text = write(article);
    for (let n = 1; n < 1000; n++) {
      const name = `${numbered(stem, n)}${ending}`;
      const key = name.normalize('NFC').toLowerCase();
      // Another article of this run writing that very name (its own -2, say): its file is read once complete.
      await writing.get(key);
      const found = await existing(dir, name);
      const present = found ? await sameArticleText(found, article.link) : null;
      if (writing.has(key)) {
        n--; // taken by another article while this one looked: look again
        continue;
      }
      if (found && present === null) continue;
      const path = [...segments, name].join('/');
      // The same bytes already there (a sync cut short after this write, before noting it): left as it is.
      if (present === text) return { path, action: 'unchanged' };
      const done = (async () => writeText(found ?? await dir.getFileHandle(name, { create: true }), text))();
      writing.set(key, done.catch(() => {}));
      try {
        await done;
      } finally {
        writing.delete(key);
      }
      return { path, action: found ? 'updated' : n === 1 ? 'created' : 'renamed' };
    }
    throw new Error(`every name from ${stem}${ending} to ${stem}-999${ending} is taken`);
  }
  const layout = bundlePaths(article.filename, 'bundle');
  const folderSegments = layout.folder.split('/');
  const last = folderSegments.pop()!;
  const indexName = layout.file.slice(layout.folder.length + 1);
  const { dir: parent } = await folderAt(folderSegments);
  for (let n = 1; n < 1000; n++) {
    const name = numbered(last, n);
    let bundle: Folder | null = null;
    try {
      bundle = await parent.getDirectoryHandle(name);
    } catch (err) {
      if (!isNotFound(err) && (err as { name?: string }).name !== 'TypeMismatchError') throw err;
      if ((err as { name?: string }).name === 'TypeMismatchError') continue; // a file of that name
    }
    const index = bundle ? await existing(bundle, indexName) : null;
    if (index && !(await isSameArticle(index, article.link))) continue;
    // A folder that exists without an index is the reader's, unless it holds only this bundle's images.
    if (bundle && !index && !(await cutShortBundle(bundle, images))) continue;
    const target = bundle ?? await parent.getDirectoryHandle(name, { create: true });
    // Images first, the article last: the file never links a picture that is not there yet.
    const written = new Map<string, FolderImage>();
    for (const image of images) if (!written.has(image.name)) written.set(image.name, image);
    for (const [fileName, image] of written) await writeText(await target.getFileHandle(fileName, { create: true }), image.blob);
    const text = write(localizeArticle(article, formatOfFilename(article.filename), images, ''));
    await writeText(index ?? await target.getFileHandle(indexName, { create: true }), text);
    return { path: [...folderSegments, name, indexName].join('/'), action: index ? 'updated' : n === 1 ? 'created' : 'renamed' };
  }
  throw new Error(`every folder from ${last} to ${last}-999 is taken`);
}
