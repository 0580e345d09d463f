import type { SaveTarget } from '../src/storage/settings-schema.ts';
import { h } from '../src/ui/h.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { messageOf } from '../src/core/error-message.ts';

/** What the settings page needs to know and do about the chosen folder; tests pass a fake. */
export interface FolderChooser {
  /** Whether this browser can write into a folder of the reader's choice at all. */
  available: boolean;
  /** The chosen folder's name, or null. */
  current(): Promise<string | null>;
  /** Opens the picker; the new folder's name, or null when the reader cancelled. */
  choose(): Promise<string | null>;
}

export interface SaveToField {
  element: HTMLElement;
  set(target: SaveTarget): void;
}

/**
 * **Save to**: the Downloads folder, or a folder on this computer chosen with **Choose folder…**
 * (its name shown beside). The folder is chosen here, in a full tab, because a toolbar popup
 * cannot show the browser's picker and permission prompt reliably. Where the browser has no such
 * API (Firefox), the second choice is shown as unavailable, with the reason.
 */
export function createSaveToField(target: SaveTarget, chooser: FolderChooser, onChange: (target: SaveTarget) => void, onStatus: (text: string, kind: 'success' | 'error') => void): SaveToField {
  const hintId = uniqueId('hint');
  const downloads = h('input', { type: 'radio', name: 'saveTo', value: 'downloads', id: uniqueId('save-to') });
  const folder = h('input', { type: 'radio', name: 'saveTo', value: 'folder', id: uniqueId('save-to') });
  const folderName = h('span', { class: 'folder-name', 'aria-live': 'polite' });
  const choose = h('button', { type: 'button', class: 'button' }, 'Choose folder…');
  const hint = h('p', { id: hintId, class: 'hint' });
  const element = h(
    'fieldset',
    { class: 'choice-group', 'aria-describedby': hintId },
    h('legend', { class: 'field-label' }, 'Save to'),
    h('div', { class: 'choice' }, downloads, h('label', { for: downloads.id }, 'Downloads folder')),
    h('div', { class: 'choice' }, folder, h('label', { for: folder.id }, 'A folder on this computer')),
    h('div', { class: 'folder-row' }, choose, folderName),
    hint,
  );

  const showName = (name: string | null) => {
    folderName.textContent = name === null ? 'No folder chosen yet' : `Chosen: ${name}`;
  };
  const set = (value: SaveTarget) => {
    downloads.checked = value === 'downloads' || !chooser.available;
    folder.checked = value === 'folder' && chooser.available;
  };

  if (!chooser.available) {
    folder.disabled = true;
    choose.disabled = true;
    hint.textContent = 'This browser does not let extensions write into a folder you choose (Firefox has no such feature), so files go to your Downloads folder.';
    showName(null);
  } else {
    hint.textContent = 'With a folder chosen, Download, the quick download and the context menu write the article there under the file name template (folders included). A file of the same article is updated; any other file is never overwritten.';
    void chooser.current().then(showName, () => showName(null));
  }
  set(target);

  downloads.addEventListener('change', () => { if (downloads.checked) onChange('downloads'); });
  folder.addEventListener('change', async () => {
    if (!folder.checked) return;
    // Saving into a folder needs one: choosing this without a folder opens the picker at once.
    if ((await chooser.current().catch(() => null)) !== null) {
      onChange('folder');
      return;
    }
    const name = await chooser.choose().catch((err: unknown) => {
      onStatus(`No folder chosen: ${messageOf(err)}`, 'error');
      return null;
    });
    if (name === null) {
      set('downloads');
      return;
    }
    showName(name);
    onChange('folder');
  });
  choose.addEventListener('click', async () => {
    const name = await chooser.choose().catch((err: unknown) => {
      onStatus(`No folder chosen: ${messageOf(err)}`, 'error');
      return null;
    });
    if (name === null) return;
    showName(name);
    set('folder');
    onChange('folder');
  });
  return { element, set };
}
