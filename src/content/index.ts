import browser from 'webextension-polyfill';
import { answer } from './answer.ts';
import { isContentMessage } from './is-content-message.ts';

/** Kept on the content script's own global (its isolated world, invisible to the page). */
interface ContentState {
  /** How many times this file ran in the page. */
  loads: number;
  /** How many message listeners it registered: must stay 1. */
  listeners: number;
}

declare global {
  var __frontclipContent: ContentState | undefined;
}

const state = (globalThis.__frontclipContent ??= { loads: 0, listeners: 0 });
state.loads += 1;

// The worker pings before injecting, but a second injection (a race between two clips) must still
// not add a second listener that would answer every request twice.
if (state.listeners === 0) {
  state.listeners = 1;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isContentMessage(message)) return undefined;
    if (message.name === 'frontclip:ping') return Promise.resolve({ ok: true });
    return Promise.resolve().then(() => answer(message, document, location.href, new Date()));
  });
}
