/**
 * The file's title (FORMAT.md, `title`): what the reader sees. The article's visible headline
 * when the page shows one unambiguously, the declared titles (`og:title`, JSON-LD `headline`,
 * `twitter:title`, Readability's, `<title>`) otherwise, a leading or trailing site or section name
 * dropped. Sites declare titles for search engines and social cards that are often the headline
 * with the site's name around it, cut short, reworded, or only the site's name.
 */
import { headingText, headlineTitle, soleHeadline } from './headline.ts';
import { dropSiteName } from './site-title.ts';

/**
 * `declared`: the declared titles in order of preference (the first non-empty one stands when
 * the page shows no headline); `headline`: the heading that shows one of them (./headline.ts).
 */
export function chooseTitle(doc: Document, declared: string[], siteNames: string[], headline: Element | null): string {
  const raw = declared.find((title) => title.trim() !== '') ?? '';
  const cleaned = dropSiteName(raw, siteNames);
  const titles = [cleaned, ...declared.map((title) => dropSiteName(title, siteNames)), ...declared];
  if (headline !== null) {
    const text = headlineTitle(headline, titles);
    if (text !== null) return text;
  }
  const sole = soleHeadline(doc, siteNames);
  return sole === null ? cleaned : headlineTitle(sole, titles) ?? headingText(sole);
}
