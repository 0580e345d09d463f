/**
 * The publication day of a page (FORMAT.md, `date`), from the first signal in the order of
 * preference that gives one, with one correction: a timestamp written in UTC says nothing of the
 * publisher's own calendar day, which the page may show as written.
 */
import type { DateSource } from './article.ts';
import { dayFromByline } from './byline-date.ts';
import { dayFromUrlPath, isUtcStamp, parseDay } from './date-parse.ts';
import { dayFromMicrodata, dayFromTimeElements } from './markup-dates.ts';
import { dayFromSignedLine } from './signed-line-date.ts';
import { dayFromBareUpdated } from './hatom-date.ts';
import { dayFromLabelledDate } from './labelled-date.ts';

/** The date values a page declares, read by the metadata chain. */
export interface DeclaredDates {
  /** `article:published_time` and its variants. */
  published: string[];
  /** JSON-LD `datePublished`, the article's node first. */
  jsonLd: string[];
  /** Other date `<meta>` tags (`date`, `dc.date`, `parsely-pub-date` ...), in order of preference. */
  meta: string[];
  /** Readability's guess. */
  hint: string;
  /** The page's canonical address and its own. */
  urls: string[];
  /** The declared modification times: `article:modified_time` and its variants, JSON-LD `dateModified`. */
  modified: string[];
}

export interface FoundDate {
  date: string | null;
  dateSource: DateSource;
}

interface Step {
  source: DateSource;
  /** The day, and the raw value it was read from when that was a declared timestamp. */
  find: () => { day: string; raw?: string; source?: DateSource } | null;
  /** A declared day read before the page's `<time>`, checked against it (`contradictedByTime`). */
  checked?: boolean;
}

function firstDeclared(values: string[], now: Date): { day: string; raw: string } | null {
  for (const raw of values) {
    const day = parseDay(raw, now);
    if (day !== null) return { day, raw };
  }
  return null;
}

const dayOnly = (day: string | null): { day: string } | null => (day === null ? null : { day });

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** The day the first of the page's addresses gives in its path. */
function dayFromUrls(urls: readonly string[], now: Date): string | null {
  return urls.reduce<string | null>((day, url) => day ?? dayFromUrlPath(url, now), null);
}

/**
 * The days the page shows, each read once and only when asked: the chain, the local-day check and
 * the two consistency checks all ask for the same `<time>`, microdata and byline walks.
 */
interface ShownDays {
  url(): string | null;
  time(): string | null;
  microdata(): string | null;
  byline(): string | null;
}

function once(read: () => string | null): () => string | null {
  let day: string | null | undefined;
  return () => (day === undefined ? (day = read()) : day);
}

function shownDays(doc: Document, h1: Element | null, urls: readonly string[], now: Date): ShownDays {
  return {
    url: once(() => dayFromUrls(urls, now)),
    time: once(() => dayFromTimeElements(doc, h1, now)),
    microdata: once(() => dayFromMicrodata(doc, h1, now)),
    byline: once(() => dayFromByline(doc, h1, now)),
  };
}

/**
 * The page's day for a declared UTC timestamp: a day the page shows as written (in its address,
 * on a `<time>`, in microdata or a byline, the first of these that is within a day of it) one day
 * before or after the timestamp's UTC day is the same moment in the publisher's own zone (`2023-11-09T03:28Z` is the evening of the 8th in New
 * York, and the page says so).
 */
function localDay(utcDay: string, page: ShownDays): FoundDate | null {
  const shown: [DateSource, () => string | null][] = [
    ['url', page.url],
    ['time-element', page.time],
    ['microdata', page.microdata],
    ['byline', page.byline],
  ];
  for (const [dateSource, find] of shown) {
    const day = find();
    if (day === null || daysApart(day, utcDay) > 1) continue;
    // The first day the page shows near the timestamp settles it: the same day confirms it.
    return day === utcDay ? null : { date: day, dateSource };
  }
  return null;
}

/**
 * Whether the page's own `<time>` in the article contradicts a declared day (more than a day
 * apart: a draft's timestamp, a re-dated or updated post) while nothing else on the page repeats
 * the declared day, neither another declaration, nor microdata, a byline or the address. One
 * against one, either may be the publication day, and a wrong day is worse than none.
 */
function contradictedByTime(found: { day: string; raw: string }, page: ShownDays, declared: DeclaredDates, now: Date): boolean {
  const shown = page.time();
  if (shown === null || daysApart(shown, found.day) <= 1) return false;
  const near = (day: string | null): boolean => day !== null && daysApart(day, found.day) <= 1;
  // The other declarations: the one read is left out once (the same value may be declared twice).
  const others = [...declared.published, ...declared.jsonLd, ...declared.meta];
  const self = others.indexOf(found.raw);
  if (self >= 0) others.splice(self, 1);
  if (others.some((raw) => near(parseDay(raw, now)))) return false;
  return !near(page.url()) && !near(page.microdata()) && !near(page.byline());
}

/**
 * Whether the article shows, on its `<time>` or in its byline, a day the page declares as its
 * modification day and nowhere the declared publication day: the page gives its update's day as
 * its own date, the declaration says otherwise, and FORMAT.md never gives a modified day. Signals
 * that conflict give the clip day. A date labelled as an update is not shown in this sense
 * ("Updated Jan 12" beside a declared older publication day agrees with it).
 */
function shownAsModified(day: string, page: ShownDays, declared: DeclaredDates, now: Date): boolean {
  const modified = declared.modified.map((raw) => parseDay(raw, now)).filter((other) => other !== null && other !== day);
  if (modified.length === 0) return false;
  const shown = [page.time(), page.byline()];
  return !shown.includes(day) && shown.some((other) => other !== null && modified.includes(other));
}

/**
 * The first signal of FORMAT.md's order that gives a day: the declared publication time, JSON-LD,
 * a `<time>` near the headline, microdata, a byline, other date `<meta>` tags, Readability's guess,
 * the address, then a signed line below the article's text (./signed-line-date.ts), then a post's
 * only date marked with the hAtom class `updated` (./hatom-date.ts), then a date under a label of
 * its own (./labelled-date.ts). Signals read
 * from the page's body only run when the head declared nothing, or to check a declared day that
 * the article's `<time>` contradicts.
 */
export function findPublicationDate(doc: Document, h1: Element | null, declared: DeclaredDates, now: Date): FoundDate {
  const page = shownDays(doc, h1, declared.urls, now);
  const steps: Step[] = [
    { source: 'article:published_time', find: () => firstDeclared(declared.published, now), checked: true },
    { source: 'json-ld', find: () => firstDeclared(declared.jsonLd, now), checked: true },
    { source: 'time-element', find: () => dayOnly(page.time()) },
    { source: 'microdata', find: () => dayOnly(page.microdata()) },
    { source: 'byline', find: () => dayOnly(page.byline()) },
    { source: 'meta', find: () => firstDeclared(declared.meta, now) },
    { source: 'meta', find: () => firstDeclared([declared.hint], now) },
    { source: 'url', find: () => dayOnly(page.url()) },
    { source: 'byline', find: () => dayOnly(dayFromSignedLine(doc, h1, now)) },
    { source: 'byline', find: () => dayFromBareUpdated(doc, h1, now) },
    { source: 'byline', find: () => dayOnly(dayFromLabelledDate(doc, now)) },
  ];
  for (const step of steps) {
    const found = step.find();
    if (found === null) continue;
    if (found.raw !== undefined && isUtcStamp(found.raw)) {
      const local = localDay(found.day, page);
      if (local !== null) return local;
    }
    if (step.checked === true && found.raw !== undefined
      && (contradictedByTime({ day: found.day, raw: found.raw }, page, declared, now) || shownAsModified(found.day, page, declared, now))) {
      return { date: null, dateSource: 'clip-date' };
    }
    return { date: found.day, dateSource: found.source ?? step.source };
  }
  return { date: null, dateSource: 'clip-date' };
}
