/**
 * Soft hyphens (U+00AD, `&shy;`) mark where a word may break at a line's end: a browser shows
 * nothing for them elsewhere. Publishers that hyphenate on the server put one between every
 * syllable (`Mit&shy;tel&shy;al&shy;ter`). In a Markdown or HTML file they would stay inside the
 * words, invisible, and a search of a notes folder for "Mittelalter" would not find the article:
 * the file keeps the words as they read. (Inside `<pre>` and `<code>` too: a soft hyphen there is
 * as invisible, and code never needs one.)
 */

/** NodeFilter.SHOW_TEXT, written out: Node has no `NodeFilter` global. */
const SHOW_TEXT = 4;

/** Text without its soft hyphens. */
export const withoutSoftHyphens = (text: string): string => text.replaceAll('\u00ad', '');

/** Takes every soft hyphen out of the text under `root`, in place. */
export function dropSoftHyphens(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.includes('\u00ad')) node.nodeValue = withoutSoftHyphens(text);
  }
}
