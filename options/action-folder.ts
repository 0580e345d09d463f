import { write } from '../src/core/frontmatter.ts';
import { articleOf, type Summary } from '../src/storage/library.ts';
import type { Folder, FolderPermission } from '../src/folder/folder-api.ts';
import { writeDigest } from '../src/folder/digest.ts';
import { folderWriter, type FolderImage } from '../src/folder/folder-write.ts';
import { exportFilename } from './zip-names.ts';
import type { WrittenState } from '../src/storage/folder-store.ts';
import type { LibraryContext } from './library-deps.ts';
import { plural } from './library-view.ts';
import pLimit from 'p-limit';
import { messageOf } from '../src/core/error-message.ts';

/** The chosen folder and its record of writes, as the library page reaches them; tests pass a memory folder. */
export interface FolderDeps {
  chosen(): Promise<{ handle: Folder; name: string } | null>;
  written(): Promise<Map<string, WrittenState>>;
  /** Records what was written, many articles in one go (one transaction for a batch). */
  noteWritten(records: readonly (readonly [string, WrittenState])[]): Promise<void>;
}

/**
 * Files written at once. Each write is a handful of round trips to the browser's file system
 * (find the folder, create, open a writable, write, swap in): one after another, 10,000 articles
 * spend most of their time waiting on those.
 */
const WRITES_AT_ONCE = 8;

/**
 * The progress line and bar change at most this often: redrawn for every file, the page spent
 * about as long painting as the browser spent writing.
 */
const PROGRESS_EVERY_MS = 250;

/** Asks for write access when the browser wants it again; the click that started this is the gesture. */
async function permitted(folder: Folder): Promise<FolderPermission> {
  const now = await folder.queryPermission?.({ mode: 'readwrite' }).catch(() => 'prompt' as const) ?? 'granted';
  if (now === 'granted') return now;
  return (await folder.requestPermission?.({ mode: 'readwrite' }).catch(() => 'denied' as const)) ?? 'denied';
}

/**
 * **Write to folder** (the selected articles, or all) and **Sync folder** (every article whose
 * file changed since it was last written there, by content). Each article is written as the popup's
 * Download writes it into the folder (its bundle with the images the library keeps), never over a
 * file that is not its own, and nothing is ever deleted. Progress shows, Cancel stops between
 * articles; what was written stays written and noted, so the next sync carries on from there.
 */
export async function writeArticlesToFolder(ctx: LibraryContext, links: readonly string[] | null, mode: 'write' | 'sync'): Promise<void> {
  const { deps, view, state } = ctx;
  const folderDeps = deps.folder;
  await ctx.runAction(async () => {
    const chosen = folderDeps ? await folderDeps.chosen().catch(() => null) : null;
    if (!folderDeps || !chosen) {
      ctx.showStatus('No folder is chosen: choose one in the settings, under Save to (A folder on this computer).', 'error');
      return;
    }
    if ((await permitted(chosen.handle)) !== 'granted') {
      ctx.showStatus(`Frontclip may not write into "${chosen.name}": allow access when the browser asks, or choose the folder again in the settings.`, 'error');
      return;
    }
    const settings = await deps.loadSettings();
    const template = settings.filenameTemplate;
    const written = await folderDeps.written();
    const wanted = links ?? state.summaries.map((s) => s.link);
    // Sync reads only the articles that may have changed: a version or a template other than the
    // one written. Those are then compared by content, and only a different file is written.
    const bySummary = new Map<string, Summary>(state.summaries.map((s) => [s.link, s]));
    const candidates = mode === 'write' ? wanted : wanted.filter((link) => {
      const last = written.get(link);
      return !last || last.editedAt !== bySummary.get(link)?.editedAt || last.template !== template;
    });
    let wrote = 0;
    let unchanged = wanted.length - candidates.length;
    const failed: { name: string; reason: string }[] = [];
    ctx.offerUndo(null);
    ctx.showReport('Articles not written', []);
    const task = view.progress.start(`Writing to ${chosen.name}: 0 of ${candidates.length.toLocaleString()}`);
    const writer = folderWriter(chosen.handle);
    try {
      let done = 0;
      let shownAt = performance.now();
      const limit = pLimit(WRITES_AT_ONCE);
      for await (const batch of deps.store.readArticleBatches(candidates, 100)) {
        const notes: [string, WrittenState][] = [];
        type Entry = (typeof batch)[number];
        const writeOne = async (entry: Entry, filename: string): Promise<void> => {
          if (task.signal.aborted) return;
          try {
            const article = { ...articleOf(entry), filename };
            const blobs = entry.savedImages?.length && deps.store.readArticleImages ? await deps.store.readArticleImages(entry.link) : null;
            const images: FolderImage[] | null = blobs
              ? (entry.savedImages ?? []).flatMap((ref) => (blobs.get(ref.name) ? [{ name: ref.name, src: ref.src, url: ref.url, blob: blobs.get(ref.name)! }] : []))
              : null;
            const digest = await writeDigest(article.filename, write(article), images);
            const last = written.get(entry.link);
            if (mode === 'sync' && last?.digest === digest) {
              unchanged++;
              notes.push([entry.link, { ...last, editedAt: entry.editedAt, template }]);
            } else {
              const result = await writer.write(article, images);
              notes.push([entry.link, { path: result.path, digest, editedAt: entry.editedAt, template }]);
              if (result.action === 'unchanged') unchanged++;
              else wrote++;
            }
          } catch (err) {
            failed.push({ name: entry.title || entry.link, reason: messageOf(err) });
          }
          done++;
          if (performance.now() - shownAt < PROGRESS_EVERY_MS && done < candidates.length) return;
          shownAt = performance.now();
          task.update(`Writing to ${chosen.name}: ${done.toLocaleString()} of ${candidates.length.toLocaleString()}`, done, candidates.length);
        };
        // Articles that take the same name (case folded, as some disks do) are written one after the
        // other, so that the second sees the first's file and takes -2; different names run at once.
        const lanes = new Map<string, [Entry, string][]>();
        for (const entry of batch) {
          const filename = exportFilename(template, entry);
          const lane = lanes.get(filename.toLowerCase());
          if (lane) lane.push([entry, filename]);
          else lanes.set(filename.toLowerCase(), [[entry, filename]]);
        }
        await Promise.all([...lanes.values()].map((lane) => limit(async () => {
          for (const [entry, filename] of lane) await writeOne(entry, filename);
        })));
        // Recorded after the batch: a write cut short before this is found again by its link.
        await folderDeps.noteWritten(notes);
        if (task.signal.aborted) break;
      }
    } finally {
      writer.end();
      task.end();
    }
    ctx.showReport('Articles not written', failed);
    const counts = `${plural(wrote, 'article')} written, ${unchanged.toLocaleString()} unchanged, ${failed.length.toLocaleString()} failed`;
    if (task.signal.aborted) ctx.showStatus(`Stopped: ${counts} so far in "${chosen.name}".`, 'info');
    else ctx.showStatus(`${mode === 'sync' ? 'Synced' : 'Wrote to'} "${chosen.name}": ${counts}.`, failed.length > 0 ? 'error' : 'success');
  });
}
