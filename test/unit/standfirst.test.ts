import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { recoverStandfirst } from '../../src/core/standfirst.ts';

const URL_ = 'https://verband.example/presse/aufklaerung';

const PROSE = 'Der Verband verlangt eine rasche und vollständige Aufklärung der Vorgänge und warnt zugleich vor Schnellschüssen in der Gesetzgebung, die niemandem helfen würden.';
const BODY = Array.from({ length: 5 }, (_, i) =>
  `<p>Absatz ${i + 1}: Die Mitglieder trafen sich am Abend im großen Saal, um über die Lage zu beraten, und sie sprachen lange über die Folgen für die Vereine im ganzen Land und darüber hinaus.</p>`).join('');

function page(intro: string): Document {
  const html = `<!DOCTYPE html><html lang="de"><head><title>Wir verlangen Aufklärung</title>
    <meta name="description" content="Ein ganz anderer Text, den die Seite als Beschreibung angibt und der nirgends auf ihr steht."></head>
    <body><nav><a href="/">Start</a> <a href="/presse">Presse</a></nav>
    <div class="row"><div class="intro"><h1>Wir verlangen Aufklärung</h1><div class="date">25. Januar 2022</div>${intro}</div>
    <div class="content">${BODY}</div></div>
    <footer><p>Impressum</p></footer></body></html>`;
  return new JSDOM(html, { url: URL_ }).window.document;
}

/** The text of the article (the page's `.content`, as an extraction returns it) once the rule has run. */
function recovered(intro: string): string {
  const doc = page(intro);
  const body = doc.createElement('div');
  body.append(doc.querySelector('.content')!.cloneNode(true));
  recoverStandfirst(doc, body, doc.querySelector('h1'));
  return body.textContent ?? '';
}

describe('the standfirst set apart between the headline and the article', () => {
  it('opens the body with it, once, without the date line beside it', () => {
    const text = recovered(`<div class="teaser-text"><p>${PROSE}</p></div>`);
    expect(text.startsWith(PROSE)).toBe(true);
    expect(text.split('Der Verband verlangt').length).toBe(2);
    expect(text).not.toContain('25. Januar 2022');
  });

  it('is part of the clipped article, before its first paragraph', () => {
    const doc = page(`<div class="teaser-text"><p>${PROSE}</p></div>`);
    const body = extract(doc, URL_, { now: '2026-01-01' }).body;
    expect(body.indexOf('Der Verband verlangt')).toBeGreaterThanOrEqual(0);
    expect(body.indexOf('Der Verband verlangt')).toBeLessThan(body.indexOf('Absatz 1'));
  });

  it('leaves out what only stands there: a short kicker, a call to subscribe, a box of links, a caption', () => {
    expect(recovered('<p>Leben in der Stadt!</p>')).not.toContain('Leben in der Stadt');
    expect(recovered(`<div class="newsletter"><p>${PROSE}</p></div>`)).not.toContain('Der Verband verlangt');
    expect(recovered(`<p><a href="/a">${PROSE}</a></p>`)).not.toContain('Der Verband verlangt');
    expect(recovered(`<figure><img src="/a.jpg" alt=""><figcaption>${PROSE}</figcaption></figure>`)).not.toContain('Der Verband verlangt');
    expect(recovered('<p>Abonnieren Sie jetzt unseren Newsletter, damit Sie keine Meldung des Verbandes mehr verpassen, und lesen Sie alle Beiträge im Archiv kostenlos nach.</p>'))
      .not.toContain('Newsletter');
  });

  it('looks no further than a byline away from the headline', () => {
    expect(recovered(`<div class="note">${'Ein Hinweis ohne Ende '.repeat(25)}</div><p>${PROSE}</p>`)).not.toContain('Der Verband verlangt');
  });

  it('takes nothing that stands after the article, nor without a headline', () => {
    const doc = page('');
    doc.querySelector('.row')!.append(doc.createRange().createContextualFragment(`<div><p>${PROSE}</p></div>`));
    const body = doc.createElement('div');
    body.append(doc.querySelector('.content')!.cloneNode(true));
    recoverStandfirst(doc, body, doc.querySelector('h1'));
    expect(body.textContent).not.toContain('Der Verband verlangt');
    const other = page(`<p>${PROSE}</p>`);
    const alone = other.createElement('div');
    alone.append(other.querySelector('.content')!.cloneNode(true));
    recoverStandfirst(other, alone, null);
    expect(alone.textContent).not.toContain('Der Verband verlangt');
  });
});
