import type { Article } from '../src/core/article.ts';
import type { RemovedArticle } from '../src/storage/library.ts';
import type { ImportOutcome } from '../src/storage/library-save.ts';
import type { LibraryEntry, StoredArticle, Summary } from '../src/storage/library-record.ts';
import type { Settings } from '../src/storage/settings-schema.ts';
import { storageMessage } from '../src/storage/storage-message.ts';
import type { TagChange } from '../src/storage/tag-change.ts';
import { h } from '../src/ui/h.ts';
import type { Send } from '../src/ui/send.ts';
import { createTagEditor } from '../src/ui/tag-editor.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import type { DeflatePool } from './deflate-pool.ts';
import type { ImportSource, InvalidFile } from './library-import.ts';
import { createVirtualList } from './library-list.ts';
import { countValues, filterSummaries, searchText, type LibraryFilter } from './library-search.ts';
import type { SaveOutcome } from './save-zip.ts';
import { zipFilename, type ExportLayout } from './zip-names.ts';

/** The store functions the page uses (src/storage/library.ts); tests may pass the real ones over fake-indexeddb. */
export interface LibraryStore {
  listSummaries(): Promise<Summary[]>;
  /** The newest few, shown while the whole list loads. */
  listNewestSummaries?(limit: number): Promise<Summary[]>;
  getArticle(link: string): Promise<LibraryEntry | undefined>;
  deleteArticles(links: readonly string[]): Promise<RemovedArticle[]>;
  restoreArticles(removed: readonly RemovedArticle[]): Promise<number>;
  retagArticles(links: readonly string[], change: TagChange): Promise<number>;
  importArticles(articles: readonly Article[]): Promise<ImportOutcome>;
  markExported(links: readonly string[]): Promise<void>;
  readArticleBatches(links: readonly string[] | null, size?: number): AsyncIterable<StoredArticle[]>;
}

export interface LibraryDeps {
  store: LibraryStore;
  /** Talks to the worker: the editor's Save and Download, a row's Download. */
  send: Send;
  loadSettings: () => Promise<Settings>;
  /** Hands a finished zip to the browser's downloads. */
  saveZip: (blob: Blob, filename: string, settings: Settings) => Promise<SaveOutcome>;
  /** Workers that deflate an export's files; without them the page deflates on its own thread. */
  deflatePool?: () => DeflatePool | null;
  /** Subscribes to changes made by other pages or the worker; returns an unsubscribe. */
  onLibraryChanged?: (listener: () => void) => () => void;
  now?: () => Date;
}

export interface LibraryPage {
  /** Reads the library again and shows it; resolves once the list is rendered. */
  reload(): Promise<void>;
  dispose(): void;
}

/** Row height in pixels; library.css gives `.lib-row` exactly this height. */
export const ROW_HEIGHT = 64;

/** How many of the newest articles are shown before the whole list has loaded: a tall screen's worth. */
const FIRST_SCREEN = 40;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** "14 Mar 2025" in the reader's locale. */
function shortDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/**
 * The library page: every saved article newest first, searchable and filterable, with selection,
 * bulk tags, delete with undo, export (zip of flat files or Hugo page bundles), import, and an
 * editor per article. The list's data is one array of summaries read once (no bodies); search
 * and filters run over it in memory, and the list renders only the rows in view. The editor, the
 * import and the export (with the YAML parser, DOMPurify and fflate) load on first use, so the
 * first rows do not wait for code they do not need.
 */
export async function mountLibrary(root: HTMLElement, deps: LibraryDeps): Promise<LibraryPage> {
  const now = deps.now ?? (() => new Date());
  let summaries: Summary[] = [];
  let texts: string[] = [];
  let shown: Summary[] = [];
  let knownTags: string[] = [];
  const selected = new Set<string>();
  let undo: RemovedArticle[] | null = null;
  let busy = false;
  let firstRows = false;
  /** False while only the first screen of summaries is known. */
  let complete = false;

  // ----- Controls ---------------------------------------------------------------------------

  const headingId = uniqueId('library-heading');
  const count = h('p', { class: 'library-count' });

  const search = h('input', { type: 'search', id: uniqueId('search'), autocomplete: 'off', spellcheck: 'false', placeholder: 'Words in titles, descriptions, tags' });
  const tagFilter = h('select', { id: uniqueId('tag-filter') });
  const siteFilter = h('select', { id: uniqueId('site-filter') });
  const filters = h(
    'div',
    { class: 'library-filters', role: 'search' },
    h('div', { class: 'field field-search' }, h('label', { for: search.id, class: 'field-label' }, 'Search'), search),
    h('div', { class: 'field' }, h('label', { for: tagFilter.id, class: 'field-label' }, 'Tag'), tagFilter),
    h('div', { class: 'field' }, h('label', { for: siteFilter.id, class: 'field-label' }, 'Site'), siteFilter),
  );

  const layoutName = uniqueId('layout');
  const layoutRadios = (['flat', 'bundles'] as const).map((value) => {
    const radio = h('input', { type: 'radio', name: layoutName, value, id: uniqueId('layout') });
    radio.checked = value === 'flat';
    return radio;
  });
  const [flatRadio, bundlesRadio] = layoutRadios as [HTMLInputElement, HTMLInputElement];
  const layoutField = h(
    'fieldset',
    { class: 'choice-group layout-choice' },
    h('legend', { class: 'field-label' }, 'Export as'),
    h('div', { class: 'choice' }, flatRadio, h('label', { for: flatRadio.id }, 'Flat files')),
    h('div', { class: 'choice' }, bundlesRadio, h('label', { for: bundlesRadio.id }, 'Hugo page bundles (folder/index.md)')),
  );
  const exportAll = h('button', { type: 'button', class: 'button' }, 'Export all');
  const importInput = h('input', {
    type: 'file', id: uniqueId('import'), multiple: true, class: 'visually-hidden',
    accept: '.md,.markdown,.html,.htm,.zip,text/markdown,text/html,application/zip',
  });
  // A label styled as a button opens the file picker: the native control stays in the
  // accessibility tree and keyboard order (visually hidden, focus shown on the label).
  const importLabel = h('label', { for: importInput.id, class: 'button import-button' }, 'Import…');
  const progress = h('progress', { class: 'library-progress', hidden: true, 'aria-label': 'Export progress' });
  const libraryActions = h('div', { class: 'library-actions' }, layoutField, h('div', { class: 'actions' }, exportAll, importInput, importLabel), progress);

  const selectAll = h('input', { type: 'checkbox', id: uniqueId('select-all') });
  const selectAllLabel = h('label', { for: selectAll.id }, 'Select all');
  const selectedCount = h('span', { class: 'selected-count', 'aria-live': 'polite' }, 'None selected');
  const exportSelected = h('button', { type: 'button', class: 'button' }, 'Export selected');
  const deleteSelected = h('button', { type: 'button', class: 'button button-danger' }, 'Delete selected');
  const bulkTags = createTagEditor({ label: 'Tags to add or remove', suggestions: [], maxSuggestionChips: 0 });
  const addTags = h('button', { type: 'button', class: 'button' }, 'Add to selected');
  const removeTags = h('button', { type: 'button', class: 'button' }, 'Remove from selected');
  const selectionBar = h(
    'div',
    { class: 'selection-bar', role: 'group', 'aria-label': 'Selected articles' },
    h('div', { class: 'selection-head' }, h('div', { class: 'choice' }, selectAll, selectAllLabel), selectedCount, h('div', { class: 'actions' }, exportSelected, deleteSelected)),
    h('div', { class: 'bulk-tags' }, bulkTags.element, h('div', { class: 'actions' }, addTags, removeTags)),
  );

  const status = h('p', { role: 'status', class: 'status' });
  const undoButton = h('button', { type: 'button', class: 'button undo-button', hidden: true }, 'Undo');
  const statusLine = h('div', { class: 'status-line' }, status, undoButton);

  const reportHeadingId = uniqueId('report');
  const reportList = h('ul', { class: 'import-report-list' });
  const dismissReport = h('button', { type: 'button', class: 'button' }, 'Dismiss');
  const report = h(
    'section',
    { class: 'import-report', role: 'region', hidden: true, 'aria-labelledby': reportHeadingId },
    h('h3', { id: reportHeadingId }, 'Files not imported'),
    reportList,
    dismissReport,
  );

  const empty = h('p', { class: 'library-empty', hidden: true });

  const list = createVirtualList<Summary>({
    rowHeight: ROW_HEIGHT,
    label: 'Saved articles',
    key: (s) => s.link,
    renderRow,
  });
  list.element.classList.add('library-list');

  root.replaceChildren(
    h(
      'section',
      { class: 'library', 'aria-labelledby': headingId },
      h('div', { class: 'library-head' }, h('h2', { id: headingId }, 'Library'), count),
      filters,
      libraryActions,
      selectionBar,
      statusLine,
      report,
      empty,
      list.element,
    ),
  );

  // ----- Rows -------------------------------------------------------------------------------

  function renderRow(summary: Summary): HTMLElement {
    const checkbox = h('input', { type: 'checkbox', class: 'row-select', 'data-col': 'select', 'aria-label': `Select ${summary.title}` });
    checkbox.checked = selected.has(summary.link);
    checkbox.addEventListener('change', () => {
      if (checkbox.checked) selected.add(summary.link);
      else selected.delete(summary.link);
      showSelection();
    });
    const title = h('button', { type: 'button', class: 'row-title', 'data-col': 'open', title: summary.link }, summary.title || summary.link);
    title.addEventListener('click', () => void edit(summary.link, title));
    const download = h('button', { type: 'button', class: 'button row-download', 'data-col': 'download', 'aria-label': `Download ${summary.title}` }, 'Download');
    download.addEventListener('click', () => void downloadOne(summary));
    const site = summary.siteName || summary.site;
    return h(
      'li',
      { class: selected.has(summary.link) ? 'lib-row row-selected' : 'lib-row' },
      checkbox,
      h(
        'div',
        { class: 'row-text' },
        title,
        h(
          'p',
          { class: 'row-meta' },
          h('span', { class: 'row-site' }, site),
          h('span', { class: 'row-date' }, shortDate(summary.date)),
          summary.draft ? h('span', { class: 'badge' }, 'Draft') : null,
          summary.tags.length === 0
            ? null
            : h('span', { class: 'row-tags' }, h('span', { class: 'visually-hidden' }, 'Tags: '), ...summary.tags.map((tag) => h('span', { class: 'row-tag' }, tag))),
        ),
      ),
      download,
    );
  }

  // ----- State → view -----------------------------------------------------------------------

  function showStatus(text: string, kind: 'info' | 'success' | 'error'): void {
    status.textContent = text;
    status.dataset['kind'] = kind;
  }

  function offerUndo(removed: RemovedArticle[] | null): void {
    undo = removed;
    undoButton.hidden = removed === null;
  }

  function currentFilter(): LibraryFilter {
    return { query: search.value, tag: tagFilter.value, site: siteFilter.value };
  }

  function fillSelect(select: HTMLSelectElement, anyLabel: string, values: { value: string; count: number }[]): void {
    const current = select.value;
    const options = [h('option', { value: '' }, anyLabel), ...values.map(({ value, count: n }) => h('option', { value }, `${value} (${n.toLocaleString()})`))];
    select.replaceChildren(...options);
    select.value = values.some((v) => v.value === current) ? current : '';
  }

  function setDisabled(button: HTMLElement, disabled: boolean): void {
    if (disabled) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }

  function showSelection(): void {
    const inView = shown.filter((s) => selected.has(s.link)).length;
    selectAll.checked = shown.length > 0 && inView === shown.length;
    selectAll.indeterminate = inView > 0 && inView < shown.length;
    selectAllLabel.textContent = `Select all ${plural(shown.length, 'shown article')}`;
    selectedCount.textContent = selected.size === 0 ? 'None selected' : `${plural(selected.size, 'article')} selected`;
    for (const button of [exportSelected, deleteSelected, addTags, removeTags]) setDisabled(button, selected.size === 0 || busy);
    setDisabled(exportAll, summaries.length === 0 || busy || !complete);
    selectAll.disabled = !complete || shown.length === 0;
    list.refresh();
  }

  /** The search texts, built on first need (or in the first idle moment after a load). */
  function searchTexts(): string[] {
    if (texts.length !== summaries.length) texts = summaries.map(searchText);
    return texts;
  }

  function applyFilter(): void {
    const filter = currentFilter();
    shown = filterSummaries(summaries, filter.query.trim() === '' ? [] : searchTexts(), filter);
    // Only what is shown stays selected: an action never reaches articles the reader cannot see.
    const visible = new Set(shown.map((s) => s.link));
    for (const link of selected) if (!visible.has(link)) selected.delete(link);
    count.textContent = !complete
      ? 'Loading…'
      : shown.length === summaries.length ? plural(summaries.length, 'article') : `${shown.length.toLocaleString()} of ${plural(summaries.length, 'article')}`;
    empty.hidden = shown.length > 0 || !complete;
    empty.textContent = summaries.length === 0
      ? 'Your library is empty. Articles you save or download from the Frontclip popup appear here; you can also import files.'
      : 'No articles match the search and filters.';
    list.element.hidden = shown.length === 0;
    list.setItems(shown);
    showSelection();
    if (!firstRows && shown.length > 0 && list.renderedCount() > 0) {
      firstRows = true;
      // The benchmark reads this: the time from navigation start to the first rows in the DOM.
      performance.mark('frontclip:first-rows');
    }
  }

  /** Shows the newest articles at once, before the whole list (10,000 summaries) has been read. */
  async function firstScreen(): Promise<void> {
    if (!deps.store.listNewestSummaries) return;
    try {
      summaries = await deps.store.listNewestSummaries(FIRST_SCREEN);
    } catch {
      return; // reload() reports the failure
    }
    texts = [];
    applyFilter();
  }

  async function reload(): Promise<void> {
    try {
      summaries = await deps.store.listSummaries();
    } catch (err) {
      showStatus(`The library could not be read: ${messageOf(err)}`, 'error');
      return;
    }
    complete = true;
    texts = [];
    setTimeout(searchTexts, 0);
    const tagCounts = countValues(summaries.map((s) => s.tags));
    knownTags = tagCounts.map((t) => t.value);
    bulkTags.setSuggestions(knownTags);
    fillSelect(tagFilter, 'All tags', tagCounts);
    fillSelect(siteFilter, 'All sites', countValues(summaries.map((s) => [s.site])));
    applyFilter();
  }

  // ----- Actions ----------------------------------------------------------------------------

  /** Runs one library action at a time, with its outcome (or failure) in the status line. */
  async function act(work: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    showSelection();
    try {
      await work();
    } catch (err) {
      showStatus(storageMessage(err), 'error');
    } finally {
      busy = false;
      showSelection();
    }
  }

  function selectedLinks(): string[] {
    // In list order, newest first, so an export of the selection reads as the list does.
    return shown.filter((s) => selected.has(s.link)).map((s) => s.link);
  }

  async function edit(link: string, opener: HTMLElement): Promise<void> {
    let entry: LibraryEntry | undefined;
    try {
      entry = await deps.store.getArticle(link);
    } catch (err) {
      showStatus(storageMessage(err), 'error');
      return;
    }
    if (!entry) {
      showStatus('That article is no longer in the library.', 'error');
      await reload();
      return;
    }
    const [settings, { openEditor }] = await Promise.all([deps.loadSettings(), import('./library-editor.ts')]);
    openEditor({
      entry,
      settings,
      send: deps.send,
      knownTags,
      onSaved: () => void reload(),
      onClose: () => {
        const index = shown.findIndex((s) => s.link === link);
        if (opener.isConnected) opener.focus();
        else if (index !== -1) list.focusRow(index, 'open');
      },
    });
  }

  async function downloadOne(summary: Summary): Promise<void> {
    showStatus(`Downloading ${summary.title}…`, 'info');
    try {
      const reply = await deps.send('downloadSaved', { link: summary.link });
      if (reply.ok) showStatus(`Downloaded ${reply.filename}`, 'success');
      else showStatus(`Couldn't download: ${reply.message}`, 'error');
    } catch (err) {
      showStatus(`Couldn't download: ${messageOf(err)}`, 'error');
    }
    await reload();
  }

  async function exportArticles(links: string[] | null): Promise<void> {
    const total = links?.length ?? summaries.length;
    if (total === 0) {
      showStatus(links ? 'Select the articles to export first.' : 'The library is empty: there is nothing to export.', 'error');
      return;
    }
    await act(async () => {
      const settings = await deps.loadSettings();
      const layout: ExportLayout = bundlesRadio.checked ? 'bundles' : 'flat';
      offerUndo(null);
      showStatus(`Exporting ${plural(total, 'article')}…`, 'info');
      progress.max = total;
      progress.value = 0;
      progress.hidden = false;
      const pool = deps.deflatePool?.() ?? null;
      try {
        performance.mark('frontclip:export-start');
        const { buildExportZip } = await import('./library-export.ts');
        const result = await buildExportZip({
          batches: deps.store.readArticleBatches(links, 250),
          template: settings.filenameTemplate,
          layout,
          ...(pool ? { deflate: pool.deflate } : {}),
          onProgress: (done) => {
            progress.value = done;
          },
        });
        performance.mark('frontclip:export-zipped', { detail: { readMs: result.readMs, zipMs: result.zipMs } });
        const saved = await deps.saveZip(result.blob, zipFilename(layout, now()), settings);
        performance.mark('frontclip:export-downloaded');
        if (!saved.ok) {
          showStatus(`Couldn't export: ${saved.message}`, 'error');
          return;
        }
        showStatus(`Exported ${plural(result.files.length, 'article')} to ${saved.filename}`, 'success');
        // The zip is on disk: the reader need not wait for this bookkeeping (10,000 small writes),
        // though the page stays busy until it is done.
        try {
          await deps.store.markExported(result.files.map((f) => f.link));
        } catch (err) {
          showStatus(`Exported ${plural(result.files.length, 'article')} to ${saved.filename}, but the library could not record when: ${messageOf(err)}`, 'error');
        }
        // The benchmark reads these marks to split the export's time into its steps.
        performance.mark('frontclip:export-done');
      } catch (err) {
        showStatus(`Couldn't export: ${messageOf(err)}`, 'error');
      } finally {
        pool?.close();
        progress.hidden = true;
      }
      await reload();
    });
  }

  async function changeTags(kind: 'add' | 'remove'): Promise<void> {
    bulkTags.commitPending();
    const tags = bulkTags.tags();
    const links = selectedLinks();
    if (links.length === 0) {
      showStatus('Select the articles to change first.', 'error');
      return;
    }
    if (tags.length === 0) {
      showStatus(`Type the tags to ${kind} in "Tags to add or remove" first.`, 'error');
      bulkTags.input.focus();
      return;
    }
    await act(async () => {
      const changed = await deps.store.retagArticles(links, kind === 'add' ? { add: tags, remove: [] } : { add: [], remove: tags });
      offerUndo(null);
      const what = tags.length === 1 ? `tag ${tags[0]}` : `tags ${tags.join(', ')}`;
      showStatus(kind === 'add' ? `Added ${what} to ${plural(changed, 'article')}` : `Removed ${what} from ${plural(changed, 'article')}`, 'success');
      for (const tag of tags) bulkTags.remove(tag);
      await reload();
    });
  }

  async function deleteChosen(): Promise<void> {
    const links = selectedLinks();
    if (links.length === 0) {
      showStatus('Select the articles to delete first.', 'error');
      return;
    }
    await act(async () => {
      const removed = await deps.store.deleteArticles(links);
      selected.clear();
      await reload();
      offerUndo(removed);
      showStatus(`Deleted ${plural(removed.length, 'article')}.`, 'success');
      // The Delete button is still there but nothing is selected now: the next useful key is Undo.
      undoButton.focus();
    });
  }

  async function undoDelete(): Promise<void> {
    const removed = undo;
    if (!removed) return;
    await act(async () => {
      const restored = await deps.store.restoreArticles(removed);
      offerUndo(null);
      for (const { article } of removed) selected.add(article.link);
      await reload();
      const skipped = removed.length - restored;
      showStatus(`Restored ${plural(restored, 'article')}${skipped > 0 ? ` (${plural(skipped, 'was', 'were')} saved again meanwhile and kept)` : ''}.`, 'success');
      selectAll.focus();
    });
  }

  function showReport(invalid: InvalidFile[]): void {
    report.hidden = invalid.length === 0;
    reportList.replaceChildren(...invalid.map((file) => h('li', {}, h('span', { class: 'report-name' }, file.name), ': ', file.reason)));
  }

  async function importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    await act(async () => {
      offerUndo(null);
      showStatus(`Reading ${plural(files.length, 'file')}…`, 'info');
      const [settings, { readImport }] = await Promise.all([deps.loadSettings(), import('./library-import.ts')]);
      const sources: ImportSource[] = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const reading = readImport(sources, settings.filenameTemplate);
      showReport(reading.invalid);
      const notImported = reading.invalid.length === 0 ? '' : ` ${plural(reading.invalid.length, 'file')} could not be imported: see the list below.`;
      if (reading.articles.length === 0) {
        showStatus(`Nothing was imported.${notImported}`, 'error');
        return;
      }
      let outcome: ImportOutcome;
      try {
        outcome = await deps.store.importArticles(reading.articles);
      } catch (err) {
        showStatus(`Nothing was imported: ${storageMessage(err)}`, 'error');
        return;
      }
      await reload();
      const parts = [
        outcome.added > 0 ? `${outcome.added.toLocaleString()} new` : '',
        outcome.merged > 0 ? `${outcome.merged.toLocaleString()} already saved, tags merged` : '',
        outcome.unchanged > 0 ? `${outcome.unchanged.toLocaleString()} already saved as they are` : '',
      ].filter(Boolean);
      showStatus(`Imported ${plural(reading.articles.length, 'article')} (${parts.join('; ')}).${notImported}`, reading.invalid.length > 0 ? 'error' : 'success');
    });
  }

  // ----- Events -----------------------------------------------------------------------------

  search.addEventListener('input', applyFilter);
  tagFilter.addEventListener('change', applyFilter);
  siteFilter.addEventListener('change', applyFilter);
  selectAll.addEventListener('change', () => {
    for (const s of shown) {
      if (selectAll.checked) selected.add(s.link);
      else selected.delete(s.link);
    }
    showSelection();
  });
  exportAll.addEventListener('click', () => void exportArticles(null));
  exportSelected.addEventListener('click', () => void exportArticles(selectedLinks()));
  deleteSelected.addEventListener('click', () => void deleteChosen());
  addTags.addEventListener('click', () => void changeTags('add'));
  removeTags.addEventListener('click', () => void changeTags('remove'));
  undoButton.addEventListener('click', () => void undoDelete());
  dismissReport.addEventListener('click', () => {
    report.hidden = true;
    importLabel.focus();
  });
  importInput.addEventListener('change', () => {
    const files = [...(importInput.files ?? [])];
    // Cleared so that picking the same file again is a new change.
    importInput.value = '';
    void importFiles(files);
  });
  // The label stands in for the hidden input: Enter and Space on it open the picker.
  importLabel.tabIndex = -1;
  importInput.addEventListener('focus', () => importLabel.classList.add('focused'));
  importInput.addEventListener('blur', () => importLabel.classList.remove('focused'));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = deps.onLibraryChanged?.(() => {
    // Another page saved or deleted: read again once the burst is over.
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 150);
  }) ?? (() => {});

  await firstScreen();
  await reload();
  return {
    reload,
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
