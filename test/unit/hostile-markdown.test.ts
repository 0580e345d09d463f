// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { toMarkdown } from '../../src/core/markdown.ts';
import { rawHtmlInMarkdown } from '../helpers/article-file.ts';

const RUN = 'self.__frontclipTrap=1';

const doc = new JSDOM('<!doctype html><body></body>').window.document;

/** Article HTML whose text (not markup) is `text`, as a page showing it would have it. */
function paragraphOf(text: string): HTMLElement {
  const p = doc.createElement('div');
  const para = doc.createElement('p');
  para.textContent = text;
  p.append(para);
  return p;
}

describe('page text that looks like markup stays text in the Markdown body', () => {
  it.each([
    `<script>${RUN}</script>`,
    `<img src=x onerror=${RUN}>`,
    `</p><svg onload=${RUN}>`,
    `<!-- a comment --> <![CDATA[ x ]]> <?php echo 1 ?>`,
    `a < b and <b>not bold</b> and <a href="javascript:${RUN}">link</a>`,
    `\`<i>in backticks</i>\``,
    `\\<script>${RUN}</script>`,
  ])('%s', (text) => {
    const markdown = toMarkdown(paragraphOf(text));
    expect(rawHtmlInMarkdown(markdown)).toEqual([]);
    // Nothing of the text is lost: taking the backslash escapes away gives it back.
    expect(markdown.replace(/\\(.)/g, '$1')).toBe(text);
  });

  it('keeps code as it was: a code span or block shows its text verbatim', () => {
    const holder = doc.createElement('div');
    holder.innerHTML = '<p>Use <code>&lt;script&gt;</code> carefully.</p><pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>';
    const markdown = toMarkdown(holder);
    expect(markdown).toContain('`<script>`');
    expect(markdown).toContain('```\n<img src=x onerror=alert(1)>\n```');
    expect(rawHtmlInMarkdown(markdown)).toEqual([]);
  });

  it('holds for any text: 2,000 generated strings full of angle brackets', () => {
    const piece = fc.constantFrom('<', '>', '/', '!', '?', '-', '`', '\\', ' ', 'a', 'img', 'script', '=', '"', "'", '\n', '&lt;', '&');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
      expect(rawHtmlInMarkdown(toMarkdown(paragraphOf(text))), JSON.stringify(text)).toEqual([]);
    }), { numRuns: 2_000 });
  });
});
