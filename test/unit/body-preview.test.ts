// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderBodyPreview } from '../../src/ui/body-preview.ts';

describe('renderBodyPreview', () => {
  it('shows a Markdown body as text in a pre block', () => {
    const body = '# Title\n\n<script>alert(1)</script> and <img src=x onerror=alert(1)>\n';
    const preview = renderBodyPreview(body, 'markdown', 'https://example.com/');
    expect(preview.tagName).toBe('PRE');
    expect(preview.textContent).toBe(body);
    expect(preview.children).toHaveLength(0);
  });

  it('sanitizes an HTML body: no scripts, handlers, javascript: links or styles', () => {
    const preview = renderBodyPreview(
      '<h2 onclick="x()">Head</h2><p style="color:red">Text <a href="javascript:alert(1)">x</a></p><script>alert(1)</script><iframe src="https://evil.test/"></iframe><form><input></form>',
      'html',
      'https://example.com/a/',
    );
    expect(preview.querySelector('h2')?.textContent).toBe('Head');
    expect(preview.querySelectorAll('script, iframe, form, input, [onclick], [style]')).toHaveLength(0);
    expect(preview.querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  it('loads nothing: images become their alt text, media and sources go, links open in a new tab', () => {
    const preview = renderBodyPreview(
      '<p><img src="/a.jpg" alt="A cat" srcset="/a2.jpg 2x"> <picture><source srcset="/b.webp"><img src="/b.jpg" alt="B"></picture>'
        + '<video poster="/p.jpg" src="/v.mp4"></video><svg><image href="/c.png"></image></svg><a href="/next">next</a></p>',
      'html',
      'https://example.com/a/',
    );
    expect(preview.querySelectorAll('img, picture, source, video, svg, image')).toHaveLength(0);
    expect(preview.textContent).toContain('[Image: A cat]');
    expect(preview.textContent).toContain('[Video]');
    expect(Array.from(preview.querySelectorAll('*')).filter((el) => el.hasAttribute('src') || el.hasAttribute('srcset'))).toHaveLength(0);
    const link = preview.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/next');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('tabindex')).toBe('-1');
  });

  it("drops the page's ids and ARIA references, so they cannot meet the popup's own", () => {
    const preview = renderBodyPreview(
      '<div id="field-1" role="alert" aria-describedby="x" aria-live="assertive"><p name="n" aria-hidden="true">Text</p></div>',
      'html',
      'https://example.com/',
    );
    const attributes = Array.from(preview.querySelectorAll('*')).flatMap((el) => el.getAttributeNames());
    expect(attributes).toEqual([]);
    expect(preview.textContent).toBe('Text');
  });
});
