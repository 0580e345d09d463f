/**
 * Tells the extension's other pages that the library changed (the popup saved an article while
 * the library page is open, or one library tab deleted what another shows). A BroadcastChannel
 * reaches every page and the worker of the extension's origin without a message through the
 * worker; each context ignores its own notices, having updated itself already.
 */
const CHANNEL = 'frontclip-library';
const context = Math.random().toString(36).slice(2);

interface Notice {
  from: string;
}

export function notifyLibraryChanged(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ from: context } satisfies Notice);
  channel.close();
}

/** Calls `listener` when another context changed the library; returns an unsubscribe. */
export function onLibraryChanged(listener: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Notice>) => {
    if (event.data?.from !== context) listener();
  };
  return () => channel.close();
}
