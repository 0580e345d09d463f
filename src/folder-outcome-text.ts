import type { FolderOutcome } from './messages.ts';

/** The status line after a write into the chosen folder: what happened to which file. */
export function folderOutcomeText(filename: string, folder: FolderOutcome): string {
  switch (folder.action) {
    case 'created':
      return `Saved ${filename}`;
    case 'updated':
      return `Updated ${filename} (it was this article's file)`;
    case 'unchanged':
      return `Already up to date: ${filename} (its file holds this article as it is)`;
    case 'renamed':
      return `Saved ${filename} (the name was taken by another file, which was left as it is)`;
    case 'waiting':
      return `Saved to your library. Allow access to "${folder.folderName}" in the tab that opened, and the file is written there.`;
  }
}
