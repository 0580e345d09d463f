import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { extract } from '../../src/core/extract.ts';
import { restoreLostHeadings } from '../../src/core/lost-headings.ts';

const URL_ = 'https://garten.example/huehner/eier';
const para = (n: number): string => `<p>Absatz ${n}: Hühner beginnen je nach Rasse, Futter und Jahreszeit zu legen, manche schon im Frühjahr, andere erst im Herbst, und sie legen nicht jeden Tag.</p>`;

function page(): Document {
  return new JSDOM(`<!DOCTYPE html><html lang="de"><head><title>Ab wann und wie lange legen Hühner Eier?</title></head><body>
    <article><div class="entry-header"><h1>Ab wann und wie lange legen Hühner Eier?</h1></div>
    <div class="entry-content">${para(1)}${para(2)}<h2>Ab wann legen Hühner Eier?</h2>${para(3)}${para(4)}<h2>Bis wann legen Hühner Eier?</h2>${para(5)}${para(6)}</div></article>
    </body></html>`, { url: URL_ }).window.document;
}

describe('section headings Readability drops from inside the article', () => {
  it('puts back the one Readability took for the title, in its place', () => {
    const doc = page();
    // The premise: the headline's wrapper is deleted as chrome, so Readability deletes the first
    // section heading that resembles the title instead.
    const alone = new Readability(doc.cloneNode(true) as Document).parse()?.content ?? '';
    expect(alone).not.toContain('Ab wann legen Hühner Eier?');
    const body = extract(doc, URL_, { now: '2026-01-01' }).body;
    expect(body).toContain('## Ab wann legen Hühner Eier?');
    const at = ['Absatz 2', '## Ab wann legen', 'Absatz 3', '## Bis wann legen', 'Absatz 5'].map((text) => body.indexOf(text));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(body).not.toContain('# Ab wann und wie lange');
  });

  it('leaves out furniture labels and headings that do not stand between kept paragraphs', () => {
    const doc = new JSDOM(`<!DOCTYPE html><html><body><h1>Title</h1><div>${para(1)}<h2>Advertisement</h2>${para(2)}</div>
      <aside><h2>More from the garden</h2><ul><li>One</li></ul></aside></body></html>`, { url: URL_ }).window.document;
    const body = doc.createElement('div');
    body.innerHTML = `${para(1)}${para(2)}`;
    restoreLostHeadings(doc, body, doc.querySelector('h1'));
    expect(body.querySelectorAll('h2').length).toBe(0);
  });
});
