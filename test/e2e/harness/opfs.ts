import type { Page } from 'playwright-core';

/**
 * The files of the test build's chosen folder (a folder of the origin private file system, which
 * the e2e build's picker hands over), read from an extension page: path -> text.
 */
export function readChosenFolder(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    type Dir = { entries(): AsyncIterable<[string, { kind: string; getFile?: () => Promise<File> } & Dir]> };
    const root = await (navigator.storage as unknown as { getDirectory(): Promise<Dir & { getDirectoryHandle(n: string): Promise<Dir> }> }).getDirectory();
    const out: Record<string, string> = {};
    const walk = async (dir: Dir, prefix: string): Promise<void> => {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await handle.getFile!()).text();
      }
    };
    await walk(await root.getDirectoryHandle('Chosen folder'), '');
    return out;
  });
}

/** Puts a file of the reader's own into the chosen folder. */
export function writeIntoChosenFolder(page: Page, path: string, text: string): Promise<void> {
  return page.evaluate(async ([p, t]) => {
    type Dir = {
      getDirectoryHandle(n: string, o?: { create?: boolean }): Promise<Dir>;
      getFileHandle(n: string, o?: { create?: boolean }): Promise<{ createWritable(): Promise<{ write(t: string): Promise<void>; close(): Promise<void> }> }>;
    };
    let dir = await (await (navigator.storage as unknown as { getDirectory(): Promise<Dir> }).getDirectory()).getDirectoryHandle('Chosen folder', { create: true });
    const segments = p.split('/');
    const name = segments.pop()!;
    for (const s of segments) dir = await dir.getDirectoryHandle(s, { create: true });
    const stream = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await stream.write(t);
    await stream.close();
  }, [path, text] as const);
}
