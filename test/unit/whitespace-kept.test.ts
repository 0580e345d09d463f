import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { cleanedRoot, prose } from '../helpers/furniture.ts';
import { JSDOM } from 'jsdom';

const URL = 'https://site.example/story';

describe('whitespace held alone by an element, once the furniture rules have run', () => {
  it('stays between two words of a line: the element goes, its space stays', () => {
    const root = cleanedRoot(`${prose(1)}<p>Spaced<span> </span>words and<strong> </strong>more</p>${prose(2)}`);
    expect(root.textContent).toContain('Spaced words and more');
  });

  it('stays as one space where a run of no-break spaces padded a column', () => {
    const root = cleanedRoot(`${prose(1)}<ul><li><span class="amount">5</span><span>&nbsp;&nbsp;&nbsp;</span>eggs</li></ul>${prose(2)}`);
    expect(root.querySelector('li')!.textContent).toBe('5 eggs');
  });

  it('stays as the line breaks of a highlighted code block', () => {
    const root = cleanedRoot(`${prose(1)}<pre><code><span class="k">FROM</span><span> python:3.7</span><span class="err">\n</span><span class="err">\n</span><span class="err"></span><span class="k">WORKDIR</span><span> /opt/app</span></code></pre>${prose(2)}`);
    expect(root.querySelector('pre')!.textContent).toBe('FROM python:3.7\n\nWORKDIR /opt/app');
  });

  it('goes where it is only the indentation between blocks', () => {
    const root = cleanedRoot(`${prose(1)}<div><span>\n  </span></div>${prose(2)}`);
    expect(root.querySelectorAll('div, span')).toHaveLength(0);
  });
});

describe('a clipped page', () => {
  const page = `<html><head><title>La section</title></head><body><article><h1>La section</h1>
    ${prose(1)}<p>Les choix de la section «<small class="fine">&nbsp;</small>économie-gestion<small class="fine">&nbsp;</small>» du comité sont longs et détaillés, et chacun y trouve sa place.</p>
    <pre><code><span class="k">FROM</span><span> python:3.7</span><span class="err">\n</span><span class="err"></span><span class="k">WORKDIR</span><span> /opt/app</span></code></pre>${prose(2)}${prose(3)}</article></body></html>`;

  it('keeps the spaces inside the guillemets and the code block\'s lines, in Markdown and HTML', () => {
    const doc = () => new JSDOM(page, { url: URL }).window.document;
    const md = extract(doc(), URL, { now: '2026-12-03' }).body;
    expect(md).toMatch(/«[\u00a0 ]économie-gestion[\u00a0 ]»/);
    expect(md).toContain('FROM python:3.7\nWORKDIR /opt/app');
    const html = extract(doc(), URL, { now: '2026-12-03', body: 'html' }).body;
    expect(html).toContain('«<small>&nbsp;</small>économie-gestion<small>&nbsp;</small>»');
  });
});
