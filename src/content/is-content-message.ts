import type { ContentMessage } from '../messages.ts';

/** Whether a message is one the worker sends to the content script. */
export function isContentMessage(value: unknown): value is ContentMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.name === 'frontclip:ping') return true;
  return message.name === 'frontclip:extract'
    && (message.mode === 'article' || message.mode === 'page' || message.mode === 'selection')
    && (message.body === 'markdown' || message.body === 'html')
    && (message.preferSelection === undefined || typeof message.preferSelection === 'boolean')
    && typeof message.filenameTemplate === 'string';
}
