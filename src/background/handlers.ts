import type { Handlers, Result } from '../messages.ts';
import { exportFilename } from '../downloads/export-filename.ts';
import { getSettings } from '../storage/settings.ts';
import {
  articleOf, getArticle, knownTags, libraryKey, lookupArticle, markExported, RecordError, saveArticle, storageMessage,
  type ExportedVersion,
} from '../storage/library.ts';
import { clipTab } from './clip-tab.ts';
import { downloadArticle } from './download-article.ts';

const storageFailure = (err: unknown): Result<never> => ({ ok: false, reason: 'storage', message: storageMessage(err) });

const invalid = (problem: string): Result<never> => ({ ok: false, reason: 'error', message: `Frontclip got an invalid article: ${problem}.` });

/** Records a finished download; the file is on disk already, so a failure here must not turn it into an error. */
async function noteExported(version: ExportedVersion): Promise<void> {
  await markExported([version]).catch(() => {});
}

/** Saves through the library's one writer, which checks the record; its refusal is the page's error. */
async function store(article: unknown): Promise<Result<{ entry: Awaited<ReturnType<typeof saveArticle>> }>> {
  try {
    return { ok: true, entry: await saveArticle(article as Parameters<typeof saveArticle>[0]) };
  } catch (err) {
    return err instanceof RecordError ? invalid(err.message) : storageFailure(err);
  }
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

  async save({ article }) {
    const saved = await store(article);
    return saved.ok ? { ok: true, savedAt: saved.entry.savedAt } : saved;
  },

  async download({ article }) {
    const saved = await store(article);
    if (!saved.ok) return saved;
    const done = await downloadArticle(article, await getSettings());
    if (done.ok) await noteExported({ link: saved.entry.link, editedAt: saved.entry.editedAt });
    return done.ok ? { ok: true, savedAt: saved.entry.savedAt, filename: done.filename } : done;
  },

  async quickDownload({ tabId, mode }) {
    const clipped = await handlers.clip({ tabId, mode: mode ?? 'article' });
    if (!clipped.ok) return clipped;
    const done = await handlers.download({ article: clipped.article });
    return done.ok ? { ok: true, filename: done.filename } : done;
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
    let entry;
    try {
      entry = typeof link === 'string' ? await getArticle(libraryKey(link)) : undefined;
    } catch (err) {
      return storageFailure(err);
    }
    if (!entry) return { ok: false, reason: 'error', message: 'That article is no longer in the library.' };
    const settings = await getSettings();
    // Named by the template in force now, as "Export" names the files of a zip.
    const filename = exportFilename(settings.filenameTemplate, entry);
    const done = await downloadArticle({ ...articleOf(entry), filename }, settings);
    if (done.ok) await noteExported({ link: entry.link, editedAt: entry.editedAt });
    return done;
  },
};
