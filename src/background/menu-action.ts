import type { ClipMode } from '../messages.ts';

/** The context-menu entries, created once per install (the browser keeps them across worker restarts). */
export const MENU_ITEMS = [
  { id: 'frontclip-download-page', title: 'Download article', contexts: ['page'] },
  { id: 'frontclip-clip-selection', title: 'Clip selection', contexts: ['selection'] },
] as const;

/** What a menu entry clips, or null for an entry that is not Frontclip's. */
export function menuMode(menuItemId: string | number): ClipMode | null {
  if (menuItemId === 'frontclip-download-page') return 'article';
  if (menuItemId === 'frontclip-clip-selection') return 'selection';
  return null;
}

export const QUICK_DOWNLOAD_COMMAND = 'quick-download';
