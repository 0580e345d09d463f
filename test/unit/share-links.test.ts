import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isShareLink, removeShareLinks } from '../../src/core/share-links.ts';
import { extract } from '../../src/core/extract.ts';

const doc = new JSDOM('<!doctype html><body></body>').window.document;
const link = (href: string): Element => {
  const a = doc.createElement('a');
  a.setAttribute('href', href);
  return a;
};

describe('isShareLink', () => {
  it('knows the sharing endpoints of the networks, mail without a recipient and messengers', () => {
    for (const href of [
      'https://twitter.com/intent/tweet?text=Ferries&url=https%3A%2F%2Fharbour.example%2Fa',
      'https://twitter.com/share?url=https%3A%2F%2Fharbour.example%2Fa',
      'https://www.facebook.com/sharer/sharer.php?u=https://harbour.example/a',
      'https://www.linkedin.com/shareArticle?mini=true&url=https://harbour.example/a',
      'http://www.pinterest.com/pin/create/button/?url=https%3A%2F%2Fharbour.example%2Fa',
      'http://b.hatena.ne.jp/entry/https://harbour.example/a',
      'https://api.whatsapp.com/send?text=https://harbour.example/a',
      'whatsapp://send?text=https://harbour.example/a',
      'mailto:?subject=Ferries&body=https://harbour.example/a',
    ]) expect(isShareLink(link(href)), href).toBe(true);
  });

  it('leaves links to profiles, posts, articles and people', () => {
    for (const href of [
      'https://twitter.com/harbourpost', 'https://twitter.com/harbourpost/status/1281836879789404160',
      'https://www.facebook.com/harbourpost', 'https://www.reddit.com/r/ferries/comments/abc/',
      'mailto:desk@harbour.example', 'https://harbour.example/share-the-road', '/intent/tweet',
    ]) expect(isShareLink(link(href)), href).toBe(false);
  });
});

describe('removeShareLinks', () => {
  it('removes a button, and keeps the words of a quote the article offers to tweet', () => {
    const root = doc.createElement('div');
    root.innerHTML = `<p>The late boat sails an hour earlier.</p>
      <p><a href="https://twitter.com/intent/tweet?text=x"><img src="/tw.png" alt="">Tweet</a>
      <a href="https://www.facebook.com/sharer/sharer.php?u=x">Auf Facebook teilen</a></p>
      <blockquote><a href="https://twitter.com/intent/tweet?text=y">“Nobody should wait two hours in the cold for a boat.”</a></blockquote>`;
    removeShareLinks(root);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).not.toContain('Tweet');
    expect(root.textContent).not.toContain('teilen');
    expect(root.querySelector('blockquote')!.textContent).toBe('“Nobody should wait two hours in the cold for a boat.”');
  });
});

describe('the label of a share bar', () => {
  it('goes with its buttons, and a paragraph with more to say stays', () => {
    const root = doc.createElement('div');
    root.innerHTML = `<p>The late boat sails an hour earlier.</p>
      <div class="bar">Teile mich: <a href="https://www.facebook.com/sharer/sharer.php?u=x"></a><a href="https://twitter.com/home?status=x"></a></div>
      <p>Readers asked the harbour office for the old timetable; <a href="mailto:?subject=x">mail it</a> to a friend who still needs it.</p>`;
    root.insertAdjacentHTML('beforeend', `<ul><li><a href="/2026/05/ferry-fares">Ferry fares</a> <a href="http://b.hatena.ne.jp/entry/x"><img src="/count.png"></a></li></ul>
      <h4>14 May 2026 <a href="http://b.hatena.ne.jp/entry/y">B!</a></h4>`);
    removeShareLinks(root);
    expect(root.querySelector('.bar')).toBeNull();
    expect(root.querySelector('li')!.textContent!.trim()).toBe('Ferry fares');
    expect(root.querySelector('h4')!.textContent!.trim()).toBe('14 May 2026');
    expect(root.textContent).toContain('Readers asked the harbour office');
  });
});

describe('extract leaves share buttons out of the body', () => {
  it('with the line that held only them', () => {
    const url = 'https://harbour.example/news/2026/05/ferry-timetable';
    const html = `<!doctype html><html><head><title>Ferry timetable</title></head><body><article>
      <h1>The winter ferry timetable</h1>
      <p>${'The harbour office published the winter timetable for the island ferries on Tuesday. '.repeat(5)}</p>
      <p><a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}">Tweet</a> <a href="mailto:?subject=Ferry%20timetable">E-Mail</a></p>
      <p>${'Crossings at dawn are cut from four to two, and the late boat sails an hour earlier. '.repeat(5)}</p>
    </article></body></html>`;
    const article = extract(new JSDOM(html, { url }).window.document, url, { now: '2026-05-01' });
    expect(article.body).not.toContain('intent/tweet');
    expect(article.body).not.toContain('mailto:');
    expect(article.body).not.toMatch(/Tweet|E-Mail/);
    expect(article.body).toContain('Crossings at dawn are cut');
  });
});
