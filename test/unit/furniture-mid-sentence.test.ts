import { describe, expect, it } from 'vitest';
import { cleanedRoot, cleanedText, prose } from '../helpers/furniture.ts';

describe('an element named like furniture inside a sentence', () => {
  it('stays when the sentence runs around it inside the bold or italics that hold it', () => {
    const text = cleanedText(`${prose(1)}<p><strong>If you want every new story on night trains, get my <a href="#" class="newsletter-popup">free newsletter</a> and read along!</strong></p>${prose(2)}`);
    expect(text).toContain('get my free newsletter and read along!');
  });

  it('goes when it has no words, even inside a sentence: it leaves no gap', () => {
    const root = `${prose(1)}<p><strong>Read the whole story in print <a href="/comments" class="comments-icon"><img src="/bubble.png" alt=""></a> and tell us what you think.</strong></p>${prose(2)}`;
    expect(cleanedText(root)).toContain('Read the whole story in print and tell us what you think.');
    expect(cleanedRoot(root).querySelector('img')).toBeNull();
  });

  it('goes when it stands alone in its line, wrapped or not', () => {
    const text = cleanedText(`${prose(1)}<p><strong><a href="#" class="newsletter-popup">Newsletter</a></strong></p><p><span class="share-bar">Share</span></p>${prose(2)}`);
    expect(text).not.toMatch(/Newsletter|Share/);
  });

  it('still goes as a credit set after a caption\'s words in the same italics', () => {
    const text = cleanedText(`${prose(1)}<p><img src="/pier.jpg" alt=""></p><p><em>The pier at dusk, seen from the east bank of the river. <span class="photo-credit">Photo: A. Berg</span></em></p>${prose(2)}`);
    expect(text).toContain('The pier at dusk');
    expect(text).not.toContain('A. Berg');
  });
});
