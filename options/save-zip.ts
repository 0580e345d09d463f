import browser from 'webextension-polyfill';
import { downloadSettled } from '../src/background/download-settled.ts';
import { downloadPath, reportedName } from '../src/background/download-url.ts';
import type { Settings } from '../src/storage/settings-schema.ts';

export type SaveOutcome = { ok: true; filename: string } | { ok: false; message: string };

/** How long to wait for the zip to be written before answering that it has started. */
const SETTLE_MS = 60_000;

/**
 * Hands a finished zip to the browser's downloads, into the subfolder from the settings. The page
 * can do this where the worker cannot: it has Blob URLs, so the zip never becomes a data: URL
 * (a base64 copy a third larger). The URL is freed once the browser has written the file.
 */
export async function saveZip(blob: Blob, filename: string, settings: Settings): Promise<SaveOutcome> {
  const url = URL.createObjectURL(blob);
  let id: number;
  try {
    id = await browser.downloads.download({ url, filename: downloadPath(settings.subfolder, filename), saveAs: settings.saveAs, conflictAction: 'uniquify' });
  } catch (err) {
    URL.revokeObjectURL(url);
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, message: /cancel/i.test(message) ? 'the download was cancelled' : `the browser refused the download: ${message}` };
  }
  const item = await downloadSettled(id, settings.saveAs ? 0 : SETTLE_MS);
  if (!item) {
    // Still running (or a save dialog is open): free the URL when it ends, or with the page.
    void downloadSettled(id, 30 * 60_000).then(() => URL.revokeObjectURL(url));
    return { ok: true, filename: downloadPath(settings.subfolder, filename) };
  }
  URL.revokeObjectURL(url);
  if (item.state === 'interrupted') return { ok: false, message: `the download failed (${item.error ?? 'interrupted'})` };
  return { ok: true, filename: reportedName(downloadPath(settings.subfolder, filename), item.filename) };
}
