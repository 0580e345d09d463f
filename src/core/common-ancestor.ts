/** The lowest element that holds both nodes, or null when they share none (a detached node). */
export function commonAncestor(a: Node, b: Node): Element | null {
  let el = a.parentElement;
  while (el !== null && !el.contains(b)) el = el.parentElement;
  return el;
}
