import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageDom, pageSource, withoutCss } from '../../src/cli/page-dom.ts';
import { run, type Io } from '../../src/cli/main.ts';

const PARAGRAPH = '<p>A paragraph of the article that runs on for a while, so that the page counts as one to read.</p>';
/** jsdom 29 throws on this value while it builds the document; a browser ignores the declaration. */
const BAD_VALUE = 'calc(~100% + 1px)';

function articlePage(head: string, extra = ''): string {
  return `<!doctype html><html><head><title>Kept story</title>${head}</head><body><article><h1>Kept story</h1>${PARAGRAPH.repeat(4)}${extra}</article></body></html>`;
}

async function clipJson(file: string): Promise<{ status: number; json: Record<string, unknown> }> {
  let stdout = '';
  const io: Io = { stdout: (t) => { stdout += t; }, stderr: () => {}, stdin: async () => '' };
  const status = await run(['clip', file, '--url', 'https://example.org/story', '--now', '2026-11-26', '--json'], io);
  return { status, json: stdout ? JSON.parse(stdout) as Record<string, unknown> : {} };
}

describe('pageDom', () => {
  it('builds a page whose style sheet jsdom cannot parse, and still honours inline visibility', () => {
    const html = articlePage(`<style>.box { height: ${BAD_VALUE}; }</style>`,
      `<p id="gone" style="height: ${BAD_VALUE}; display: none">Hidden words.</p>`);
    const doc = pageDom(html, 'https://example.org/story').window.document;
    expect(doc.title).toBe('Kept story');
    expect(doc.getElementById('gone')?.getAttribute('style')).toBe(' display: none');
    expect(doc.querySelector('style')?.textContent).toBe('');
  });

  it('leaves a page jsdom can build untouched', () => {
    const html = articlePage('<style>.box { color: red; }</style>', '<p style="color: blue">Blue.</p>');
    const doc = pageDom(html, 'https://example.org/story').window.document;
    expect(doc.querySelector('style')?.textContent).toBe('.box { color: red; }');
    expect(doc.querySelector('[style]')?.getAttribute('style')).toBe('color: blue');
  });

  it('cuts style attributes to display and visibility only, in both quote styles', () => {
    expect(withoutCss(`<p style='width: ${BAD_VALUE}; visibility: hidden'>x</p>`)).toBe("<p style=' visibility: hidden'>x</p>");
    expect(withoutCss('<style media="all">a { b: c }</style ><p>x</p>')).toBe('<style media="all"></style ><p>x</p>');
  });

  it('keeps non-UTF-8 bytes for jsdom to decode by the page charset', () => {
    const latin1 = Buffer.from('<meta charset="windows-1252"><p>Caf\u00e9 cr\u00e8me</p>', 'latin1');
    const source = pageSource(latin1);
    expect(typeof source).not.toBe('string');
    expect(pageDom(source, 'https://example.org/').window.document.querySelector('p')?.textContent).toBe('Café crème');
    expect(pageSource(Buffer.from('<p>Café</p>', 'utf8'))).toBe('<p>Café</p>');
  });
});

describe('frontclip clip on such pages', () => {
  it('clips a page with CSS jsdom rejects, without the hidden paragraph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontclip-css-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, articlePage(`<style>.box { height: ${BAD_VALUE}; }</style>`, '<p style="display:none">Hidden words.</p>'));
    const { status, json } = await clipJson(file);
    expect(status).toBe(0);
    expect(json.title).toBe('Kept story');
    expect(String(json.body)).toContain('A paragraph of the article');
    expect(String(json.body)).not.toContain('Hidden words');
  });

  it('reads a windows-1252 file by its declared charset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontclip-charset-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, Buffer.from(articlePage('<meta charset="windows-1252">', '<p>Un caf\u00e9 cr\u00e8me, s\u2019il vous pla\u00eet, and more words to read.</p>'), 'latin1'));
    const { status, json } = await clipJson(file);
    expect(status).toBe(0);
    expect(String(json.body)).toContain('Un café crème');
    expect(String(json.body)).not.toContain('\ufffd');
  });
});
