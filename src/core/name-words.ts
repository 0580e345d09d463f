/**
 * The words of the names publishers give their elements (class and id). A name is split into
 * words at every separator and camelCase step (`post-author__bio`, `relatedArticlesItem`,
 * `BorlabsCookie`), lower-cased: every rule that reads class or id names reads these words.
 */

/** Splits one class or id into lower-case words: `postAuthor__bio-2` -> post, author, bio. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\u00c0-\u024f]+/)
    .filter(Boolean);
}

/**
 * Splits one name at its separators only (white space, `_`, `-`), lower-cased: `SiteHeader_nav-2`
 * -> siteheader, nav, 2. The date and lead-image container rules read these words: by camelCase
 * steps an opinion piece's `ArticleHeaderComment` says "comment", and its byline would be taken
 * for a comment's.
 */
export function separatedWords(name: string): string[] {
  return name.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

/** An element's class names. */
export function classNames(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

/** An element's class names and its id, each one name. */
export function namesOf(el: Element): string[] {
  const names = classNames(el);
  if (el.id) names.push(el.id);
  return names;
}

/**
 * A list of name words that mark an element: plain words (`nav`), words by their start
 * (`advert*`: `advertisement`, `adverts`), and two-word entries (`most read`) that count when one
 * name holds them side by side (`most-read`, `mostRead`). `split` reads a name as words
 * (`nameWords` unless a rule says otherwise). Returns the test of an element.
 */
export function nameMatcher(entries: readonly string[], split: (name: string) => string[] = nameWords): (el: Element) => boolean {
  const words = new Set(entries.filter((e) => !e.includes(' ') && !e.endsWith('*')));
  const starts = entries.filter((e) => e.endsWith('*')).map((e) => e.slice(0, -1));
  const pairs = new Set(entries.filter((e) => e.includes(' ')));
  const cache = new Map<string, boolean>();
  const nameMatches = (name: string): boolean => {
    const known = cache.get(name);
    if (known !== undefined) return known;
    const parts = split(name);
    const found = parts.some((word, i) => words.has(word) || starts.some((s) => word.startsWith(s))
      || (i + 1 < parts.length && pairs.has(`${word} ${parts[i + 1]}`)));
    if (cache.size > 5000) cache.clear();
    cache.set(name, found);
    return found;
  };
  return (el) => namesOf(el).some(nameMatches);
}
