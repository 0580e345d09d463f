import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { toMarkdown } from '../../src/core/markdown.ts';

const el = (html: string): HTMLElement => {
  const div = new JSDOM('').window.document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('toMarkdown', () => {
  it('writes ATX headings, - bullets, numbered lists, emphasis and links', () => {
    const md = toMarkdown(el('<h2>Head</h2><h3>Sub</h3><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><p><em>e</em> <strong>s</strong> <a href="https://a.test/x">link</a></p>'));
    expect(md).toBe('## Head\n\n### Sub\n\n- one\n- two\n\n1. first\n\n_e_ **s** [link](https://a.test/x)');
  });

  it('fences code blocks with the language from language-* or lang-* on <code> or <pre>', () => {
    expect(toMarkdown(el('<pre><code class="language-ts">const a = 1;\n</code></pre>'))).toBe('```ts\nconst a = 1;\n```');
    expect(toMarkdown(el('<pre class="lang-py"><code>print(1)</code></pre>'))).toBe('```py\nprint(1)\n```');
    expect(toMarkdown(el('<pre>plain</pre>'))).toBe('```\nplain\n```');
  });

  it('keeps the lines of a code block written with <br> or with a block per line', () => {
    expect(toMarkdown(el('<pre class="language-text"><code>S₀: balance:100<br>S₁: balance:80<br>...</code></pre>'))).toBe('```text\nS₀: balance:100\nS₁: balance:80\n...\n```');
    expect(toMarkdown(el('<pre><code><div class="line">a = 1</div><div class="line">b = 2</div></code></pre>'))).toBe('```\na = 1\nb = 2\n```');
    // Line breaks in the text itself are not doubled.
    expect(toMarkdown(el('<pre><code><span>x</span>\n<span>y</span>\n</code></pre>'))).toBe('```\nx\ny\n```');
  });

  it('keeps a line break that stands alone in bold or italics', () => {
    expect(toMarkdown(el('<p><strong>Year-end rally?</strong><strong><br> </strong><span>by A. Berg</span><em><br></em>Saturday</p>')))
      .toBe('**Year-end rally?**  \nby A. Berg  \nSaturday');
    // At the paragraph's end it breaks no line.
    expect(toMarkdown(el('<p><strong>Accepted.</strong><strong><br></strong></p><p>Next</p>'))).toBe('**Accepted.**\n\nNext');
  });

  it('uses a longer fence when the code itself holds backticks', () => {
    expect(toMarkdown(el('<pre><code>a ``` b</code></pre>'))).toBe('````\na ``` b\n````');
  });

  it('indents nested lists and continuation lines under the item text, and honours <ol start>', () => {
    expect(toMarkdown(el('<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>'))).toBe('- a\n  - b\n- c');
    expect(toMarkdown(el('<ol start="3"><li>x</li><li><p>y</p><p>more</p></li></ol>'))).toBe('3. x\n4. y\n\n   more');
  });

  it('converts tables and strikethrough the GitHub way', () => {
    const md = toMarkdown(el('<table><thead><tr><th>Team</th><th>Score</th></tr></thead><tbody><tr><td>A</td><td>3</td></tr></tbody></table><p><del>old</del> new</p>'));
    expect(md).toContain('| Team | Score |');
    expect(md).toContain('| --- | --- |');
    expect(md).toMatch(/^\| A +\| 3 +\|$/m);
    expect(md).toContain('~~old~~ new');
    expect(md).not.toMatch(/<\/?(table|tr|td|del)\b/);
  });

  it('writes images and figures as Markdown, with the caption as an italic line under the image', () => {
    const md = toMarkdown(el('<figure><img src="https://a.test/i.jpg" alt="A dog"><figcaption>The dog, at home.</figcaption></figure>'));
    expect(md).toBe('![A dog](https://a.test/i.jpg)\n\n_The dog, at home._');
  });

  it('drops the no-break space a page left at the end of a paragraph, but keeps hard line breaks', () => {
    expect(toMarkdown(el('<p>Ends here.\u00a0</p><p>Next</p>'))).toBe('Ends here.\n\nNext');
    expect(toMarkdown(el('<p>line one<br>line two</p>'))).toBe('line one  \nline two');
  });
});
