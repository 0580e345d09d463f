import type { Send } from '../src/ui/send.ts';
import type { FolderPermission } from '../src/folder/folder-api.ts';
import { h } from '../src/ui/h.ts';
import { folderOutcomeText } from '../src/folder-outcome-text.ts';
import { imageReportText } from '../src/image-report-text.ts';
import { messageOf } from '../src/core/error-message.ts';

export interface FolderAccessDeps {
  /** The saved article waiting to be written. */
  link: string;
  images: boolean;
  /** The worker found the folder gone. */
  gone: boolean;
  /** The chosen folder and how to ask for its permission (must run in the click). */
  folder: () => Promise<{ name: string; request: () => Promise<FolderPermission> } | null>;
  chooseAnother: () => Promise<string | null>;
  useDownloads: () => Promise<void>;
  send: Send;
}

/**
 * The small tab that finishes a write into the chosen folder once the reader allows it: one
 * button, because the browser asks only in answer to a click. When the folder is gone, it offers
 * another folder or the Downloads folder instead. The article is in the library all along.
 */
export async function mountFolderAccess(root: HTMLElement, deps: FolderAccessDeps): Promise<void> {
  const status = h('p', { role: 'status', class: 'status' });
  const show = (text: string, kind: 'info' | 'success' | 'error') => {
    status.textContent = text;
    status.dataset['kind'] = kind;
  };
  const folder = await deps.folder().catch(() => null);

  async function write(): Promise<void> {
    show('Writing…', 'info');
    const reply = await deps.send('folderWrite', { link: deps.link, ...(deps.images ? { images: true } : {}) }).catch((err: unknown) => ({
      ok: false as const, reason: 'error' as const, message: messageOf(err),
    }));
    if (!reply.ok) {
      show(`Not written: ${reply.message}`, 'error');
      return;
    }
    if (reply.folder.action === 'waiting') {
      show(`"${reply.folder.folderName}" still needs your permission: click Allow access again.`, 'error');
      return;
    }
    const text = folderOutcomeText(reply.filename, reply.folder);
    show(reply.images ? `${text} · ${imageReportText(reply.images)}` : text, 'success');
  }

  const heading = h('h2', {}, 'Finish saving into your folder');
  const allow = h('button', { type: 'button', class: 'button button-primary' }, 'Allow access');
  const another = h('button', { type: 'button', class: 'button' }, 'Choose another folder…');
  const downloads = h('button', { type: 'button', class: 'button' }, 'Use the Downloads folder');
  const gone = deps.gone || folder === null;
  const text = gone
    ? h('p', {}, folder ? `The folder "${folder.name}" is no longer there. Your article is saved in the library: choose another folder, or use the Downloads folder.` : 'No folder is chosen. Your article is saved in the library: choose a folder, or use the Downloads folder.')
    : h('p', {}, `Your article is saved in the library. Your browser needs your permission again before Frontclip may write into "${folder.name}". Allow it, and the file is written at once.`);

  allow.addEventListener('click', () => {
    if (!folder) return;
    // The permission request must start in the click itself.
    void folder.request().then(async (permission) => {
      if (permission === 'granted') await write();
      else show(`Frontclip may not write into "${folder.name}". Allow access, choose another folder, or use the Downloads folder.`, 'error');
    }, (err: unknown) => show(`Not allowed: ${messageOf(err)}`, 'error'));
  });
  another.addEventListener('click', () => {
    void deps.chooseAnother().then(async (name) => {
      if (name !== null) await write();
    }, (err: unknown) => show(`No folder chosen: ${messageOf(err)}`, 'error'));
  });
  downloads.addEventListener('click', () => {
    void (async () => {
      await deps.useDownloads();
      const reply = await deps.send('downloadSaved', { link: deps.link });
      show(reply.ok ? `Downloaded ${reply.filename}` : `Not downloaded: ${reply.message}`, reply.ok ? 'success' : 'error');
    })();
  });

  root.replaceChildren(heading, text, h('div', { class: 'actions' }, gone ? null : allow, another, downloads), status);
  (gone ? another : allow).focus();
}
