import browser from 'webextension-polyfill';
import type { Folder } from './folder-api.ts';

interface PickerWindow {
  showDirectoryPicker?: (options: { id?: string; mode?: 'read' | 'readwrite'; startIn?: string }) => Promise<Folder>;
}

/** Whether this browser lets an extension page write into a folder of the reader's choice (Chromium: yes; Firefox: no). */
export function folderPickerAvailable(): boolean {
  return typeof (globalThis as PickerWindow).showDirectoryPicker === 'function';
}

/**
 * Asks the reader for a folder (the browser's own picker, which also asks for write access), or
 * null when they cancel. Headless Chromium cannot click a picker: a test build's manifest
 * (`frontclip_test.folder_picker: 'opfs'`) makes it hand over a folder of the extension's origin
 * private file system instead, a real `FileSystemDirectoryHandle`; all that follows is the same.
 */
export async function pickFolder(): Promise<Folder | null> {
  const test = (browser.runtime.getManifest() as { frontclip_test?: { folder_picker?: unknown } }).frontclip_test;
  if (test?.folder_picker === 'opfs') {
    const root = await (navigator.storage as unknown as { getDirectory(): Promise<Folder> }).getDirectory();
    return root.getDirectoryHandle('Chosen folder', { create: true });
  }
  const picker = (globalThis as PickerWindow).showDirectoryPicker;
  if (!picker) return null;
  try {
    return await picker({ id: 'frontclip-folder', mode: 'readwrite', startIn: 'documents' });
  } catch (err) {
    if ((err as { name?: string }).name === 'AbortError') return null;
    throw err;
  }
}
