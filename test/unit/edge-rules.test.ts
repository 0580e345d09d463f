import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeEdgeRules } from '../../src/core/furniture-edges.ts';
import { extract } from '../../src/core/extract.ts';

const root = (html: string): Element => {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`).window.document;
  return doc.getElementById('root')!;
};

describe('removeEdgeRules', () => {
  it('removes rules and line breaks before and after everything, through wrappers, and keeps those between', () => {
    const el = root(`<hr> <div><br><p>First.</p><hr><p>Second.</p></div>
      <div><hr>
        <br>  </div>`);
    removeEdgeRules(el);
    expect(el.innerHTML.replace(/\s+/g, '')).toBe('<div><p>First.</p><hr><p>Second.</p></div>');
  });

  it('leaves an article that ends with text or a picture as it is', () => {
    const html = '<p>First.</p><hr><figure><img src="/a.jpg"></figure>';
    const el = root(html);
    removeEdgeRules(el);
    expect(el.innerHTML).toBe(html);
  });
});

describe('extract ends the Markdown with the article, not with a rule', () => {
  it('once the pitch after the rule is gone', () => {
    const url = 'https://kurier.example/artikel/1234-filiale';
    const html = `<!doctype html><html><head><title>Filiale schließt</title></head><body><article>
      <h1>Die Filiale schließt</h1>
      <p>${'Nach sechs Jahrzehnten schließt die Bank ihre Filiale in der Hauptstraße. '.repeat(5)}</p>
      <p>${'Kunden können ihre Bankgeschäfte künftig in der Nachbarstadt erledigen. '.repeat(5)}</p>
      <hr><br>
      <div><p>Mit unserem kostenlosen Newsletter erhalten Sie täglich die Nachrichten aus dem Kreis.</p></div>
    </article></body></html>`;
    const article = extract(new JSDOM(html, { url }).window.document, url, { now: '2026-05-01' });
    expect(article.body).not.toContain('Newsletter');
    expect(article.body.trimEnd().endsWith('Nachbarstadt erledigen.')).toBe(true);
  });
});
