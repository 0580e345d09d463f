import type { Settings } from '../src/storage/settings-schema.ts';
import { downloadFile, type DownloadOutcome } from '../src/downloads/download-file.ts';
import { downloadPath } from '../src/downloads/download-url.ts';

export type SaveOutcome = DownloadOutcome;

/** How long to wait for the zip to be written before answering that it has started. */
const SETTLE_MS = 60_000;

/**
 * Hands a finished zip to the browser's downloads, into the subfolder from the settings. The page
 * can do this where the worker cannot: it has Blob URLs, so the zip never becomes a data: URL (a
 * base64 copy a third larger). `release` runs once the browser has the file (the zip's spool file
 * may then be removed).
 */
export async function saveZip(blob: Blob, filename: string, settings: Settings, release: () => void = () => {}): Promise<SaveOutcome> {
  const url = URL.createObjectURL(blob);
  const source = { url, revoke: () => { URL.revokeObjectURL(url); release(); } };
  return downloadFile(source, downloadPath(settings.subfolder, filename), { saveAs: settings.saveAs, settleMs: SETTLE_MS });
}
