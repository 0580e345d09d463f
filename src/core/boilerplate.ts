/**
 * Readability keeps some page furniture that sits inside the article container: ad slots,
 * newsletter boxes, share bars, "related" lists. They are recognised by the names publishers give
 * them (class and id tokens) and by their text, and removed only while they are small next to the
 * article, so a mislabelled container can never take the article's own paragraphs with it.
 */
const FURNITURE_TOKEN =
  /(?:^|[\s_-])(?:ads?|adslot|advert|advertisement|advertising|sponsor(?:ed)?|promo|newsletter|signup|subscribe|subscription|share|sharing|social|related|recommended|outbrain|taboola|donate|paywall)(?:$|[\s_-])/i;
const FURNITURE_TEXT = /^(?:advertisement|advert|ad|sponsored|story continues below advertisement|scroll to continue(?: with content)?)$/i;

/** A piece of furniture may hold at most this share of the article's text. */
const MAX_SHARE = 0.2;

const textLength = (el: Element): number => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** Removes furniture from an extracted article in place (`root` belongs to a detached clone). */
export function removeFurniture(root: Element): void {
  const total = Math.max(1, textLength(root));
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue; // inside furniture removed already
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const named = FURNITURE_TOKEN.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
    const marker = FURNITURE_TEXT.test(text);
    if ((named || marker) && text.length / total <= MAX_SHARE) el.remove();
  }
}
