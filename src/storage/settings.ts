import browser from 'webextension-polyfill';
import type { Settings } from './settings-schema.ts';
import { mergeSettings, SETTINGS_KEY, toStored, validateSettings } from './validate-settings.ts';

export type { Settings } from './settings-schema.ts';
export { SettingsError } from './validate-settings.ts';

/** The current settings, every field valid (defaults where storage holds nothing usable). */
export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return validateSettings(stored[SETTINGS_KEY]);
}

/** Changes some settings; throws SettingsError for an invalid value and writes nothing then. */
export async function setSettings(change: Partial<Settings>): Promise<Settings> {
  const next = mergeSettings(await getSettings(), change);
  await browser.storage.sync.set({ [SETTINGS_KEY]: toStored(next) });
  return next;
}

/** Calls `listener` with the new settings whenever any page or the worker changes them; returns an unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change) listener(validateSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
