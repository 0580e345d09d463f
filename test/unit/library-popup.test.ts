// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/storage/settings-schema.ts';
import type { SavedState } from '../../src/messages.ts';
import { mountPopup, savedDate } from '../../popup/mount-popup.ts';
import { allByRole, byRole, fakeSend, sampleArticle, settle } from './ui-helpers.ts';

async function open(saved: SavedState | null | 'no-handler') {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const fake = fakeSend({
    clip: () => ({ ok: true, article: sampleArticle(), tabUrl: sampleArticle().link }),
    knownTags: () => ({ ok: true, tags: ['library-tag'] }),
    ...(saved === 'no-handler' ? {} : { lookup: () => ({ ok: true as const, saved }) }),
    save: () => ({ ok: true, savedAt: '2026-01-05T10:00:00.000Z' }),
  });
  await mountPopup(root, { send: fake.send, tabId: 3, loadSettings: async () => ({ ...DEFAULT_SETTINGS }) });
  await settle();
  return { root, fake };
}

const chipTags = (root: HTMLElement) => allByRole(root, 'button').filter((b) => b.closest('.tag-list')).map((b) => b.getAttribute('aria-label'));

afterEach(() => document.body.replaceChildren());

describe('the popup and the library', () => {
  it('says when the link is already saved, and starts from the saved tags', async () => {
    const { root, fake } = await open({ savedAt: '2026-01-05T10:00:00.000Z', editedAt: '2026-01-05T10:00:00.000Z', exportedAt: null, tags: ['kept', 'mine'] });
    expect(fake.requests('lookup')).toEqual([{ link: sampleArticle().link }]);
    expect(byRole(root, 'note').textContent).toBe(`Already saved on ${savedDate('2026-01-05T10:00:00.000Z')}. Saving again updates it.`);
    expect(chipTags(root)).toEqual(['Remove tag kept', 'Remove tag mine']);
    // The page's own suggestions stay on offer.
    expect(byRole(root, 'button', 'Add suggested tag ambassador')).toBeTruthy();
    byRole(root, 'button', 'Save').click();
    await settle();
    expect(fake.requests('save')[0]?.article.tags).toEqual(['kept', 'mine']);
  });

  it('shows no note for a new link, and clips as before when the worker cannot look it up', async () => {
    for (const saved of [null, 'no-handler'] as const) {
      const { root } = await open(saved);
      expect(allByRole(root, 'note')).toHaveLength(0);
      expect(chipTags(root)).toEqual(['Remove tag ambassador', 'Remove tag ukraine', 'Remove tag nations']);
    }
  });

  it('writes the saved date in the reader’s locale, or as given when it is not a date', () => {
    expect(savedDate('2026-01-05T10:00:00.000Z')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date('2026-01-05T10:00:00.000Z')));
    expect(savedDate('garbage')).toBe('garbage');
  });
});
