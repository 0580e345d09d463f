/**
 * The file's title (FORMAT.md, `title`): what the reader sees. The article's visible headline
 * when the page shows one unambiguously, the declared titles (`og:title`, JSON-LD `headline`,
 * `twitter:title`, Readability's, `<title>`) otherwise, a leading or trailing site or section name
 * dropped. Sites declare titles for search engines and social cards that are often the headline
 * with the site's name around it, cut short, reworded, or only the site's name.
 */
import { JOIN_AFTER, JOIN_BEFORE, headingText, headlineTitle, soleHeadline, titleKey } from './headline.ts';
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
  if (sole === null) return cleaned;
  const text = headingText(sole);
  // A heading that is a piece of the declared title names the brand, series or section the
  // title is about (`Ergowear` over `Ergowear Ropa interior masculina`), not the headline.
  return isPieceOf(text, cleaned) ? cleaned : text;
}

/**
 * Whether `text` stands inside `title` as a run of its words rather than as a part set off by a
 * separator (`Headline | Site` keeps `Headline` a headline).
 */
function isPieceOf(text: string, title: string): boolean {
  const piece = titleKey(text);
  const whole = titleKey(title);
  const at = whole.indexOf(piece);
  if (piece.length >= whole.length || at < 0) return false;
  const before = whole.slice(0, at);
  const after = whole.slice(at + piece.length);
  return !((before === '' || JOIN_BEFORE.test(before)) && (after === '' || JOIN_AFTER.test(after)));
}
