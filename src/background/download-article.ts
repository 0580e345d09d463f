import type { Article } from '../core/article.ts';
import { write } from '../core/frontmatter.ts';
import type { Result } from '../messages.ts';
import type { Settings } from '../storage/settings-schema.ts';
import { downloadFile } from '../downloads/download-file.ts';
import { articleMime, downloadFilePath, downloadSource, objectUrls } from '../downloads/download-url.ts';

/** How long the worker waits for a download to finish before answering that it has started. */
export const SETTLE_MS = 15_000;

export const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/**
 * Writes the article file through the downloads API into `<subfolder>/<file name>` (the name may
 * hold the template's folders). A name that is taken gets ` (1)` (conflictAction `uniquify`),
 * never an overwrite.
 */
export async function downloadArticle(article: Article, settings: Settings): Promise<Result<{ filename: string }>> {
  let path: string;
  let text: string;
  try {
    path = downloadFilePath(settings.subfolder, article.filename);
    text = write(article);
  } catch (err) {
    return { ok: false, reason: 'download', message: `The file could not be written: ${(err as Error).message}` };
  }
  const done = await downloadFile(downloadSource(text, objectUrls(), articleMime(path)), path, { saveAs: settings.saveAs, settleMs: SETTLE_MS });
  return done.ok ? { ok: true, filename: done.filename } : { ok: false, reason: 'download', message: capitalized(done.message) };
}
