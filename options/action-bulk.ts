import type { RemovedArticle } from '../src/storage/library.ts';
import type { LibraryContext } from './library-deps.ts';
import type { ProgressTask } from './library-progress.ts';
import { plural } from './library-view.ts';

/** Runs a bulk change with the progress panel; resolves with its result, or null when cancelled. */
async function withProgress<T>(ctx: LibraryContext, label: string, total: number, run: (task: ProgressTask) => Promise<T>): Promise<T | null> {
  const task = ctx.view.progress.start(`${label}: 0 of ${total.toLocaleString()}`);
  try {
    return await run(task);
  } catch (err) {
    if (!task.signal.aborted) throw err;
    ctx.showStatus(`${label} cancelled: nothing was changed.`, 'info');
    return null;
  } finally {
    task.end();
  }
}

const progressOf = (ctx: LibraryContext, task: ProgressTask, label: string) => ({
  signal: task.signal,
  onProgress: (done: number, total: number) => task.update(`${label}: ${done.toLocaleString()} of ${total.toLocaleString()}`, done, total),
});

/** Adds or removes the tags typed under "Tags to add or remove" on the selected articles. */
export async function changeTags(ctx: LibraryContext, kind: 'add' | 'remove'): Promise<void> {
  const { bulkTags } = ctx.view;
  bulkTags.commitPending();
  const tags = bulkTags.tags();
  const links = ctx.state.selectedShown();
  if (links.length === 0) {
    ctx.showStatus('Select the articles to change first.', 'error');
    return;
  }
  if (tags.length === 0) {
    ctx.showStatus(`Type the tags to ${kind} in "Tags to add or remove" first.`, 'error');
    bulkTags.input.focus();
    return;
  }
  await ctx.runAction(async () => {
    const label = kind === 'add' ? 'Adding tags' : 'Removing tags';
    const change = kind === 'add' ? { add: tags, remove: [] } : { add: [], remove: tags };
    const changed = await withProgress(ctx, label, links.length, (task) => ctx.deps.store.retagArticles(links, change, progressOf(ctx, task, label)));
    if (changed === null) return;
    ctx.offerUndo(null);
    const what = tags.length === 1 ? `tag ${tags[0]}` : `tags ${tags.join(', ')}`;
    ctx.showStatus(kind === 'add' ? `Added ${what} to ${plural(changed, 'article')}` : `Removed ${what} from ${plural(changed, 'article')}`, 'success');
    for (const tag of tags) bulkTags.remove(tag);
    await ctx.reload();
  });
}

export async function deleteChosen(ctx: LibraryContext): Promise<void> {
  const links = ctx.state.selectedShown();
  if (links.length === 0) {
    ctx.showStatus('Select the articles to delete first.', 'error');
    return;
  }
  await ctx.runAction(async () => {
    const removed = await withProgress(ctx, 'Deleting', links.length, (task) => ctx.deps.store.deleteArticles(links, progressOf(ctx, task, 'Deleting')));
    if (removed === null) return;
    for (const link of links) ctx.state.selected.delete(link);
    await ctx.reload();
    ctx.offerUndo(removed);
    ctx.showStatus(`Deleted ${plural(removed.length, 'article')}.`, 'success');
    // The Delete button is still there but nothing is selected now: the next useful key is Undo.
    ctx.view.undoButton.focus();
  });
}

export async function undoDelete(ctx: LibraryContext, removed: RemovedArticle[]): Promise<void> {
  await ctx.runAction(async () => {
    const restored = await ctx.deps.store.restoreArticles(removed);
    ctx.offerUndo(null);
    for (const { article } of removed) ctx.state.selected.add(article.link);
    await ctx.reload();
    const skipped = removed.length - restored;
    ctx.showStatus(`Restored ${plural(restored, 'article')}${skipped > 0 ? ` (${plural(skipped, 'was', 'were')} saved again meanwhile and kept)` : ''}.`, 'success');
    ctx.view.selectAll.focus();
  });
}
