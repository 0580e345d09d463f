/** What the worker hands to downloads.download, and how to free it once the download is done. */
export interface DownloadSource {
  url: string;
  revoke: () => void;
}

export const ARTICLE_MIME = 'text/markdown;charset=utf-8';
export const HTML_MIME = 'text/html;charset=utf-8';

/**
 * The type to download a file name with. Chromium gives a download the extension its type
 * prefers, so a `.html` name sent as text/markdown would land as `.md`.
 */
export function articleMime(filename: string): string {
  return /\.html$/i.test(filename) ? HTML_MIME : ARTICLE_MIME;
}

/** Standard base64 of the text's UTF-8 bytes. */
export function utf8Base64(text: string): string {
  return bytesBase64(new TextEncoder().encode(text));
}

/** Standard base64 of bytes; chunked so long files don't overflow the argument list. */
export function bytesBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Blob URLs, where the context has them. */
export interface ObjectUrls {
  create: (blob: Blob) => string;
  revoke: (url: string) => void;
}

/** This context's blob URLs, or null where there are none (a Chrome service worker). */
export function objectUrls(): ObjectUrls | null {
  if (typeof URL.createObjectURL !== 'function') return null;
  return { create: (blob) => URL.createObjectURL(blob), revoke: (url) => URL.revokeObjectURL(url) };
}

/**
 * A URL that downloads `text`. Firefox's event page has `URL.createObjectURL` and refuses `data:`
 * URLs in downloads.download; Chrome's service worker has no `createObjectURL` but accepts `data:`.
 * So the capability decides, never the browser's name.
 */
export function downloadSource(text: string, urls: ObjectUrls | null = objectUrls(), mime: string = ARTICLE_MIME): DownloadSource {
  if (urls) {
    const url = urls.create(new Blob([text], { type: mime }));
    return { url, revoke: () => urls.revoke(url) };
  }
  return { url: `data:${mime};base64,${utf8Base64(text)}`, revoke: () => {} };
}

/** The same for a file's bytes (a saved image), as a blob: or data: URL by the same capability. */
export async function blobDownloadSource(blob: Blob, urls: ObjectUrls | null = objectUrls()): Promise<DownloadSource> {
  if (urls) {
    const url = urls.create(blob);
    return { url, revoke: () => urls.revoke(url) };
  }
  const type = blob.type || 'application/octet-stream';
  return { url: `data:${type};base64,${bytesBase64(new Uint8Array(await blob.arrayBuffer()))}`, revoke: () => {} };
}

/**
 * A relative path of several segments (`Frontclip/slug/photo.jpg`) for downloads.download; each
 * segment is checked like a file name, so nothing can climb out of the downloads folder.
 */
export function downloadFilePath(subfolder: string, relative: string): string {
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  let folder = subfolder;
  for (const segment of segments) folder = downloadPath(folder, segment);
  return downloadPath(folder, name);
}

/**
 * The relative path handed to downloads.download: `subfolder/filename`, or just the file name.
 * The file name comes from a message, so it is checked again here: it must be one plain name.
 */
export function downloadPath(subfolder: string, filename: string): string {
  // eslint-disable-next-line no-control-regex
  if (!filename || /[/\\\u0000-\u001f]/.test(filename) || filename === '.' || filename === '..') {
    throw new RangeError(`"${filename}" is not a usable file name.`);
  }
  const folder = subfolder.replace(/^\/+|\/+$/g, '');
  return folder ? `${folder}/${filename}` : filename;
}

/** The name to report for a finished download: the folder we chose plus the name the browser settled on (`x (1).md`). */
export function reportedName(requested: string, finalPath: string | undefined): string {
  const finalName = finalPath?.split(/[\\/]/).pop();
  if (!finalName) return requested;
  const slash = requested.lastIndexOf('/');
  return slash === -1 ? finalName : `${requested.slice(0, slash + 1)}${finalName}`;
}
