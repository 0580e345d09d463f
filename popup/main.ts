import browser from 'webextension-polyfill';
import { send } from '../src/ui/send.ts';
import { FIRST_CLIP } from './first-clip.ts';
import { tabIdFromSearch } from './tab-id-from-search.ts';

// `npm run bench:popup` splits the time to a filled form with these marks.
performance.mark('frontclip:popup-start');

async function activeTabId(): Promise<number | undefined> {
  const fromUrl = tabIdFromSearch(location.search);
  if (fromUrl !== undefined) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const tabId = await activeTabId().catch(() => undefined);
// The clip is asked for first, and the view's code (the form, the tag editor, the sanitizer of the
// preview) loads while the page is read: the reader waits for the slower of the two, not for both.
const firstClip = tabId === undefined ? undefined : send('clip', { tabId, ...FIRST_CLIP });
performance.mark('frontclip:clip-sent');
const { mountPopup, getSettings } = await import('./popup-view.ts');

const root = document.getElementById('app');
if (root) {
  void mountPopup(root, {
    send,
    tabId,
    loadSettings: getSettings,
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    copyText: (text) => navigator.clipboard.writeText(text),
    ...(firstClip ? { firstClip } : {}),
    links: [
      { label: 'Library', href: browser.runtime.getURL('options/library.html') },
      { label: 'Settings', href: browser.runtime.getURL('options/index.html') },
    ],
  });
}
