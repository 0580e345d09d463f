import { describe, expect, it } from 'vitest';
import { dateOfPage } from '../helpers/page-date.ts';

const dateOf = (body: string, lang = 'de') => dateOfPage(body, { title: 'Fremde Pläne', url: 'https://planbuero.example/fremde-plaene', lang });

const TEXT = '<p>Wer fremde Pläne übernimmt, sollte zuerst die Layer und Maßstäbe prüfen.</p>';

describe('a date under a label of its own', () => {
  it('reads a fact sheet beside the article, even in an aside', () => {
    const body = `<article><header><h1>Fremde Pläne</h1></header>
      <aside class="facts"><dl><dt>Datum</dt><dd>12.01.2017</dd><dt>Kategorie</dt><dd><a href="/cad">CAD</a></dd></dl></aside>${TEXT}</article>`;
    expect(dateOf(body)).toEqual(['2017-01-12', 'byline']);
    const credits = `<main><h1>La voix des nuls</h1><p>Un documentaire.</p></main><div class="sidebar"><ul>
      <li><p class="title">Réalisation</p><p class="content">Kristen</p></li>
      <li><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p></li></ul></div>`;
    expect(dateOf(credits, 'fr')).toEqual(['2019-05-23', 'byline']);
  });

  it('reads the text right after a label element, as an author box writes it', () => {
    // Below a long article, past where a byline is looked for.
    const box = `<article><h1>Fremde Pläne</h1>${TEXT.repeat(30)}<div class="author-box"><span class="label">Datum:</span> 19.11.2021 <br>
      <span class="label">Autor:</span> Fritz Imhof<br></div></article>`;
    expect(dateOf(box)).toEqual(['2021-11-19', 'byline']);
  });

  it('reads a label and its value on one line, a colon between them, but not a sentence that starts with the word', () => {
    const line = `<article><h1>Fremde Pläne</h1>${TEXT.repeat(30)}<p class="info">Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: 01.11.2023<br>Lesungen: 61</p></article>`;
    expect(dateOf(line)).toEqual(['2023-11-01', 'byline']);
    const prose = `<article><h1>Fremde Pläne</h1>${TEXT.repeat(30)}<p>Datum der Abgabe ist der 01.11.2023, sagt das Amt.</p></article>`;
    expect(dateOf(prose)).toEqual([null, 'clip-date']);
  });

  it('takes no day from labels that give several days, from comments, or from a label inside a sentence', () => {
    const list = `<article><h1>Fremde Pläne</h1>${TEXT}</article><div class="sidebar">
      <dl><dt>Datum</dt><dd>12.01.2017</dd></dl><dl><dt>Datum</dt><dd>03.02.2017</dd></dl></div>`;
    expect(dateOf(list)).toEqual([null, 'clip-date']);
    const comment = `<article><h1>Fremde Pläne</h1>${TEXT}</article><div class="comments"><dl><dt>Datum</dt><dd>12.01.2017</dd></dl></div>`;
    expect(dateOf(comment)).toEqual([null, 'clip-date']);
    const sentence = `<article><h1>Fremde Pläne</h1>${TEXT}<p>Das <b>Datum</b> der Abgabe steht noch nicht fest.</p></article>`;
    expect(dateOf(sentence)).toEqual([null, 'clip-date']);
  });
});
