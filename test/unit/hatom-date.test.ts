import { describe, expect, it } from 'vitest';
import { dateOfPage } from '../helpers/page-date.ts';

const dateOf = (body: string, lang = 'de') => dateOfPage(body, { title: 'Der neue Hafenkran', url: 'https://hafenblog.example/der-neue-hafenkran', lang });

const TEXT = '<p>Seit Montag hebt der neue Kran die Container am Südkai, doppelt so schnell wie der alte.</p>';

describe('a post whose only date carries the hAtom class "updated"', () => {
  it('reads a <time class="updated"> in the post as its day', () => {
    const body = `<article class="post hentry"><h1 class="entry-title">Der neue Hafenkran</h1>
      <div class="meta"><span class="author vcard">Von Nina</span> <time class="entry-date updated" datetime="2020-02-22">22. Februar 2020</time></div>
      ${TEXT}</article>`;
    expect(dateOf(body)).toEqual(['2020-02-22', 'time-element']);
  });

  it('reads a link or abbr marked "updated" by its text or title', () => {
    const link = `<article class="post"><h1>Der neue Hafenkran</h1>
      <div class="post-meta"><a class="post-date updated" href="/2022/02/">2. Februar 2022</a></div>${TEXT}</article>`;
    expect(dateOf(link)).toEqual(['2022-02-02', 'byline']);
    const abbr = `<article class="post"><h1>Der neue Hafenkran</h1>
      <p class="meta">Geschrieben von Nina um <abbr class="updated" title="2013-04-04T10:02:00+02:00">10:02</abbr></p>${TEXT}</article>`;
    expect(dateOf(abbr)).toEqual(['2013-04-04', 'byline']);
  });

  it('takes no day that a label or the text calls an update, nor one that a marked publication day contradicts', () => {
    const labelled = `<article><h1>Der neue Hafenkran</h1>
      <p><span>Updated:</span> <time class="updated" datetime="2020-02-22">22.02.2020</time></p>${TEXT}</article>`;
    expect(dateOf(labelled, 'en')).toEqual([null, 'clip-date']);
    // The publication day sits where no other reader looks (a long aside), yet it says "updated" is an update.
    const aside = `<aside><time class="published">01.06.2019</time><p>${'Mehr aus dem Hafen und der Stadt, jeden Tag neu. '.repeat(12)}</p></aside>`;
    const published = `<article><h1>Der neue Hafenkran</h1>${aside}
      <p><time class="updated" datetime="2020-02-22">22.02.2020</time></p>${TEXT}</article>`;
    expect(dateOf(published)).toEqual([null, 'clip-date']);
    // A short column after the headline with that one day is the post's byline: its day is the publication's.
    const column = `<article><h1>Der neue Hafenkran</h1><aside><time class="published">01.06.2019</time></aside>
      <p><time class="updated" datetime="2020-02-22">22.02.2020</time></p>${TEXT}</article>`;
    expect(dateOf(column)).toEqual(['2019-06-01', 'byline']);
  });

  it('takes no day from several "updated" dates (a list of posts) or from outside the post', () => {
    const list = `<article><h1>Der neue Hafenkran</h1>${TEXT}
      <ul><li><time class="updated">03.01.2020</time></li><li><time class="updated">05.01.2020</time></li></ul></article>`;
    expect(dateOf(list)).toEqual([null, 'clip-date']);
    const sidebar = `<article><h1>Der neue Hafenkran</h1>${TEXT}</article>
      <div class="sidebar"><time class="updated">03.01.2020</time></div>`;
    expect(dateOf(sidebar)).toEqual([null, 'clip-date']);
  });
});
