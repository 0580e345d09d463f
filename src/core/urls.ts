/**
 * URL helpers for metadata: resolving what a page declares, and cleaning the article's address.
 * Every function here is total: a value that does not parse gives `null` or `''`, never a throw,
 * because page markup is not ours to trust.
 */

/** Parameters that identify a click or a campaign, not the article (FORMAT.md, `link`). */
const TRACKING_NAMES = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'igshid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'wickedid', 'rb_clickid', 's_cid', 'ncid', 'cmpid', 'ocid', 'sr_share',
]);
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'mtm_', 'hsa_'];

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_NAMES.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** `new URL` without the throw. */
export function parseUrl(href: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(href) : new URL(href, base);
  } catch {
    return null;
  }
}

/**
 * `href` made absolute against `base`, or `''` when it is empty, does not parse, or is not a web
 * address: a `javascript:` or `data:` value in a meta tag is never a usable image, link or feed.
 */
export function absoluteHttpUrl(href: string | null | undefined, base: string): string {
  const trimmed = href?.trim() ?? '';
  if (trimmed === '') return '';
  const url = parseUrl(trimmed, base) ?? parseUrl(trimmed);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return '';
  return url.href;
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * The address without tracking parameters and fragment. The remaining query is kept byte for
 * byte (order, encoding, `+`), because re-serialising it through URLSearchParams could change
 * what a server sees; an address that does not parse comes back as given, minus its fragment.
 */
export function cleanUrl(href: string): string {
  const url = parseUrl(href.trim());
  if (url === null) return href.trim().replace(/#.*$/s, '');
  url.hash = '';
  const pairs = url.search.slice(1).split('&');
  const kept = pairs.filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  if (kept.length !== pairs.length) url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

/** `https://host/` for a web address; `''` for addresses without an origin (file:, about:). */
export function originOf(href: string): string {
  const url = parseUrl(href);
  if (url === null || url.origin === 'null') return '';
  return `${url.origin}/`;
}

/** The host name without a leading `www.`; `''` when there is none. */
export function siteHost(href: string): string {
  return (parseUrl(href)?.hostname ?? '').replace(/^www\d*\./i, '');
}
