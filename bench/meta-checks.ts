/**
 * What the metadata bench asks of one case (the rules: ./quality-meta.ts): a check a row, each
 * with its judge (./meta-judge.ts) and the expected value a miss shows.
 */
import { type Answer, clip, hasImageMetadata, stripImageMetadata, withPage } from './meta-engines.ts';
import { type Expected, type Verdict, decodeEntities, expectsModifiedDate, judgeDate, judgeRelaxed, judgeText, judgeTitle, judgeUrl, titleVariants } from './meta-judge.ts';
import type { Row } from './meta-report.ts';

export interface MetaCase {
  id: string;
  /** The case's line in its file, from 0 (./cases.ts). */
  position: number;
  file: string;
  url: string;
  expected: Expected;
}

/** The verdicts a case asks for: row, judge, the expected value shown in misses, Frontclip's value if not its answer's. */
export type Check = [Row, (a: Answer) => Verdict, unknown, string?];

/** The checks of case `c`: its expected fields, each judged by one or more rows. */
export function checks(c: MetaCase, source: string | Buffer, html: string, timed: <T>(name: string, run: () => T) => T, failures: string[]): Check[] {
  const expected = c.expected;
  const found: Check[] = [];
  if (expected.title !== undefined) {
    const title = expected.title;
    const variants = titleVariants(title, expected.site_name, c.url);
    found.push(['title exact', (a) => judgeTitle(a.title, variants), variants.join(' ‖ ')]);
    found.push(['title exact, strict', (a) => judgeText(a.title, title), title]);
    found.push(['title exact, any case', (a) => judgeTitle(a.title?.toLowerCase(), variants.map((v) => v.toLowerCase())), variants.join(' ‖ ')]);
    found.push(['title relaxed', (a) => judgeRelaxed(a.title, variants), title]);
  }
  if (expected.date !== undefined || expected.date_utc !== undefined) {
    const want = expected.date ?? `${expected.date_utc} (UTC)`;
    found.push(['date', (a) => judgeDate(a.day, expected), want]);
    if (!expectsModifiedDate(html, expected)) found.push(['date, published-date labels', (a) => judgeDate(a.day, expected), want]);
  }
  if (expected.description !== undefined) {
    const description = expected.description;
    found.push(['description', (a) => judgeTitle(a.description, [description]), description]);
    const decoded = decodeEntities(description);
    found.push(['description, label decoded', (a) => judgeTitle(a.description, [decoded]), decoded]);
  }
  if (expected.image !== undefined) {
    const image = expected.image;
    found.push(['image', (a) => judgeUrl(a.image, image), image]);
    if (!withPage(source, c.url, hasImageMetadata)) found.push(['image, no image meta', (a) => judgeUrl(a.image, image), image]);
    if (process.env.BENCH_CONTENT_ONLY !== '0') {
      let fromContent = '';
      try {
        fromContent = timed('frontclip, content only', () => withPage(source, c.url, (doc) => {
          stripImageMetadata(doc);
          return clip(doc, c.url).image;
        }));
      } catch (error) {
        failures.push(`${c.id}: frontclip (content only): ${String(error)}`);
      }
      // Only Frontclip has this row: the value judged is its content-only answer.
      found.push(['image from content only', () => judgeUrl(fromContent, image), image, fromContent]);
    }
  }
  if (expected.link !== undefined) {
    const link = expected.link;
    found.push(['link', (a) => judgeUrl(a.link, link), link]);
  }
  return found;
}
