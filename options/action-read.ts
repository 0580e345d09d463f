import type { LibraryEntry, Summary } from '../src/storage/library.ts';
import { storageMessage } from '../src/storage/library.ts';
import type { LibraryContext } from './library-deps.ts';
import { messageOf } from '../src/core/error-message.ts';

async function entryOf(ctx: LibraryContext, link: string): Promise<LibraryEntry | null> {
  try {
    const entry = await ctx.deps.store.getArticle(link);
    if (entry) return entry;
    ctx.showStatus('That article is no longer in the library.', 'error');
    await ctx.reload();
  } catch (err) {
    ctx.showStatus(storageMessage(err), 'error');
  }
  return null;
}

/** Puts the keyboard back on the row once a dialog about it has closed. */
function refocus(ctx: LibraryContext, link: string, opener: HTMLElement): void {
  const index = ctx.state.shown.findIndex((s) => s.link === link);
  if (opener.isConnected) opener.focus();
  else if (index !== -1) ctx.list.focusRow(index, 'open');
}

/** Opens the reading view of a row's article; its Edit opens the editor. */
export async function readArticle(ctx: LibraryContext, link: string, opener: HTMLElement): Promise<void> {
  const entry = await entryOf(ctx, link);
  if (!entry) return;
  const [{ openReader }, images] = await Promise.all([
    import('./library-reader.ts'),
    entry.savedImages?.length && ctx.deps.store.readArticleImages ? ctx.deps.store.readArticleImages(entry.link).catch(() => undefined) : undefined,
  ]);
  openReader({ entry, ...(images ? { images } : {}), onEdit: () => void editArticle(ctx, link, opener), onClose: () => refocus(ctx, link, opener) });
}

/** Opens the popup's own form on a saved article, in a dialog. */
export async function editArticle(ctx: LibraryContext, link: string, opener: HTMLElement): Promise<void> {
  const entry = await entryOf(ctx, link);
  if (!entry) return;
  const [settings, { openEditor }] = await Promise.all([ctx.deps.loadSettings(), import('./library-editor.ts')]);
  openEditor({
    entry,
    settings,
    send: ctx.deps.send,
    knownTags: ctx.state.knownTags,
    onSaved: () => void ctx.reload(),
    onClose: () => refocus(ctx, link, opener),
  });
}

/** A row's Download: one file through the worker, named by the current template. */
export async function downloadOne(ctx: LibraryContext, summary: Summary): Promise<void> {
  ctx.showStatus(`Downloading ${summary.title}…`, 'info');
  try {
    const reply = await ctx.deps.send('downloadSaved', { link: summary.link });
    if (reply.ok) ctx.showStatus(`Downloaded ${reply.filename}`, 'success');
    else ctx.showStatus(`Couldn't download: ${reply.message}`, 'error');
  } catch (err) {
    ctx.showStatus(`Couldn't download: ${messageOf(err)}`, 'error');
  }
  await ctx.reload();
}
