import browser from 'webextension-polyfill';
import type { Article } from '../core/article.ts';
import type { ClipMode, ContentMessage, ContentResponse, Result } from '../messages.ts';
import type { Settings } from '../storage/settings-schema.ts';
import { restrictedReason } from './restricted-url.ts';
import { injectionFailure } from './injection-failure.ts';
import { articleProblem } from './is-article.ts';
import { waitForTab } from './wait-for-tab.ts';

/** How long a clip waits for a loading tab before saying so. */
const LOAD_WAIT_MS = 5_000;
/** Readability on a huge page takes seconds; past this the content script is taken as stuck. */
const EXTRACT_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const send = (tabId: number, message: ContentMessage): Promise<unknown> =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 });

/** Injects the content script unless the tab's top frame already has a listening one. */
async function ensureContentScript(tabId: number): Promise<void> {
  const alive = await send(tabId, { name: 'frontclip:ping' }).catch(() => undefined);
  if (typeof alive === 'object' && alive !== null && (alive as { ok?: unknown }).ok === true) return;
  await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

function isContentResponse(value: unknown): value is ContentResponse {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; reason?: unknown; message?: unknown; article?: unknown };
  if (reply.ok === false) return typeof reply.reason === 'string' && typeof reply.message === 'string';
  return reply.ok === true && articleProblem(reply.article) === null;
}

/**
 * Clips one tab: refuses pages extensions may not read, waits briefly for a loading tab, injects
 * the content script once, and asks it for the article. Nothing is stored.
 */
export async function clipTab(tabId: number, mode: ClipMode, settings: Settings): Promise<Result<{ article: Article; tabUrl: string }>> {
  let tab: browser.Tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { ok: false, reason: 'error', message: 'That tab is gone: it was closed before Frontclip could clip it.' };
  }
  const refused = restrictedReason(tab.url);
  if (refused) return { ok: false, reason: 'restricted', message: refused };
  if (tab.status === 'loading') {
    tab = await waitForTab(tabId, LOAD_WAIT_MS).catch(() => tab);
    if (tab.status === 'loading') {
      return { ok: false, reason: 'loading', message: 'The page is still loading. Try again once it has finished.' };
    }
  }

  try {
    await ensureContentScript(tabId);
  } catch (err) {
    return injectionFailure(err);
  }

  let reply: unknown;
  try {
    const request: ContentMessage = {
      name: 'frontclip:extract', mode, body: settings.bodyFormat, tagCount: settings.tagCount, filenameTemplate: settings.filenameTemplate,
    };
    reply = await withTimeout(send(tabId, request), EXTRACT_TIMEOUT_MS, 'the page took too long to read');
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: 'error', message: `Frontclip could not read this page: ${text}.` };
  }
  if (!isContentResponse(reply)) {
    return { ok: false, reason: 'error', message: 'Frontclip could not read this page: its content script gave no usable answer.' };
  }
  if (!reply.ok) return reply;
  // The URL may only become visible once the injection has proved access (activeTab).
  const url = tab.url ?? (await browser.tabs.get(tabId).then((t) => t.url, () => undefined)) ?? '';
  return { ok: true, article: { ...reply.article, draft: settings.defaultDraft }, tabUrl: url };
}
