/** The rows of a virtual list to render: indexes `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  start: number;
  end: number;
}

export interface ViewportMetrics {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge, so a fast scroll does not show blank space for a frame. */
  overscan: number;
}

/**
 * The rows a scroll container of fixed-height rows shows, plus the overscan. Robust to what the
 * browser may report mid-layout: a negative or past-the-end scrollTop, a zero height.
 */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan }: ViewportMetrics): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const shown = Math.max(1, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) - first);
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + shown + overscan) };
}

/**
 * The scrollTop that brings row `index` fully into view, moving as little as possible; the
 * current scrollTop when it is already visible.
 */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
