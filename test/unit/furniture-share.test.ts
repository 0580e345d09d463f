import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { removeFurniture } from '../../src/core/boilerplate.ts';
import { foldSpaces } from '../../src/core/fold.ts';

const prose = (n: number): string =>
  `<p>Paragraph ${n} of the article tells its story in full sentences, long enough to be the article's own text and not a label or a line of page furniture around it.</p>`;

function cleaned(html: string): string {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`, { url: 'https://site.example/story' }).window.document;
  const root = doc.getElementById('root')!;
  removeFurniture(root);
  return foldSpaces(root.textContent ?? '');
}

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
