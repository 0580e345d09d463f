/**
 * The page's description, from what the page declares. A CMS that makes a description from the
 * article's opening sometimes shows how: escaped twice (`I&#8217;m`, which the attribute decodes
 * only once), with the paragraph's markup in it (`<p>Die Situation …</p>`), or with characters
 * lost to a wrong encoding (U+FFFD). The first declared value without such damage is taken; when
 * every one has some, the first is kept as declared (the popup and the file show a value as the
 * text it is, whatever it holds: cleaning it would change what the page says, `<script>` in a
 * description about HTML included).
 * A description cut short (`… the secret to its...`) is kept as declared: completing it from the
 * article's text was tried and measured worse against the trafilatura labels, which keep the
 * publisher's cut (39 descriptions lost for 5 gained on the given pages).
 */

import { hasCharacterReference } from './jsonld.ts';

/** An element's tag as text: a `<` directly followed by a name (so `x < y` or `<3` are not). */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;

function damaged(text: string): boolean {
  return TAG.test(text) || hasCharacterReference(text) || text.includes('\ufffd');
}

/**
 * `candidates` in the order they are preferred (each space-folded, '' for none): the first sound
 * one, else the first one; '' when none has text.
 */
export function declaredDescription(candidates: readonly string[]): string {
  const declared = candidates.filter((text) => text !== '');
  return declared.find((text) => !damaged(text)) ?? declared[0] ?? '';
}
