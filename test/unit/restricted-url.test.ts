import { describe, expect, it } from 'vitest';
import { restrictedReason } from '../../src/background/restricted-url.ts';

describe('restrictedReason', () => {
  it.each([
    'chrome://version', 'chrome://newtab/', 'edge://settings', 'about:blank', 'about:addons', 'chrome-extension://abc/popup.html',
    'moz-extension://0000/options.html', 'view-source:https://example.com/', 'devtools://devtools/bundled/inspector.html',
    'https://chromewebstore.google.com/detail/x/abc', 'https://chrome.google.com/webstore/detail/abc',
    'https://addons.mozilla.org/en-US/firefox/addon/x/', 'https://microsoftedge.microsoft.com/addons/detail/x',
    'https://example.com/paper.pdf', 'https://example.com/files/REPORT.PDF', 'data:text/html,<p>hi', 'resource://pdf.js/web/viewer.html',
  ])('refuses %s with a sentence', (url) => {
    const reason = restrictedReason(url);
    expect(reason).toMatch(/\.$/);
    expect(reason!.length).toBeGreaterThan(30);
  });

  it.each([
    'https://www.foxnews.com/media/nato', 'http://127.0.0.1:8080/news-article.html', 'https://example.com/pdf-guide',
    'https://chrome.google.com/search', 'https://example.com/x.pdf.html', 'file:///home/me/page.html',
  ])('lets %s through', (url) => {
    expect(restrictedReason(url)).toBeNull();
  });

  it('cannot judge an unknown or malformed URL', () => {
    expect(restrictedReason(undefined)).toBeNull();
    expect(restrictedReason('')).toBeNull();
    expect(restrictedReason('not a url')).toBeNull();
  });

  it('names the browser page in the message', () => {
    expect(restrictedReason('chrome://version')).toContain('chrome://');
    expect(restrictedReason('about:blank')).toContain('about:blank');
    expect(restrictedReason('https://example.com/a.pdf')).toContain('PDF');
  });
});
