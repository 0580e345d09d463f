import browser from 'webextension-polyfill';
import type { Article } from '../core/article.ts';
import { write } from '../core/frontmatter.ts';
import type { FolderOutcome, ImageReport, Result } from '../messages.ts';
import { isNotFound } from '../folder/folder-api.ts';
import { writeDigest } from '../folder/digest.ts';
import { writeToFolder } from '../folder/folder-write.ts';
import { chosenFolder, noteWritten } from '../storage/folder-store.ts';
import { libraryKey } from '../storage/library.ts';
import { imageReport, type GatheredImages } from './save-images.ts';
import { messageOf } from '../core/error-message.ts';

export type FolderResult = Result<{ filename: string; folder: FolderOutcome; images?: ImageReport }>;

/**
 * Opens the small Frontclip tab that asks for the folder's permission (a click there is the
 * gesture the browser needs) and then finishes the write of this saved article.
 */
async function openAccessTab(link: string, images: boolean, gone: boolean): Promise<void> {
  const query = new URLSearchParams({ link, ...(images ? { images: '1' } : {}), ...(gone ? { gone: '1' } : {}) });
  await browser.tabs.create({ url: browser.runtime.getURL(`options/folder-access.html?${query}`) }).catch(() => {});
}

/**
 * Writes an article (saved to the library already) into the folder the reader chose. When the
 * browser wants the reader's permission again (after a restart), the article stays saved in the
 * library, a tab opens with one button to allow access, and the write finishes there: nothing is
 * lost and nothing waits silently. A folder that is gone is said so, with the way out.
 */
export async function saveToFolder(article: Article, gathered: GatheredImages | null, options: { askInTab: boolean }): Promise<FolderResult> {
  const chosen = await chosenFolder().catch(() => null);
  if (!chosen) {
    return { ok: false, reason: 'download', message: "No folder is chosen. Choose one in Frontclip's settings (Save to), or save to the Downloads folder there." };
  }
  const permission = await chosen.handle.queryPermission?.({ mode: 'readwrite' }).catch(() => 'prompt' as const) ?? 'granted';
  if (permission !== 'granted') {
    if (options.askInTab) await openAccessTab(article.link, gathered !== null, false);
    return { ok: true, filename: article.filename, folder: { folderName: chosen.name, action: 'waiting' } };
  }
  try {
    const done = await writeToFolder(chosen.handle, article, gathered ? gathered.files : null);
    const digest = await writeDigest(article.filename, write(article), gathered ? gathered.files : null);
    await noteWritten(libraryKey(article.link), { path: done.path, digest }).catch(() => {});
    return {
      ok: true,
      filename: `${chosen.name}/${done.path}`,
      folder: { folderName: chosen.name, action: done.action },
      ...(gathered ? { images: imageReport(gathered.files, gathered.failures) } : {}),
    };
  } catch (err) {
    if (isNotFound(err)) {
      if (options.askInTab) await openAccessTab(article.link, gathered !== null, true);
      return { ok: false, reason: 'download', message: `The folder "${chosen.name}" is no longer there. The article is in your library: choose another folder, or save to the Downloads folder, in the tab that opened.` };
    }
    const text = messageOf(err);
    return { ok: false, reason: 'download', message: `The file could not be written into "${chosen.name}": ${text}` };
  }
}
