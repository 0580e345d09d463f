import browser from 'webextension-polyfill';
import type { Article } from '../core/article.ts';
import { bundlePaths, formatOfFilename, localizeArticle, type SavedImageName } from '../core/bundle.ts';
import { write } from '../core/frontmatter.ts';
import type { ImageFailure, ImageReport, Result } from '../messages.ts';
import type { Settings } from '../storage/settings-schema.ts';
import { articleMime, blobDownloadSource, downloadFilePath, downloadSource, objectUrls } from '../downloads/download-url.ts';
import { downloadFile, removeDownloads } from '../downloads/download-file.ts';
import { capitalized, SETTLE_MS } from './download-article.ts';
import { imageReport, type GatheredImages, type ImageFile } from './save-images.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether an earlier download of Frontclip's still lies in this folder. The downloads API cannot
 * list a folder; its history knows the files this extension wrote, which is where a bundle of the
 * same name would come from. Searching also makes the browser check that those files still exist.
 */
async function folderInUse(path: string): Promise<boolean> {
  const pattern = `(^|[\\\\/])${path.split('/').map(escapeRegExp).join('[\\\\/]')}[\\\\/][^\\\\/]+$`;
  const found = await browser.downloads.search({ filenameRegex: pattern, exists: true }).catch(() => []);
  return found.some((item) => item.exists !== false && item.state !== 'interrupted');
}

/** `folder`, or `folder-2`, `folder-3`… when an earlier bundle is there: bundles never mix. */
async function freshFolder(subfolder: string, folder: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? folder : `${folder}-${n}`;
    if (!(await folderInUse(downloadFilePath(subfolder, candidate)))) return candidate;
  }
  return `${folder}-${Date.now()}`;
}

/** The browser may still rename a file (` (1)`): the link then names it with the characters escaped. */
const linkName = (name: string): string => name.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * Downloads an article as a page bundle (FORMAT.md, "Images saved with the article"):
 * `<subfolder>/<name>/index.md` with its images beside it. The images are written first and the
 * article last, linking the names the browser gave them; an image that could not be written keeps
 * its remote link, and when the article itself cannot be written the images already written are
 * removed: never a half bundle, never a link to a file that is not there.
 */
export async function downloadBundle(article: Article, settings: Settings, gathered: GatheredImages): Promise<Result<{ filename: string; images: ImageReport }>> {
  const format = formatOfFilename(article.filename);
  const layout = bundlePaths(article.filename, 'bundle');
  const fileName = layout.file.slice(layout.folder.length + 1);
  let folder: string;
  try {
    downloadFilePath(settings.subfolder, layout.file);
    folder = await freshFolder(settings.subfolder, layout.folder);
  } catch (err) {
    return { ok: false, reason: 'download', message: `The file could not be written: ${(err as Error).message}` };
  }

  const written: number[] = [];
  const saved: SavedImageName[] = [];
  const failures: { url: string; reason: ImageFailure }[] = [...gathered.failures];
  const byName = new Map<string, ImageFile[]>();
  for (const file of gathered.files) byName.set(file.name, [...(byName.get(file.name) ?? []), file]);
  for (const [name, files] of byName) {
    const source = await blobDownloadSource(files[0]!.blob);
    const done = await downloadFile(source, downloadFilePath(settings.subfolder, `${folder}/${name}`), { saveAs: false, settleMs: SETTLE_MS });
    if (done.ok) {
      if (done.id !== undefined) written.push(done.id);
      for (const file of files) saved.push({ src: file.src, url: file.url, name: linkName(baseName(done.filename)) });
    } else {
      for (const file of files) failures.push({ url: file.url, reason: 'write' });
    }
  }

  let text: string;
  const path = downloadFilePath(settings.subfolder, `${folder}/${fileName}`);
  try {
    text = write(localizeArticle(article, format, saved, ''));
  } catch (err) {
    await removeDownloads(written);
    return { ok: false, reason: 'download', message: `The file could not be written: ${(err as Error).message}` };
  }
  const done = await downloadFile(downloadSource(text, objectUrls(), articleMime(path)), path, { saveAs: false, settleMs: SETTLE_MS });
  if (!done.ok) {
    await removeDownloads(written);
    return { ok: false, reason: 'download', message: capitalized(done.message) };
  }
  return { ok: true, filename: done.filename, images: imageReport(saved, failures) };
}
