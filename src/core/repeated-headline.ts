/**
 * The headline repeated at the top of the body: the file's `title` holds it already, so a heading
 * that opens the body's text (a picture may stand before it) and shows the same headline
 * (typeset differently, with a kicker or a site name around it, or cut short) is dropped, with the
 * empty wrappers it leaves.
 */
import { headingText, relateHeadline, withoutKicker } from './headline.ts';
import { HEADING_TAGS, isBlock } from './dom-measure.ts';

const MEDIA = 'img, picture, video, audio, iframe, svg, math, table, figure';

/**
 * The first element of `root` in document order that holds text, and is not a wrapper of others.
 * A picture before it (the story's hero image above its headline) is passed over.
 */
function firstBlock(root: Element): Element | null {
  let node: Element | null = root.firstElementChild;
  while (node !== null) {
    const text = (node.textContent ?? '').trim();
    if (text === '') {
      node = node.nextElementSibling;
      continue;
    }
    if (HEADING_TAGS.has(node.tagName)) return node;
    // Text of its own before its first child element means this is the block that opens the body.
    const own = Array.from(node.childNodes).find((child) => child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '');
    if (own !== undefined || node.firstElementChild === null) return node;
    node = node.firstElementChild;
  }
  return null;
}

export function dropRepeatedHeadline(root: Element, title: string): void {
  if (title.trim() === '') return;
  const first = firstBlock(root);
  if (first === null || !HEADING_TAGS.has(first.tagName) || first.querySelector(MEDIA) !== null) return;
  const texts = [headingText(first), withoutKicker(first)].filter((text): text is string => text !== null);
  const repeats = texts.some((text) => {
    const relation = relateHeadline(text, title);
    return relation === 'same' || relation === 'affixed' || relateHeadline(title, text) === 'affixed';
  });
  if (!repeats) return;
  let gone: Element = first;
  // Wrappers left without anything go with it.
  while (gone.parentElement !== null && gone.parentElement !== root && (gone.parentElement.textContent ?? '').trim() === (gone.textContent ?? '').trim()
    && gone.parentElement.querySelector(MEDIA) === null) {
    gone = gone.parentElement;
  }
  // Between a picture and the text after it, the heading was what set them on lines of their own.
  if (inlineBeside(gone, 'previousSibling') && inlineBeside(gone, 'nextSibling')) gone.replaceWith(gone.ownerDocument.createElement('br'));
  else gone.remove();
}

/** Whether the nearest sibling on `side` that is not whitespace is text or an inline element. */
function inlineBeside(el: Element, side: 'previousSibling' | 'nextSibling'): boolean {
  let node = el[side];
  while (node !== null && node.nodeType === 3 && !/\S/.test(node.nodeValue ?? '')) node = node[side];
  return node !== null && (node.nodeType === 3 || (node.nodeType === 1 && !isBlock(node as Element)));
}
