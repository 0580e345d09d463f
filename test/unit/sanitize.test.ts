import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { sanitizeHtml } from '../../src/core/sanitize.ts';

const BASE = 'https://news.example.com/world/2026/story.html';
const doc = new JSDOM('', { url: BASE }).window.document;
const clean = (html: string) => sanitizeHtml(html, BASE, doc);

describe('sanitizeHtml', () => {
  it('removes scripts, styles, frames, forms and embedded objects with their content', () => {
    const out = clean(`<p>Kept</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.test"></iframe>
      <form action="/f"><input name="q"><button>Go</button><textarea>t</textarea><select><option>o</option></select></form>
      <object data="x.swf"></object><embed src="y.swf"><noscript><img src="z.png"></noscript><template><p>tpl</p></template>`);
    expect(out).toBe('<p>Kept</p>');
  });

  it('removes event-handler attributes and javascript: URLs, keeps the element and its text', () => {
    const out = clean('<p onclick="steal()" onmouseover="x()">Text <a href="javascript:alert(1)">link</a> <img src="a.png" onerror="boom()"></p>');
    expect(out).not.toMatch(/on\w+=|javascript:/i);
    expect(out).toContain('Text ');
    expect(out).toContain('>link</a>');
    expect(out).toContain('<img src="https://news.example.com/world/2026/a.png">');
  });

  it('neutralises SVG and MathML script vectors', () => {
    const out = clean('<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>t</text></a></svg><math><mi xlink:href="javascript:alert(3)">x</mi></math>');
    expect(out).not.toMatch(/script|javascript:/i);
  });

  it('makes link, image, media and srcset URLs absolute, and keeps in-page anchors', () => {
    const out = clean(`<a href="../other.html">o</a><a href="/root">r</a><a href="#note-1">n</a><a href="mailto:desk@example.com">m</a>
      <img src="//cdn.example.com/i.jpg" srcset="small.jpg 480w, /large.jpg 1080w"><video poster="p.jpg" src="v.mp4"></video>`);
    expect(out).toContain('href="https://news.example.com/world/other.html"');
    expect(out).toContain('href="https://news.example.com/root"');
    expect(out).toContain('href="#note-1"');
    expect(out).toContain('href="mailto:desk@example.com"');
    expect(out).toContain('src="https://cdn.example.com/i.jpg"');
    expect(out).toContain('srcset="https://news.example.com/world/2026/small.jpg 480w, https://news.example.com/large.jpg 1080w"');
    expect(out).toContain('poster="https://news.example.com/world/2026/p.jpg"');
  });

  it('keeps only code-language classes, and drops style and data attributes', () => {
    const out = clean('<pre class="highlight lang-py"><code class="language-python hljs" data-x="1" style="color:red">print(1)</code></pre><p class="lead" style="x">p</p>');
    expect(out).toBe('<pre class="lang-py"><code class="language-python">print(1)</code></pre><p>p</p>');
  });

  it('keeps target and rel on links, as the reference body has them', () => {
    expect(clean('<a href="https://a.test/" target="_blank" rel="noopener">a</a>')).toBe('<a href="https://a.test/" target="_blank" rel="noopener">a</a>');
  });

  it('drops indentation between blocks but keeps spaces between inline elements and inside pre', () => {
    const out = clean('<div>\n  <p>One <a href="/a">a</a> <strong>b</strong></p>\n  <p>Two</p>\n</div><pre>  x\n    y</pre>');
    expect(out).toBe('<div><p>One <a href="https://news.example.com/a">a</a> <strong>b</strong></p><p>Two</p></div><pre>  x\n    y</pre>');
  });

  it('keeps the space an inline element holds alone, as in French typography\'s «<small>&nbsp;</small>mot<small>&nbsp;</small>»', () => {
    const out = clean('<p>La section «<small class="fine">&nbsp;</small>économie<small class="fine">&nbsp;</small>» et<span> </span>la suite</p>\n<div><span>\n</span></div>');
    expect(out).toBe('<p>La section «<small>&nbsp;</small>économie<small>&nbsp;</small>» et<span> </span>la suite</p><div><span></span></div>');
  });

  it('parses the input inertly: nothing in it runs while it is sanitized', () => {
    const win = doc.defaultView as unknown as { trap?: number };
    clean('<img src="x" onerror="window.trap = 1"><script>window.trap = 2</script>');
    expect(win.trap).toBeUndefined();
  });
});
