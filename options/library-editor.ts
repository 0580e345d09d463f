import type { Article } from '../src/core/article.ts';
import { articleOf, type LibraryEntry } from '../src/storage/library.ts';
import type { Settings } from '../src/storage/settings-schema.ts';
import { h } from '../src/ui/h.ts';
import type { Send } from '../src/ui/send.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { createClipForm } from '../popup/clip-form.ts';
import { htmlBody } from '../src/ui/html-body.ts';

export interface EditorOptions {
  entry: LibraryEntry;
  settings: Settings;
  send: Send;
  /** Library tags, most used first: the tag editor's autocomplete. */
  knownTags: readonly string[];
  onSaved: (article: Article) => void;
  /** Called once the dialog has closed (Close, Escape); focus goes back where the caller wants. */
  onClose: () => void;
}

/**
 * Edits one saved article in a modal dialog: the popup's own form (same fields, same tag editor,
 * same Save and Download through the worker), so an article is edited one way everywhere.
 */
export function openEditor(options: EditorOptions): HTMLDialogElement {
  const headingId = uniqueId('editor-heading');
  // An imported body was never sanitized by a clip. Parsing it here, even in an inert document,
  // would make the page's CSP report (and block) every inline handler in it, so its preview shows
  // the source as text instead; a clipped body is rendered as the popup renders it.
  const imported = options.entry.dateSource === 'import';
  const form = createClipForm({
    article: articleOf(options.entry),
    settings: imported ? { ...options.settings, bodyFormat: 'markdown' } : options.settings,
    send: options.send,
    draft: options.entry.draft,
    label: 'Saved article',
    onSaved: options.onSaved,
    htmlBody,
  });
  form.setKnownTags(options.knownTags);
  const close = h('button', { type: 'button', class: 'button editor-close' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'editor', 'aria-labelledby': headingId },
    h('div', { class: 'editor-head' }, h('h2', { id: headingId }, 'Edit article'), close),
    form.element,
  );
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    dialog.remove();
    options.onClose();
  };
  close.addEventListener('click', () => {
    if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    else finish();
  });
  dialog.addEventListener('close', finish);
  document.body.append(dialog);
  // jsdom has no showModal; a browser gets a real modal dialog (focus kept inside, Escape closes).
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  form.focus();
  return dialog;
}
