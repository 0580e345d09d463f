import browser from 'webextension-polyfill';
import type { ImageReport, Result } from '../messages.ts';
import { imageReportText } from '../image-report-text.ts';

/**
 * Shows the outcome of a quick download on the toolbar button of that tab (no notifications
 * permission needed). A per-tab badge is cleared by the browser when the tab navigates.
 */
export async function reportOnBadge(tabId: number | undefined, result: Result<{ filename: string; images?: ImageReport }>): Promise<void> {
  const details = tabId === undefined ? {} : { tabId };
  const text = result.ok ? '✓' : '!';
  const color = result.ok ? '#15803d' : '#b91c1c';
  const images = result.ok && result.images ? `; ${imageReportText(result.images)}` : '';
  const title = result.ok ? `Frontclip: downloaded ${result.filename}${images}` : `Frontclip: ${result.message}`;
  await Promise.all([
    browser.action.setBadgeText({ ...details, text }),
    browser.action.setBadgeBackgroundColor({ ...details, color }),
    browser.action.setTitle({ ...details, title }),
  ]).catch(() => {
    // The tab may have closed meanwhile; there is nowhere left to report to.
  });
}
