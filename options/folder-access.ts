import { send } from '../src/ui/send.ts';
import { setSettings } from '../src/storage/settings.ts';
import { chosenFolder, chooseFolder } from '../src/storage/folder-store.ts';
import { pickFolder } from '../src/folder/pick-folder.ts';
import { mountFolderAccess } from './folder-access-view.ts';

const root = document.getElementById('access');
if (root) {
  const query = new URLSearchParams(location.search);
  void mountFolderAccess(root, {
    link: query.get('link') ?? '',
    images: query.get('images') === '1',
    gone: query.get('gone') === '1',
    folder: async () => {
      const chosen = await chosenFolder();
      return chosen ? { name: chosen.name, request: async () => (await chosen.handle.requestPermission?.({ mode: 'readwrite' })) ?? 'granted' } : null;
    },
    chooseAnother: async () => {
      const handle = await pickFolder();
      if (!handle) return null;
      await chooseFolder(handle);
      return handle.name;
    },
    useDownloads: async () => {
      await setSettings({ saveTo: 'downloads' });
    },
    send,
  });
}
