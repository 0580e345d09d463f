/**
 * The hiding classes of the common CSS toolkits, read from an element's class tokens. Bootstrap's
 * `d-none` and Tailwind's `hidden` hide an element at every width unless another token shows it
 * again from some width on (`d-none d-md-block`, `hidden md:flex`): a reader on a desktop browser
 * sees those. Written out here because no library reads a toolkit's classes without its CSS.
 */

/** A token that hides its element at every width (`hidden-xs`, `d-md-none` hide at one width only). */
const HIDING = /^(?:!?hidden|d-none|is-hidden|u-hidden|sr-only|visually-?hidden|screen-reader-text)$/i;

/** A token that shows the element again from one width on: Bootstrap's `d-md-block`, Tailwind's `md:flex`. */
const SHOWING = /^(?:d-(?:sm|md|lg|xl|xxl)-(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|table-row|table-cell)|!?(?:sm|md|lg|xl|2xl):!?(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|table-row|table-cell|contents|flow-root))$/i;

const tokens = (el: Element): string[] => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);

/** Whether a class token shows the element from some screen width on. */
export const shownAtSomeWidth = (el: Element): boolean => tokens(el).some((name) => SHOWING.test(name));

/** Whether the element's classes hide it at every screen width. */
export function hiddenByClass(el: Element): boolean {
  const names = tokens(el);
  return names.some((name) => HIDING.test(name)) && !names.some((name) => SHOWING.test(name));
}
