import browser from 'webextension-polyfill';
import type { FolderOutcome, ImageReport, Result } from '../messages.ts';
import { imageReportText } from '../image-report-text.ts';
import { folderOutcomeText } from '../folder-outcome-text.ts';

/**
 * Shows the outcome of a quick download on the toolbar button of that tab (no notifications
 * permission needed). A per-tab badge is cleared by the browser when the tab navigates.
 */
export async function reportOnBadge(tabId: number | undefined, result: Result<{ filename: string; images?: ImageReport; folder?: FolderOutcome }>): Promise<void> {
  const details = tabId === undefined ? {} : { tabId };
  const text = result.ok ? '✓' : '!';
  const color = result.ok ? '#15803d' : '#b91c1c';
  const images = result.ok && result.images ? `; ${imageReportText(result.images)}` : '';
  const done = result.ok ? (result.folder ? folderOutcomeText(result.filename, result.folder) : `downloaded ${result.filename}`) : '';
  const title = result.ok ? `Frontclip: ${done}${images}` : `Frontclip: ${result.message}`;
  await Promise.all([
    browser.action.setBadgeText({ ...details, text }),
    browser.action.setBadgeBackgroundColor({ ...details, color }),
    browser.action.setTitle({ ...details, title }),
  ]).catch(() => {
    // The tab may have closed meanwhile; there is nowhere left to report to.
  });
}
