import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-04-01T12:00:00Z');

/** A post whose text runs well past the reach of the byline read under the headline. */
const LONG_TEXT = Array.from({ length: 12 }, (_, i) =>
  `<p>Absatz ${i + 1}: Der Sensor misst die Entfernung zur Wand und schaltet die Diode ab, sobald der Roboter nahe genug ist, damit er umkehrt.</p>`).join('');

function dateOf(body: string, lang = 'de'): [string | null, string] {
  const html = `<!DOCTYPE html><html lang="${lang}"><head><title>Eine virtuelle Wand</title></head><body>${body}</body></html>`;
  const doc = new JSDOM(html, { url: 'https://werkstatt.example/arduino/wand' }).window.document;
  const meta = readMetadata(doc, doc.URL, {}, NOW);
  return [meta.date, meta.dateSource];
}

describe('a post signed at its foot', () => {
  it('reads the date of a line that says the post was written or published then', () => {
    const body = `<div class="post"><h1>Eine virtuelle Wand</h1>${LONG_TEXT}
      <div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von <a href="/autor/h">Heiner</a>
      geschrieben und unter <a href="/tag/arduino">Arduino</a> abgelegt.</div></div>`;
    expect(dateOf(body)).toEqual(['2015-12-14', 'byline']);
  });

  it('reads the date of a line that opens with its author', () => {
    const body = `<div class="post"><h1>Eine virtuelle Wand</h1>${LONG_TEXT}
      <div class="asset-meta">Von Christian am 03.05.2013, 11:51 | 0 Meinungen | <a href="/energie">Energie</a></div></div>`;
    expect(dateOf(body)).toEqual(['2013-05-03', 'byline']);
  });

  it('reads an English signed line', () => {
    const body = `<div class="entry"><h1>A virtual wall</h1>${LONG_TEXT}
      <p class="meta">This entry was posted on Saturday, December 3rd, 2011 at 9:15 am and is filed under <a href="/c">Hardware</a>.</p></div>`;
    expect(dateOf(body, 'en')).toEqual(['2011-12-03', 'byline']);
  });

  it('takes no date from an unsigned line, an update line or the comments below the text', () => {
    const body = `<div class="post"><h1>Eine virtuelle Wand</h1>${LONG_TEXT}
      <p>Stand: 03.05.2013</p>
      <p class="info">Von Christian aktualisiert am 04.05.2013</p>
      <div class="comments"><p>Von Bob am 05.05.2013 geschrieben: Danke!</p></div></div>`;
    expect(dateOf(body)).toEqual([null, 'clip-date']);
  });
});
