import { defineConfig } from 'vite';

/** The content script: one classic-script IIFE, injected on demand as `content.js`. */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  logLevel: 'warn',
  // Library mode leaves process.env.NODE_ENV in bundled dependencies; a page has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/.build',
    emptyOutDir: false,
    target: ['chrome116', 'firefox140'],
    // Unlike the pages and the worker (vite.config.ts), the content script is minified: it is
    // injected into the tab at every first click, and Chromium's time to inject a file grows with
    // its bytes (issue 13's bench:popup measured it: 510 KB took about twice as long as 280 KB).
    // Its sources are the repository's src/content and src/core; `npm run build` rebuilds it.
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/content/index.ts',
      formats: ['iife'],
      name: 'frontclipContent',
      fileName: () => 'content.js',
    },
  },
});
