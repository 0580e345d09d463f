import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { sanitizeHtml } from '../../src/core/sanitize.ts';
import { toMarkdown } from '../../src/core/markdown.ts';
import { fixtureDocument } from '../helpers/fixtures.ts';

const BASE = 'https://spanandbeam.example/2026/04/notes';
const doc = new JSDOM('', { url: BASE }).window.document;

function markdown(source: string): string {
  const holder = doc.createElement('div');
  holder.innerHTML = sanitizeHtml(source, BASE, doc);
  return toMarkdown(holder);
}

const prose = 'The deck was loaded with water tanks for six hours';

describe('footnotes in the Markdown body', () => {
  it('turns a reference to an endnote (DPUB-ARIA roles) into [^1], and the note into [^1]: at the end', () => {
    const md = markdown(`<p>${prose}.<sup id="fnref1"><a href="#fn1" role="doc-noteref">1</a></sup> It held.</p>
      <section role="doc-endnotes"><hr><ol><li id="fn1" role="doc-endnote"><p>Two tonnes each. <a href="#fnref1" role="doc-backlink">↩︎</a></p></li></ol></section>`);
    expect(md).toBe(`${prose}.[^1] It held.\n\n[^1]: Two tonnes each.`);
  });

  it('recognises notes by structure alone: a superscript link to an item of a list after it', () => {
    // kramdown-style markup without roles; the class words and the superscript are the signals.
    const md = markdown(`<p>${prose}<sup id="fnref:a"><a href="#fn:a" class="footnote">1</a></sup> and it rained<sup id="fnref:b"><a href="#fn:b" class="footnote">2</a></sup>.</p>
      <div class="footnotes"><ol><li id="fn:a"><p>From the <a href="https://spanandbeam.example/report">test report</a>. <a href="#fnref:a" class="reversefootnote">↩</a></p></li>
      <li id="fn:b"><p>All afternoon.</p><p>A second paragraph.</p></li></ol></div>`);
    expect(md).toBe(`${prose}[^1] and it rained[^2].\n\n[^1]: From the [test report](https://spanandbeam.example/report).\n\n[^2]: All afternoon.\n\n    A second paragraph.`);
    expect(md).not.toContain('#fn');
  });

  it('reads Wikipedia-style references: [1] in a superscript, back links ("^ a b") left out', () => {
    const md = markdown(`<p>${prose}.<sup id="cite_ref-report_1-0" class="reference"><a href="#cite_note-report-1">[1]</a></sup> Again.<sup id="cite_ref-report_1-1" class="reference"><a href="#cite_note-report-1">[1]</a></sup></p>
      <h2>References</h2><div class="reflist"><ol class="references"><li id="cite_note-report-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-report_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-report_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">City Works, load test report.</span></li></ol></div>`);
    expect(md).toBe(`${prose}.[^1] Again.[^1]\n\n[^1]: City Works, load test report.`);
  });

  it('numbers notes whose marks are not a number or a letter, and keeps a note that stands in a block named a footnote', () => {
    const md = markdown(`<p>${prose}<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">*</a>.</p>
      <div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">*</a><div class="footnote-content"><p>Measured at dawn.</p></div></div>`);
    expect(md).toBe(`${prose}[^1].\n\n[^1]: Measured at dawn.`);
  });

  it('leaves alone in-page links that are not note references', () => {
    const md = markdown(`<p>See <a href="#method">the method</a>, section <sup><a href="#method">2</a></sup>, and <a href="#top">top</a>.</p><h2 id="method">Method</h2><p>${prose}.</p>`);
    expect(md).not.toContain('[^');
    expect(md).toContain('## Method');
  });

  it('does not take a list before the reference for its notes', () => {
    const md = markdown(`<ol><li id="step1">${prose}.</li></ol><p>As in step<sup><a href="#step1">1</a></sup>.</p>`);
    expect(md).not.toContain('[^');
    expect(md).toContain(prose);
  });

  it('keeps footnote markup in the HTML body, with its roles, so its links still work', () => {
    const out = sanitizeHtml(`<p>Text<sup id="r1"><a href="#n1" class="footnote-ref">1</a></sup></p><ol class="footnotes"><li id="n1">Note <a href="#r1">↩</a></li></ol>`, BASE, doc);
    expect(out).toBe('<p>Text<sup id="r1"><a href="#n1" role="doc-noteref">1</a></sup></p><ol><li id="n1" role="doc-endnote">Note <a href="#r1" role="doc-backlink">↩</a></li></ol>');
  });
});

describe('the fixture article\'s footnotes', () => {
  const body = extract(fixtureDocument('body-constructs.html', BASE), BASE, { now: '2026-04-05' }).body;

  it('become Markdown footnotes at the end of the file, with no link to a missing anchor', () => {
    expect(body).toContain('bending stiffness of the deck.[^1]');
    expect(body).toContain('once the tanks were drained.[^1]');
    expect(body).toContain('well inside the limits.[^2]');
    expect(body.endsWith("[^1]: See the design code's table of deflection limits; a footbridge may bend by a two-hundredth of its span under full load.\n\n[^2]: The section modulus _S_ of the main girders comes from the [fabricator's drawings](https://spanandbeam.example/files/girders.pdf).")).toBe(true);
    expect(body).not.toMatch(/\]\(#|↩/);
  });
});
