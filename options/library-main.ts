import * as library from '../src/storage/library.ts';
import { onLibraryChanged } from '../src/storage/library-events.ts';
import { getSettings } from '../src/storage/settings.ts';
import { send } from '../src/ui/send.ts';
import { createDeflatePool } from './deflate-pool.ts';
import { mountLibrary } from './library-page.ts';
import { saveZip } from './save-zip.ts';

// Importing needs the core's file folding and so the YAML parser: loaded when the reader imports.
const store = {
  ...library,
  importArticles: async (articles: Parameters<typeof import('../src/storage/library-save.ts').importArticles>[0]) =>
    (await import('../src/storage/library-save.ts')).importArticles(articles),
};

const root = document.getElementById('library');
if (root) {
  mountLibrary(root, { store, send, loadSettings: getSettings, saveZip, onLibraryChanged, deflatePool: createDeflatePool }).catch((error: unknown) => {
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent = `The library could not be opened: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(note);
  });
}
