/**
 * Names for an article's saved images (FORMAT.md, "Images saved with the article"): the last
 * segment of the image's URL, made safe like an article's file name, with the extension the
 * image's type calls for, and `-2`, `-3` where two would share a name.
 */

/** The image types Frontclip keeps, and the extension each is saved with. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/png': 'png',
  'image/apng': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'image/tiff': 'tif',
};

/** Extensions that mean the same type as the one `EXTENSIONS` gives. */
const SAME_TYPE: Record<string, readonly string[]> = {
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  tif: ['tif', 'tiff'],
  svg: ['svg'],
};

/** The bare type (`image/jpeg`) of a Content-Type header, lower-cased. */
export function bareType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The extension an image of this type is saved with, or null for a type Frontclip does not keep. */
export function imageExtension(contentType: string): string | null {
  return EXTENSIONS[bareType(contentType)] ?? null;
}

/** Longest stem kept, in characters: a picture's name is a hint, not a title. */
const MAX_STEM = 80;

const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

function lastSegment(url: string): string {
  if (url.startsWith('data:')) return '';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segment = path.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Letters, digits, `.`, `_` and `-` only: a name that goes into a Markdown link as it is must
 * hold no space, bracket, parenthesis or `#`, and none that an HTML attribute would escape.
 */
function safeStem(stem: string): string {
  const cleaned = Array.from(stem.normalize('NFC'))
    .map((ch) => (/[\p{L}\p{N}._-]/u.test(ch) ? ch : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '');
  const short = Array.from(cleaned).slice(0, MAX_STEM).join('').replace(/[.\-_]+$/, '');
  if (short === '') return 'image';
  return WINDOWS_DEVICE.test(short.split('.')[0] ?? '') ? `${short}_` : short;
}

/**
 * The file name for one image, given the names already taken in its folder (compared without
 * case, as Windows and macOS do). Adds the chosen name to `taken`.
 */
export function imageFileName(url: string, contentType: string, taken: Set<string>): string {
  const extension = imageExtension(contentType) ?? 'bin';
  const segment = lastSegment(url);
  const dot = segment.lastIndexOf('.');
  const ownExtension = dot > 0 ? segment.slice(dot + 1).toLowerCase() : '';
  const keepsOwn = (SAME_TYPE[extension] ?? [extension]).includes(ownExtension);
  const stem = safeStem(dot > 0 ? segment.slice(0, dot) : segment);
  const ending = keepsOwn ? ownExtension : extension;
  let name = `${stem}.${ending}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.${ending}`;
  taken.add(name.toLowerCase());
  return name;
}
