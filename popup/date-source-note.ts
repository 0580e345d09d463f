import type { DateSource } from '../src/core/article.ts';

const NOTES: Record<DateSource, string> = {
  'article:published_time': "from the page's metadata",
  meta: "from the page's metadata",
  'json-ld': "from the page's structured data",
  microdata: "from the page's structured data",
  'time-element': "from a date in the article",
  byline: "from the article's byline",
  url: "from the page's URL",
  'clip-date': 'no date on the page: today',
  import: 'from the imported file',
};

/** Says where the article's date came from, so the reader knows whether to trust it. */
export function dateSourceNote(source: DateSource): string {
  // A source added to the core later must still give a sentence, not "undefined".
  return NOTES[source] ?? 'found on the page';
}
