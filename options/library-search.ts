import type { Summary } from '../src/storage/library.ts';

/**
 * Text as searched: lower case, NFC, with every combining mark dropped after decomposing (`café`
 * is found by `cafe`, and so are marks of any script).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a query, folded; a query of only punctuation has none. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).replace(/['’]/g, '').match(WORD) ?? [];
}

/**
 * One string per article holding the words of its title, description and tags, each preceded by
 * a space: a word prefix is then one `includes(' ' + word)`. Built once when the list loads, so a
 * search over 10,000 articles is a few milliseconds of substring tests, with no index to keep in
 * step with edits.
 */
export function searchText(summary: Pick<Summary, 'title' | 'description' | 'tags'>): string {
  return ` ${queryWords([summary.title, summary.description, ...summary.tags].join(' ')).join(' ')} `;
}

export interface LibraryFilter {
  query: string;
  /** Only articles with this exact tag; '' for any. */
  tag: string;
  /** Only articles from this site (host); '' for any. */
  site: string;
}

/**
 * The summaries that match: every query word begins a word of the title, description or tags
 * (so `light` finds "lighthouse", `house` does not), and the tag and site filters hold. Order is
 * kept (the caller's newest-first list).
 */
export function filterSummaries(summaries: readonly Summary[], texts: readonly string[], filter: LibraryFilter): Summary[] {
  const words = queryWords(filter.query).map((w) => ` ${w}`);
  const out: Summary[] = [];
  for (let i = 0; i < summaries.length; i++) {
    const summary = summaries[i]!;
    if (filter.tag !== '' && !summary.tags.includes(filter.tag)) continue;
    if (filter.site !== '' && summary.site !== filter.site) continue;
    if (words.length > 0) {
      const text = texts[i] ?? '';
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push(summary);
  }
  return out;
}

/** Values with how many articles have them, most first, ties alphabetical: the filter menus. */
export function countValues(lists: Iterable<readonly string[]>): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const value of new Set(list)) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
