/**
 * The day of a post whose only date carries the hAtom class `updated` (`<time class="entry-date
 * updated">`, `<a class="post-date updated">`). The microformat requires `updated` on every entry
 * and leaves `published` optional, so many blog themes mark a post's one date so; the other
 * readers take the class for an update (./date-context.ts `isModified`) and find nothing. Read
 * near the end of the chain, only when the page gives no other date.
 */
import { parseDay } from './date-parse.ts';
import { dayOrderOf } from './date-order.ts';
import type { DateSource } from './article.ts';
import { bylineScope, isLabelledModified, placement } from './date-context.ts';

/** A date element's text longer than this is not a date stamp. */
const MAX_TEXT = 80;
/** What marks a publication date: its day, when it differs, makes the `updated` one an update. */
const PUBLISHED_MARKS = '.published, [itemprop~="datePublished"], [pubdate]';

export interface UpdatedDay {
  day: string;
  /** `time-element` when a `<time>` shows it, else `byline`. */
  source: DateSource;
}

function markedDay(el: Element, now: Date): string | null {
  const text = (el.textContent ?? '').trim();
  const shown = text.length <= MAX_TEXT ? parseDay(text, now, dayOrderOf(el.ownerDocument)) : null;
  if (shown !== null) return shown;
  for (const name of ['datetime', 'content', 'title']) {
    const day = parseDay(el.getAttribute(name), now);
    if (day !== null) return day;
  }
  return null;
}

/**
 * The day of the `updated` elements in the article's container (`bylineScope`) outside asides
 * and comments, when they all give one day, no label or text calls it an update, and no element
 * of the page marked as the publication date gives another day.
 */
export function dayFromBareUpdated(doc: Document, h1: Element | null, now: Date = new Date()): UpdatedDay | null {
  const scope = bylineScope(doc, h1);
  if (scope === null) return null;
  let day: string | null = null;
  let isTime = false;
  for (const el of scope.getElementsByClassName('updated')) {
    if (placement(el, h1).skipped || isLabelledModified(el)) continue;
    const found = markedDay(el, now);
    if (found === null) continue;
    // Several days: a list of posts, or a post and its revisions.
    if (day !== null && found !== day) return null;
    isTime ||= el.tagName === 'TIME';
    day = found;
  }
  if (day === null) return null;
  for (const el of doc.querySelectorAll(PUBLISHED_MARKS)) {
    const published = markedDay(el, now);
    if (published !== null && published !== day) return null;
  }
  return { day, source: isTime ? 'time-element' : 'byline' };
}
