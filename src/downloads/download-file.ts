import browser from 'webextension-polyfill';
import type { DownloadSource } from './download-url.ts';
import { downloadSettled } from './download-settled.ts';
import { reportedName } from './download-url.ts';
import { messageOf } from '../core/error-message.ts';

/** The name the browser settled on, and the download's id (to remove the file again). */
export type DownloadOutcome = { ok: true; filename: string; id?: number } | { ok: false; message: string };

export interface DownloadOptions {
  saveAs: boolean;
  /** How long to wait for the file to be written before answering that it has started. */
  settleMs: number;
}

/**
 * Hands one file to the browser's downloads at `path` (relative to the downloads folder). A name
 * that is taken gets ` (1)` (conflictAction `uniquify`), never an overwrite. The source's URL is
 * freed once the browser has written the file, or later for a download still running (a save
 * dialog may stay open for minutes). Shared by the worker's article downloads and the library
 * page's zips.
 */
export async function downloadFile(source: DownloadSource, path: string, options: DownloadOptions): Promise<DownloadOutcome> {
  let id: number;
  try {
    id = await browser.downloads.download({ url: source.url, filename: path, saveAs: options.saveAs, conflictAction: 'uniquify' });
  } catch (err) {
    source.revoke();
    const message = messageOf(err);
    return { ok: false, message: /cancel/i.test(message) ? 'the download was cancelled' : `the browser refused the download: ${message}` };
  }
  const item = await downloadSettled(id, options.saveAs ? 0 : options.settleMs);
  if (!item) {
    void downloadSettled(id, 30 * 60_000).then(() => source.revoke());
    return { ok: true, filename: path, id };
  }
  source.revoke();
  if (item.state === 'interrupted') return { ok: false, message: `the download failed (${item.error ?? 'interrupted'})` };
  return { ok: true, filename: reportedName(path, item.filename), id };
}

/** Deletes files this extension wrote and forgets them: a bundle that could not be finished. */
export async function removeDownloads(ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    await browser.downloads.removeFile(id).catch(() => {});
    await browser.downloads.erase({ id }).catch(() => {});
  }
}
