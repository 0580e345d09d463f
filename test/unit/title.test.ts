import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { dropRepeatedHeadline } from '../../src/core/repeated-headline.ts';
import { readMetadata } from '../../src/core/metadata.ts';
import { dropSiteName } from '../../src/core/site-title.ts';

const NOW = new Date('2026-04-01T12:00:00Z');
const URL_ = 'https://coastline.example/2019/storm-road';

function page(head: string, body: string): Document {
  return new JSDOM(`<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`, { url: URL_ }).window.document;
}

const titleOf = (doc: Document): string => readMetadata(doc, URL_, {}, NOW).title;

describe('the title is what the reader sees', () => {
  it('is the visible headline over a social-media title written differently', () => {
    const doc = page('<meta property="og:title" content="Coast road shut again as storm lingers"><title>Storm closes the coast road | Coastline Wire</title>',
      '<header><a href="/">Coastline Wire</a></header><main><article><h1>Storm closes the coast road for a second day</h1><p>Text.</p></article></main>');
    expect(titleOf(doc)).toBe('Storm closes the coast road for a second day');
  });

  it('keeps the declared title when the page shows no headline, or several', () => {
    const declared = '<meta property="og:title" content="Coast road shut again as storm lingers">';
    expect(titleOf(page(declared, '<main><p>Text.</p></main>'))).toBe('Coast road shut again as storm lingers');
    expect(titleOf(page(declared, '<main><h1>Weather</h1><p>Text.</p><h1>Traffic</h1><p>Text.</p></main>'))).toBe('Coast road shut again as storm lingers');
  });

  it('never takes the site\'s banner heading, nor one that is a piece of the declared title', () => {
    const declared = '<meta property="og:title" content="Ergo shorts in cotton for cyclists"><meta property="og:site_name" content="Belvedo">';
    expect(titleOf(page(declared, '<header><h1>Belvedo outfitters</h1></header><main><p>Text.</p></main>'))).toBe('Ergo shorts in cotton for cyclists');
    expect(titleOf(page(declared, '<main><h1>Ergo shorts</h1><p>Text.</p></main>'))).toBe('Ergo shorts in cotton for cyclists');
    // Set off by a separator, the same words are the headline and the rest a site or section name.
    const suffixed = '<meta property="og:title" content="Ergo shorts – Belvedo outfitters">';
    expect(titleOf(page(suffixed, '<main><h1>Ergo shorts</h1><p>Text.</p></main>'))).toBe('Ergo shorts');
  });

  it('leaves the kicker over the headline out, as the declared "Kicker: Headline" does', () => {
    const doc = page('<meta property="og:title" content="Climate: Drilling until it gets hot">',
      '<article><h1><span class="kicker">Climate</span><span class="visually-hidden">: </span><span class="title">Drilling until it gets hot</span></h1><p>Text.</p></article>');
    expect(titleOf(doc)).toBe('Drilling until it gets hot');
  });

  it('takes the piece of the heading the page declares, without the subtitle or date line beside it', () => {
    const declared = '<meta property="og:title" content="Night ferry returns to the island">';
    const subtitle = page(declared, '<article><h1><span>Night ferry returns to the island</span> <small>Back after two winters</small></h1><p>Text.</p></article>');
    expect(titleOf(subtitle)).toBe('Night ferry returns to the island');
    const dateLine = page(declared, '<article><h1>Night ferry returns to the island<br><small>02.02.2022 • Harbour, Travel</small></h1><p>Text.</p></article>');
    expect(titleOf(dateLine)).toBe('Night ferry returns to the island');
    // A label inside the heading's link: the declared title is the longest piece.
    const labelled = page('<script type="application/ld+json">{"@type":"Article","headline":"Ferry timetable 4.2 - winter update"}</script><meta property="og:title" content="Notices - Ferry timetable 4.2 - winter update">',
      '<main><h1><a href="/t/42"><span class="label">Notices</span><span>&nbsp;</span>Ferry timetable 4.2 - winter update</a></h1><p>Text.</p></main>');
    expect(titleOf(labelled)).toBe('Ferry timetable 4.2 - winter update');
  });

  it('keeps a heading whole when the page declares it whole, though a shorter title names a piece of it', () => {
    const doc = page('<title>Night ferry returns: back at last - Coastline Wire</title>',
      '<article><h1><span>Night ferry returns</span><i>: </i><i>back at last</i></h1><p>Text.</p></article>');
    expect(readMetadata(doc, URL_, { title: 'Night ferry returns' }, NOW).title).toBe('Night ferry returns: back at last');
  });

  it('finds a heading that shows the declared title only past its kicker', () => {
    const doc = page('<meta property="og:title" content="Timetables: Why the night ferry came back"><meta name="twitter:title" content="Why the night ferry came back">',
      '<h1>Harbour report from the coast</h1><main><h2><span>Timetables</span> <span>Why the night ferry came back</span></h2><p>Text.</p></main>');
    expect(titleOf(doc)).toBe('Why the night ferry came back');
  });

  it('knows the headline by any of the titles the page declares, a second og:title too', () => {
    const doc = page('<meta property="og:title" content="Harbour closes for repairs » ☆ Coastline Wire – News, weather and sport from the coast"><meta property="og:title" content="Harbour closes for repairs">',
      '<article><h1>Harbour closes for repairs</h1><p>Text.</p><h1>More from the coast</h1><p>Text.</p></article>');
    expect(titleOf(doc)).toBe('Harbour closes for repairs');
  });

  it('finds the headline in an <h2> or <h3> that shows the declared title', () => {
    const doc = page('<title>Harbour Notes: Winter timetable for the island ferry</title>',
      '<h1>Harbour Notes</h1><div class="post"><h3>Winter timetable for the island ferry</h3><p>Text.</p></div>');
    expect(titleOf(doc)).toBe('Winter timetable for the island ferry');
  });

  it('knows a headline set off by » in the declared title, before or after it', () => {
    // Readability cuts such a title at its last » and leaves the site and section names.
    const before = page('<meta property="og:site_name" content="Harbour Notes"><title>Harbour Notes » Archive » Winter timetable for the island ferry</title>',
      '<h1>Harbour Notes</h1><div class="post"><h2>Winter timetable for the island ferry</h2><p>Text.</p></div>');
    expect(readMetadata(before, URL_, { title: 'Harbour Notes » Archive' }, NOW).title).toBe('Winter timetable for the island ferry');
    const after = page('<title>Winter timetable for the island ferry » Timetables online</title>',
      '<h1>Harbour Notes</h1><div class="post"><h2>Winter timetable for the island ferry</h2><p>Text.</p></div>');
    expect(titleOf(after)).toBe('Winter timetable for the island ferry');
    // A quotation that opens the rest of a title is no separator.
    const quoted = page('<title>Winter timetable for the ferry «Island Star»</title>',
      '<main><h1>Winter timetable for the ferry</h1><p>Text.</p></main>');
    expect(titleOf(quoted)).toBe('Winter timetable for the ferry «Island Star»');
  });

  it.each(['\u203a', '\u2502'])('knows the headline a declared title joins to a blog name by %s', (mark) => {
    // No site name is declared: the headline is known by the page's <h1> alone.
    const doc = page(`<meta property="og:title" content="Running through the winter ${mark} Notes from the North"><title>x</title>`,
      '<article><h1>Running through the winter</h1><p>Text of the post, long enough to read.</p></article>');
    expect(titleOf(doc)).toBe('Running through the winter');
  });
});

describe('site names around a declared title', () => {
  it.each([
    ['Storm closes the coast road | Coastline Wire', 'Storm closes the coast road'],
    ['Coastline Wire: Storm closes the coast road', 'Storm closes the coast road'],
    ['Coastline Wire - Storm closes the coast road | Coastline Wire', 'Storm closes the coast road'],
    ['Climate: Drilling until it gets hot', 'Climate: Drilling until it gets hot'],
    // Typographic separators: a single guillemet, a bullet, a box-drawing bar.
    ['Storm closes the coast road \u203a Coastline Wire', 'Storm closes the coast road'],
    ['Storm closes the coast road \u2022 Coastline Wire', 'Storm closes the coast road'],
    ['Storm closes the coast road \u2502 Coastline Wire', 'Storm closes the coast road'],
    ['Storm closes the coast road \u203a', 'Storm closes the coast road'],
    // Such a mark inside the headline, before words that are not the site's, stays.
    ['Coast road \u2022 a storm and its cost', 'Coast road \u2022 a storm and its cost'],
  ])('%s', (title, want) => {
    expect(dropSiteName(title, ['Coastline Wire', 'coastline.example', 'coastline'])).toBe(want);
  });

  it('knows the site by a name written with accents its host leaves out', () => {
    expect(dropSiteName('Become a product tester \u2502 Nestl\u00e9 Marktplatz', ['nestle-marktplatz.de', 'nestle-marktplatz'])).toBe('Become a product tester');
    expect(dropSiteName('Cr\u00e8me br\u00fbl\u00e9e at home - Caf\u00e9 Z\u00fcrich', ['cafe-zurich.example', 'cafe-zurich'])).toBe('Cr\u00e8me br\u00fbl\u00e9e at home');
  });
});

describe('the headline is not repeated at the top of the body', () => {
  it('drops a heading that opens the body with the title, and keeps later ones', () => {
    const doc = page('<meta property="og:title" content="Storm closes the coast road">',
      `<article><h1>Storm closes the coast road</h1><div class="story"><h2>Storm closes the coast road</h2>
      <p>${'The coast road stayed closed on Wednesday as the storm showed no sign of moving out to sea. '.repeat(3)}</p>
      <h2>Storm closes the coast road</h2><p>${'Crews cleared fallen trees from the southern half overnight and will go on today. '.repeat(3)}</p></div></article>`);
    const body = extract(doc, URL_, { now: '2026-04-01' }).body;
    expect(body.startsWith('The coast road stayed closed')).toBe(true);
    expect(body).toContain('## Storm closes the coast road');
  });

  it("drops it under the story's picture too, and keeps the picture", () => {
    const doc = page('<meta property="og:title" content="Storm closes the coast road">',
      `<article><div class="story"><p><img src="/media/storm.jpg" alt="Waves over the sea wall"></p><h3>Storm closes the coast road</h3>
      <p>${'The coast road stayed closed on Wednesday as the storm showed no sign of moving out to sea. '.repeat(3)}</p></div></article>`);
    const body = extract(doc, URL_, { now: '2026-04-01' }).body;
    expect(body).toContain('![Waves over the sea wall](');
    expect(body).not.toContain('Storm closes the coast road');
    expect(body).toContain('The coast road stayed closed');
  });

  it('leaves the picture and the line after it on lines of their own', () => {
    const root = new JSDOM(`<div id="root"><div><a href="/media/storm.jpg"><img src="/media/storm.jpg" alt="Waves"></a>
      <h1>Storm closes the coast road</h1><a href="/authors/ana">Ana Ruiz</a></div><p>The coast road stayed closed.</p></div>`).window.document.getElementById('root')!;
    dropRepeatedHeadline(root, 'Storm closes the coast road');
    expect(root.querySelector('h1')).toBeNull();
    expect(root.querySelector('a + br + a, a + br')).not.toBeNull();
  });

  it('keeps an opening heading that says something else', () => {
    const doc = page('<meta property="og:title" content="Storm closes the coast road">',
      `<article><h1>Storm closes the coast road</h1><div class="story"><h2>What the highways office says</h2>
      <p>${'The coast road stayed closed on Wednesday as the storm showed no sign of moving out to sea. '.repeat(3)}</p></div></article>`);
    expect(extract(doc, URL_, { now: '2026-04-01' }).body.startsWith('## What the highways office says')).toBe(true);
  });
});

describe('a wire story as a new reader clips it', () => {
  it('has the visible headline, and a body without the date line, the image credit label and the call to follow', () => {
    const html = readFileSync(new URL('../fixtures/body-wire.html', import.meta.url), 'utf8');
    const article = extract(new JSDOM(html, { url: URL_ }).window.document, URL_, { now: '2026-04-01' });
    expect(article.title).toBe('Storm closes the coast road for a second day');
    expect(article.date).toBe('2019-11-20');
    expect(article.body.startsWith('![')).toBe(true);
    expect(article.body).toContain('The coast road between the two villages stayed closed');
    for (const furniture of ['Storm closes the coast road for a second day', 'Nov. 20, 2019', 'Image copyright', 'Follow Coastline Wire']) {
      expect(article.body).not.toContain(furniture);
    }
  });
});
