import browser from 'webextension-polyfill';

/** The finished (or failed) download, or null if it is still running after `timeoutMs`. */
export function downloadSettled(id: number, timeoutMs: number): Promise<browser.Downloads.DownloadItem | null> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (item: browser.Downloads.DownloadItem | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      browser.downloads.onChanged.removeListener(onChanged);
      resolve(item);
    };
    const check = async () => {
      const [item] = await browser.downloads.search({ id });
      if (item && item.state !== 'in_progress') finish(item);
    };
    const onChanged = (delta: browser.Downloads.OnChangedDownloadDeltaType) => {
      if (delta.id === id && delta.state?.current && delta.state.current !== 'in_progress') void check();
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    browser.downloads.onChanged.addListener(onChanged);
    void check();
  });
}
