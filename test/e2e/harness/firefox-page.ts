import type { ElementHandle, Page } from 'puppeteer-core';

// Waiting and clicking in Firefox extension pages without puppeteer's `waitForFunction` and
// locators: both build their predicate with `new Function` inside the page, which Firefox ESR 140
// refuses under an extension page's CSP ("call to Function() blocked by CSP"). A plain
// `page.evaluate` and the accessibility query `page.$('::-p-aria(...)')` need no eval.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `fn` in the page until it returns something other than null, undefined or false. */
export async function waitInPage<A, T>(page: Page, fn: (arg: A) => T | null | undefined | false, arg: A, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(fn as never, arg)) as T | null | undefined | false;
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in ${page.url()} for ${fn.toString().slice(0, 120)}`);
    await sleep(50);
  }
}

/** The element with this accessible name and role, once the page shows it. */
export async function byRole(page: Page, name: string, role: string, timeoutMs = 10_000): Promise<ElementHandle> {
  const selector = `::-p-aria([name="${name}"][role="${role}"])`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.$(selector);
    if (handle) return handle;
    if (Date.now() > deadline) throw new Error(`no ${role} named "${name}" in ${page.url()} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The first status line's text that matches `pattern`, once one does. */
export function statusMatching(page: Page, pattern: RegExp, timeoutMs: number): Promise<string> {
  return waitInPage(page, (source) => {
    const re = new RegExp(source);
    return [...document.querySelectorAll('[role="status"]')].map((el) => el.textContent ?? '').find((t) => re.test(t));
  }, pattern.source, timeoutMs);
}
