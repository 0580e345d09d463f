import type { BodyFormat } from '../core/article.ts';

/** Images: link to the site's copies (nothing fetched), or save them with the article. */
export type ImageMode = 'link' | 'save';

/** Where Download writes: the browser's Downloads folder, or a folder the reader chose (Chromium). */
export type SaveTarget = 'downloads' | 'folder';

/** Defaults decide the type of every setting (docs/DESIGN.md, principle 4). */
export const DEFAULT_SETTINGS = {
  bodyFormat: 'markdown' as BodyFormat,
  filenameTemplate: '{slug}.md',
  subfolder: 'Frontclip',
  saveAs: false,
  defaultDraft: false,
  tagCount: 5,
  images: 'link' as ImageMode,
  saveTo: 'downloads' as SaveTarget,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Bumped whenever a stored setting changes meaning; `migrate` upgrades older records. */
export const SETTINGS_VERSION = 1;
