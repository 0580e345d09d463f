import type { Page, Worker } from 'playwright-core';
import type { Browser as Api } from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf } from '../../../src/messages.ts';

/** Sends one protocol message from an extension page, exactly as the popup does. */
export function sendFrom<K extends MessageName>(page: Page, name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  return page.evaluate(([n, r]) => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    return api.runtime.sendMessage({ name: n, request: r });
  }, [name, request] as const) as Promise<ResponseOf<K>>;
}

/**
 * The id of the tab showing `url`, asked through the extension (its worker or one of its pages).
 * The tabs API learns a committed URL a moment after the page does: it is polled briefly.
 */
export async function tabIdByUrl(from: Page | Worker, url: string): Promise<number> {
  const find = async (u: string): Promise<number | undefined> => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id;
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    // Page and Worker share evaluate's shape but not one signature: each is called as itself.
    const id = 'goto' in from ? await from.evaluate(find, url) : await from.evaluate(find, url);
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab found for ${url}`);
}
