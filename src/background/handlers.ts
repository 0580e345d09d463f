import type { Handlers, Result } from '../messages.ts';
import { buildFilename } from '../core/filename.ts';
import { getSettings } from '../storage/settings.ts';
import { articleOf } from '../storage/library-record.ts';
import { getArticle, knownTags, lookupArticle, markExported } from '../storage/library.ts';
import { libraryKey } from '../storage/library-key.ts';
import { saveArticle } from '../storage/library-save.ts';
import { storageMessage } from '../storage/storage-message.ts';
import { clipTab } from './clip-tab.ts';
import { downloadArticle } from './download-article.ts';
import { articleProblem } from './is-article.ts';

const storageFailure = (err: unknown): Result<never> => ({ ok: false, reason: 'storage', message: storageMessage(err) });

const invalid = (problem: string): Result<never> => ({ ok: false, reason: 'error', message: `Frontclip got an invalid article: ${problem}.` });

/** Records a finished download; the file is on disk already, so a failure here must not turn it into an error. */
async function noteExported(link: string): Promise<void> {
  await markExported([libraryKey(link)]).catch(() => {});
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
    const problem = articleProblem(article);
    if (problem) return invalid(problem);
    try {
      const entry = await saveArticle(article);
      return { ok: true, savedAt: entry.savedAt };
    } catch (err) {
      return storageFailure(err);
    }
  },

  async download({ article }) {
    const saved = await handlers.save({ article });
    if (!saved.ok) return saved;
    const done = await downloadArticle(article, await getSettings());
    if (done.ok) await noteExported(article.link);
    return done.ok ? { ok: true, savedAt: saved.savedAt, filename: done.filename } : done;
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
    const filename = buildFilename(settings.filenameTemplate, { slug: entry.slug, date: entry.date, title: entry.title, site: entry.site });
    const done = await downloadArticle({ ...articleOf(entry), filename }, settings);
    if (done.ok) await noteExported(entry.link);
    return done;
  },
};
