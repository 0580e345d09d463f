// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collapseToOneLine } from '../../src/ui/one-line-chips.ts';

/** Chips laid out 100px wide on a 350px line (jsdom has no layout: offsetTop is computed here). */
function row(count: number, moreWidth = 60) {
  const el = document.createElement('div');
  document.body.replaceChildren(el);
  const chips = Array.from({ length: count }, () => el.appendChild(document.createElement('button')));
  const more = document.createElement('button');
  const topOf = (target: HTMLElement) => {
    let x = 0;
    let line = 0;
    for (const item of [...chips, more]) {
      if (item.hidden || !item.isConnected) continue;
      const width = item === more ? moreWidth : 100;
      if (x + width > 350) {
        line++;
        x = 0;
      }
      if (item === target) return line * 30;
      x += width;
    }
    return -1;
  };
  for (const item of [...chips, more]) Object.defineProperty(item, 'offsetTop', { get: () => topOf(item) });
  return { el, chips, more };
}

describe('collapseToOneLine', () => {
  it('hides the chips past the first line and says how many behind "+N more", making room for it', () => {
    const { el, chips, more } = row(7);
    const hidden = collapseToOneLine(el, chips, more, (n) => `Show ${n} more`);
    // Three chips fill 300 of 350px; "+N more" (60px) does not fit beside them: two chips stay.
    expect(chips.map((c) => c.hidden)).toEqual([false, false, true, true, true, true, true]);
    expect(hidden).toEqual(chips.slice(2));
    expect(more.textContent).toBe('+5 more');
    expect(more.getAttribute('aria-label')).toBe('Show 5 more');
    expect(more.parentElement).toBe(el);
    expect(more.offsetTop).toBe(0);
  });

  it('changes nothing when every chip fits', () => {
    const { el, chips, more } = row(3);
    expect(collapseToOneLine(el, chips, more, (n) => `${n}`)).toEqual([]);
    expect(chips.some((c) => c.hidden)).toBe(false);
    expect(more.isConnected).toBe(false);
  });
});
