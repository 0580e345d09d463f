import { plural } from './library-view.ts';
import type { LibraryContext } from './library-deps.ts';
import type { ExportResult, FailedArticle } from './library-export.ts';
import type { ExportLayout } from './zip-names.ts';
import { messageOf } from '../src/core/error-message.ts';

/** "2 articles could not be written: A: reason; B: reason." */
export function failedSentence(failed: readonly FailedArticle[]): string {
  if (failed.length === 0) return '';
  const listed = failed.slice(0, 3).map((f) => `${f.title}: ${f.reason}`).join('; ');
  const more = failed.length > 3 ? `; and ${plural(failed.length - 3, 'other')}` : '';
  return `${plural(failed.length, 'article')} could not be written: ${listed}${more}.`;
}

/**
 * Exports articles (the given links, or all) into one zip: progress on the panel, Cancel stops it
 * and leaves no zip. An article that cannot be written is skipped and listed. The exported mark
 * is set from what went into the zip, version by version.
 */
export async function exportArticles(ctx: LibraryContext, links: string[] | null, what: 'all' | 'selected' | 'new'): Promise<void> {
  const { deps, view, state } = ctx;
  const total = links?.length ?? state.summaries.length;
  if (total === 0) {
    const empty = { all: 'The library is empty: there is nothing to export.', selected: 'Select the articles to export first.', new: 'Every article is exported as it is now: there is nothing new to export.' };
    ctx.showStatus(empty[what], what === 'new' ? 'info' : 'error');
    return;
  }
  await ctx.runAction(async () => {
    const settings = await deps.loadSettings();
    const layout: ExportLayout = view.bundlesRadio.checked ? 'bundles' : 'flat';
    ctx.offerUndo(null);
    ctx.showReport('Articles not exported', []);
    ctx.showStatus(`Exporting ${plural(total, 'article')}…`, 'info');
    const task = view.progress.start(`Exporting: 0 of ${total.toLocaleString()}`);
    try {
      performance.mark('frontclip:export-start');
      const compression = deps.compression ?? 'store';
      const onProgress = (done: number) => task.update(`Exporting: ${done.toLocaleString()} of ${total.toLocaleString()}`, done, total);
      const onThisPage = async (): Promise<ExportResult> => {
        // The zip code (fflate, the file writer and its YAML parser) loads on the first export.
        const [{ buildExportZip }, { openZipSink }] = await Promise.all([import('./library-export.ts'), import('./zip-sink.ts')]);
        return buildExportZip({
          batches: deps.store.readArticleBatches(links, 250),
          template: settings.filenameTemplate,
          layout,
          sink: await (deps.openZipSink ?? openZipSink)(),
          // Stored entries measured faster than the browser's own deflate in both browsers
          // (`npm run bench:library`); the zip is then about as large as the files.
          compression,
          signal: task.signal,
          ...(deps.store.readArticleImages ? { readImages: deps.store.readArticleImages } : {}),
          onProgress,
        });
      };
      let result: ExportResult;
      if (deps.exportParts && compression === 'store') {
        // Stored zips are written in parts side by side, each part reading its share of the store;
        // where the parts cannot start (a worker that fails to load), the page writes the zip itself.
        const { buildExportInParts, PartsUnavailable } = await import('./export-parallel.ts');
        const parts = await deps.exportParts({ links, template: settings.filenameTemplate, layout });
        result = await buildExportInParts(parts, layout, { signal: task.signal, onProgress }).catch((err: unknown) => {
          if (!(err instanceof PartsUnavailable) || task.signal.aborted) throw err;
          return onThisPage();
        });
      } else {
        result = await onThisPage();
      }
      performance.mark('frontclip:export-zipped', { detail: { readMs: result.readMs, zipMs: result.zipMs } });
      ctx.showReport('Articles not exported', result.failed.map((f) => ({ name: f.title, reason: f.reason })));
      const notWritten = failedSentence(result.failed);
      if (result.files.length === 0) {
        result.release();
        ctx.showStatus(`Nothing was exported: ${notWritten}`, 'error');
        return;
      }
      if (task.signal.aborted) {
        result.release();
        ctx.showStatus('Export cancelled: no zip was saved.', 'info');
        return;
      }
      task.update('Saving the zip…', 0, 0);
      const { zipFilename } = await import('./zip-names.ts');
      const saved = await deps.saveZip(result.file, zipFilename(layout, ctx.now()), settings, result.release);
      performance.mark('frontclip:export-downloaded');
      if (!saved.ok) {
        ctx.showStatus(`Couldn't export: ${saved.message}`, 'error');
        return;
      }
      const done = `Exported ${plural(result.files.length, 'article')} to ${saved.filename}`;
      ctx.showStatus(notWritten ? `${done}. ${notWritten}` : done, notWritten ? 'error' : 'success');
      try {
        await deps.store.markExported(result.files.map((f) => ({ link: f.link, editedAt: f.editedAt })));
      } catch (err) {
        ctx.showStatus(`${done}, but the library could not record when: ${messageOf(err)}`, 'error');
      }
      // The benchmark reads these marks to split the export's time into its steps.
      performance.mark('frontclip:export-done');
    } catch (err) {
      if (task.signal.aborted) ctx.showStatus('Export cancelled: no zip was saved.', 'info');
      else ctx.showStatus(`Couldn't export: ${messageOf(err)}`, 'error');
    } finally {
      task.end();
    }
    await ctx.reload();
  });
}
