/** Attribute values: `true` sets an empty attribute, `false` and `undefined` leave it out. */
export type Attrs = Record<string, string | number | boolean | undefined>;

/**
 * Builds an element from a tag, attributes and children. Strings become text nodes, never markup:
 * every page-derived string in the popup goes through here, so none of it is parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}
