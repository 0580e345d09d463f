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
    // Unlike the pages and the worker (vite.config.ts), the content script is printed without white
    // space or comments: it is injected into the tab at every first click, and Chromium's time to
    // inject a file grows with its bytes (510 KB took about twice as long as 280 KB). Names are
    // kept, so reviewers and `npm run lint:firefox` still read every statement.
    minify: false,
    rolldownOptions: { output: { minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } } } },
    sourcemap: false,
    lib: {
      entry: 'src/content/index.ts',
      formats: ['iife'],
      name: 'frontclipContent',
      fileName: () => 'content.js',
    },
  },
});
