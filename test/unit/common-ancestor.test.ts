import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { commonAncestor } from '../../src/core/common-ancestor.ts';
import { blockOf } from '../../src/core/dom-measure.ts';

describe('commonAncestor and blockOf', () => {
  const doc = new JSDOM('<div id="a"><section id="s"><p id="p1">one <b id="b">two</b></p><p id="p2">three</p></section></div>').window.document;
  const text = (id: string): Node => doc.getElementById(id)!.firstChild!;

  it('gives the lowest element holding both nodes', () => {
    expect(commonAncestor(text('p1'), text('p2'))?.id).toBe('s');
    expect(commonAncestor(text('b'), text('p1'))?.id).toBe('p1');
    expect(commonAncestor(text('p1'), doc.createElement('i'))).toBeNull();
  });

  it('gives the nearest block around a text node', () => {
    expect(blockOf(text('b'))?.id).toBe('p1');
    expect(blockOf(doc.createTextNode('loose'))).toBeNull();
  });
});
