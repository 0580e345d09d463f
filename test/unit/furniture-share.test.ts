import { describe, expect, it } from 'vitest';
import { cleanedText as cleaned, prose } from '../helpers/furniture.ts';

describe('a line asking the reader to share the article', () => {
  it('goes, in its many wordings and languages', () => {
    const prompts = ['Möchten Sie den Artikel teilen?', 'Artikel gefallen? Vergiss nicht zu teilen!', 'Den Artikel mit anderen teilen/diskutieren:',
      'Liked this post? Share it with a friend!', '¿Te gustó? Comparte esta nota', 'Udostępnij artykuł znajomym'];
    const text = cleaned([prose(1), ...prompts.map((p) => `<p>${p}</p>`), prose(2)].join(''));
    for (const p of prompts) expect(text).not.toContain(p);
    expect(text).toContain('Paragraph 1 of the article');
    expect(text).toContain('Paragraph 2 of the article');
  });

  it('stays when it speaks of sharing without naming the article, or is a paragraph of its own', () => {
    const kept = ['The council will share an update on services next week.',
      'Readers could share the article on a noticeboard in the town hall, which drew more visitors than the online edition ever did.'];
    const text = cleaned([prose(1), ...kept.map((p) => `<p>${p}</p>`), prose(2)].join(''));
    for (const p of kept) expect(text).toContain(p);
  });
});
