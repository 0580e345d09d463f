import { getSettings, onSettingsChanged, setSettings } from '../src/storage/settings.ts';
import { mountSettingsForm } from './settings-form.ts';
import { chosenFolder, chooseFolder } from '../src/storage/folder-store.ts';
import { folderPickerAvailable, pickFolder } from '../src/folder/pick-folder.ts';
import { messageOf } from '../src/core/error-message.ts';

const folder = {
  available: folderPickerAvailable(),
  current: async () => (await chosenFolder())?.name ?? null,
  async choose() {
    const handle = await pickFolder();
    if (!handle) return null;
    await chooseFolder(handle);
    return handle.name;
  },
};

const section = document.getElementById('settings');
if (section) {
  mountSettingsForm(section, { getSettings, setSettings, onSettingsChanged }, { folder }).catch((error: unknown) => {
    const message = messageOf(error);
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent = `The settings could not be read: ${message}`;
    section.replaceChildren(note);
  });
}
