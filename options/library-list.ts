import { h } from '../src/ui/h.ts';
import { scrollToReveal, visibleRange } from '../src/ui/visible-range.ts';

export interface VirtualListOptions<T> {
  /** Every row is exactly this high (CSS keeps it so): the windowing is then plain arithmetic. */
  rowHeight: number;
  /** The list's accessible name. */
  label: string;
  key: (item: T) => string;
  /**
   * Builds one row's content. Controls that take part in keyboard navigation carry `data-col`;
   * the list gives the current row's ones tabindex 0 and the others -1.
   */
  renderRow: (item: T, index: number) => HTMLElement;
  /** How tall to assume the viewport is when the page has no layout (jsdom). */
  fallbackHeight?: number;
}

export interface VirtualList<T> {
  /** The scroll container. */
  readonly element: HTMLElement;
  /** Replaces the items; keeps the scroll position where it still makes sense. */
  setItems(items: readonly T[]): void;
  /** Rebuilds the rendered rows (after a change that `setItems` did not bring, such as selection). */
  refresh(): void;
  /** Moves the keyboard to row `index` (scrolling it into view), on the control of column `col`. */
  focusRow(index: number, col?: string): void;
  /** How many row elements are in the DOM now. */
  renderedCount(): number;
}

const OVERSCAN = 6;
const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

/**
 * A list that renders only the rows in view (plus a few), for a library of 10,000 articles.
 * Hand-written because it is small and the maintained virtual-list packages are either tied to a
 * framework (React, Vue, Lit) or bring scrolling machinery (variable heights, measuring) this
 * fixed-height list does not need; the windowing arithmetic is `visibleRange`, tested on its own.
 *
 * Keyboard: one row is current; Tab enters the list on its controls and leaves it after them
 * (roving tabindex), the arrow keys, Home, End, Page Up and Page Down move the current row and
 * keep the focus on the same kind of control. The rows carry aria-setsize and aria-posinset, so a
 * screen reader announces "12 of 10,000" although only a few rows exist in the DOM.
 */
export function createVirtualList<T>(options: VirtualListOptions<T>): VirtualList<T> {
  const { rowHeight } = options;
  const rows = h('ul', { class: 'vlist-rows', 'aria-label': options.label });
  const element = h('div', { class: 'vlist' }, rows);
  let items: readonly T[] = [];
  let active = 0;
  // Rows in the DOM by key, with the generation they were built in: a refresh makes them stale.
  let rendered = new Map<string, { el: HTMLElement; index: number; generation: number }>();
  let generation = 0;
  let frame = 0;

  const viewportHeight = () => element.clientHeight || options.fallbackHeight || 600;

  function focusedKey(): { key: string; col: string | null } | null {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !rows.contains(focused)) return null;
    const row = focused.closest<HTMLElement>('li[data-key]');
    return row?.dataset['key'] === undefined ? null : { key: row.dataset['key'], col: focused.dataset['col'] ?? null };
  }

  function setTabStops(el: HTMLElement, isActive: boolean): void {
    for (const control of el.querySelectorAll<HTMLElement>('[data-col]')) control.tabIndex = isActive ? 0 : -1;
  }

  function build(item: T, index: number): HTMLElement {
    const el = options.renderRow(item, index);
    el.dataset['key'] = options.key(item);
    el.setAttribute('aria-setsize', String(items.length));
    el.setAttribute('aria-posinset', String(index + 1));
    // CSSOM, not a style attribute: the extension's CSP allows no inline styles.
    el.style.transform = `translateY(${index * rowHeight}px)`;
    return el;
  }

  function render(): void {
    frame = 0;
    rows.style.height = `${items.length * rowHeight}px`;
    const { start, end } = visibleRange({ scrollTop: element.scrollTop, viewportHeight: viewportHeight(), rowHeight, count: items.length, overscan: OVERSCAN });
    const focus = focusedKey();
    const next = new Map<string, { el: HTMLElement; index: number; generation: number }>();
    const wanted: number[] = [];
    for (let i = start; i < end; i++) wanted.push(i);
    // The focused row stays in the DOM even when scrolled away, or the keyboard would be lost.
    if (focus) {
      const index = items.findIndex((item) => options.key(item) === focus.key);
      if (index !== -1 && (index < start || index >= end)) wanted.push(index);
    }
    for (const i of wanted) {
      const item = items[i]!;
      const key = options.key(item);
      const old = rendered.get(key);
      const row = old && old.generation === generation && old.index === i ? old : { el: build(item, i), index: i, generation };
      setTabStops(row.el, i === active);
      next.set(key, row);
    }
    for (const [key, old] of rendered) if (next.get(key)?.el !== old.el) old.el.remove();
    for (const { el } of next.values()) if (el.parentNode !== rows) rows.append(el);
    rendered = next;
    // A rebuilt row replaced the focused element: give the focus to its successor.
    if (focus && !rows.contains(document.activeElement)) {
      const row = rendered.get(focus.key)?.el;
      const target = row && (focus.col ? row.querySelector<HTMLElement>(`[data-col="${focus.col}"]`) : row.querySelector<HTMLElement>('[data-col]'));
      target?.focus({ preventScroll: true });
    }
  }

  function schedule(): void {
    if (frame !== 0) return;
    frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(render) : (setTimeout(render, 16) as unknown as number);
  }

  function focusRow(index: number, col?: string): void {
    if (items.length === 0) return;
    active = Math.max(0, Math.min(items.length - 1, index));
    element.scrollTop = scrollToReveal(active, element.scrollTop, viewportHeight(), rowHeight);
    render();
    const row = [...rendered.values()].find((r) => r.index === active)?.el;
    const target = row && ((col && row.querySelector<HTMLElement>(`[data-col="${col}"]`)) || row.querySelector<HTMLElement>('[data-col]'));
    target?.focus({ preventScroll: true });
  }

  element.addEventListener('scroll', schedule, { passive: true });
  if (typeof ResizeObserver === 'function') new ResizeObserver(schedule).observe(element);

  rows.addEventListener('focusin', (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-key]');
    const index = row ? [...rendered.values()].find((r) => r.el === row)?.index : undefined;
    if (index !== undefined && index !== active) {
      active = index;
      for (const r of rendered.values()) setTabStops(r.el, r.index === active);
    }
  });

  rows.addEventListener('keydown', (event) => {
    if (!NAV_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Home and End belong to a text field; none sits in a row, but keep that true by checking.
    if (target.matches('input[type="text"], input[type="search"], textarea')) return;
    const page = Math.max(1, Math.floor(viewportHeight() / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1, PageDown: active + page, PageUp: active - page,
    };
    event.preventDefault();
    focusRow(moves[event.key] ?? active, target.dataset['col']);
  });

  return {
    element,
    setItems(next) {
      const activeKey = items[active] === undefined ? null : options.key(items[active]!);
      items = next;
      generation++;
      const kept = activeKey === null ? -1 : items.findIndex((item) => options.key(item) === activeKey);
      active = kept === -1 ? 0 : kept;
      const maxTop = Math.max(0, items.length * rowHeight - viewportHeight());
      if (element.scrollTop > maxTop) element.scrollTop = maxTop;
      render();
    },
    refresh() {
      generation++;
      render();
    },
    focusRow,
    renderedCount: () => rows.childElementCount,
  };
}
