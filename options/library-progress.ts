import { h } from '../src/ui/h.ts';

/** One long task on the panel: its signal, and how to report its progress. */
export interface ProgressTask {
  signal: AbortSignal;
  /** Sets the line (`Reading files: 3,000 of 10,000`) and the bar; `total` 0 shows a busy bar. */
  update(text: string, done: number, total: number): void;
  /** Hides the panel. */
  end(): void;
}

/**
 * The panel that shows a long task (import, export, a bulk edit) with a progress bar and a Cancel
 * button. Cancel aborts the task's signal: the task stops and says what it left (nothing written,
 * no zip).
 */
export function createProgressPanel() {
  const bar = h('progress', { class: 'library-progress', 'aria-label': 'Progress' });
  const line = h('p', { class: 'progress-line', 'aria-live': 'polite' });
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const element = h('div', { class: 'progress-panel', role: 'group', 'aria-label': 'Progress', hidden: true }, line, bar, cancel);
  let controller: AbortController | null = null;
  cancel.addEventListener('click', () => {
    if (!controller) return;
    controller.abort();
    line.textContent = 'Cancelling…';
  });
  return {
    element,
    start(text: string): ProgressTask {
      const own = new AbortController();
      controller = own;
      element.hidden = false;
      line.textContent = text;
      bar.removeAttribute('value');
      return {
        signal: own.signal,
        update(next, done, total) {
          if (controller !== own || own.signal.aborted) return;
          line.textContent = next;
          if (total > 0) {
            bar.max = total;
            bar.value = done;
          } else bar.removeAttribute('value');
        },
        end() {
          if (controller !== own) return;
          controller = null;
          element.hidden = true;
        },
      };
    },
  };
}
