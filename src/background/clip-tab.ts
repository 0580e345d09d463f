import browser from 'webextension-polyfill';
import type { Article } from '../core/article.ts';
import type { ClipMode, ContentMessage, ContentResponse, Result } from '../messages.ts';
import type { Settings } from '../storage/settings-schema.ts';
import { restrictedReason } from './restricted-url.ts';
import { injectionFailure } from './injection-failure.ts';
import { isArticle } from '../storage/library.ts';
import { waitForTab } from './wait-for-tab.ts';
import { messageOf } from '../core/error-message.ts';
import { isTagSource } from '../core/tag-source.ts';
import { withTags } from '../core/tag-fields.ts';

/** How long a clip waits for a loading tab before saying so. */
const LOAD_WAIT_MS = 5_000;
/**
 * How long injecting the content script and reading the page may take together. Readability on a
 * huge page takes seconds, and a page busy in its own script lets nothing in; past this the reader
 * gets a clear answer instead of a popup that spins (issue 6: within 10 s, or a clear message).
 */
export const EXTRACT_TIMEOUT_MS = 10_000;

class ExtractTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const send = (tabId: number, message: ContentMessage): Promise<unknown> =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 });

/** Whether the tab's top frame already has a listening content script. */
async function isListening(tabId: number): Promise<boolean> {
  const alive = await send(tabId, { name: 'frontclip:ping' }).catch(() => undefined);
  return typeof alive === 'object' && alive !== null && (alive as { ok?: unknown }).ok === true;
}

/** Injects the content script unless the ping found one listening. */
async function ensureContentScript(tabId: number, listening: Promise<boolean>): Promise<void> {
  if (await listening) return;
  await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

function isContentResponse(value: unknown): value is ContentResponse {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; reason?: unknown; message?: unknown; article?: unknown; tagSource?: unknown };
  if (reply.ok === false) return typeof reply.reason === 'string' && typeof reply.message === 'string';
  return reply.ok === true && isArticle(reply.article) && isTagSource(reply.tagSource);
}

/**
 * Clips one tab: refuses pages extensions may not read, waits briefly for a loading tab, injects
 * the content script once, and asks it for the article. Nothing is stored.
 */
export async function clipTab(
  tabId: number, mode: ClipMode, settingsLoading: Settings | Promise<Settings>, preferSelection = false,
): Promise<Result<{ article: Article; tabUrl: string; mode: ClipMode }>> {
  // Settings are only needed for the request to the page: read them while the tab is checked.
  const settingsPromise = Promise.resolve(settingsLoading);
  settingsPromise.catch(() => {});
  // The ping goes out beside the tab check: a round trip fewer before the injection. It reads
  // nothing; a page extensions may not read just does not answer it.
  let listening = isListening(tabId);
  let tab: browser.Tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { ok: false, reason: 'error', message: 'The tab was closed before Frontclip could clip it.' };
  }
  const refused = restrictedReason(tab.url);
  if (refused) return { ok: false, reason: 'restricted', message: refused };
  if (tab.status === 'loading') {
    tab = await waitForTab(tabId, LOAD_WAIT_MS).catch(() => tab);
    if (tab.status === 'loading') {
      return { ok: false, reason: 'loading', message: 'The page is still loading. Try again once it has finished.' };
    }
    // The answer may have come from the document the tab was leaving.
    listening = isListening(tabId);
  }

  // One deadline for injecting and reading: a page whose own script keeps its thread busy never
  // lets the content script in, and the popup must not wait for it for ever.
  const deadline = Date.now() + EXTRACT_TIMEOUT_MS;
  try {
    await withTimeout(ensureContentScript(tabId, listening), EXTRACT_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof ExtractTimeout) {
      return {
        ok: false,
        reason: 'error',
        message: `The page is not responding: Frontclip waited ${EXTRACT_TIMEOUT_MS / 1000} seconds for it. Wait until it responds again, or reload it, and try again.`,
      };
    }
    return injectionFailure(err);
  }

  const settings = await settingsPromise;
  let reply: unknown;
  try {
    const request: ContentMessage = {
      name: 'frontclip:extract', mode, body: settings.bodyFormat, filenameTemplate: settings.filenameTemplate,
      ...(preferSelection ? { preferSelection } : {}),
    };
    reply = await withTimeout(send(tabId, request), Math.max(0, deadline - Date.now()));
  } catch (err) {
    if (err instanceof ExtractTimeout) {
      return {
        ok: false,
        reason: 'too-large',
        message: `Reading this page took longer than ${EXTRACT_TIMEOUT_MS / 1000} seconds, so Frontclip stopped waiting. The page may be too large: select a part of it and clip the selection.`,
      };
    }
    // The browser's words for a tab that went away ("Receiving end does not exist") say little.
    const now = await browser.tabs.get(tabId).catch(() => null);
    if (!now) return { ok: false, reason: 'error', message: 'The tab was closed while Frontclip was reading it.' };
    if (now.url !== tab.url || now.status === 'loading') {
      return { ok: false, reason: 'error', message: 'The tab went to another page while Frontclip was reading it. Open Frontclip again to clip the page it shows now.' };
    }
    const text = messageOf(err).replace(/\.$/, '');
    return { ok: false, reason: 'error', message: `Frontclip could not read this page: ${text}.` };
  }
  if (!isContentResponse(reply)) {
    return { ok: false, reason: 'error', message: 'Frontclip could not read this page: its content script gave no usable answer.' };
  }
  if (!reply.ok) return reply;
  // The URL may only become visible once the injection has proved access (activeTab).
  const url = tab.url ?? (await browser.tabs.get(tabId).then((t) => t.url, () => undefined)) ?? '';
  // The tab sends the article untagged: the stopword lists stay out of the injected script.
  const article = withTags({ article: reply.article, tagSource: reply.tagSource }, settings.tagCount);
  return { ok: true, article: { ...article, draft: settings.defaultDraft }, tabUrl: url, mode: reply.mode ?? mode };
}
