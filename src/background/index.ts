import browser from 'webextension-polyfill';
import type { ClipMode } from '../messages.ts';
import { dispatch, fromExtensionPage } from './dispatch.ts';
import { handlers } from './handlers.ts';
import { reportOnBadge } from './badge.ts';
import { MENU_ITEMS, menuMode, QUICK_DOWNLOAD_COMMAND } from './menu-action.ts';

// Every listener is registered synchronously at the top level: a stopped worker is restarted by
// the event, and only listeners present in its first turn receive it.

const extensionOrigin = browser.runtime.getURL('');

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!fromExtensionPage(sender, browser.runtime.id, extensionOrigin)) return undefined;
  return dispatch(handlers, message);
});

async function quickDownload(tabId: number | undefined, mode: ClipMode): Promise<void> {
  const id = tabId !== undefined && tabId >= 0 ? tabId : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await reportOnBadge(id, await handlers.quickDownload({ tabId: id, mode }));
}

browser.commands.onCommand.addListener((command: string, tab?: browser.Tabs.Tab) => {
  if (command === QUICK_DOWNLOAD_COMMAND) void quickDownload(tab?.id, 'article');
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  const mode = menuMode(info.menuItemId);
  if (mode) void quickDownload(tab?.id, mode);
});

browser.runtime.onInstalled.addListener(async () => {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({ id: item.id, title: item.title, contexts: [...item.contexts] });
  }
});
