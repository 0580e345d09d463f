import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs in the content script, the CLI and unit tests alike: it must not touch
    // extension APIs (docs/DESIGN.md, principle 1).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', message: 'src/core must stay free of extension APIs.' }],
        patterns: [{ group: ['**/background/**', '**/content/**', '**/storage/**'], message: 'src/core must not depend on extension code.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'chrome', message: 'src/core must stay free of extension APIs.' },
        { name: 'browser', message: 'src/core must stay free of extension APIs.' },
      ],
    },
  },
  {
    // The library has one way in (src/storage/library.ts): its checks, folding and transactions
    // hold for every writer only if nothing reaches the store around them.
    files: ['src/**/*.ts', 'popup/**/*.ts', 'options/**/*.ts'],
    ignores: ['src/storage/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'idb', message: 'Reach the library through src/storage/library.ts.' }],
        patterns: [{
          group: ['**/storage/library-*', '**/storage/import-merge*', '**/storage/tag-change*', '**/storage/article-check*'],
          message: 'Reach the library through src/storage/library.ts.',
        }],
      }],
    },
  },
  {
    // Extension code speaks the promise-based `browser.*` namespace through webextension-polyfill.
    files: ['src/**/*.ts', 'popup/**/*.ts', 'options/**/*.ts'],
    ignores: ['src/core/**', 'src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use browser.* from webextension-polyfill.' }],
    },
  },
);
