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

// An import's bodies are stored as their UTF-8 bytes in Firefox, as text in Chromium. Firefox holds
// text from `TextDecoder` two bytes a character and its IndexedDB stores it so: 10,000 bodies (86
// MB) took 0.7-0.9 s to decode and 1.2-1.5 s to put as text, 0.4-0.5 s to cut out and 0.4-0.5 s
// to put as bytes, and reading them back 3.3-6.1 s as text, 1.6-4.5 s as bytes. Chromium holds
// ASCII text one byte a character, and there 10,000 buffers of their own cost more than text:
// cutting them out 0.36-0.5 s against 0.05-0.55 s to decode, putting them 0.08-1.6 s against
// 0.08-0.16 s, reading them back 0.6-1.5 s against 0.3-0.8 s (four rounds in a page of each
// browser, the benchmark's articles; `npm run bench:library` agrees).
const bodiesAsBytes = 'getBrowserInfo' in browser.runtime;

const root = document.getElementById('library');
if (root) {
  mountLibrary(root, {
    store: library, send, loadSettings: getSettings, saveZip, onLibraryChanged: library.onLibraryChanged, readFiles: createReadFiles(undefined, { bodiesAsBytes }), ...(workersExport ? { exportParts } : {}), ...(compression ? { compression } : {}), ...(folder ? { folder } : {}),
  }).catch((error: unknown) => {
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent = `The library could not be opened: ${messageOf(error)}`;
    root.replaceChildren(note);
  });
}
