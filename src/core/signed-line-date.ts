/**
 * The date of an article's signed line below its text (`Dieser Artikel wurde am 14. Dezember 2015
 * von Heiner geschrieben`, `Posted by Anna on May 3, 2013`, `Von Christian am 03.05.2013`): many
 * blogs sign a post at its foot rather than under its headline, out of ./byline-date.ts's reach.
 * Read last, only when the page gives no other date.
 */
import { parseDay } from './date-parse.ts';
import { dayOrderOf } from './date-order.ts';
import { foldSpaces } from './fold.ts';
import { bylineScope, isAsideLike, isModified } from './date-context.ts';
import { blockOf } from './dom-measure.ts';

const UNREAD_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'FIGCAPTION', 'BLOCKQUOTE']);
/** A date node longer than this is prose, whose dates are events. */
const MAX_NODE_CHARS = 140;
/** How much of the line around the date is read for its words, each side. */
const LINE_REACH = 100;
/**
 * A line that says its date is the article's: publication and writing verbs anywhere in it
 * (`veröffentlicht`, `published`, `publié`, `geschrieben`, `written` ...), in the languages whose
 * dates are read.
 */
const SIGNED_WORDS = /(?:^|[^\p{L}])(?:published|posted|written|veröffentlicht|gepostet|geschrieben|verfasst|publié|publiée|écrit|publicado|publicada|escrito|pubblicato|scritto|gepubliceerd|geplaatst|geschreven)(?:[^\p{L}]|$)/iu;
/** ... or a line that opens by naming its author (`Von X am`, `By X on`, `Author: X`, `Par X le`). */
const SIGNED_START = /^(?:by|von|par|por|door|author|autor|autorin|auteur|autore)(?:[^\p{L}]|$)/iu;
const UPDATE_WORDS = /(?:^|[^\p{L}])(?:updated|modified|edited|revised|aktualisiert|geändert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt)(?:[^\p{L}]|$)/iu;
const COPYRIGHT = /©|\(c\)\s*\d|copyright/i;

/** The text of the line a text node stands in: its block's text, `LINE_REACH` characters around it. */
function lineAround(node: Text): string {
  const block = blockOf(node);
  const own = foldSpaces(node.nodeValue);
  if (block === null) return own;
  const text = foldSpaces(block.textContent);
  const at = text.indexOf(own);
  if (at < 0) return own;
  return text.slice(Math.max(0, at - LINE_REACH), at + own.length + LINE_REACH);
}

/** Whether the line opens with its author: `Von X am ...` as the block's first words. */
function opensWithAuthor(node: Text): boolean {
  const block = blockOf(node);
  const text = foldSpaces(block === null ? node.nodeValue : block.textContent);
  return SIGNED_START.test(text.slice(0, 40));
}

/**
 * The first signed line's day after the headline `h1`, within the article's container
 * (./date-context.ts `bylineScope`), outside asides, comments, captions and quotations.
 */
export function dayFromSignedLine(doc: Document, h1: Element | null, now: Date = new Date()): string | null {
  const scope = bylineScope(doc, h1);
  if (scope === null) return null;
  let afterHeadline = h1 === null || !scope.contains(h1);
  const visit = (node: Node): string | null => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child === h1) {
        afterHeadline = true;
        continue;
      }
      if (child.nodeType === 1) {
        const el = child as Element;
        const holdsHeadline = h1 !== null && el.contains(h1);
        if (!holdsHeadline && (UNREAD_TAGS.has(el.tagName.toUpperCase()) || isAsideLike(el))) continue;
        const day = visit(el);
        if (day !== null) return day;
        continue;
      }
      if (child.nodeType !== 3 || !afterHeadline) continue;
      const text = foldSpaces(child.nodeValue);
      if (text.length > MAX_NODE_CHARS || !/\d/.test(text) || COPYRIGHT.test(text)) continue;
      const day = parseDay(text, now, dayOrderOf(doc));
      if (day === null) continue;
      const line = lineAround(child as Text);
      if (UPDATE_WORDS.test(line) || (child.parentElement !== null && isModified(child.parentElement))) continue;
      if (SIGNED_WORDS.test(line) || opensWithAuthor(child as Text)) return day;
    }
    return null;
  };
  return visit(scope);
}
