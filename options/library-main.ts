import browser from 'webextension-polyfill';
import * as library from '../src/storage/library.ts';
import { getSettings } from '../src/storage/settings.ts';
import { send } from '../src/ui/send.ts';
import { createReadFiles } from './import-runner.ts';
import { mountLibrary } from './library-page.ts';
import { saveZip } from './save-zip.ts';
import { chosenFolder, noteWrittenMany, writtenRecords } from '../src/storage/folder-store.ts';
import { folderPickerAvailable } from '../src/folder/pick-folder.ts';
import { messageOf } from '../src/core/error-message.ts';
import type { PartRequest } from './export-parallel.ts';

// Write to folder and Sync folder where the browser can write into a chosen folder (Chromium).
const folder = folderPickerAvailable() ? { chosen: chosenFolder, written: writtenRecords, noteWritten: noteWrittenMany } : undefined;

// `?zip=store` or `?zip=deflate` picks how an export stores its files (the benchmark compares
// them); without it, stored entries.
const asked = new URLSearchParams(location.search).get('zip');
const compression = asked === 'store' || asked === 'deflate' ? asked : undefined;

// Stored exports are written by workers side by side, in Chromium; their code loads on the first
// export. Firefox (the one browser with `runtime.getBrowserInfo`) reads IndexedDB from a worker
// more slowly than from the page: there, Export all measured 5.4 s on the page's thread and 6.9-8.2 s
// in workers (`npm run bench:library`), so it keeps the page's own writer.
const exportParts = async (request: PartRequest) => (await import('./export-parallel.ts')).workerParts(request);
const workersExport = typeof Worker === 'function' && !('getBrowserInfo' in browser.runtime);

const root = document.getElementById('library');
if (root) {
  mountLibrary(root, {
    store: library, send, loadSettings: getSettings, saveZip, onLibraryChanged: library.onLibraryChanged, readFiles: createReadFiles(), ...(workersExport ? { exportParts } : {}), ...(compression ? { compression } : {}), ...(folder ? { folder } : {}),
  }).catch((error: unknown) => {
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent = `The library could not be opened: ${messageOf(error)}`;
    root.replaceChildren(note);
  });
}
