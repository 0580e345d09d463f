import browser from 'webextension-polyfill';

/**
 * Resolves with the tab once it has finished loading, or with its last state after `timeoutMs`.
 * The listener is registered before the re-read, so a load that completes in between is not missed.
 */
export function waitForTab(tabId: number, timeoutMs: number): Promise<browser.Tabs.Tab> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (tab: browser.Tabs.Tab) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve(tab);
    };
    const onUpdated = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType, tab: browser.Tabs.Tab) => {
      if (id === tabId && change.status === 'complete') finish(tab);
    };
    const timer = setTimeout(() => {
      browser.tabs.get(tabId).then(finish, reject);
    }, timeoutMs);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.get(tabId).then((tab) => {
      if (tab.status !== 'loading') finish(tab);
    }, (err: unknown) => {
      done = true;
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      reject(err);
    });
  });
}
