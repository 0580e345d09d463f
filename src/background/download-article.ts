import browser from 'webextension-polyfill';
import type { Article } from '../core/article.ts';
import { write } from '../core/frontmatter.ts';
import type { Result } from '../messages.ts';
import type { Settings } from '../storage/settings-schema.ts';
import { articleMime, downloadPath, downloadSource, objectUrls, reportedName } from './download-url.ts';
import { downloadSettled } from './download-settled.ts';

/** How long the worker waits for a download to finish before answering that it has started. */
const SETTLE_MS = 15_000;

/**
 * Writes the article file through the downloads API into `<subfolder>/<file name>`. A name that
 * is taken gets ` (1)` (conflictAction `uniquify`), never an overwrite.
 */
export async function downloadArticle(article: Article, settings: Settings): Promise<Result<{ filename: string }>> {
  let path: string;
  let text: string;
  try {
    path = downloadPath(settings.subfolder, article.filename);
    text = write(article);
  } catch (err) {
    return { ok: false, reason: 'download', message: `The file could not be written: ${(err as Error).message}` };
  }
  const source = downloadSource(text, objectUrls(), articleMime(path));
  let id: number;
  try {
    id = await browser.downloads.download({ url: source.url, filename: path, saveAs: settings.saveAs, conflictAction: 'uniquify' });
  } catch (err) {
    source.revoke();
    const message = (err as Error).message ?? String(err);
    return /cancel/i.test(message)
      ? { ok: false, reason: 'download', message: 'The download was cancelled.' }
      : { ok: false, reason: 'download', message: `The browser refused the download: ${message}` };
  }
  // With "ask where to save" the dialog may stay open for minutes: report the start, free the URL later.
  const item = await downloadSettled(id, settings.saveAs ? 0 : SETTLE_MS);
  if (!item) {
    void downloadSettled(id, 10 * 60_000).then(() => source.revoke());
    return { ok: true, filename: path };
  }
  source.revoke();
  if (item.state === 'interrupted') {
    return { ok: false, reason: 'download', message: `The download failed (${item.error ?? 'interrupted'}).` };
  }
  return { ok: true, filename: reportedName(path, item.filename) };
}
