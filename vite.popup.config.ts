import { defineConfig } from 'vite';
import pages from './vite.config.ts';

/**
 * The toolbar popup, built alone (issue 13), with the other pages' settings (vite.config.ts) but
 * its own input and chunks. Built with the other pages, its code was split into some twenty chunks
 * shared with them, and a trace of the popup showed its main thread spending longer on requesting
 * and receiving those files than on running them. Alone, it is its entry (what sends the first
 * clip request) plus one chunk of the view loaded while the page is read.
 */
export default defineConfig({
  ...pages,
  build: {
    ...pages.build,
    // The worker and pages' build, run first, emptied the folder.
    emptyOutDir: false,
    // The view's chunk is asked for by the entry's dynamic import; a preload helper adding one
    // <link> per dependency is work the popup does not need for a single chunk.
    modulePreload: false,
    rolldownOptions: {
      input: { popup: 'popup/index.html' },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/popup-chunk-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
