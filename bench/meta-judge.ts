/**
 * How the metadata bench judges one engine's answer against a case's expected value (the rules
 * are listed in ./quality-meta.ts). Each judge says `ok`, `wrong` or `missing`: a missing value
 * is better than a wrong one, so they are counted apart.
 */
import { parseDay } from '../src/core/date-parse.ts';
import { JSDOM } from 'jsdom';
import { fold } from './text-fold.ts';

/**
 * A site name's letters and digits, lower-cased: the judge's own rule (not Frontclip's, which
 * may change with what it learns; the scoring must not move with it).
 */
const siteKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export interface Expected {
  title?: string;
  date?: string;
  date_utc?: string;
  description?: string;
  image?: string | null;
  link?: string;
  site_name?: string;
}

export type Verdict = 'ok' | 'wrong' | 'missing';

/** The clock the bench runs with: dates after it (plus a year) are refused as placeholders. */
export const NOW = '2026-11-26';
export const CLOCK = new Date(`${NOW}T12:00:00Z`);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Scheme-less, query-sorted, trailing-slash-free form of a URL for comparison. */
export function normalUrl(href: string): string {
  const text = href.trim().replace(/&amp;/g, '&');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text.toLowerCase();
  }
  // Decoded until stable: an address nested in another is sometimes given encoded twice.
  let path = url.pathname;
  for (let i = 0; i < 3 && path.includes('%'); i++) path = safeDecode(path);
  path = path.replace(/\/+$/, '');
  const query = Array.from(url.searchParams, ([k, v]) => `${k}=${v}`).sort().join('&');
  return `${url.host.toLowerCase()}${path}${query === '' ? '' : `?${query}`}`;
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

/** The days a page declares, read from its source: `modified` and `published` timestamps. */
function declaredDays(html: string, key: 'modified' | 'published'): string[] {
  const names = key === 'modified'
    ? String.raw`dateModified|article:modified_time|og:updated_time|modified_time`
    : String.raw`datePublished|article:published_time|published_time`;
  const days: string[] = [];
  const pattern = new RegExp(String.raw`(?:${names})["']?\s*(?::|content=|value=)\s*["']([^"']{6,40})`, 'gi');
  for (const m of html.matchAll(pattern)) {
    const day = parseDay(m[1], CLOCK);
    if (day !== null) days.push(day);
  }
  return days;
}

/**
 * Whether the expected date is one the page declares as its modification date and not as its
 * publication date: metascraper's reviewed value is then the modified date, which Frontclip must
 * never give (issue 5); such cases get a row of their own.
 */
export function expectsModifiedDate(html: string, expected: Expected): boolean {
  const matches = (day: string) => judgeDate(day, expected) === 'ok';
  return declaredDays(html, 'modified').some(matches) && !declaredDays(html, 'published').some(matches);
}

export function judgeDate(day: string | null | undefined, expected: Expected): Verdict {
  if (day === null || day === undefined) return 'missing';
  if (expected.date !== undefined) return day === expected.date ? 'ok' : 'wrong';
  const utcDay = (expected.date_utc ?? '').slice(0, 10);
  return Math.abs(dayNumber(day) - dayNumber(utcDay)) <= 1 ? 'ok' : 'wrong';
}

/**
 * A label as a reader sees it: trafilatura's description labels are the attribute's source text
 * (`&quot;just work&quot;`, `Gr&#252;&#223;e`), where every engine gives the decoded text. Read as
 * a textarea's content, which decodes character references and parses no tags.
 */
export function decodeEntities(text: string): string {
  if (!/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text)) return text;
  const box = JSDOM.fragment(`<textarea>${text.replace(/<\/textarea/gi, '&lt;/textarea')}</textarea>`).firstElementChild;
  return box?.textContent ?? text;
}

export function judgeText(got: string | undefined, want: string): Verdict {
  const value = fold(got);
  if (value === '') return 'missing';
  return value === fold(want) ? 'ok' : 'wrong';
}

/** Typeset quotes, dashes and ellipses as typed: metascraper's reviewed titles are typeset. */
export function asTyped(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...');
}

const SEPARATOR = String.raw`(?:\||-|\u2013|\u2014|:|\u00b7|\u00bb|/|\uff5c|\uff1a)`;

/**
 * The expected title, and the same without a leading or trailing part that names the site
 * (FORMAT.md drops such a suffix): `Headline | Engadget` may be given as `Headline`.
 */
export function titleVariants(title: string, siteName: string | undefined, url: string): string[] {
  const names = new Set<string>();
  if (siteName !== undefined && siteKey(siteName) !== '') names.add(siteKey(siteName));
  try {
    const host = new URL(url).hostname.replace(/^www\d*\./, '');
    names.add(siteKey(host));
    const labels = host.split('.');
    if (labels.length >= 2) names.add(siteKey(labels[labels.length - 2] ?? ''));
  } catch { /* no host */ }
  const variants = [title];
  const tail = new RegExp(`^(.+?)\\s+${SEPARATOR}\\s+([^|]+)$`, 'u').exec(title);
  const head = new RegExp(`^([^|]+?)\\s+${SEPARATOR}\\s+(.+)$`, 'u').exec(title);
  const namesSite = (part: string) => [...names].some((n) => n !== '' && (siteKey(part) === n || siteKey(part).startsWith(n) || n.startsWith(siteKey(part))) && siteKey(part).length >= 3);
  if (tail !== null && namesSite(tail[2] ?? '')) variants.push(tail[1] ?? '');
  if (head !== null && namesSite(head[1] ?? '')) variants.push(head[2] ?? '');
  return variants;
}

/** Folded and typed equal to the expected text or one of its variants (titles without the site). */
export function judgeTitle(got: string | undefined, variants: string[]): Verdict {
  const value = asTyped(fold(got));
  if (value === '') return 'missing';
  return variants.some((v) => asTyped(fold(v)) === value) ? 'ok' : 'wrong';
}

export function judgeRelaxed(got: string | undefined, variants: string[]): Verdict {
  const value = asTyped(fold(got)).toLowerCase();
  if (value === '') return 'missing';
  return variants.some((variant) => {
    const target = asTyped(fold(variant)).toLowerCase();
    return target !== '' && (value.includes(target) || target.includes(value));
  }) ? 'ok' : 'wrong';
}

export function judgeUrl(got: string | undefined, want: string | null): Verdict {
  const value = (got ?? '').trim();
  if (want === null) return value === '' ? 'ok' : 'wrong';
  if (value === '') return 'missing';
  return normalUrl(value) === normalUrl(want) ? 'ok' : 'wrong';
}
