import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { extract } from '../../src/core/extract.ts';
import { addSiblingSections } from '../../src/core/sibling-sections.ts';

const URL_ = 'https://gas.example/wissen/dimethylether';

const para = (topic: string, n: number): string => Array.from({ length: n }, (_, i) =>
  `<p>${topic} ${i + 1}: Dimethylether lässt sich aus vielen Rohstoffen herstellen, verbrennt sauber und wird wie Flüssiggas unter geringem Druck gelagert, was ihn für Haushalte interessant macht.</p>`).join('');

/** One article set as sections of one kind, each a container, a row and a column of text; a table between two. */
function sections(): string {
  const section = (topic: string, n: number): string =>
    `<div class="container-fluid headline-with-text"><div class="container topic"><div class="row"><div class="col-md-2"><img src="/icons/${n}.png" alt=""></div><div class="col-md-8"><h2>${topic}</h2>${para(topic, n)}</div></div></div></div>`;
  return `${section('Herkunft', 1)}<div class="container-fluid near-table"><table><tr><td>Heizwert</td><td>28,8 MJ/kg</td></tr></table></div>${section('Herstellung', 8)}${section('Aussichten', 1)}`;
}

function page(main: string): Document {
  return new JSDOM(`<!DOCTYPE html><html lang="de"><head><title>Dimethylether</title></head><body>
    <header class="site"><nav><a href="/">Start</a> <a href="/wissen">Wissen</a></nav></header>
    <div class="container-fluid headline"><h1>Dimethylether: Alternative für das Heizen</h1></div>
    ${main}
    <footer><p>Impressum · Datenschutz</p></footer></body></html>`, { url: URL_ }).window.document;
}

describe('an article set as sibling sections of one kind', () => {
  it('is clipped whole, in page order, where Readability takes one section', () => {
    const doc = page(sections());
    const alone = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
    // The premise: Readability returns the longest section only.
    expect(alone).toContain('Herstellung 8');
    expect(alone).not.toContain('Herkunft 1');
    const body = extract(doc, URL_, { now: '2026-01-01' }).body;
    const order = ['Herkunft 1', '28,8 MJ/kg', 'Herstellung 1', 'Herstellung 8', 'Aussichten 1'].map((text) => body.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).not.toContain('Impressum');
  });

  it('adds no sibling that is a box of links, nor the cards of a long listing, nor a section far apart', () => {
    const links = `<div class="box"><div class="col">${para('Herstellung', 6)}</div></div>`
      + `<div class="box"><div class="col"><p>${Array.from({ length: 8 }, (_, i) => `<a href="/a${i}">Noch ein Artikel über Gase und Energie Nummer ${i}</a>`).join(' ')}</p></div></div>`;
    const doc = page(links);
    const body = doc.createElement('div');
    body.innerHTML = para('Herstellung', 6);
    addSiblingSections(doc, body);
    expect(body.textContent).not.toContain('Noch ein Artikel');

    const cards = Array.from({ length: 14 }, (_, i) => `<div class="card"><div class="col">${para(`Karte${i}`, i === 3 ? 6 : 1)}</div></div>`).join('');
    const listing = page(cards);
    const one = listing.createElement('div');
    one.innerHTML = para('Karte3', 6);
    addSiblingSections(listing, one);
    expect(one.textContent).not.toContain('Karte2 1');
    expect(one.textContent).not.toContain('Karte4 1');

    // Two sections of one kind far apart, with other blocks between them, are not one article.
    const between = Array.from({ length: 6 }, (_, i) => `<div class="promo"><p>Anzeige ${i}</p></div>`).join('');
    const apart = page(`<div class="part"><div class="col">${para('Herstellung', 6)}</div></div>${between}<div class="part"><div class="col">${para('Fern', 2)}</div></div>`);
    const own = apart.createElement('div');
    own.innerHTML = para('Herstellung', 6);
    addSiblingSections(apart, own);
    expect(own.textContent).not.toContain('Fern 1');
  });
});

describe('sibling sections the page hides', () => {
  it('are not added: a closed tab is not part of what the reader sees', () => {
    const col = (topic: string, n: number, hidden = ''): string => `<div class="tab"${hidden}><div class="col">${Array.from({ length: n }, (_, i) =>
      `<p>${topic} ${i + 1}: Dimethylether lässt sich aus vielen Rohstoffen herstellen, verbrennt sauber und wird wie Flüssiggas gelagert.</p>`).join('')}</div></div>`;
    const doc = new JSDOM(`<!DOCTYPE html><html><body><h1>Dimethylether</h1>${col('Offen', 6)}${col('Zu', 2, ' hidden')}${col('Auch', 2)}</body></html>`).window.document;
    const body = doc.createElement('div');
    body.innerHTML = doc.querySelector('.tab .col')!.innerHTML;
    addSiblingSections(doc, body);
    expect(body.textContent).toContain('Auch 1');
    expect(body.textContent).not.toContain('Zu 1');
  });
});
