import browser from 'webextension-polyfill';
import type { Article } from '../core/article.ts';
import type { Handlers, Result } from '../messages.ts';
import { exportFilename } from '../downloads/export-filename.ts';
import { getSettings, type Settings } from '../storage/settings.ts';
import {
  articleOf, getArticle, knownTags, libraryKey, lookupArticle, markExported, RecordError, saveArticle, storageMessage,
  type ExportedVersion, type LibraryEntry,
} from '../storage/library.ts';
import { chosenFolder } from '../storage/folder-store.ts';
import { clipTab } from './clip-tab.ts';
import { downloadArticle } from './download-article.ts';
import { downloadBundle } from './download-bundle.ts';
import { saveToFolder } from './folder-download.ts';
import { imageLimits } from './image-limits.ts';
import { gatherImages, type GatheredImages } from './save-images.ts';
import { keepImages, storedImages } from './keep-images.ts';

const storageFailure = (err: unknown): Result<never> => ({ ok: false, reason: 'storage', message: storageMessage(err) });

const invalid = (problem: string): Result<never> => ({ ok: false, reason: 'error', message: `Frontclip got an invalid article: ${problem}.` });

/** Records a finished download; the file is on disk already, so a failure here must not turn it into an error. */
async function noteExported(version: ExportedVersion): Promise<void> {
  await markExported([version]).catch(() => {});
}

/** Saves through the library's one writer, which checks the record; its refusal is the page's error. */
async function store(article: unknown, imagesPending = false): Promise<Result<{ entry: Awaited<ReturnType<typeof saveArticle>> }>> {
  try {
    return { ok: true, entry: await saveArticle(article as Parameters<typeof saveArticle>[0], new Date(), { imagesPending }) };
  } catch (err) {
    return err instanceof RecordError ? invalid(err.message) : storageFailure(err);
  }
}

/** The library's entry for a link a page sent (which may be anything), or the failure to answer. */
async function savedEntry(link: unknown): Promise<Result<{ entry: LibraryEntry }>> {
  try {
    const entry = typeof link === 'string' ? await getArticle(libraryKey(link)) : undefined;
    return entry ? { ok: true, entry } : { ok: false, reason: 'error', message: 'That article is no longer in the library.' };
  } catch (err) {
    return storageFailure(err);
  }
}

/** The article's images fetched within the limits (a test build's manifest shortens the timeout). */
const gather = (article: Article): Promise<GatheredImages> =>
  gatherImages(article.images ?? [], imageLimits(browser.runtime.getManifest() as unknown as Record<string, unknown>));

/**
 * Writes an article (saved already) where the reader keeps files: the chosen folder, or the
 * Downloads folder, as a page bundle when it has gathered images.
 */
async function deliver(article: Article, settings: Settings, gathered: GatheredImages | null, version: ExportedVersion) {
  // A folder is used only where one was chosen: a setting synced from Chromium means nothing in
  // Firefox, which has no folder picker, and there the Downloads folder is used as before.
  if (settings.saveTo === 'folder' && await chosenFolder().catch(() => null)) {
    const done = await saveToFolder(article, gathered, { askInTab: true });
    if (done.ok && done.folder.action !== 'waiting') await noteExported(version);
    return done;
  }
  const done = gathered ? await downloadBundle(article, settings, gathered) : await downloadArticle(article, settings);
  if (done.ok) await noteExported(version);
  return done;
}

/**
 * The worker's answer to every message of the protocol. Every handler finishes its writes
 * (library, download) before it resolves: the worker may be stopped right after replying.
 */
export const handlers: Handlers = {
  async clip({ tabId, mode, preferSelection }) {
    const clipped = await clipTab(tabId, mode ?? 'article', getSettings(), preferSelection === true);
    if (!clipped.ok) return clipped;
    // Whether the link is saved already, in the same answer: the popup needs it before it can
    // show the form, and one round trip fewer is time the reader does not wait (issue 13).
    const saved = await handlers.lookup({ link: clipped.article.link });
    return { ...clipped, saved: saved.ok ? saved.saved : null };
  },

  async save({ article, images }) {
    // The text is saved first: fetching images takes time, and the worker may be stopped meanwhile
    // (the article then says its images are pending). The images follow in one transaction.
    const saved = await store(article, images === true);
    if (!saved.ok) return saved;
    if (images !== true) return { ok: true, savedAt: saved.entry.savedAt };
    const kept = await keepImages(saved.entry.link, await gather(article));
    return { ok: true, savedAt: saved.entry.savedAt, images: kept };
  },

  async download({ article, images }) {
    const saved = await store(article, images === true);
    if (!saved.ok) return saved;
    const gathered = images === true ? await gather(article) : null;
    // Kept in the library too, so that its Download and Export have them later.
    if (gathered) await keepImages(saved.entry.link, gathered);
    const done = await deliver(article, await getSettings(), gathered, { link: saved.entry.link, editedAt: saved.entry.editedAt });
    if (!done.ok) return done;
    return { ...done, savedAt: saved.entry.savedAt };
  },

  async quickDownload({ tabId, mode }) {
    const clipped = await handlers.clip({ tabId, mode: mode ?? 'article' });
    if (!clipped.ok) return clipped;
    const images = (await getSettings()).images === 'save';
    const done = await handlers.download({ article: clipped.article, images });
    if (!done.ok) return done;
    return { ok: true, filename: done.filename, ...(done.images ? { images: done.images } : {}), ...(done.folder ? { folder: done.folder } : {}) };
  },

  async folderWrite({ link, images }) {
    const found = await savedEntry(link);
    if (!found.ok) return found;
    const { entry } = found;
    const settings = await getSettings();
    const article = { ...articleOf(entry), filename: exportFilename(settings.filenameTemplate, entry) };
    // The images the library keeps for it (the write that waited for permission asked for them).
    const done = await saveToFolder(article, images === true || entry.savedImages?.length ? await storedImages(entry) : null, { askInTab: false });
    if (done.ok && done.folder.action !== 'waiting') await noteExported({ link: entry.link, editedAt: entry.editedAt });
    return done;
  },

  async knownTags() {
    try {
      return { ok: true, tags: await knownTags() };
    } catch (err) {
      return storageFailure(err);
    }
  },

  async lookup({ link }) {
    if (typeof link !== 'string' || link === '') return { ok: true, saved: null };
    try {
      const summary = await lookupArticle(libraryKey(link));
      return {
        ok: true,
        saved: summary ? { savedAt: summary.savedAt, editedAt: summary.editedAt, exportedAt: summary.exportedAt, tags: summary.tags } : null,
      };
    } catch (err) {
      return storageFailure(err);
    }
  },

  async downloadSaved({ link }) {
    const found = await savedEntry(link);
    if (!found.ok) return found;
    const { entry } = found;
    const settings = await getSettings();
    // Named by the template in force now, as "Export" names the files of a zip.
    const filename = exportFilename(settings.filenameTemplate, entry);
    // An article kept with its images downloads as its page bundle, from the library's copies.
    const kept = await storedImages(entry).catch(() => null);
    const article = { ...articleOf(entry), filename };
    const done = kept ? await downloadBundle(article, settings, kept) : await downloadArticle(article, settings);
    if (done.ok) await noteExported({ link: entry.link, editedAt: entry.editedAt });
    return done;
  },
};
