import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { dropSoftHyphens, withoutSoftHyphens } from '../../src/core/soft-hyphens.ts';

const URL = 'https://wein.example/st-magdalener';
const sentence = (n: number): string =>
  `Schon im Mit&shy;tel&shy;al&shy;ter war der Wein das Aus&shy;hän&shy;ge&shy;schild der Re&shy;gi&shy;on, Satz ${n}, mit genug Worten für einen Absatz.`;
const page = `<html lang="de"><head><title>Rot&shy;weine mit Ele&shy;ganz</title>
  <meta name="description" content="Wei&shy;ne, die mit Fi&shy;nesse über&shy;zeugen."></head>
  <body><article><h1>Rot&shy;weine mit Ele&shy;ganz</h1>
  ${[1, 2, 3, 4, 5, 6].map((n) => `<p>${sentence(n)} ${sentence(n + 10)}</p>`).join('')}
  </article></body></html>`;

const clip = (body: 'markdown' | 'html') =>
  extract(new JSDOM(page, { url: URL }).window.document, URL, { now: '2026-01-01', body });

describe('soft hyphens', () => {
  it('are dropped from the body in both formats, so the words read and search whole', () => {
    for (const format of ['markdown', 'html'] as const) {
      const article = clip(format);
      expect(article.body, format).toContain('Schon im Mittelalter war der Wein das Aushängeschild der Region');
      expect(article.body, format).not.toContain('\u00ad');
      expect(article.body, format).not.toContain('&shy;');
    }
  });

  it('are dropped from the title, the description and what is made from them', () => {
    const article = clip('markdown');
    expect(article.title).toBe('Rotweine mit Eleganz');
    expect(article.description).toBe('Weine, die mit Finesse überzeugen.');
    expect(article.summary).toBe(article.description);
    expect(article.slug).toBe('rotweine-mit-eleganz');
  });

  it('go from every text node, and nothing else changes', () => {
    const doc = new JSDOM('<div><p>Ab\u00adsatz <b>fett\u00adgedruckt</b></p><pre>co\u00adde</pre></div>').window.document;
    const root = doc.querySelector('div')!;
    dropSoftHyphens(root);
    expect(root.innerHTML).toBe('<p>Absatz <b>fettgedruckt</b></p><pre>code</pre>');
    expect(withoutSoftHyphens('a\u00adb-c')).toBe('ab-c');
  });
});
