import type { Result } from '../messages.ts';
import { messageOf } from '../core/error-message.ts';

type Failure = Extract<Result<never>, { ok: false }>;

/**
 * Turns the browser's refusal to inject the content script into a failure the popup can explain.
 * The worker often cannot see a tab's URL (no `tabs` permission), so the error text is all it has
 * to tell a browser page from a page it simply was not granted.
 */
export function injectionFailure(error: unknown): Failure {
  const text = messageOf(error);
  if (/extensions gallery cannot be scripted|Web Store/i.test(text)) {
    return { ok: false, reason: 'restricted', message: "The extension store doesn't let extensions run on its pages, so there is nothing Frontclip may clip here." };
  }
  if (/Cannot access a (chrome|edge|about)[\w-]*:\/\/ URL|Cannot access contents of url "(about|chrome|edge|devtools|view-source|data|chrome-extension|chrome-search|chrome-untrusted):/i.test(text)) {
    return { ok: false, reason: 'restricted', message: "Frontclip can't clip browser pages like this one: browsers don't let extensions read them. Open an article on the web and try again." };
  }
  if (/Cannot access contents of url "file:/i.test(text)) {
    return { ok: false, reason: 'restricted', message: 'To clip files opened from your disk, turn on "Allow access to file URLs" for Frontclip in the browser\'s extension settings.' };
  }
  if (/showing error page|error page/i.test(text)) {
    return { ok: false, reason: 'error', message: 'The page failed to load, so there is nothing to clip. Reload it and try again.' };
  }
  if (/No tab with id|Invalid tab ID/i.test(text)) {
    return { ok: false, reason: 'error', message: 'The tab was closed before Frontclip could clip it.' };
  }
  if (/Missing host permission|must request permission|Cannot access contents of the page/i.test(text)) {
    return {
      ok: false,
      reason: 'no-access',
      message: 'Frontclip may not read this page. On a web page, open Frontclip from its toolbar button, its shortcut or the page\'s context menu; browser pages and extension stores can\'t be clipped at all.',
    };
  }
  return { ok: false, reason: 'error', message: `Frontclip could not run on this page: ${text}` };
}
