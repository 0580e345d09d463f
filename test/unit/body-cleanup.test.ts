import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { removeFurniture } from '../../src/core/boilerplate.ts';
import { furnitureKinds } from '../../src/core/furniture-names.ts';
import { nameWords } from '../../src/core/name-words.ts';
import {
  CALL_TO_ACTION, CAPTION_LABEL, FURNITURE_LABEL, READ_ALSO, SECTION_HEADING, isAuthorLine, isDateLine, isEmbedPlaceholder,
} from '../../src/core/furniture-text.ts';
import { recoverLead } from '../../src/core/lead.ts';
import { fallbackBody } from '../../src/core/fallback-body.ts';
import { sanitizeElement } from '../../src/core/sanitize.ts';
import { toMarkdown } from '../../src/core/markdown.ts';
import { fixtureDocument } from '../helpers/fixtures.ts';
import { foldSpaces } from '../../src/core/fold.ts';

const LEDGER_URL = 'https://ledger.example/news/2026/04/sea-wall';

/** An extracted article's text as a reader sees it (the HTML body's text, whitespace folded). */
function bodyText(name: string, url: string): string {
  const article = extract(fixtureDocument(name, url), url, { now: '2026-04-05', body: 'html' });
  return foldSpaces(new JSDOM(article.body).window.document.body.textContent ?? '');
}

/** Runs the furniture rules on a fragment of article HTML and returns what is left. */
function clean(html: string, url = 'https://site.example/story'): Element {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`, { url }).window.document;
  const root = doc.getElementById('root')!;
  removeFurniture(root);
  return root;
}

const prose = (n: number): string =>
  `<p>Paragraph ${n} of the article tells its story in full sentences, long enough to be the article's own text and not a label, a link or a line of page furniture around it.</p>`;

describe('furniture around the article', () => {
  const text = bodyText('body-furniture.html', LEDGER_URL);

  it("keeps every paragraph of the article, in order, even under misleading class names", () => {
    const paragraphs = [
      'The first stones of the new sea wall were set on a grey Monday morning',
      'The wall is being rebuilt with granite from the quarry above the town',
      // inside <section class="report-section--ads">: a BEM modifier, not an ad
      'Engineers say the design learns from the storm itself.',
      // <p class="article-teaser">: a lead-like paragraph, not a teaser for another page
      'The council estimates the work will cost less than half',
      'Not everyone is convinced.',
      'Work is expected to finish before the autumn tides.',
    ];
    let from = 0;
    for (const p of paragraphs) {
      const at = text.indexOf(p, from);
      expect(at, p).toBeGreaterThanOrEqual(from);
      from = at + p.length;
    }
  });

  it('drops share bars, newsletter boxes, related lists, teasers, credits, tags, ads and author boxes', () => {
    for (const furniture of [
      'Published: 03.04.2026', 'Facebook', 'Photo: Ansel Grove', 'Read also', 'Ferry timetable',
      'Get the Ledger every morning', 'Sign up to our newsletter', 'Advertisement', 'Click here to load the content',
      'Sunny weather in the islands', 'Storms', 'covers the coast for the Ledger', 'Related articles',
      'Old quarry reopens', 'Mehr zum Thema', 'All rights reserved',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it("hands a figure's caption to its image as alternative text, without the credit", () => {
    const article = extract(fixtureDocument('body-furniture.html', LEDGER_URL), LEDGER_URL, { now: '2026-04-05' });
    expect(article.body).toContain('![Workers lower a granite block into the gap.](https://ledger.example/img/wall.jpg)');
  });
});

describe('removeFurniture rules', () => {
  it('removes a "related" heading with the links under it, but stops at the next paragraph of prose', () => {
    const root = clean(`${prose(1)}<h3>Lesen Sie auch</h3><ul><li><a href="/a">Erster Artikel über etwas</a></li><li><a href="/b">Zweiter Artikel über etwas</a></li></ul>${prose(2)}`);
    expect(foldSpaces(root.textContent ?? '')).not.toMatch(/Lesen Sie auch|Erster Artikel/);
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('removes "read also" lines in Spanish, Portuguese, Italian and French, and a bare "read" verb before a colon, but keeps prose that begins with such a word', () => {
    const teasers = [
      '<p>Lea más: <a href="/a">El congreso aprueba la reforma del agua</a></p>', '<p>VEA TAMBIÉN: <a href="/b">La escuela que no brilla</a></p>',
      '<p>MIRA: <a href="/c">Una madre va a la comisaría y termina detenida</a></p>', '<p>Lea: <a href="/d">El consejo aborda la confiscación</a></p>',
      '<p>Saiba mais: <a href="/e">O porto reabre amanhã</a></p>', '<p>Vedi anche: <a href="/f">Il porto riapre domani</a></p>',
      '<p>Voir aussi : <a href="/g">Le port rouvre demain</a></p>',
    ];
    const kept = [
      '<p>Mira Sorvino dijo que <a href="/h">la película</a> se estrenará en el puerto en otoño.</p>',
      '<p>Lea la sentencia completa en el <a href="/i">sitio del tribunal</a>, que la publicó el lunes.</p>',
    ];
    const root = clean(`${prose(1)}${teasers.join('')}${kept.join('')}${prose(2)}`);
    const text = foldSpaces(root.textContent ?? '');
    expect(text).not.toMatch(/congreso|escuela|madre|consejo|porto|Il porto|Le port/);
    expect(text).toContain('Mira Sorvino dijo');
    expect(text).toContain('Lea la sentencia completa');
  });

  it('keeps a heading that merely starts like a label when prose follows it', () => {
    const root = clean(`${prose(1)}<h2>Comments from the committee</h2>${prose(2)}${prose(3)}`);
    expect(root.querySelector('h2')?.textContent).toBe('Comments from the committee');
  });

  it('removes repeated teaser cards that lead elsewhere', () => {
    const card = (n: number) => `<div class="card"><h3><a href="/story-${n}">Another story number ${n} to read</a></h3><p>Short teaser.</p></div>`;
    const root = clean(`${prose(1)}${prose(2)}<div class="grid">${card(1)}${card(2)}${card(3)}</div>`);
    expect(root.textContent).not.toContain('Another story');
  });

  it('removes date and byline lines before the first paragraph and calls to subscribe after the last', () => {
    const root = clean(`<p>By Jane Doe</p><p>Updated: March 3, 2026 at 10:15</p>${prose(1)}${prose(2)}<p>Subscribe to our newsletter for more stories like this.</p>`);
    const text = foldSpaces(root.textContent ?? '');
    expect(text).not.toMatch(/Jane Doe|Updated|Subscribe/);
    expect(text).toContain('Paragraph 2');
  });

  it('never takes a paragraph of prose for an ad, a meta line or a teaser', () => {
    const root = clean(`<div class="meta-intro">${prose(1)}</div><p class="teaser">${'A lead in sentences. '.repeat(10)}</p>${prose(2)}<div class="ad-slot"><p>Ad</p></div>`);
    const text = foldSpaces(root.textContent ?? '');
    expect(text).toContain('Paragraph 1');
    expect(text).toContain('A lead in sentences.');
    expect(text).not.toMatch(/\bAd\b/);
  });

  it('keeps paragraphs whose shared class names furniture when that class runs through the article', () => {
    // Behind a paywall every paragraph carries `paywall`; a CMS may call every block a `cmp`.
    const body = [1, 2, 3, 4, 5].map((n) => prose(n).replace('<p>', '<p class="paywall">')).join('');
    const blocks = [6, 7, 8].map((n) => `<div class="cmp cmp-text">${prose(n)}</div>`).join('');
    const root = clean(`${prose(0)}${body}${blocks}<div class="paywall-note"><p>Subscribe to keep reading.</p></div>`);
    const text = foldSpaces(root.textContent ?? '');
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8]) expect(text).toContain(`Paragraph ${n} of`);
    expect(text).not.toContain('Subscribe to keep reading');
  });

  it('removes a "Related: <headline>" line without taking the paragraph after it', () => {
    const root = clean(`${prose(1)}<p><strong>RELATED: <a href="/other">A celebrity sells her beach house</a></strong></p><p>What is clear is that she knew how to <a href="/x">live it up</a> in the desert.</p>${prose(2)}`);
    const text = foldSpaces(root.textContent ?? '');
    expect(text).not.toContain('RELATED');
    expect(text).toContain('What is clear is that she knew how to live it up in the desert.');
  });

  it('does not cut an inline element out of a sentence', () => {
    const root = clean(`<p>The minister, <span class="tag">a former teacher</span>, spoke for an hour about the plan and its costs to the town and its schools.</p>${prose(2)}`);
    expect(root.textContent).toContain('a former teacher');
  });

  it('removes an embedded post\'s consent placeholder and a "read more" teaser to another page', () => {
    const root = clean(`${prose(1)}<p>Externer Inhalt</p><p>Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.</p><p>What else happened this week in town. <a href="/other">Read more</a></p>${prose(2)}`);
    expect(foldSpaces(root.textContent ?? '')).not.toMatch(/Externer|Videos|What else/);
  });

  it('keeps a "read more" link that continues this same page', () => {
    const root = clean(`${prose(1)}<p>The second half of the report follows below. <a href="/story#part-2">Read more</a></p>`, 'https://site.example/story');
    expect(root.textContent).toContain('The second half');
  });

  it('removes a self-declared ad with its box, a newsletter pitch, a lone toggle label and a "posted on" line', () => {
    const root = clean(`${prose(1)}<div class="box-7"><p><b>ANZEIGE – Heute schon gekocht?</b></p><p><a href="/shop">Zum Shop</a></p></div>${prose(2)}
      <p>Never miss a story: sign up for our daily newsletter.</p>${prose(3)}<p>Quellen ausblenden</p>${prose(4)}
      <p>This entry was posted on Monday, March 2nd, 2026 at 10:15 and is filed under Local, Harbour.</p>`);
    const text = foldSpaces(root.textContent ?? '');
    expect(text).not.toMatch(/ANZEIGE|Zum Shop|newsletter|Quellen|posted on/);
    expect(root.querySelectorAll('p')).toHaveLength(4);
  });

  it('turns table cells left without a table into blocks that convert', () => {
    const doc = new JSDOM('<body><div id="root"></div></body>').window.document;
    const root = doc.getElementById('root')!;
    const td = doc.createElement('td');
    td.innerHTML = `${prose(1)}${prose(2)}`;
    root.append(td);
    expect(() => toMarkdown(root as HTMLElement)).not.toThrow();
    removeFurniture(root);
    expect(root.querySelector('td')).toBeNull();
    expect(toMarkdown(root as HTMLElement)).toContain('Paragraph 2');
  });
});

describe('what names and words say', () => {
  it('splits class names at separators and camelCase', () => {
    expect(nameWords('post-author__bio')).toEqual(['post', 'author', 'bio']);
    expect(nameWords('relatedArticlesTextItem')).toEqual(['related', 'articles', 'text', 'item']);
  });

  it('reads furniture kinds from names, but not from taxonomy classes, modifiers or partial hiding', () => {
    const el = (cls: string) => new JSDOM(`<div class="${cls}"></div>`).window.document.querySelector('div')!;
    expect(furnitureKinds(el('share-bar'))).toContain('share');
    expect(furnitureKinds(el('BorlabsCookie'))).toContain('consent');
    expect(furnitureKinds(el('tag-elections category-politics'))).toEqual([]);
    expect(furnitureKinds(el('report__section--ads'))).toEqual([]);
    expect(furnitureKinds(el('hidden-xs'))).toEqual([]);
    expect(furnitureKinds(el('field--label-hidden overflow-hidden'))).toEqual([]);
    expect(furnitureKinds(el('sr-only'))).toContain('hidden');
  });

  it('knows section headings and teaser labels in several languages', () => {
    for (const heading of ['Related articles', 'Mehr zum Thema', 'Das könnte Sie auch interessieren', 'Lire aussi', 'Noticias relacionadas', 'Leggi anche', 'Czytaj także']) {
      expect(SECTION_HEADING.test(heading), heading).toBe(true);
    }
    expect(SECTION_HEADING.test('Mehrheit im Stadtrat')).toBe(false);
    expect(FURNITURE_LABEL.test('Kommentare')).toBe(true);
    expect(FURNITURE_LABEL.test('Kommentare aus dem Ausschuss')).toBe(false);
    expect(READ_ALSO.test('LE PUEDE INTERESAR: La ficha')).toBe(true);
  });

  it('knows the German "most read / most discussed" headings in their spellings, and takes the box under one', () => {
    for (const heading of ['Meistgelesen', 'meist-diskutiert', 'Meistdiskutierte Artikel', 'Meistkommentierte Beiträge']) {
      expect(FURNITURE_LABEL.test(heading), heading).toBe(true);
    }
    expect(SECTION_HEADING.test('Meisterschaft im Eisstockschießen')).toBe(false);
    const root = clean(`${prose(1)}${prose(2)}<h3>Meistdiskutiert</h3><ul><li><a href="/a">Neuer Radweg spaltet die Stadt</a></li><li><a href="/b">Schulbau wird teurer</a></li></ul>`);
    expect(root.textContent).not.toMatch(/Meistdiskutiert|Radweg|Schulbau/);
    expect(root.textContent).toContain('Paragraph 2');
  });

  it('takes a credit or source line that stands on its own, and keeps a list of references', () => {
    const root = clean(`${prose(1)}<p>Quelle: Nachrichtenagentur</p>${prose(2)}<p>Bild: Jane Roe/Harbour Press</p><ul><li>Source: Harbour Authority annual report</li></ul>`);
    expect(root.textContent).not.toMatch(/Nachrichtenagentur|Jane Roe/);
    expect(root.textContent).toContain('Source: Harbour Authority annual report');
    expect(root.textContent).toContain('Paragraph 2');
  });

  it('tells date and byline lines from sentences and phone numbers', () => {
    expect(isDateLine('Publiziert: 03.04.2020, 12:35')).toBe(true);
    expect(isDateLine('24. März 2004, 19:49 | Genesis')).toBe(true);
    expect(isDateLine('Feb 6, 2014 at 20:37')).toBe(true);
    expect(isDateLine('+81 158-23-2012')).toBe(false);
    expect(isDateLine('Einsendeschluss: 03.11.2019 (Poststempel)')).toBe(false);
    expect(isAuthorLine('Von Tim Ehlers')).toBe(true);
    expect(isAuthorLine('by the end of the week the river had risen again')).toBe(false);
    expect(isAuthorLine('Von Berlin aus fährt der Zug nach Hamburg')).toBe(false);
  });

  it('recognises caption labels and consent placeholders, not privacy prose', () => {
    expect(CAPTION_LABEL.test('Photograph by Ansel Grove')).toBe(true);
    expect(CAPTION_LABEL.test('Photographers met in the square')).toBe(false);
    expect(isEmbedPlaceholder('Klicken Sie auf den Button, um den Inhalt von Komoot zu laden. Dabei gelten dessen Datenschutzbestimmungen.')).toBe(true);
    expect(CALL_TO_ACTION.test('Subscribe now to our weekly edition for the full story.')).toBe(true);
    expect(CALL_TO_ACTION.test('The service now has 5 million subscribers and users can log in with a passkey.')).toBe(false);
    expect(isEmbedPlaceholder('Google, as a third-party vendor, uses cookies to serve ads on our site and enables it to serve content.')).toBe(false);
  });
});

describe('the standfirst next to the headline', () => {
  const URL = 'https://tageblatt.example/lokales/bibliothek.html';

  it('is put back at the top when Readability left it out', () => {
    const text = bodyText('body-lead.html', URL);
    expect(text.startsWith('Ab Mai öffnet die Stadtbibliothek auch am Sonntag.')).toBe(true);
    expect(text.match(/Ab Mai öffnet/g)).toHaveLength(1);
    expect(text).not.toContain('Umfrage');
  });

  it('is not added when the description only stands after the article, nor twice', () => {
    const page = (lead: string, after: string) => new JSDOM(`<head><meta name="description" content="A lead sentence of the story that repeats what the description says, word for word."></head>
      <body>${lead}<div><p>The article's first paragraph, which is long enough to be found on the page by its own words.</p></div>${after}</body>`, { url: URL }).window.document;
    const body = (doc: Document) => {
      const holder = doc.createElement('div');
      holder.innerHTML = "<p>The article's first paragraph, which is long enough to be found on the page by its own words.</p>";
      recoverLead(doc, holder);
      return foldSpaces(holder.textContent ?? '');
    };
    const lead = '<p>A lead sentence of the story that repeats what the description says, word for word.</p>';
    expect(body(page('', lead))).not.toContain('A lead sentence');
    expect(body(page(lead, ''))).toMatch(/^A lead sentence/);
  });

  describe('found by its own words, whatever stands around it', () => {
    const first = "The council met on Monday evening and agreed to open the library on Sundays from May on.";
    const recovered = (description: string, leadHtml: string, extra = '', holderHtml = `<p>${first}</p>`) => {
      const doc = new JSDOM(`<head><meta name="description" content="${description}"></head>
        <body>${extra}<header><h1>Library opens on Sundays</h1>${leadHtml}</header><div>${holderHtml}<p>More of the story.</p></div></body>`, { url: URL }).window.document;
      const holder = doc.createElement('div');
      holder.innerHTML = holderHtml;
      recoverLead(doc, holder);
      return foldSpaces(holder.textContent ?? '');
    };
    const description = 'From May on the town library opens on Sundays too, the council decided after a long debate.';

    it('when the page repeats the article in a script before the lead', () => {
      const script = `<script type="application/ld+json">{"articleBody": "${first}"}</script>`;
      expect(recovered(description, `<p>${description}</p>`, script)).toMatch(/^From May on the town library/);
    });

    it('when the article opens with the same words as the lead and goes on otherwise', () => {
      const opening = 'From May on the town library opens on Sundays too, and the staff will take turns.';
      const text = recovered(description, `<p>${description}</p>`, '', `<p>${opening}</p>`);
      expect(text.startsWith(description)).toBe(true);
      // ... and not when the article's paragraph is the lead itself.
      expect(recovered(description, `<p>${description}</p>`, '', `<p>${description} More words.</p>`).match(/From May on/g)).toHaveLength(1);
    });

    it('when the lead opens with a phrase the description leaves out', () => {
      expect(recovered(description, `<p>Good news for readers: ${description}</p>`)).toMatch(/^Good news for readers: From May on/);
    });
  });
});

describe('a second opinion when Readability finds too little', () => {
  const URL = 'https://courier.example/rail/night-trains';

  it('finds an article shipped in the noscript copy of a script-built page', () => {
    const text = bodyText('body-noscript.html', URL);
    expect(text).toContain('After eleven years without a sleeper service');
    expect(text).toContain('bicycles in summer');
    expect(text).not.toMatch(/Valley Courier|April/);
  });

  it('reads a noscript copy kept as text, as a browser that runs scripts keeps it', () => {
    const doc = fixtureDocument('body-noscript.html', URL);
    // What a browser's parser leaves in a noscript: one text node holding the markup.
    for (const ns of Array.from(doc.querySelectorAll('noscript'))) ns.textContent = ns.innerHTML;
    expect(doc.querySelector('noscript')?.firstElementChild).toBeNull();
    const found = fallbackBody(doc, 500);
    expect(found?.querySelectorAll('p')).toHaveLength(4);
    expect(foldSpaces(found?.textContent ?? '')).not.toContain('<p>');
  });

  it('returns nothing better than the threshold on a page without text', () => {
    const doc = new JSDOM('<body><nav><a href="/">Home</a></nav><p>Short.</p></body>').window.document;
    expect(fallbackBody(doc, 500)).toBeNull();
  });
});

describe('forms around article text', () => {
  it('keep their text and lose their controls, even when a control shadows a form property', () => {
    const doc = new JSDOM('', { url: 'https://shop.example/p/1' }).window.document;
    const root = doc.createElement('div');
    root.innerHTML = '<form><input name="id" value="7"><input name="attributes"><p>A warm blanket in two layers, embroidered with a name.</p><button>Buy</button></form>';
    const out = sanitizeElement(root, 'https://shop.example/p/1', doc);
    expect(out.textContent).toContain('A warm blanket in two layers');
    expect(out.innerHTML).not.toMatch(/<(form|input|button)\b|Buy/);
  });
});

describe('tables an extractor leaves in odd shapes', () => {
  it('converts a row that was left with a stray text node between its cells', () => {
    const doc = new JSDOM('<body><div id="root"><table><tbody><tr><td>1.</td><td>Anna Berg</td></tr><tr><td>2.</td><td>Lea Ott</td></tr></tbody></table></div></body>').window.document;
    const row = doc.querySelector('tr')!;
    row.insertBefore(doc.createTextNode('\u00a0'), row.children[1]!);
    const root = doc.getElementById('root')!;
    removeFurniture(root);
    const markdown = toMarkdown(root as HTMLElement);
    expect(markdown).toMatch(/^\| 1\. +\| Anna Berg \|$/m);
    expect(markdown).toMatch(/^\| 2\. +\| Lea Ott \|$/m);
  });
});
