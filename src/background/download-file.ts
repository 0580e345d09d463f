import browser from 'webextension-polyfill';
import type { Result } from '../messages.ts';
import { downloadSettled } from './download-settled.ts';
import { reportedName, type DownloadSource } from './download-url.ts';

/** How long the worker waits for a download to finish before answering that it has started. */
const SETTLE_MS = 15_000;

export type DownloadOutcome = Result<{ filename: string; id: number }>;

/**
 * Writes one file through the downloads API at `path` (relative to the downloads folder). A name
 * that is taken gets ` (1)` (conflictAction `uniquify`), never an overwrite. Resolves with the
 * name the browser settled on once the file is written, or with the requested one when the
 * browser is still asking where to save it.
 */
export async function downloadFile(path: string, source: DownloadSource, saveAs = false): Promise<DownloadOutcome> {
  let id: number;
  try {
    id = await browser.downloads.download({ url: source.url, filename: path, saveAs, conflictAction: 'uniquify' });
  } catch (err) {
    source.revoke();
    const message = (err as Error).message ?? String(err);
    return /cancel/i.test(message)
      ? { ok: false, reason: 'download', message: 'The download was cancelled.' }
      : { ok: false, reason: 'download', message: `The browser refused the download: ${message}` };
  }
  // With "ask where to save" the dialog may stay open for minutes: report the start, free the URL later.
  const item = await downloadSettled(id, saveAs ? 0 : SETTLE_MS);
  if (!item) {
    void downloadSettled(id, 10 * 60_000).then(() => source.revoke());
    return { ok: true, filename: path, id };
  }
  source.revoke();
  if (item.state === 'interrupted') {
    return { ok: false, reason: 'download', message: `The download failed (${item.error ?? 'interrupted'}).` };
  }
  return { ok: true, filename: reportedName(path, item.filename), id };
}

/** Deletes files this extension wrote and forgets them: a bundle that could not be finished. */
export async function removeDownloads(ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    await browser.downloads.removeFile(id).catch(() => {});
    await browser.downloads.erase({ id }).catch(() => {});
  }
}
