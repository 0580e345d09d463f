/**
 * What to tell the reader when the library could not be read or written. IndexedDB reports a full
 * disk or an exhausted quota as QuotaExceededError; the transaction was rolled back, so saying
 * that nothing changed is true.
 */
export function storageMessage(err: unknown): string {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  const detail = err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)
    ? String((err as { message: unknown }).message)
    : String(err);
  if (name === 'QuotaExceededError') {
    return 'The browser has no room left for the library (the disk or its storage quota is full): nothing was changed. Free some disk space, or delete articles you no longer need, and try again.';
  }
  if (name === 'VersionError') {
    return 'The library was written by a newer version of Frontclip: update the extension to open it. Nothing was changed.';
  }
  return `The library could not be written, so nothing was changed: ${detail || name || 'unknown error'}`;
}
