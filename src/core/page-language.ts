/**
 * The language a page declares for itself: `<html lang>`, else the `Content-Language` meta, else
 * `og:locale` (`de_DE`). Only the declaration: `detectLanguage` (stopwords.ts) checks it against
 * the words. Empty when the page declares none.
 */
export function pageLanguage(doc: Document): string {
  const root = doc.documentElement;
  const fromRoot = root?.getAttribute('lang') || root?.getAttribute('xml:lang');
  if (fromRoot?.trim()) return fromRoot.trim();
  for (const meta of Array.from(doc.querySelectorAll('meta[http-equiv], meta[property="og:locale"]'))) {
    const name = (meta.getAttribute('http-equiv') ?? meta.getAttribute('property') ?? '').toLowerCase();
    if (name !== 'content-language' && name !== 'og:locale') continue;
    // A Content-Language header may list several languages: the first is the page's own.
    const value = (meta.getAttribute('content') ?? '').split(',', 1)[0]?.trim() ?? '';
    if (value !== '') return value;
  }
  return '';
}
