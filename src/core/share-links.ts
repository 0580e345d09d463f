/**
 * Share buttons: links to a network's sharing endpoint ("Tweet", "Teilen", "Pin it", a bookmark
 * counter), to a mail form without a recipient, or to a messenger's send screen. The address says
 * what the link does whatever its words or picture, in any language; the endpoints are the
 * networks' own, documented for site owners to build such buttons. A button goes; the text of a
 * longer link (a "click to tweet" quote from the article) stays without its link.
 */

import { HEADING_TAGS, blockOf, hasMedia } from './dom-measure.ts';
import { foldSpaces } from './fold.ts';

/** Host and path beginnings of sharing endpoints (`www.` and `m.` hosts included). */
const SHARE_PATHS = [
  String.raw`(?:twitter|x)\.com/(?:intent/(?:tweet|post)|share|home/?\?status=)`,
  String.raw`facebook\.com/(?:sharer|share\.php|dialog/(?:share|feed|send))`,
  String.raw`linkedin\.com/(?:shareArticle|sharing/|cws/share)`,
  String.raw`pinterest\.[a-z.]+/pin/create`,
  String.raw`reddit\.com/submit`,
  String.raw`b\.hatena\.ne\.jp/(?:entry|add)`,
  String.raw`api\.whatsapp\.com/send`, String.raw`wa\.me/\?`,
  String.raw`(?:t|telegram)\.me/share`,
  String.raw`getpocket\.com/(?:save|edit)`,
  String.raw`tumblr\.com/(?:share|widgets/share)`,
  String.raw`xing\.com/(?:spi/shares|social/share)`,
  String.raw`vk\.com/share\.php`,
  String.raw`plus\.google\.com/share`,
  String.raw`(?:social-plugins\.)?line\.me/(?:R/msg|lineit/share)`,
  String.raw`news\.ycombinator\.com/submitlink`,
  String.raw`flipboard\.com/bookmarklet`,
  String.raw`bsky\.app/intent/compose`,
];
const SHARE_URL = new RegExp(String.raw`^https?://(?:(?:www|m|mobile)\.)?(?:${SHARE_PATHS.join('|')})`, 'i');
/** A mail form with a subject and no recipient, and a messenger's send screen. */
const SHARE_SCHEME = /^(?:mailto:\?|whatsapp:\/\/send|fb-messenger:\/\/share|sms:\?)/i;
/** A button's words: "Share on Facebook", "Auf WhatsApp teilen"; a longer text is the article's. */
const BUTTON_CHARS = 40;

/** Whether `a` links to a sharing endpoint. */
export function isShareLink(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return SHARE_URL.test(href) || SHARE_SCHEME.test(href);
}

/** What a share bar's label leaves once its buttons are gone ("Share:", "Teile mich:", "Partager"). */
const LABEL_LEFT = 25;

/**
 * Removes the share buttons in `root` (the clip's own copy); a long share link keeps its text. A
 * block the buttons stood in goes with them when all they leave is a short label: no picture, no
 * other link, not a heading.
 */
export function removeShareLinks(root: Element): void {
  const bars = new Set<Element>();
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    if (!isShareLink(a)) continue;
    if (foldSpaces(a.textContent).length <= BUTTON_CHARS) {
      const bar = blockOf(a);
      if (bar !== null && bar !== root && root.contains(bar)) bars.add(bar);
      a.remove();
    } else {
      a.replaceWith(...Array.from(a.childNodes));
    }
  }
  for (const bar of bars) {
    // A heading or a line that still links elsewhere is more than a share bar's label.
    if (HEADING_TAGS.has(bar.tagName) || hasMedia(bar) || bar.querySelector('a') !== null) continue;
    if (foldSpaces(bar.textContent).length <= LABEL_LEFT) bar.remove();
  }
}
