import { storageMessage, type RemovedArticle, type Summary } from '../src/storage/library.ts';
import { h } from '../src/ui/h.ts';
import { exportArticles } from './action-export.ts';
import { changeTags, deleteChosen, undoDelete } from './action-bulk.ts';
import { importFiles } from './action-import.ts';
import { downloadOne, readArticle } from './action-read.ts';
import type { LibraryContext, LibraryDeps } from './library-deps.ts';
import { createVirtualList } from './library-list.ts';
import { countValues } from './library-search.ts';
import { LibraryState, type SortKey } from './library-state.ts';
import { createLibraryView, plural, renderRow, setDisabled } from './library-view.ts';
import { messageOf } from '../src/core/error-message.ts';

export type { LibraryDeps, LibraryStore } from './library-deps.ts';

export interface LibraryPage {
  /** Reads the library again and shows it; resolves once the list is rendered. */
  reload(): Promise<void>;
  dispose(): void;
}

/** Row height in pixels; library.css gives `.lib-row` exactly this height. */
export const ROW_HEIGHT = 64;

/** How many of the newest articles are shown before the whole list has loaded: a tall screen's worth. */
const FIRST_SCREEN = 40;

/**
 * The library page: every saved article, searchable, filterable and sortable, with a reading view,
 * selection (Shift for ranges), bulk tags, delete with undo, export (zip of flat files or Hugo page
 * bundles, all, selected or new), import, and an editor per article. The list's data is one array
 * of summaries read once (no bodies); search and filters run over it in memory (LibraryState), the
 * list renders only the rows in view, and each action lives in its own module (action-*.ts). The
 * reader, editor, import and export load on first use, so the first rows do not wait for them.
 */
export async function mountLibrary(root: HTMLElement, deps: LibraryDeps): Promise<LibraryPage> {
  const state = new LibraryState();
  const view = createLibraryView();
  let undo: RemovedArticle[] | null = null;
  let firstRows = false;

  const list = createVirtualList<Summary>({
    rowHeight: ROW_HEIGHT,
    label: 'Saved articles',
    key: (s) => s.link,
    renderRow: (summary) => renderRow(summary, state.selected.has(summary.link), {
      toggle: (checked, extend) => {
        state.toggle(summary.link, checked, extend);
        showSelection();
      },
      open: (opener) => void readArticle(ctx, summary.link, opener),
      download: () => void downloadOne(ctx, summary),
    }),
  });
  list.element.classList.add('library-list');
  root.replaceChildren(view.root(list.element));

  function showStatus(text: string, kind: 'info' | 'success' | 'error'): void {
    view.status.textContent = text;
    view.status.dataset['kind'] = kind;
  }

  function showSelection(): void {
    const { shown } = state;
    const inView = state.selectedShown().length;
    view.selectAll.checked = shown.length > 0 && inView === shown.length;
    view.selectAll.indeterminate = inView > 0 && inView < shown.length;
    view.selectAllLabel.textContent = `Select all ${plural(shown.length, 'shown article')}`;
    const hidden = state.hiddenSelected();
    view.selectedCount.textContent = (inView === 0 ? 'None selected' : `${plural(inView, 'article')} selected`)
      + (hidden > 0 ? ` (${hidden.toLocaleString()} more hidden by the search and filters)` : '');
    for (const button of [view.exportSelected, view.deleteSelected, view.addTags, view.removeTags]) setDisabled(button, inView === 0 || state.busy);
    for (const button of [view.exportAll, view.exportNew, view.writeFolder, view.syncFolder]) setDisabled(button, state.summaries.length === 0 || state.busy || !state.complete);
    view.selectAll.disabled = !state.complete || shown.length === 0;
    list.refresh();
  }

  function applyFilter(): void {
    state.sort = view.sortBy.value as SortKey;
    state.apply({ query: view.search.value, tag: view.tagFilter.value, site: view.siteFilter.value, notExported: view.notExported.checked });
    const { shown, summaries, complete } = state;
    view.count.textContent = !complete
      ? 'Loading…'
      : shown.length === summaries.length ? plural(summaries.length, 'article') : `${shown.length.toLocaleString()} of ${plural(summaries.length, 'article')}`;
    view.empty.hidden = shown.length > 0 || !complete;
    const filtered = summaries.length > 0;
    view.emptyText.textContent = filtered
      ? 'No articles match the search and filters.'
      : 'Your library is empty. Articles you save or download from the Frontclip popup appear here; you can also import files.';
    view.clearFilters.hidden = !filtered;
    list.element.hidden = shown.length === 0;
    list.setItems(shown);
    showSelection();
    if (!firstRows && shown.length > 0 && list.renderedCount() > 0) {
      firstRows = true;
      // The benchmark reads this: the time from navigation start to the first rows in the DOM.
      performance.mark('frontclip:first-rows');
    }
  }

  function fillSelect(select: HTMLSelectElement, anyLabel: string, values: { value: string; count: number }[]): void {
    const current = select.value;
    select.replaceChildren(h('option', { value: '' }, anyLabel), ...values.map(({ value, count: n }) => h('option', { value }, `${value} (${n.toLocaleString()})`)));
    select.value = values.some((v) => v.value === current) ? current : '';
  }

  /** Shows the newest articles at once, before the whole list (10,000 summaries) has been read. */
  async function firstScreen(): Promise<void> {
    if (!deps.store.listNewestSummaries) return;
    try {
      state.setSummaries(await deps.store.listNewestSummaries(FIRST_SCREEN), false);
    } catch {
      return; // reload() reports the failure
    }
    applyFilter();
  }

  async function reload(): Promise<void> {
    let summaries: Summary[];
    try {
      summaries = await deps.store.listSummaries();
    } catch (err) {
      showStatus(`The library could not be read: ${messageOf(err)}`, 'error');
      return;
    }
    state.setSummaries(summaries, true);
    void state.prepareSearchTexts();
    const tagCounts = countValues(summaries.map((s) => s.tags));
    state.knownTags = tagCounts.map((t) => t.value);
    view.bulkTags.setSuggestions(state.knownTags);
    fillSelect(view.tagFilter, 'All tags', tagCounts);
    fillSelect(view.siteFilter, 'All sites', countValues(summaries.map((s) => [s.site])));
    applyFilter();
  }

  const ctx: LibraryContext = {
    deps, state, view, list,
    now: deps.now ?? (() => new Date()),
    showStatus,
    offerUndo(removed) {
      undo = removed;
      view.undoButton.hidden = removed === null;
    },
    showReport(heading, items) {
      view.reportHeading.textContent = heading;
      view.report.hidden = items.length === 0;
      view.reportList.replaceChildren(...items.map((item) => h('li', {}, h('span', { class: 'report-name' }, item.name), ': ', item.reason)));
    },
    reload,
    async runAction(work) {
      if (state.busy) return;
      state.busy = true;
      showSelection();
      try {
        await work();
      } catch (err) {
        showStatus(storageMessage(err), 'error');
      } finally {
        state.busy = false;
        showSelection();
      }
    },
  };

  view.search.addEventListener('input', applyFilter);
  for (const select of [view.tagFilter, view.siteFilter, view.sortBy, view.notExported]) select.addEventListener('change', applyFilter);
  view.clearFilters.addEventListener('click', () => {
    view.search.value = '';
    view.tagFilter.value = '';
    view.siteFilter.value = '';
    view.notExported.checked = false;
    applyFilter();
    view.search.focus();
  });
  view.selectAll.addEventListener('change', () => {
    for (const s of state.shown) {
      if (view.selectAll.checked) state.selected.add(s.link);
      else state.selected.delete(s.link);
    }
    showSelection();
  });
  view.exportAll.addEventListener('click', () => void exportArticles(ctx, null, 'all'));
  view.exportNew.addEventListener('click', () => void exportArticles(ctx, state.notExported(), 'new'));
  view.exportSelected.addEventListener('click', () => void exportArticles(ctx, state.selectedShown(), 'selected'));
  // Write to folder takes the selected articles, or all of them when none is selected. The folder
  // code (and the YAML parser it reads files back with) loads on first use, not before the rows.
  const toFolder = async (links: string[] | null, mode: 'write' | 'sync') => (await import('./action-folder.ts')).writeArticlesToFolder(ctx, links, mode);
  view.writeFolder.addEventListener('click', () => {
    const selected = state.selectedShown();
    void toFolder(selected.length > 0 ? selected : null, 'write');
  });
  view.syncFolder.addEventListener('click', () => void toFolder(null, 'sync'));
  view.writeFolder.hidden = !deps.folder;
  view.syncFolder.hidden = !deps.folder;
  view.deleteSelected.addEventListener('click', () => void deleteChosen(ctx));
  view.addTags.addEventListener('click', () => void changeTags(ctx, 'add'));
  view.removeTags.addEventListener('click', () => void changeTags(ctx, 'remove'));
  view.undoButton.addEventListener('click', () => {
    if (undo) void undoDelete(ctx, undo);
  });
  view.dismissReport.addEventListener('click', () => {
    view.report.hidden = true;
    view.importLabel.focus();
  });
  view.importInput.addEventListener('change', () => {
    const files = [...(view.importInput.files ?? [])];
    // Cleared so that picking the same file again is a new change.
    view.importInput.value = '';
    void importFiles(ctx, files);
  });
  // The visually hidden file input keeps the keyboard focus (the browser opens its picker on Enter
  // or Space); the label leaves the tab order, so Tab stops once, and shows the input's focus.
  view.importLabel.tabIndex = -1;
  view.importInput.addEventListener('focus', () => view.importLabel.classList.add('focused'));
  view.importInput.addEventListener('blur', () => view.importLabel.classList.remove('focused'));

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
