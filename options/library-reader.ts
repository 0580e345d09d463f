import type { LibraryEntry } from '../src/storage/library.ts';
import { renderArticleView } from '../src/ui/article-view.ts';
import { h } from '../src/ui/h.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { shortDate } from './library-view.ts';

export interface ReaderOptions {
  entry: LibraryEntry;
  /** The images the library keeps for the article, by file name: shown from these copies. */
  images?: ReadonlyMap<string, Blob>;
  /** Edit: the reading view closes and the editor opens on the same article. */
  onEdit: () => void;
  /** Called once the view has closed (Close, Escape, Edit). */
  onClose: () => void;
}

/** A link that may be opened from the extension: a page's own address, never `javascript:`. */
function openable(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads one saved article in a modal dialog: title, site, date, tags, then the body, sanitized
 * and with images shown as labels (nothing is fetched), links opening in a new tab. **Edit**
 * opens the editor; **Open original** opens the article's page in a new tab.
 */
export function openReader(options: ReaderOptions): HTMLDialogElement {
  const { entry } = options;
  const headingId = uniqueId('reader-heading');
  const edit = h('button', { type: 'button', class: 'button' }, 'Edit');
  const href = openable(entry.link);
  const original = href
    ? h('a', { class: 'button', href, target: '_blank', rel: 'noopener noreferrer' }, 'Open original')
    : null;
  const close = h('button', { type: 'button', class: 'button editor-close' }, 'Close');
  const meta = h(
    'p',
    { class: 'reader-meta' },
    h('span', { class: 'row-site' }, entry.siteName || entry.site),
    h('span', { class: 'row-date' }, shortDate(entry.date)),
    entry.draft ? h('span', { class: 'badge' }, 'Draft') : null,
    entry.tags.length === 0 ? null : h('span', { class: 'row-tags' }, h('span', { class: 'visually-hidden' }, 'Tags: '), ...entry.tags.map((tag) => h('span', { class: 'row-tag' }, tag))),
  );
  // The library's own copies of its images, as blob: URLs freed when the view closes; every other
  // image stays a label, so reading fetches nothing.
  const urls = new Map<string, string>();
  for (const ref of entry.savedImages ?? []) {
    const blob = options.images?.get(ref.name);
    if (!blob) continue;
    const url = URL.createObjectURL(blob);
    urls.set(ref.src, url);
    try {
      urls.set(new URL(ref.src, entry.link).href, url);
    } catch {
      // a src that is not a URL is matched as written only
    }
  }
  const body = h('div', { class: 'reader-body', role: 'region', 'aria-label': 'Article' }, renderArticleView(entry.body, entry.link, (src) => urls.get(src)));
  const dialog = h(
    'dialog',
    { class: 'editor reader', 'aria-labelledby': headingId },
    h('div', { class: 'editor-head' }, h('h2', { id: headingId }, entry.title || entry.link), h('div', { class: 'actions' }, edit, original, close)),
    meta,
    entry.description ? h('p', { class: 'reader-description' }, entry.description) : null,
    entry.imagesPending
      ? h('p', { class: 'reader-note', role: 'note' }, 'Its images were not saved: Frontclip stopped while fetching them. Clip the page again with Save images to keep them; the text is all here.')
      : null,
    body,
  );
  let closed = false;
  let editing = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    for (const url of new Set(urls.values())) URL.revokeObjectURL(url);
    dialog.remove();
    if (editing) options.onEdit();
    else options.onClose();
  };
  const shut = () => {
    if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    else finish();
  };
  close.addEventListener('click', shut);
  edit.addEventListener('click', () => {
    editing = true;
    shut();
  });
  dialog.addEventListener('close', finish);
  document.body.append(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  close.focus();
  return dialog;
}
