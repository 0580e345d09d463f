import browser from 'webextension-polyfill';
import type { Envelope, MessageName, RequestOf, ResponseOf } from '../messages.ts';
import { messageOf } from '../core/error-message.ts';

/**
 * What to tell the reader when a message got no answer. The browser may stop the worker at any
 * moment (and restarts it for the next message); its own words for that ("the message channel
 * closed before a response was received") say nothing to a reader.
 */
export function sendFailure(error: unknown): string {
  const text = messageOf(error);
  if (/message (?:channel|port) closed|Receiving end does not exist|Could not establish connection/i.test(text)) {
    return "Frontclip's background worker stopped before it answered. Try again.";
  }
  return text;
}

/** Sends one message of the protocol to the service worker and resolves with its typed reply. */
export type Send = <K extends MessageName>(name: K, request: RequestOf<K>) => Promise<ResponseOf<K>>;

/**
 * The real `Send`, over `runtime.sendMessage`. Views take a `Send` as an argument instead of
 * importing this, so they can be tested without a browser.
 */
export const send: Send = async (name, request) => {
  const envelope: Envelope<typeof name> = { name, request };
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(envelope);
  } catch (error) {
    throw new Error(sendFailure(error));
  }
  // A worker with no handler for the message answers `undefined`; say so instead of failing later
  // on a property read.
  if (typeof reply !== 'object' || reply === null) {
    throw new Error(`No reply from Frontclip's background worker to "${name}".`);
  }
  return reply as ResponseOf<typeof name>;
};
