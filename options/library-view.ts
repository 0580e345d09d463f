import { exportedSinceChange, type Summary } from '../src/storage/library.ts';
import { h } from '../src/ui/h.ts';
import { createTagEditor } from '../src/ui/tag-editor.ts';
import { uniqueId } from '../src/ui/unique-id.ts';
import { createProgressPanel } from './library-progress.ts';
import { SORT_LABELS, type SortKey } from './library-state.ts';

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "14 Mar 2025" in the reader's locale. */
export function shortDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/** What a row says about export: never, when, or that it changed since. */
export function exportNote(summary: Summary): string {
  if (summary.exportedAt === null) return 'Not exported';
  return exportedSinceChange(summary) ? `Exported ${shortDate(summary.exportedAt)}` : `Changed since export on ${shortDate(summary.exportedAt)}`;
}

/** Sets a button's aria-disabled (it stays focusable, and says why it does nothing when pressed). */
export function setDisabled(button: HTMLElement, disabled: boolean): void {
  if (disabled) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

/** The library page's controls, built once; the page and its actions fill and read them. */
export function createLibraryView() {
  const headingId = uniqueId('library-heading');
  const count = h('p', { class: 'library-count' });

  const search = h('input', { type: 'search', id: uniqueId('search'), autocomplete: 'off', spellcheck: 'false', placeholder: 'Words in titles, descriptions, tags' });
  const tagFilter = h('select', { id: uniqueId('tag-filter') });
  const siteFilter = h('select', { id: uniqueId('site-filter') });
  const sortBy = h('select', { id: uniqueId('sort') }, ...(Object.entries(SORT_LABELS) as [SortKey, string][]).map(([value, label]) => h('option', { value }, label)));
  const notExported = h('input', { type: 'checkbox', id: uniqueId('not-exported') });
  const filters = h(
    'div',
    { class: 'library-filters', role: 'search' },
    h('div', { class: 'field field-search' }, h('label', { for: search.id, class: 'field-label' }, 'Search'), search),
    h('div', { class: 'field' }, h('label', { for: tagFilter.id, class: 'field-label' }, 'Tag'), tagFilter),
    h('div', { class: 'field' }, h('label', { for: siteFilter.id, class: 'field-label' }, 'Site'), siteFilter),
    h('div', { class: 'field' }, h('label', { for: sortBy.id, class: 'field-label' }, 'Sort by'), sortBy),
    h('div', { class: 'choice filter-choice' }, notExported, h('label', { for: notExported.id }, 'Not exported yet')),
  );

  const layoutName = uniqueId('layout');
  const [flatRadio, bundlesRadio] = (['flat', 'bundles'] as const).map((value) => {
    const radio = h('input', { type: 'radio', name: layoutName, value, id: uniqueId('layout') });
    radio.checked = value === 'flat';
    return radio;
  }) as [HTMLInputElement, HTMLInputElement];
  const layoutField = h(
    'fieldset',
    { class: 'choice-group layout-choice' },
    h('legend', { class: 'field-label' }, 'Export as'),
    h('div', { class: 'choice' }, flatRadio, h('label', { for: flatRadio.id }, 'Flat files')),
    h('div', { class: 'choice' }, bundlesRadio, h('label', { for: bundlesRadio.id }, 'Hugo page bundles (folder/index.md)')),
  );
  const exportAll = h('button', { type: 'button', class: 'button' }, 'Export all');
  const exportNew = h('button', { type: 'button', class: 'button' }, 'Export new');
  // Shown where the browser can write into a chosen folder (the page hides them otherwise).
  const writeFolder = h('button', { type: 'button', class: 'button', hidden: true }, 'Write to folder');
  const syncFolder = h('button', { type: 'button', class: 'button', hidden: true }, 'Sync folder');
  const importInput = h('input', {
    type: 'file', id: uniqueId('import'), multiple: true, class: 'visually-hidden',
    accept: '.md,.markdown,.html,.htm,.zip,text/markdown,text/html,application/zip',
  });
  // A label styled as a button opens the file picker: the native control stays in the
  // accessibility tree and keyboard order (visually hidden, focus shown on the label).
  const importLabel = h('label', { for: importInput.id, class: 'button import-button' }, 'Import…');
  const libraryActions = h('div', { class: 'library-actions' }, layoutField, h('div', { class: 'actions' }, exportAll, exportNew, writeFolder, syncFolder, importInput, importLabel));

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

  const progress = createProgressPanel();
  const status = h('p', { role: 'status', class: 'status' });
  const undoButton = h('button', { type: 'button', class: 'button undo-button', hidden: true }, 'Undo');
  const statusLine = h('div', { class: 'status-line' }, status, undoButton);

  const reportHeading = h('h3', { id: uniqueId('report') }, 'Files not imported');
  const reportList = h('ul', { class: 'import-report-list' });
  const dismissReport = h('button', { type: 'button', class: 'button' }, 'Dismiss');
  const report = h('section', { class: 'import-report', role: 'region', hidden: true, 'aria-labelledby': reportHeading.id }, reportHeading, reportList, dismissReport);

  const emptyText = h('p', {});
  const clearFilters = h('button', { type: 'button', class: 'button', hidden: true }, 'Clear search and filters');
  const empty = h('div', { class: 'library-empty', hidden: true }, emptyText, clearFilters);

  const root = (list: HTMLElement) => h(
    'section',
    { class: 'library', 'aria-labelledby': headingId },
    h('div', { class: 'library-head' }, h('h2', { id: headingId }, 'Library'), count),
    filters, libraryActions, selectionBar, progress.element, statusLine, report, empty, list,
  );

  return {
    root, count, search, tagFilter, siteFilter, sortBy, notExported, flatRadio, bundlesRadio, exportAll, exportNew, writeFolder, syncFolder, importInput, importLabel,
    selectAll, selectAllLabel, selectedCount, exportSelected, deleteSelected, bulkTags, addTags, removeTags, progress,
    status, undoButton, report, reportHeading, reportList, dismissReport, empty, emptyText, clearFilters,
  };
}

export type LibraryView = ReturnType<typeof createLibraryView>;

/** One row: checkbox, title (opens the reading view), site, date, export state, tags, Download. */
export function renderRow(
  summary: Summary,
  selected: boolean,
  on: { toggle: (checked: boolean, extend: boolean) => void; open: (opener: HTMLElement) => void; download: () => void },
): HTMLElement {
  const checkbox = h('input', { type: 'checkbox', class: 'row-select', 'data-col': 'select', 'aria-label': `Select ${summary.title}` });
  checkbox.checked = selected;
  // A click, not a change: only the click says whether Shift was held (a range).
  checkbox.addEventListener('click', (event) => on.toggle(checkbox.checked, event.shiftKey));
  const title = h('button', { type: 'button', class: 'row-title', 'data-col': 'open', title: summary.link }, summary.title || summary.link);
  title.addEventListener('click', () => on.open(title));
  const download = h('button', { type: 'button', class: 'button row-download', 'data-col': 'download', 'aria-label': `Download ${summary.title}` }, 'Download');
  download.addEventListener('click', () => on.download());
  const site = summary.siteName || summary.site;
  const text = h(
    'div',
    { class: 'row-text' },
    title,
    h(
      'p',
      { class: 'row-meta' },
      h('span', { class: 'row-site' }, site),
      h('span', { class: 'row-date' }, shortDate(summary.date)),
      h('span', { class: 'row-exported' }, exportNote(summary)),
      summary.draft ? h('span', { class: 'badge' }, 'Draft') : null,
      summary.tags.length === 0
        ? null
        : h('span', { class: 'row-tags' }, h('span', { class: 'visually-hidden' }, 'Tags: '), ...summary.tags.map((tag) => h('span', { class: 'row-tag' }, tag))),
    ),
  );
  // A click anywhere on the row's text reads the article, as a click on its title does.
  text.addEventListener('click', (event) => {
    if (event.target !== title) on.open(title);
  });
  return h('li', { class: selected ? 'lib-row row-selected' : 'lib-row' }, checkbox, text, download);
}
