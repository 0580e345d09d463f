import browser from 'webextension-polyfill';
import { getSettings } from '../src/storage/settings.ts';
import { send } from '../src/ui/send.ts';
import { mountPopup } from './mount-popup.ts';
import { tabIdFromSearch } from './tab-id-from-search.ts';

async function activeTabId(): Promise<number | undefined> {
  const fromUrl = tabIdFromSearch(location.search);
  if (fromUrl !== undefined) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// `npm run bench:popup` splits the time to a filled form with these marks.
performance.mark('frontclip:popup-start');

const root = document.getElementById('app');
if (root) {
  void mountPopup(root, {
    send,
    tabId: await activeTabId().catch(() => undefined),
    loadSettings: getSettings,
    links: [
      { label: 'Library', href: browser.runtime.getURL('options/library.html') },
      { label: 'Settings', href: browser.runtime.getURL('options/index.html') },
    ],
  });
}
