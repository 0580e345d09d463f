/** The file name used until the user sets a template of their own (FORMAT.md, "File name"). */
export const DEFAULT_FILENAME_TEMPLATE = '{slug}.md';

/** The longest name before the extension, in characters (FORMAT.md). */
export const MAX_STEM_CHARS = 120;

/**
 * Also a byte budget, because Linux file systems cap a name at 255 UTF-8 bytes: 120 CJK letters
 * are 360 bytes. 200 leaves room for the extension and a browser's ` (1)` on a name clash.
 */
export const MAX_STEM_BYTES = 200;

/**
 * And a budget in UTF-16 code units after canonical decomposition: macOS's HFS+ stores names
 * decomposed (NFD) and caps them at 255 units, so 100 `ΐ` (200 bytes) become 300 units there.
 */
export const MAX_STEM_NFD_UNITS = 200;

/** A name with nothing usable left in it gets this one instead. */
export const FALLBACK_STEM = 'article';

/** The values a template can use; `date` is the article's `YYYY-MM-DD`. */
export interface FilenameFields {
  slug: string;
  date: string;
  title?: string;
  /** The site's host name, e.g. `www.foxnews.com`. */
  site?: string;
}

// The two extensions a front-matter file is saved with; any other suffix is part of the name.
const EXTENSION = /\.(?:md|html)$/i;

// How far back from the length limit a `-` may be to cut there rather than mid-word.
const BOUNDARY_WINDOW = 40;

/**
 * Characters no name may hold. `<>:"/\|?*` are reserved on Windows (and `/` everywhere, `:` on
 * classic macOS); `~` breaks VFAT short names, and Chromium refuses it at either end of a name;
 * Chromium's downloads API writes `%` as `_`, so a name holding one would not be the file's name.
 */
const RESERVED = /[<>:"/\\|?*~%]+/g;

/**
 * Characters that are dropped: C0/C1 controls; format characters (`\p{Cf}`: bidi overrides that can
 * disguise a name, zero-width joiners, the BOM), which Chromium's `downloads.download` rejects
 * outright; noncharacters, which Chromium rejects too; and lone surrogates, which no file system
 * encoding can store.
 */
function isDropped(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if ((cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // for..of yields a surrogate only when it is lone
  return /[\p{Cc}\p{Cf}]/u.test(ch);
}

/**
 * Device names Windows reserves whatever the extension (`nul.md` opens the null device). The
 * superscript digits count too, and `CONIN$`/`CONOUT$` are reserved since Windows 10.
 */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

// Whitespace, dots and dashes at either end: Windows drops trailing dots and spaces, a leading dot
// hides the file on Unix, a leading dash reads as an option on a command line.
const EDGES = /^[\p{White_Space}.-]+|[\p{White_Space}.-]+$/gu;

// eslint-disable-next-line no-control-regex -- every ASCII character, controls included
const ASCII = /^[\x00-\x7f]*$/;

function fill(template: string, fields: FilenameFields): string {
  const [year = '', month = '', day = ''] = /^\d{4}-\d{2}-\d{2}$/.test(fields.date)
    ? fields.date.split('-')
    : [];
  // A Map, not an object literal: `{constructor}` must not find Object.prototype's members.
  const values = new Map<string, string>([
    ['slug', fields.slug],
    ['date', fields.date],
    ['year', year],
    ['month', month],
    ['day', day],
    ['title', fields.title ?? ''],
    ['site', fields.site ?? ''],
  ]);
  // An unknown placeholder stays as written, so a typo in a template shows in the file name.
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => values.get(name) ?? whole);
}

function clean(stem: string): string {
  // Whitespace becomes a space before controls are dropped, so a tab or newline still separates
  // words; runs of spaces are folded last, after dropping may have brought two together.
  const spaced = stem.replace(/\p{White_Space}/gu, ' ');
  return Array.from(spaced)
    .filter((ch) => !isDropped(ch))
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(RESERVED, '-')
    .replace(EDGES, '');
}

/** UTF-8 bytes of one code point (a lone surrogate is written as U+FFFD: 3 bytes). */
function utf8Size(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Shortens to the limits, preferring to cut where a `-` separates words. */
function shorten(stem: string): string {
  // Most names are short ASCII, one byte and one decomposed unit a character: nothing to measure.
  // (An export names 10,000 files; measuring each character through the encoder was most of it.)
  if (stem.length <= MAX_STEM_CHARS && ASCII.test(stem)) return stem;
  const chars = Array.from(stem); // code points: a cut never splits a surrogate pair
  let fit = 0;
  let bytes = 0;
  let units = 0;
  for (const ch of chars) {
    const size = utf8Size(ch);
    const decomposed = ch.length === 1 && ch.charCodeAt(0) < 0x80 ? 1 : ch.normalize('NFD').length;
    if (fit === MAX_STEM_CHARS || bytes + size > MAX_STEM_BYTES || units + decomposed > MAX_STEM_NFD_UNITS) break;
    fit++;
    bytes += size;
    units += decomposed;
  }
  if (fit === chars.length) return stem;
  let cut = fit;
  if (chars[fit] !== '-') {
    const dash = chars.lastIndexOf('-', fit - 1);
    if (dash > 0 && dash >= fit - BOUNDARY_WINDOW) cut = dash;
  }
  return chars.slice(0, cut).join('').replace(EDGES, '');
}

/** Keeps a reserved device name from being the part Windows looks at (before the first dot). */
function avoidDeviceName(stem: string): string {
  const dot = stem.indexOf('.');
  const base = dot === -1 ? stem : stem.slice(0, dot);
  if (!WINDOWS_DEVICE.test(base.trimEnd())) return stem;
  return `${base.trimEnd()}_${dot === -1 ? '' : stem.slice(dot)}`;
}

/** The most folders a template may put a file under: enough for `{site}/{year}/{month}/`. */
export const MAX_FOLDERS = 8;

/** One folder or file name, made safe; `''` when nothing usable is left. */
function safeSegment(filled: string): string {
  // Checked again after shortening: a cut can leave a device name (`nul-----...` cut to `nul`).
  return avoidDeviceName(shorten(avoidDeviceName(clean(filled))));
}

/**
 * The file name for an article from a template such as `{date}-{slug}.md`, or a relative path
 * when the template holds folders (`{year}/{month}/{slug}.md`, `{site}/{slug}.md`,
 * `{slug}/index.md`). Placeholders: `{slug}`, `{date}`, `{year}`, `{month}`, `{day}`, `{title}`,
 * `{site}`. The template's `.md` or `.html` ending is kept (in lower case); a template without one
 * gets `.md`. Each segment is one safe name on Windows, macOS and Linux and in both browsers'
 * download APIs; a segment left empty (an empty placeholder, `.`, `..`, a leading `/`) is dropped,
 * so the result never climbs out of its folder, is never absolute and never empty.
 */
export function buildFilename(template: string, fields: FilenameFields): string {
  const ending = EXTENSION.exec(template);
  // Lower case: Chromium's downloads API rewrites `.MD` to the type's own `.md`.
  const extension = ending ? ending[0].toLowerCase() : '.md';
  const stemTemplate = ending ? template.slice(0, ending.index) : template;
  const parts = stemTemplate.split('/');
  const last = parts.pop() ?? '';
  // Placeholders are filled segment by segment: a `/` inside a title is a character, not a folder.
  const folders = parts.map((part) => safeSegment(fill(part, fields))).filter((part) => part !== '').slice(0, MAX_FOLDERS);
  const stem = safeSegment(fill(last, fields));
  return [...folders, `${stem === '' ? FALLBACK_STEM : stem}${extension}`].join('/');
}
