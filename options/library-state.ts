import { exportedSinceChange, type Summary } from '../src/storage/library.ts';
import { filterSummaries, searchText, type LibraryFilter } from './library-search.ts';

/** What the list is ordered by: the Sort by menu's choices, newest first for dates. */
export type SortKey = 'saved' | 'published' | 'title';

export const SORT_LABELS: Record<SortKey, string> = { saved: 'Saved date', published: 'Published date', title: 'Title' };

export interface ViewFilter extends LibraryFilter {
  /** Only articles not exported since their last change (what Export new would export). */
  notExported: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The list in the chosen order; the input (newest save first) breaks ties, so order is stable. */
export function sortSummaries(list: readonly Summary[], key: SortKey): Summary[] {
  if (key === 'saved') return [...list];
  const out = [...list];
  if (key === 'published') out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  else out.sort((a, b) => collator.compare(a.title || a.link, b.title || b.link));
  return out;
}

/**
 * The library page's data: every summary (newest save first, as read), what is shown after search,
 * filters and sort, and the selection. Selection is kept by link across searches: rows a search
 * hides stay selected and come back selected, but every action takes only the selected rows that
 * are shown, so it never reaches an article the reader cannot see.
 */
export class LibraryState {
  summaries: Summary[] = [];
  shown: Summary[] = [];
  readonly selected = new Set<string>();
  /** The row a shift-click extends the selection from. */
  anchor: string | null = null;
  sort: SortKey = 'saved';
  /** Library tags, most used first: the tag editors' autocomplete. */
  knownTags: string[] = [];
  /** False while only the first screen of summaries is known. */
  complete = false;
  busy = false;
  private texts: string[] = [];

  setSummaries(summaries: Summary[], complete: boolean): void {
    this.summaries = summaries;
    this.complete = complete;
    this.texts = [];
    const present = new Set(summaries.map((s) => s.link));
    if (complete) for (const link of this.selected) if (!present.has(link)) this.selected.delete(link);
  }

  /** The search texts: what `prepareSearchTexts` has not built yet is built now. */
  searchTexts(): string[] {
    for (let i = this.texts.length; i < this.summaries.length; i++) this.texts.push(searchText(this.summaries[i]!));
    return this.texts;
  }

  /**
   * Builds the search texts ahead of the first search, `slice` summaries per task. Built at once,
   * 10,000 summaries' texts were one task of 100-250 ms right after the list appeared, and a click
   * or a reload of the page in that time waited for it; in slices the page answers between them.
   * Stops when the summaries are replaced (their texts start again from none).
   */
  async prepareSearchTexts(slice = 500): Promise<void> {
    const { texts, summaries } = this;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.texts !== texts || texts.length >= summaries.length) return;
      const end = Math.min(summaries.length, texts.length + slice);
      for (let i = texts.length; i < end; i++) texts.push(searchText(summaries[i]!));
    }
  }

  apply(filter: ViewFilter): void {
    const matching = filterSummaries(this.summaries, filter.query.trim() === '' ? [] : this.searchTexts(), filter);
    const wanted = filter.notExported ? matching.filter((s) => !exportedSinceChange(s)) : matching;
    this.shown = sortSummaries(wanted, this.sort);
  }

  /** The selected rows that are shown, in list order: what an action on the selection takes. */
  selectedShown(): string[] {
    return this.shown.filter((s) => this.selected.has(s.link)).map((s) => s.link);
  }

  /** Selected rows the search or filters hide now. */
  hiddenSelected(): number {
    return this.selected.size - this.selectedShown().length;
  }

  /** Every article not exported since its last change, in list order: what Export new takes. */
  notExported(): string[] {
    return this.summaries.filter((s) => !exportedSinceChange(s)).map((s) => s.link);
  }

  /**
   * A click on a row's checkbox. With Shift, every shown row from the anchor to this one takes the
   * clicked box's new state; the clicked row becomes the anchor either way.
   */
  toggle(link: string, checked: boolean, extend: boolean): void {
    const from = extend && this.anchor !== null ? this.shown.findIndex((s) => s.link === this.anchor) : -1;
    const to = this.shown.findIndex((s) => s.link === link);
    if (from !== -1 && to !== -1) {
      const [start, end] = from < to ? [from, to] : [to, from];
      for (const s of this.shown.slice(start, end + 1)) {
        if (checked) this.selected.add(s.link);
        else this.selected.delete(s.link);
      }
    } else if (checked) this.selected.add(link);
    else this.selected.delete(link);
    this.anchor = link;
  }
}
