/**
 * Readability's first pass deletes every element whose class or id reads like page chrome
 * (`footer`, `sidebar`, `header`, `banner`, `social` …) or whose role is a dialog or a complement,
 * with everything inside it. Layouts name wrappers after where they sit (`above-footer`,
 * `layout--sidebar-right`, `boxed-layout-with-skyscraper`), and when such a wrapper holds the
 * article, the article goes with it; Readability tries again without that rule only when what is
 * left is shorter than its threshold, so a disclosure box or a teaser list left standing becomes
 * "the article".
 *
 * The page's text says where its article is: the element whose own paragraphs hold the most
 * text is the article's body, whatever its wrappers are called, when it holds at least half of the
 * text of all the page's paragraphs, or, when it holds less, as far as its wrappers also hold the
 * page's headline. On Readability's copy of the page (never the page), the words and roles that
 * would make Readability delete that element or one of those wrappers are taken off them.
 * Comments, menus and footers elsewhere keep their names and go as before: a comment thread
 * spreads its paragraphs over many elements and holds no headline.
 */
import { Readability } from '@mozilla/readability';
import { foldSpaces } from './fold.ts';
import { largestEntry } from './largest-entry.ts';

interface ReadabilityRules {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp };
  UNLIKELY_ROLES: string[];
}

// Readability's own rules, read from it, so the two never disagree about what it deletes.
const rules = Readability.prototype as unknown as ReadabilityRules;
const UNLIKELY = new RegExp(rules.REGEXPS.unlikelyCandidates.source, 'i');
const OK_MAYBE = new RegExp(rules.REGEXPS.okMaybeItsACandidate.source, 'i');
const UNLIKELY_ROLES = new Set(rules.UNLIKELY_ROLES);


/**
 * The element whose own `<p>` children hold the most paragraph text, and whether that is at least
 * half of the text of all the page's paragraphs.
 */
export function paragraphsHome(doc: Document): { home: Element; most: boolean } | null {
  const own = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const n = foldSpaces(p.textContent).length;
    total += n;
    if (p.parentElement) own.set(p.parentElement, (own.get(p.parentElement) ?? 0) + n);
  }
  const top = largestEntry(own);
  return top ? { home: top.key, most: top.value * 2 >= total } : null;
}

/** Would Readability's first pass delete `el` for its name? (It spares body, links, tables' and code's insides.) */
function deletedForName(el: Element): boolean {
  const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return UNLIKELY.test(name) && !OK_MAYBE.test(name) && el.tagName !== 'BODY' && el.tagName !== 'A' && !el.closest('table, code');
}

/** Takes off `el` the class words and the id that read like chrome to Readability. */
function clearName(el: Element): void {
  const words = (el.getAttribute('class') ?? '').split(/\s+/).filter((word) => word !== '' && !UNLIKELY.test(word));
  if (words.length > 0) el.setAttribute('class', words.join(' '));
  else el.removeAttribute('class');
  if (UNLIKELY.test(el.id)) el.removeAttribute('id');
}

/**
 * On `copy` (Readability's clone of the page), lets the article's wrappers through Readability's
 * first pass: the wrappers of the block of paragraphs that holds the most text, when that block
 * holds at least half of the page's paragraph text, and otherwise those of its wrappers that also
 * hold the page's headline (its first `h1`): a comment or a teaser is never set around both.
 */
export function clearMisleadingNames(copy: Document): void {
  const found = paragraphsHome(copy);
  if (!found) return;
  const headline = copy.getElementsByTagName('h1')[0];
  for (let at: Element | null = found.home; at !== null && at.tagName !== 'BODY'; at = at.parentElement) {
    if (!found.most && !(headline && at.contains(headline))) continue;
    if (deletedForName(at)) clearName(at);
    if (UNLIKELY_ROLES.has(at.getAttribute('role') ?? '')) at.removeAttribute('role');
  }
}
