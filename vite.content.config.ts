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
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'src/content/index.ts',
      formats: ['iife'],
      name: 'frontclipContent',
      fileName: () => 'content.js',
    },
  },
});
