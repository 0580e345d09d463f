/**
 * The day a page gives under a label of its own, `<dt>Datum</dt><dd>12.01.2017</dd>`, `<p>Mise en
 * ligne</p><p>23 mai 2019</p>`, `Erschienen am: 01.11.2023`: a fact sheet beside the article
 * (often an aside, which the other readers pass over as another thing's). Read last, only when the
 * page gives no other date.
 */
import { parseDay } from './date-parse.ts';
import { dayOrderOf } from './date-order.ts';
import { foldSpaces } from './fold.ts';

/**
 * A label that is only the word for the date or the publication, in the languages whose dates
 * are read (`Date`, `Datum`, `Published`, `Veröffentlicht am`, `Mise en ligne`, `Publié le`,
 * `Fecha`, `Pubblicato il`, `Gepubliceerd op`).
 */
const LABEL_WORDS = '(?:date|datum|fecha|data|published|posted|publication date|date published|ver[öo]ffentlicht(?: am)?|erschienen(?: am)?|publi[ée]e?(?: le)?|mise en ligne|date de publication|paru(?: le)?|publicad[oa](?: el)?|fecha de publicaci[óo]n|pubblicato(?: il)?|data di pubblicazione|gepubliceerd(?: op)?|datum van publicatie)';
/**
 * A label alone (`Datum`, `Datum:`), or a label and its value on one line, a colon between them
 * (`Erschienen am: 01.11.2023`): the value, when there is one, is the group.
 */
const DATE_LABEL = new RegExp(`^${LABEL_WORDS}\\s*(?::\\s*(.*))?$`, 'i');
/** A value longer than this is not a date stamp. */
const MAX_VALUE = 80;
const UNREAD = 'nav, footer, [class*="comment"], [id*="comment"]';

/**
 * What follows a label: the text right after it (`<span>Datum:</span> 19.11.2021<br>`), else the
 * element after it (`<dt>Datum</dt><dd>…</dd>`).
 */
function valueAfter(label: Element): string {
  let text = '';
  for (let node = label.nextSibling; node !== null && node.nodeType === 3; node = node.nextSibling) text += node.nodeValue ?? '';
  return foldSpaces(text) || foldSpaces(label.nextElementSibling?.textContent);
}

/**
 * The day of the labelled dates of the page outside menus, footers and comments, when they
 * all give one day (several days: a list of posts).
 */
export function dayFromLabelledDate(doc: Document, now: Date = new Date()): string | null {
  if (doc.body === null) return null;
  const order = dayOrderOf(doc);
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  let day: string | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 40 + MAX_VALUE) continue;
    const folded = foldSpaces(text);
    const label = node.parentElement;
    const match = DATE_LABEL.exec(folded);
    if (label === null || match === null) continue;
    let value = match[1] ?? '';
    if (value === '') {
      // A label alone is an element of its own, and its value the text or element right after it.
      if (foldSpaces(label.textContent) !== folded) continue;
      value = valueAfter(label);
    }
    if (value === '' || value.length > MAX_VALUE || label.closest(UNREAD) !== null) continue;
    const found = parseDay(value, now, order);
    if (found === null) continue;
    if (day !== null && found !== day) return null;
    day = found;
  }
  return day;
}
