/**
 * Repeated cards that lead to other articles (a grid of teasers inside the article container):
 * siblings of one shape, each short and led by a link.
 */
import { detach, isTail, linkDensity, textLength } from './dom-measure.ts';


const signature = (el: Element): string => `${el.tagName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/).sort().join('.')}`;

/**
 * Repeated cards that each lead to another article: at least three siblings of the same shape,
 * each short and led by a link. Plain lists count only after the article's last paragraph.
 */
export function removeTeaserCards(root: Element, maxShare: number): void {
  const total = Math.max(1, textLength(root));
  for (const box of Array.from(root.querySelectorAll('div, section, ul, ol, aside, nav'))) {
    if (!root.contains(box) || box.children.length < 3) continue;
    if (textLength(box) / total > maxShare) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(box.children)) {
      const key = signature(child);
      groups.set(key, [...(groups.get(key) ?? []), child]);
    }
    const [key, cards] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    if (cards.length < 3 || cards.length / box.children.length < 0.6) continue;
    const classed = !/\.$/.test(key);
    if (!classed && !isTail(root, box)) continue;
    const teasers = cards.filter((card) => {
      const length = textLength(card);
      const link = Array.from(card.querySelectorAll('a')).some((a) => textLength(a) >= 12) || card.matches('a');
      return link && length <= 400 && (linkDensity(card, length) >= 0.3 || card.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4') !== null);
    });
    if (teasers.length / cards.length < 0.8) continue;
    if (cards.some((card) => Array.from(card.querySelectorAll('p')).some((p) => textLength(p) > 400))) continue;
    detach(box);
  }
}
