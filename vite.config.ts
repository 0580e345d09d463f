import { defineConfig } from 'vite';

/**
 * The service worker and the extension pages but the popup (vite.popup.config.ts), as ES modules. The content script cannot be a
 * module, so it has its own IIFE build (vite.content.config.ts). `scripts/build.ts` runs both.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/.build',
    emptyOutDir: true,
    target: ['chrome116', 'firefox140'],
    // Store reviewers read the shipped code; unminified it needs no separate source upload.
    minify: false,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        background: 'src/background/index.ts',
        options: 'options/index.html',
        library: 'options/library.html',
        'folder-access': 'options/folder-access.html',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/shared-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
