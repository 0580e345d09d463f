import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../src/core/extract.ts';
import { sanitizeHtml } from '../../src/core/sanitize.ts';
import { toMarkdown } from '../../src/core/markdown.ts';
import { mathScriptsToMathml } from '../../src/core/math-scripts.ts';
import { rawHtmlInMarkdown } from '../helpers/article-file.ts';
import { fixtureDocument } from '../helpers/fixtures.ts';

const BASE = 'https://spanandbeam.example/2026/04/footbridge-load-test';
const doc = new JSDOM('', { url: BASE }).window.document;

/** Article HTML as the pipeline hands it over: sanitized, then converted. */
const html = (source: string): string => sanitizeHtml(source, BASE, doc);
function markdown(source: string): string {
  const holder = doc.createElement('div');
  holder.innerHTML = html(source);
  return toMarkdown(holder);
}

const KATEX_TEX = String.raw`\delta = \frac{5 w L^4}{384 E I}`;
const katex = (tex: string, display = false): string => {
  const inner = `<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"${display ? ' display="block"' : ''}><semantics><mrow><mi>δ</mi><mo>=</mo><mn>1</mn></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">δ=1</span></span></span>`;
  return display ? `<span class="katex-display">${inner}</span>` : inner;
};

describe('math in the Markdown body', () => {
  it('writes KaTeX as its TeX annotation, once: inline as $…$, display as $$…$$ on lines of its own', () => {
    expect(markdown(`<p>The deflection is ${katex(KATEX_TEX)} at midspan.</p>`))
      .toBe(String.raw`The deflection is $\delta = \frac{5 w L^4}{384 E I}$ at midspan.`);
    expect(markdown(`<p>Moment:</p><p>${katex('M = \\frac{w L^2}{8}', true)}</p><p>Next.</p>`))
      .toBe('Moment:\n\n$$\nM = \\frac{w L^2}{8}\n$$\n\nNext.');
  });

  it('keeps the TeX exactly as the page wrote it: no Markdown escaping inside', () => {
    const tex = String.raw`a_1 * b_2 + \{x\} - [y]_*`;
    expect(markdown(`<p>${katex(tex)}</p>`)).toBe(`$${tex}$`);
  });

  it('reads MathML with a TeX annotation or alttext (MathJax 3, hand-written MathML)', () => {
    expect(markdown('<p>Stress <math alttext="\\sigma = M / S"><mi>σ</mi><mo>=</mo><mi>M</mi><mo>/</mo><mi>S</mi></math> here.</p>'))
      .toBe('Stress $\\sigma = M / S$ here.');
    expect(markdown('<p><math display="block"><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math></p>'))
      .toBe('$$\nx^2\n$$');
  });

  it('keeps the visible text once where no TeX exists (MathJax 3 drawing beside its MathML)', () => {
    const mjx = '<mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi>k</mjx-mi></mjx-math><mjx-assistive-mml><math><mi>k</mi><mo>=</mo><mn>48</mn></math></mjx-assistive-mml></mjx-container>';
    expect(markdown(`<p>Stiffness ${mjx} under load.</p>`)).toBe('Stiffness k=48 under load.');
  });

  it('reads MediaWiki math: the fallback image\'s alt is the TeX, inline or display, never doubled by its MathML', () => {
    const inline = '<span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display: none;"><math alttext="{\\displaystyle \\lambda =L/r}"><semantics><mrow><mi>λ</mi></mrow><annotation encoding="application/x-tex">{\\displaystyle \\lambda =L/r}</annotation></semantics></math></span><img class="mwe-math-fallback-image-inline" aria-hidden="true" src="/m.svg" alt="{\\displaystyle \\lambda =L/r}"></span>';
    expect(markdown(`<p>Slenderness ${inline}.</p>`)).toBe('Slenderness ${\\displaystyle \\lambda =L/r}$.');
    expect(markdown('<dl><dd><img class="mwe-math-fallback-image-display" src="/e.svg" alt="{\\displaystyle P=\\pi ^{2}}"></dd></dl>'))
      .toBe('$$\n{\\displaystyle P=\\pi ^{2}}\n$$');
  });

  it('writes display math inline inside a table cell, which is one line', () => {
    const md = markdown(`<table><thead><tr><th>Case</th><th>Formula</th></tr></thead><tbody><tr><td>A</td><td>${katex('x^2', true)}</td></tr></tbody></table>`);
    expect(md).toMatch(/^\| A +\| \$x\^2\$ +\|$/m);
  });

  it('lets no raw HTML or link out of a formula\'s TeX, and keeps its meaning (TeX ignores spaces in math)', () => {
    const md = markdown(`<p>${katex('a&lt;b+c&lt;/i&gt;&lt;img src=x onerror=alert(1)&gt;[x](javascript:alert(1))')}</p>`);
    expect(rawHtmlInMarkdown(md)).toEqual([]);
    expect(md).not.toContain('](');
    expect(md.replace(/ /g, '')).toBe('$a<b+c</i><imgsrc=xonerror=alert(1)>[x](javascript:alert(1))$');
  });
});

describe('math in the HTML body', () => {
  it('keeps one sanitized <math> per formula, its TeX in alttext, without the drawing or the annotation', () => {
    const out = html(`<p>${katex(KATEX_TEX)}</p>`);
    expect(out).toBe('<p><math alttext="\\delta = \\frac{5 w L^4}{384 E I}"><mrow><mi>δ</mi><mo>=</mo><mn>1</mn></mrow></math></p>');
  });

  it('drops what MathML may not carry: scripts, handlers, links, foreign HTML', () => {
    const out = html('<p><math alttext="x" onclick="alert(1)"><mi href="javascript:alert(2)">x</mi><mtext><img src=x onerror="alert(3)"></mtext><annotation-xml encoding="text/html"><script>alert(4)</script></annotation-xml></math></p>');
    expect(out).not.toMatch(/onclick|onerror|javascript:|<script|annotation/i);
    expect(out).toContain('alttext="x"');
  });
});

describe('MathJax 2 formula scripts, which Readability would delete', () => {
  const page = (body: string) => new JSDOM(`<body>${body}</body>`, { url: BASE }).window.document;

  it('become MathML before Readability runs; MathJax\'s drawing and preview go', () => {
    const d = page('<p>At <span class="MathJax_Preview"></span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr>f=2.4</nobr><span class="MJX_Assistive_MathML"><math><mi>f</mi><mo>=</mo><mn>2.4</mn></math></span></span><script type="math/tex" id="MathJax-Element-1">f = 2.4\\,\\text{Hz}</script>, and</p><span class="MathJax_Preview">f_n</span><script type="math/tex; mode=display">% <![CDATA[\nf_n = \\sqrt{k/m}\n%]]></script>');
    mathScriptsToMathml(d);
    expect(d.querySelectorAll('script, .MathJax, .MathJax_Preview')).toHaveLength(0);
    const maths = Array.from(d.querySelectorAll('math'));
    expect(maths.map((m) => [m.getAttribute('alttext'), m.getAttribute('display')])).toEqual([
      ['f = 2.4\\,\\text{Hz}', null],
      ['f_n = \\sqrt{k/m}', 'block'],
    ]);
    expect(maths[0]!.textContent).toBe('f=2.4');
  });

  it('come through the whole clip as TeX', () => {
    const article = extract(fixtureDocument('body-constructs.html', BASE), BASE, { now: '2026-04-05' });
    expect(article.body).toContain('came out at $f = 2.4\\,\\text{Hz}$, comfortably');
    expect(article.body).toContain('as a display:\n\n$$\nf_n = \\frac{\\pi}{2 L^2} \\sqrt{\\frac{E I}{m}}\n$$\n\n');
  });
});

describe('the fixture article\'s formulas', () => {
  const body = extract(fixtureDocument('body-constructs.html', BASE), BASE, { now: '2026-04-05' }).body;

  it('are each written once, as TeX where the page has it', () => {
    expect(body).toContain(`the midspan deflection is $${KATEX_TEX}$, where`);
    expect(body).toContain('$$\nM_\\text{max} = \\frac{w L^2}{8}\n$$');
    expect(body).toContain('Its stiffness k=48EI/L3 under a point load');
    expect(body).toContain('the steel, $\\sigma = M / S$, stayed');
    expect(body).toContain('slenderness ${\\displaystyle \\lambda =L/r}$ and');
    // The drawn copies and the MathML text are not there a second time.
    expect(body).not.toMatch(/δ|λ|σ|\\\\delta|M max/);
  });
});
