/**
 * The description (FORMAT.md, `description`): the first source in FORMAT.md's order that has
 * one, as plain text. Some pages write their description's HTML into the attribute
 * (`<p>Lead…</p>`, a cut-off `<a class="more"` at the end); the reader sees text, not tags.
 */
import { foldSpaces } from './fold.ts';

/** Tags written into the text, and one cut off at its end. */
const TAGS = /<\/?[a-z][a-z\d]*(?:\s[^<>]*)?>|<[a-z][a-z\d]*\s[^<>]*$/gi;

/** The first non-empty of `candidates`, without the tags written into it. */
export function chooseDescription(candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const text = foldSpaces(foldSpaces(candidate).replace(TAGS, ' '));
    if (text !== '') return text;
  }
  return '';
}
