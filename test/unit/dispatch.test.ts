import { describe, expect, it } from 'vitest';
import { dispatch, fromExtensionPage, isEnvelope } from '../../src/background/dispatch.ts';
import type { Handlers } from '../../src/messages.ts';

function recordingHandlers(calls: unknown[][]): Handlers {
  return {
    clip: async (request) => (calls.push(['clip', request]), { ok: false, reason: 'restricted', message: 'no' }),
    save: async (request) => (calls.push(['save', request]), { ok: true, savedAt: 'now' }),
    download: async (request) => (calls.push(['download', request]), { ok: true, savedAt: 'now', filename: 'F/a.md' }),
    quickDownload: async (request) => (calls.push(['quickDownload', request]), { ok: true, filename: 'F/a.md' }),
    knownTags: async () => {
      throw new Error('database closed');
    },
    lookup: async (request) => (calls.push(['lookup', request]), { ok: true, saved: null }),
    downloadSaved: async (request) => (calls.push(['downloadSaved', request]), { ok: true, filename: 'F/a.md' }),
    folderWrite: async (request) => (calls.push(['folderWrite', request]), { ok: true, filename: 'vault/a.md', folder: { folderName: 'vault', action: 'created' } }),
  };
}

describe('isEnvelope', () => {
  it('accepts the protocol names with an object request', () => {
    expect(isEnvelope({ name: 'clip', request: { tabId: 1 } })).toBe(true);
    expect(isEnvelope({ name: 'knownTags', request: {} })).toBe(true);
  });

  it('refuses everything else', () => {
    for (const m of [null, 'clip', { name: 'clip' }, { name: 'clip', request: null }, { name: 'clip', request: [1] },
      { name: 'toString', request: {} }, { name: '__proto__', request: {} }, { action: 'clip' }, { name: 'frontclip:extract', request: {} }]) {
      expect(isEnvelope(m), JSON.stringify(m)).toBe(false);
    }
  });
});

describe('dispatch', () => {
  it('calls the handler named by the envelope with its request and resolves with its reply', async () => {
    const calls: unknown[][] = [];
    const reply = await dispatch(recordingHandlers(calls), { name: 'quickDownload', request: { tabId: 7, mode: 'selection' } });
    expect(reply).toEqual({ ok: true, filename: 'F/a.md' });
    expect(calls).toEqual([['quickDownload', { tabId: 7, mode: 'selection' }]]);
  });

  it('leaves foreign messages unanswered', () => {
    const calls: unknown[][] = [];
    expect(dispatch(recordingHandlers(calls), { type: 'something-else' })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('turns a throwing handler into a failure reply', async () => {
    const reply = await dispatch(recordingHandlers([]), { name: 'knownTags', request: {} });
    expect(reply).toEqual({ ok: false, reason: 'error', message: expect.stringContaining('database closed') });
  });
});

describe('fromExtensionPage', () => {
  const id = 'abcdef';
  const origin = 'chrome-extension://abcdef/';
  it('trusts the extension’s own pages, popup opened as a tab included', () => {
    expect(fromExtensionPage({ id, url: 'chrome-extension://abcdef/popup/index.html?tabId=3' }, id, origin)).toBe(true);
  });

  it('refuses content scripts, other extensions and senders without a URL', () => {
    expect(fromExtensionPage({ id, url: 'https://evil.example/' }, id, origin)).toBe(false);
    expect(fromExtensionPage({ id: 'other', url: 'chrome-extension://other/x.html' }, id, origin)).toBe(false);
    expect(fromExtensionPage({ id: 'other', url: 'chrome-extension://abcdef/x.html' }, id, origin)).toBe(false);
    expect(fromExtensionPage({ id }, id, origin)).toBe(false);
  });
});
