/**
 * Keeps a row of chips to its first line: the chips that wrap past it are hidden (out of the tab
 * order and the accessibility tree too) and `more` says how many, as "+N more". Measured, because
 * how many fit depends on the words and the font; without layout (jsdom) every chip stays.
 * Returns the hidden chips; `more` is appended to the row only when some are.
 */
export function collapseToOneLine(row: HTMLElement, chips: readonly HTMLElement[], more: HTMLElement, label: (hidden: number) => string): HTMLElement[] {
  const first = chips[0];
  if (!first || !row.isConnected) return [];
  const top = first.offsetTop;
  let shown = chips.findIndex((chip) => chip.offsetTop > top);
  if (shown === -1) return [];
  const update = () => {
    for (const [i, chip] of chips.entries()) chip.hidden = i >= shown;
    more.textContent = `+${chips.length - shown} more`;
    more.setAttribute('aria-label', label(chips.length - shown));
  };
  update();
  row.append(more);
  // The button takes room on the line too: it gets the places of as many chips as it needs.
  while (shown > 1 && more.offsetTop > top) {
    shown--;
    update();
  }
  return chips.slice(shown);
}
