import type { ImportedArticle, ImportOutcome } from '../src/storage/library.ts';
import { storageMessage } from '../src/storage/library.ts';
import type { LibraryContext } from './library-deps.ts';
import { readFilesHere } from './import-runner.ts';
import type { ImportedFileArticle, InvalidFile } from './library-import.ts';
import { plural } from './library-view.ts';

/** An imported article with the pictures its bundle held, as the library keeps images. */
function withKeptImages({ bundledImages, ...article }: ImportedFileArticle): ImportedArticle {
  if (!bundledImages?.length) return article;
  const keptImages = bundledImages.map(({ name, src, type, bytes }) => ({ name, src, url: src, type, size: bytes.length, blob: new Blob([bytes as BlobPart], { type }) }));
  return { ...article, keptImages };
}

/**
 * Imports picked files: read (in workers, with progress), then written in one transaction (with
 * progress). Cancel at any point writes nothing. Files that cannot be read, and articles the
 * library refuses, are listed with the reason.
 */
export async function importFiles(ctx: LibraryContext, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const { deps, view } = ctx;
  await ctx.runAction(async () => {
    ctx.offerUndo(null);
    ctx.showStatus(`Reading ${plural(files.length, 'file')}…`, 'info');
    const task = view.progress.start('Reading files…');
    // The benchmark reads these marks to split the import's time into its steps.
    performance.mark('frontclip:import-start');
    try {
      const settings = await deps.loadSettings();
      const reading = await (deps.readFiles ?? readFilesHere)(files, settings.filenameTemplate, {
        signal: task.signal,
        onProgress: (done, total) => task.update(`Reading files: ${done.toLocaleString()} of ${total.toLocaleString()}`, done, total),
      });
      performance.mark('frontclip:import-read');
      const invalid: InvalidFile[] = [...reading.invalid];
      let outcome: ImportOutcome | null = null;
      if (reading.articles.length > 0) {
        const total = reading.articles.length;
        task.update(`Saving: 0 of ${total.toLocaleString()}`, 0, total);
        try {
          outcome = await deps.store.importArticles(reading.articles.map(withKeptImages), {
            signal: task.signal,
            onProgress: (done, all) => task.update(`Saving: ${done.toLocaleString()} of ${all.toLocaleString()}`, done, all),
          });
        } catch (err) {
          if (task.signal.aborted) throw err;
          ctx.showReport('Files not imported', invalid);
          ctx.showStatus(`Nothing was imported: ${storageMessage(err)}`, 'error');
          return;
        }
        performance.mark('frontclip:import-written');
        for (const { index, reason } of outcome.refused) invalid.push({ name: reading.articles[index]?.from ?? '?', reason });
      }
      ctx.showReport('Files not imported', invalid);
      const notImported = invalid.length === 0 ? '' : ` ${plural(invalid.length, 'file')} could not be imported: see the list below.`;
      const imported = reading.articles.length - (outcome?.refused.length ?? 0);
      if (!outcome || imported === 0) {
        ctx.showStatus(`Nothing was imported.${notImported}`, 'error');
        return;
      }
      await ctx.reload();
      performance.mark('frontclip:import-listed');
      const parts = [
        outcome.added > 0 ? `${outcome.added.toLocaleString()} new` : '',
        outcome.merged > 0 ? `${outcome.merged.toLocaleString()} already saved, tags merged` : '',
        outcome.unchanged > 0 ? `${outcome.unchanged.toLocaleString()} already saved as they are` : '',
      ].filter(Boolean);
      ctx.showStatus(`Imported ${plural(imported, 'article')} (${parts.join('; ')}).${notImported}`, invalid.length > 0 ? 'error' : 'success');
    } catch (err) {
      if (!task.signal.aborted) throw err;
      ctx.showStatus('Import cancelled: nothing was imported.', 'info');
    } finally {
      task.end();
    }
  });
}
