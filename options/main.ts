import { getSettings, onSettingsChanged, setSettings } from '../src/storage/settings.ts';
import { mountSettingsForm } from './settings-form.ts';

const section = document.getElementById('settings');
if (section) {
  mountSettingsForm(section, { getSettings, setSettings, onSettingsChanged }).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent = `The settings could not be read: ${message}`;
    section.replaceChildren(note);
  });
}
