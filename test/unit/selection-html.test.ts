// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { selectionHtml } from '../../src/content/selection-html.ts';

beforeEach(() => {
  document.body.innerHTML = '<h2 id="h">A heading</h2><p id="a">First <b>bold</b> paragraph.</p><p id="b">Second one.</p>';
  document.getSelection()!.removeAllRanges();
});

const select = (setup: (range: Range) => void) => {
  const range = document.createRange();
  setup(range);
  document.getSelection()!.addRange(range);
};

describe('selectionHtml', () => {
  it('is empty without a selection', () => {
    expect(selectionHtml(document.getSelection())).toBe('');
    expect(selectionHtml(null)).toBe('');
  });

  it('keeps whole elements selected as elements', () => {
    select((r) => r.selectNode(document.getElementById('a')!));
    expect(selectionHtml(document.getSelection())).toBe('<p id="a">First <b>bold</b> paragraph.</p>');
  });

  it('keeps the paragraph around text selected inside it', () => {
    select((r) => r.selectNodeContents(document.getElementById('a')!));
    expect(selectionHtml(document.getSelection())).toBe('<p>First <b>bold</b> paragraph.</p>');
    document.getSelection()!.removeAllRanges();
    const text = document.getElementById('h')!.firstChild!;
    select((r) => {
      r.setStart(text, 2);
      r.setEnd(text, 9);
    });
    expect(selectionHtml(document.getSelection())).toBe('<h2>heading</h2>');
  });

  it('spans several elements and never changes the page', () => {
    const before = document.documentElement.outerHTML;
    select((r) => {
      r.setStart(document.getElementById('a')!.firstChild!, 6);
      r.setEnd(document.getElementById('b')!.firstChild!, 6);
    });
    expect(selectionHtml(document.getSelection())).toBe('<p id="a"><b>bold</b> paragraph.</p><p id="b">Second</p>');
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
