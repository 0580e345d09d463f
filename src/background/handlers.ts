import type { Handlers, Result } from '../messages.ts';
import { getSettings } from '../storage/settings.ts';
import { knownTags, saveArticle } from '../storage/library.ts';
import { clipTab } from './clip-tab.ts';
import { downloadArticle } from './download-article.ts';
import { articleProblem } from './is-article.ts';

const storageFailure = (err: unknown): Result<never> => ({
  ok: false,
  reason: 'storage',
  message: `The library could not be written: ${err instanceof Error ? err.message : String(err)}`,
});

const invalid = (problem: string): Result<never> => ({ ok: false, reason: 'error', message: `Frontclip got an invalid article: ${problem}.` });

/**
 * The worker's answer to every message of the protocol. Every handler finishes its writes
 * (library, download) before it resolves: the worker may be stopped right after replying.
 */
export const handlers: Handlers = {
  async clip({ tabId, mode }) {
    return clipTab(tabId, mode ?? 'article', await getSettings());
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
};
