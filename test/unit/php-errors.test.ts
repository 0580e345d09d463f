import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { removePhpErrors } from '../../src/core/php-errors.ts';
import { extract } from '../../src/core/extract.ts';

const doc = (): Document => new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;

/** A detached holder, as the clip's body is while it is cleaned. */
function holder(html: string): HTMLDivElement {
  const div = doc().createElement('div');
  div.innerHTML = html;
  return div;
}

const warning = (level: string, message: string, line: number): string =>
  `<br />\n<b>${level}</b>:  ${message} in <b>/var/www/site/wp-includes/cache.php</b> on line <b>${line}</b><br />\n`;

const prose = '<p>The harbour reopened on Monday after a week of repairs to its outer wall.</p>';

describe('PHP error messages', () => {
  it('are removed in PHP\'s HTML form, every level, the article kept', () => {
    const div = holder(warning('Warning', 'Creating default object from empty value', 12)
      + warning('Deprecated', 'Assigning the return value of new by reference is deprecated', 36)
      + warning('Strict Standards', 'Declaration of Walker::start_lvl() should be compatible', 541)
      + `<p>${warning('Notice', 'Undefined index: id', 7)}</p>${prose}`);
    removePhpErrors(div);
    expect(div.textContent).not.toMatch(/on line|Warning|Deprecated|Strict Standards|Notice/);
    expect(div.textContent).toContain('The harbour reopened on Monday');
  });

  it('are removed as plain text, and in a page read as XHTML', () => {
    const plain = holder(`<p>PHP Warning:  session_start(): open(/tmp/sess_1) failed in /home/site/public_html/lib.php on line 145</p>${prose}`);
    removePhpErrors(plain);
    expect(plain.textContent).not.toContain('on line');
    const xhtml = new JSDOM(`<html xmlns="http://www.w3.org/1999/xhtml"><body><div>${warning('Warning', 'Use of undefined constant X', 9).replace(/\n/g, '')}${prose}</div></body></html>`,
      { contentType: 'application/xhtml+xml' }).window.document;
    const div = xhtml.querySelector('div')!;
    removePhpErrors(div);
    expect(div.textContent).not.toContain('on line');
    expect(div.textContent).toContain('The harbour reopened');
  });

  it('leave prose alone that only looks like one', () => {
    const text = '<p><b>Warning</b>: high water in Bristol on line <b>5</b> of the tide table.</p><p>Warning: the ferry in Bristol runs on line 4 today.</p>';
    const div = holder(text);
    removePhpErrors(div);
    expect(div.innerHTML).toBe(text);
  });

  it('never reach the clipped article', () => {
    // PHP prints where the failing code runs: here inside the article, above its text.
    const page = new JSDOM(`<html><head><title>Harbour reopens</title></head><body>
      <article><h1>Harbour reopens</h1><div class="entry">${warning('Warning', 'Cannot modify header information', 3)}${prose.repeat(6)}</div></article></body></html>`, { url: 'https://news.example/harbour' }).window.document;
    const body = extract(page, 'https://news.example/harbour', { now: '2026-01-01' }).body;
    expect(body).toContain('The harbour reopened');
    expect(body).not.toContain('on line');
  });
});
