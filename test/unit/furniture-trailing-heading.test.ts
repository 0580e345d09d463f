import { describe, expect, it } from 'vitest';
import { cleanedRoot, prose } from '../helpers/furniture.ts';

describe('a heading at the end of the article', () => {
  it('goes when nothing follows it', () => {
    const root = cleanedRoot(`${prose(1)}${prose(2)}<h3>Financial report</h3>`);
    expect(root.querySelector('h3')).toBeNull();
  });

  it('stays when a picture or a table follows it: it heads that', () => {
    const chart = cleanedRoot(`${prose(1)}${prose(2)}<h2>Financial report</h2><div><img src="/chart.png" alt="Income by source"></div>`);
    expect(chart.querySelector('h2')?.textContent).toBe('Financial report');
    const table = cleanedRoot(`${prose(1)}${prose(2)}<h3>Results</h3><table><tr><td>1.</td><td>A. Berg</td></tr></table>`);
    expect(table.querySelector('h3')?.textContent).toBe('Results');
  });

  it('stays over a gallery whose pictures link to their larger files', () => {
    const root = cleanedRoot(`${prose(1)}${prose(2)}<h2>Photos of the quarter</h2><div><a href="/img/large-1.jpg"><img src="/img/small-1.jpg" alt=""></a><a href="/img/large-2.jpg"><img src="/img/small-2.jpg" alt=""></a></div>`);
    expect(root.querySelector('h2')?.textContent).toBe('Photos of the quarter');
  });

  it('goes when it is a link, or when the pictures after it link to other pages', () => {
    const icons = cleanedRoot(`${prose(1)}${prose(2)}<div><a href="https://social.example/site"><img src="/icon-social.png" alt=""></a><h4><a href="https://social.example/site">Social</a></h4></div><div><img src="/icon.png" alt=""></div>`);
    expect(icons.querySelector('h4')).toBeNull();
    const teasers = cleanedRoot(`${prose(1)}${prose(2)}<h4>Picked for you</h4><div><a href="/other-story"><img src="/other.jpg" alt=""></a></div>`);
    expect(teasers.querySelector('h4')).toBeNull();
  });
});
