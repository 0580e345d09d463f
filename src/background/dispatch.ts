import type { Envelope, Handlers, MessageName, Result } from '../messages.ts';
import { messageOf } from '../core/error-message.ts';

// A record over the protocol's names: a message added to the protocol and missing here is a type error.
const KNOWN: Record<MessageName, true> = {
  clip: true, save: true, download: true, folderWrite: true, quickDownload: true, knownTags: true, lookup: true, downloadSaved: true,
};
const NAMES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

/** An `{ name, request }` envelope of the protocol; anything else is not for the worker. */
export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const { name, request } = message as { name?: unknown; request?: unknown };
  return typeof name === 'string' && NAMES.has(name) && typeof request === 'object' && request !== null && !Array.isArray(request);
}

/** Where a message came from, as runtime.onMessage reports it. */
export interface SenderInfo {
  id?: string;
  url?: string;
}

/**
 * Only the extension's own pages may drive the worker: a content script lives inside a web page,
 * so a message from one is never trusted with the library or the downloads.
 */
export function fromExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

function failure(err: unknown): Result<never> {
  const message = messageOf(err);
  return { ok: false, reason: 'error', message: `Frontclip's background worker failed: ${message}` };
}

/**
 * Runs the handler named by the envelope. Returns undefined for a message that is not an
 * envelope, so other listeners may answer it; a handler that throws answers a failure instead of
 * leaving the sender without a reply.
 */
export function dispatch(handlers: Handlers, message: unknown): Promise<unknown> | undefined {
  if (!isEnvelope(message)) return undefined;
  const handler = handlers[message.name] as (request: unknown) => Promise<unknown>;
  return Promise.resolve().then(() => handler(message.request)).catch(failure);
}
