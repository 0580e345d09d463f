import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Polls until `path` exists as a finished file, then returns its bytes. */
export async function waitForFile(path: string, timeoutMs = 15_000): Promise<Buffer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) {
      // The browser writes a temporary file and renames it when done; a size that holds still is final.
      await new Promise((r) => setTimeout(r, 100));
      const again = await stat(path);
      if (again.size === info.size) return readFile(path);
    }
    if (Date.now() > deadline) {
      const listing = await readdir(join(path, '..')).catch(() => [] as string[]);
      throw new Error(`no file at ${path} after ${timeoutMs} ms (folder holds: ${listing.join(', ') || 'nothing'})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
