import type { ContentMessage } from '../messages.ts';

/** Whether a message is one the worker sends to the content script. */
export function isContentMessage(value: unknown): value is ContentMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.name === 'frontclip:ping') return true;
  return m.name === 'frontclip:extract'
    && (m.mode === 'article' || m.mode === 'page' || m.mode === 'selection')
    && (m.body === 'markdown' || m.body === 'html')
    && (m.preferSelection === undefined || typeof m.preferSelection === 'boolean')
    && typeof m.tagCount === 'number'
    && typeof m.filenameTemplate === 'string';
}
