// Schemes whose pages no extension may script: the browser's own pages, other extensions, sources.
const RESTRICTED_SCHEMES = new Set([
  'about:', 'chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:',
  'edge:', 'brave:', 'opera:', 'vivaldi:', 'moz-extension:', 'resource:', 'view-source:', 'data:',
  'javascript:', 'blob:',
]);

// Stores and account pages where browsers block content scripts on purpose.
const RESTRICTED_HOSTS: Record<string, string> = {
  'chromewebstore.google.com': 'The Chrome Web Store',
  'microsoftedge.microsoft.com': 'The Edge Add-ons store',
  'addons.mozilla.org': 'The Firefox Add-ons site',
  'accounts.firefox.com': 'The Firefox accounts site',
  'support.mozilla.org': 'The Mozilla support site',
};

/**
 * Why extensions may not run on a page at `url`, as a sentence for the popup, or null when the URL
 * alone gives no reason to refuse. The browser has the last word: a page allowed here can still
 * refuse the script, and the injection error then says why.
 */
export function restrictedReason(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (RESTRICTED_SCHEMES.has(parsed.protocol)) {
    const shown = parsed.protocol === 'about:' ? url : `${parsed.protocol}//`;
    return `Frontclip can't clip browser pages like ${shown}: browsers don't let extensions read them. Open an article on the web and try again.`;
  }
  const store = RESTRICTED_HOSTS[parsed.hostname]
    ?? (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore') ? 'The Chrome Web Store' : undefined);
  if (store) return `${store} doesn't let extensions run on its pages, so there is nothing Frontclip may clip here.`;
  if (/\.pdf$/i.test(parsed.pathname)) {
    return "This is a PDF shown in the browser's PDF viewer, which extensions can't read. Open an HTML version of the article to clip it.";
  }
  return null;
}
