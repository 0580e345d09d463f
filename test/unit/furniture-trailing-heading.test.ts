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
});
