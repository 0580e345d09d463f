import browser from 'webextension-polyfill';
import type { Envelope, MessageName, RequestOf, ResponseOf } from '../messages.ts';

/** Sends one message of the protocol to the service worker and resolves with its typed reply. */
export type Send = <K extends MessageName>(name: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;

/**
 * The real `Send`, over `runtime.sendMessage`. Views take a `Send` as an argument instead of
 * importing this, so they can be tested without a browser.
 */
export const send: Send = async (name, request) => {
  const envelope: Envelope<typeof name> = { name, request };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  // A worker with no handler for the message answers `undefined`; say so instead of failing later
  // on a property read.
  if (typeof reply !== 'object' || reply === null) {
    throw new Error(`No reply from Frontclip's background worker to "${name}".`);
  }
  return reply as ResponseOf<typeof name>;
};
