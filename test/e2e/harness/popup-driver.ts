import type { Page } from 'playwright-core';

/** Drives one popup page (opened as a tab) through its accessible names, as a reader would. */
export interface PopupDriver {
  page: Page;
  /** Waits for the first answer: the edit form or a state saying why there is none. */
  settled: (timeoutMs?: number) => Promise<'form' | 'state'>;
  /** The state's heading and its detail line (the worker's own message), when there is no form. */
  state: () => Promise<{ heading: string; detail: string }>;
  /** Clicks Save or Download and resolves with the status line once it reports an outcome. */
  submit: (button: 'Save' | 'Download', timeoutMs?: number) => Promise<string>;
  title: () => Promise<string>;
}

export function popupDriver(page: Page): PopupDriver {
  return {
    page,
    async settled(timeoutMs = 20_000) {
      await page.locator('form.clip-form, .state').first().waitFor({ timeout: timeoutMs });
      return (await page.locator('form.clip-form').count()) > 0 ? 'form' : 'state';
    },
    async state() {
      const section = page.locator('.state');
      return {
        heading: (await section.getByRole('heading').textContent()) ?? '',
        detail: (await section.locator('.state-detail').count()) ? (await section.locator('.state-detail').textContent()) ?? '' : '',
      };
    },
    async submit(button, timeoutMs = 20_000) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const status = page.locator('form.clip-form').getByRole('status').filter({ hasText: /^(?:Saved|Updated|Downloaded|Couldn't|Not saved)/ });
      await status.waitFor({ timeout: timeoutMs });
      return (await status.textContent()) ?? '';
    },
    title: () => page.getByLabel('Title', { exact: true }).inputValue(),
  };
}
