/**
 * A site's name around a title (`Headline | Site`, `Site: Headline`), as sites declare their
 * titles for search engines and social cards (FORMAT.md, `title`).
 */

/**
 * Lower-case letters and digits only, accents dropped, so `Fox News`, `FOX-NEWS` and `foxnews`
 * compare equal, and so do `Nestlé Marktplatz` and its host `nestle-marktplatz`.
 */
export function siteKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The keys of the names a site goes by, without empty ones. */
export function siteKeys(siteNames: readonly string[]): string[] {
  return siteNames.map(siteKey).filter((key) => key !== '');
}

const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic', 'ltd', 'plc']);

/** `www.bbc.co.uk` -> `bbc`: how a site often names itself in its titles. */
export function hostLabel(host: string): string {
  const labels = host.split('.');
  labels.pop();
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1] ?? '')) labels.pop();
  return labels[labels.length - 1] ?? '';
}

/** ASCII separators need spaces around them; CJK titles use full-width ones without. */
const TITLE_SEPARATORS = [
  ' - ', ' | ', ' \u2014 ', ' \u2013 ', ' \u00b7 ', ' :: ', ' : ', ' \u00bb ', ' \u203a ', ' \u2022 ', ' \u2502 ', ' / ', '\uff5c', '\uff1a', '_',
];
/** Separators some sites write without spaces (`Headline:Site`, `Headline|Site`). */
const TIGHT_SEPARATORS = [':', '|'];

/**
 * Whether a title's tail names the site: equal to one of its names, or one extending the other at
 * either end (`CBC News` for `CBC`, `Times of India` for `The Times of India`). Short keys only
 * match exactly, so a two-letter host label cannot eat a real part of the title.
 */
function namesSite(tail: string, siteKeys: string[]): boolean {
  return siteKeys.some((key) => {
    if (key === tail) return true;
    const [shorter, longer] = key.length < tail.length ? [key, tail] : [tail, key];
    return shorter.length >= 3 && (longer.startsWith(shorter) || longer.endsWith(shorter));
  });
}

/** The title without its last `separator`-joined part when that part names the site, else `null`. */
function withoutSiteTail(title: string, separators: string[], keys: string[]): string | null {
  let cut = -1;
  let separator = '';
  for (const candidate of separators) {
    const index = title.lastIndexOf(candidate);
    if (index > cut) {
      cut = index;
      separator = candidate;
    }
  }
  if (cut <= 0) return null;
  const tail = siteKey(title.slice(cut + separator.length));
  return tail !== '' && namesSite(tail, keys) ? title.slice(0, cut).trim() : null;
}

/** The title without its first `separator`-joined part when that part names the site, else `null`. */
function withoutSiteHead(title: string, separators: string[], keys: string[]): string | null {
  let cut = title.length;
  let separator = '';
  for (const candidate of separators) {
    const index = title.indexOf(candidate);
    if (index >= 0 && index < cut) {
      cut = index;
      separator = candidate;
    }
  }
  if (cut === title.length || cut === 0) return null;
  const rest = title.slice(cut + separator.length).trim();
  const head = siteKey(title.slice(0, cut));
  return head !== '' && rest !== '' && namesSite(head, keys) ? rest : null;
}

/** A separator left dangling at the end (`Headline |`), where a template printed an empty site name. */
const DANGLING_SEPARATOR = /\s+[-|\u2013\u2014:\u00b7\u00bb\u203a\u2022\u2502/]\s*$/;

/**
 * Drops a trailing ` | Site` and a leading `Site: ` when `Site` is one of the names the site goes
 * by; a separator written without spaces (`Headline:Site`) only counts before such a name too.
 */
export function dropSiteName(title: string, siteNames: string[]): string {
  const keys = siteKeys(siteNames);
  const trimmed = title.replace(DANGLING_SEPARATOR, '');
  const tailless = withoutSiteTail(trimmed, TITLE_SEPARATORS, keys) ?? withoutSiteTail(trimmed, TIGHT_SEPARATORS, keys) ?? trimmed;
  return withoutSiteHead(tailless, [...TITLE_SEPARATORS, ': '], keys) ?? tailless;
}
