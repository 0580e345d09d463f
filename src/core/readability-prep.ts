/**
 * Readability deletes what the Markdown needs to keep before the converters see it: every
 * `<script>` (MathJax 2 keeps its formulas in scripts) and every frame but the videos of a few
 * hosts. Its copy of the page is prepared first: formula scripts become MathML, and frames that
 * will become links (embeds.ts) are marked so that Readability keeps them.
 */
import { Readability } from '@mozilla/readability';
import { embedLink } from './embeds.ts';
import { mathScriptsToMathml } from './math-scripts.ts';

/** The attribute value that marks a frame to keep (Readability tests every attribute's value). */
const KEEP = 'frontclip-embed';

/** Readability's own list of video hosts, plus the marked frames. */
const defaultVideos = (Readability.prototype as unknown as { REGEXPS?: { videos?: RegExp } }).REGEXPS?.videos;
export const KEPT_FRAMES = new RegExp(`${defaultVideos ? `${defaultVideos.source}|` : ''}^${KEEP}$`, 'i');

/** Prepares `copy` (Readability's own clone of the page, never the page) in place. */
export function prepareForReadability(copy: Document, base: string): void {
  mathScriptsToMathml(copy);
  for (const frame of Array.from(copy.getElementsByTagName('iframe'))) {
    if (embedLink(frame, base)) frame.setAttribute('data-frontclip', KEEP);
  }
}
