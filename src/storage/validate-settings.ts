import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './settings-schema.ts';

/** What `browser.storage.sync` holds under SETTINGS_KEY: the fields plus the version they were written at. */
export type StoredSettings = Partial<Record<keyof Settings, unknown>> & { version?: unknown };

export const SETTINGS_KEY = 'settings';

/** Raised by `setSettings` for a value that would not survive the next read. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(readonly key: string, message: string) {
    super(message);
  }
}

// Characters no file system accepts in a folder name, plus controls; a subfolder is handed to
// downloads.download as part of a relative path, so it must never climb out of Downloads.
// eslint-disable-next-line no-control-regex
const BAD_FOLDER_CHARS = /[<>:"\\|?*\u0000-\u001f\u007f]/;

/** A subfolder as a clean relative path (`a/b`), `''` for none, or null when it is unusable. */
export function normalizeSubfolder(value: string): string | null {
  const segments = value.trim().split('/').map((s) => s.trim()).filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || BAD_FOLDER_CHARS.test(s) || /[. ]$/.test(s))) return null;
  const folder = segments.join('/');
  return folder.length <= 100 ? folder : null;
}

type Check<T> = (value: unknown) => T | undefined;

const oneOf = <T extends string>(...options: T[]): Check<T> =>
  (value) => (typeof value === 'string' && (options as string[]).includes(value) ? (value as T) : undefined);

const bool: Check<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

const CHECKS: { [K in keyof Settings]: Check<Settings[K]> } = {
  bodyFormat: oneOf('markdown', 'html'),
  filenameTemplate: (value) => {
    if (typeof value !== 'string') return undefined;
    const template = value.trim();
    return template !== '' && template.length <= 200 ? template : undefined;
  },
  subfolder: (value) => (typeof value === 'string' ? (normalizeSubfolder(value) ?? undefined) : undefined),
  saveAs: bool,
  defaultDraft: bool,
  images: oneOf('link', 'save'),
  saveTo: oneOf('downloads', 'folder'),
  tagCount: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 20 ? value : undefined),
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** The default template for each body format: FORMAT.md, `<slug>.md`, or `<slug>.html` for HTML. */
const DEFAULT_TEMPLATES = { markdown: '{slug}.md', html: '{slug}.html' } as const;

/**
 * The default template's extension follows the body format, so an HTML body does not land in a
 * `.md` file (issue 13). A template of the reader's own is left alone: only the two defaults move.
 */
function followBodyFormat(settings: Settings): Settings {
  const isDefault = Object.values(DEFAULT_TEMPLATES).includes(settings.filenameTemplate as never);
  return isDefault ? { ...settings, filenameTemplate: DEFAULT_TEMPLATES[settings.bodyFormat] } : settings;
}

/** Upgrades a record written by an older version; version 1 is the first, so nothing moves yet. */
function migrate(stored: StoredSettings): StoredSettings {
  return stored;
}

/**
 * Reads whatever storage holds into complete, valid settings: each field that is missing or
 * malformed (hand-edited, written by a newer version, corrupted by sync) falls back to its default
 * on its own, so one bad value never resets the others.
 */
export function validateSettings(raw: unknown): Settings {
  const stored = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? migrate(raw as StoredSettings) : {};
  const out = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const value = CHECKS[key](stored[key]);
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return followBodyFormat(out);
}

/** Merges a change into the current settings, refusing any value that would not validate. */
export function mergeSettings(current: Settings, change: Partial<Settings>): Settings {
  const out = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (!(key in CHECKS)) throw new SettingsError(key, `Unknown setting "${key}".`);
    const checked = CHECKS[key as keyof Settings](value);
    if (checked === undefined) throw new SettingsError(key, `Invalid value for "${key}": ${JSON.stringify(value)}.`);
    (out as Record<string, unknown>)[key] = checked;
  }
  return followBodyFormat(out);
}

/** The record written to storage: every field plus the version it was written at. */
export function toStored(settings: Settings): StoredSettings {
  return { ...settings, version: SETTINGS_VERSION };
}
