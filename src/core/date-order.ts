/**
 * Which number comes first in a page's numeric dates (`02/10/2020`): the month in the United
 * States' English (and the Philippines'), the day in the English of other countries and in the
 * other languages whose dates are read (Chinese, Japanese and Korean write the year first, which
 * needs no order). The page's language comes from `<html lang>` (or `xml:lang`), `Content-Language` or
 * `og:locale`; English without a country says nothing (`null`).
 */
import type { DayOrder } from './date-parse.ts';
import { pageLanguage } from './page-language.ts';

const MONTH_FIRST_REGIONS = new Set(['us', 'ph']);

const known = new WeakMap<Document, DayOrder>();

export function dayOrderOf(doc: Document): DayOrder {
  const cached = known.get(doc);
  if (cached !== undefined) return cached;
  const [language = '', region = ''] = pageLanguage(doc).trim().toLowerCase().split(/[-_]/);
  let order: DayOrder = null;
  if (language === 'en') order = region === '' ? null : MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy';
  else if (/^[a-z]{2,3}$/.test(language)) order = 'dmy';
  known.set(doc, order);
  return order;
}
