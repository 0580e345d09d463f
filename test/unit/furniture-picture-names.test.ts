import { describe, expect, it } from 'vitest';
import { cleanedRoot, prose } from '../helpers/furniture.ts';

/** The furniture rules on `blocks` set between two paragraphs of the article's prose. */
const cleaned = (...blocks: string[]): Element => cleanedRoot([prose(1), ...blocks, prose(2)].join(''));
const sources = (root: Element): string[] => Array.from(root.querySelectorAll('img'), (img) => img.getAttribute('src') ?? '');

describe('an article picture named for how it is shown', () => {
  it('stays: a link that opens it in a modal or overlay viewer, an image named as the img tag', () => {
    const root = cleaned(
      '<a class="td-modal-image" href="/big/pier.jpg"><img class="entry-thumb" src="/pier.jpg" alt="The pier"></a>',
      '<figure><a class="overlayLink" href="/big/deck.jpg"><img src="/deck.jpg" alt="The deck"></a><figcaption>The deck before the test.</figcaption></figure>',
      '<figure><img class="asset-image__image-tag" src="/crane.jpg" alt="The crane"></figure>',
    );
    expect(sources(root)).toEqual(['/pier.jpg', '/deck.jpg', '/crane.jpg']);
    expect(root.textContent).toContain('The deck before the test.');
  });

  it('does not keep a box of text named so, nor a picture named as furniture of another kind', () => {
    const root = cleaned(
      '<div class="modal">Sign in to keep reading: it takes a minute.</div>',
      '<ul class="tags"><li><a href="/t/bridges">Bridges</a></li><li><a href="/t/steel">Steel</a></li></ul>',
      '<a class="ad-banner" href="https://ads.example/"><img src="/ad.gif" alt=""></a>',
      '<div class="popup-icons"><img src="/icon.png" alt=""></div>',
    );
    expect(root.textContent).not.toContain('Sign in to keep reading');
    expect(root.textContent).not.toContain('Bridges');
    expect(sources(root)).toEqual([]);
  });
});

describe('a block hidden on a phone only', () => {
  it('is not taken for hidden furniture when a class shows it from some width on', () => {
    const root = cleaned(
      '<div class="mb-3 d-none d-sm-block"><img src="/map.png" alt="Map of the route"></div>',
      '<span class="d-none">Menu</span>',
    );
    expect(sources(root)).toEqual(['/map.png']);
    expect(root.textContent).not.toContain('Menu');
  });
});
