import { DATE_SOURCES, type DateSource } from '../src/core/article.ts';
import { messageOf } from '../src/core/error-message.ts';
import { concatBytes } from '../src/concat-bytes.ts';

/**
 * `frontclip.json`, at the root of a library zip: what the library keeps about each article that
 * the file format has no field for (when it was saved and last edited, the site's name, where the
 * date came from, the page's keywords), so that a library moved to another browser profile comes
 * back whole. The files stay plain article files; a zip without the manifest imports as any other.
 */
export const MANIFEST_NAME = 'frontclip.json';
export const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  /** The article file's path in the zip. */
  file: string;
  link: string;
  savedAt: string;
  editedAt: string;
  siteName: string;
  dateSource: DateSource;
  keywords: string[];
}

export interface Manifest {
  frontclip: number;
  articles: ManifestEntry[];
}

const ordered = (a: ManifestEntry): ManifestEntry => ({
  file: a.file, link: a.link, savedAt: a.savedAt, editedAt: a.editedAt, siteName: a.siteName, dateSource: a.dateSource, keywords: [...a.keywords],
});

/** The manifest's bytes; keys in a fixed order, so the same library gives the same file. */
export function manifestBytes(articles: readonly ManifestEntry[]): Uint8Array {
  const manifest: Manifest = { frontclip: MANIFEST_VERSION, articles: articles.map(ordered) };
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * The manifest's `articles` entries, encoded, for a part of an export written in a worker: the
 * parts joined by `manifestFromParts` give the very bytes `manifestBytes` gives for all the
 * entries (each entry is indented as it stands two levels deep in the whole).
 */
export function manifestPart(articles: readonly ManifestEntry[]): Uint8Array {
  return new TextEncoder().encode(articles.map((a) => JSON.stringify(ordered(a), null, 1).replace(/\n/g, '\n  ')).join(',\n  '));
}

export function manifestFromParts(parts: readonly Uint8Array[]): Uint8Array {
  const entries = parts.filter((p) => p.length > 0);
  if (entries.length === 0) return manifestBytes([]);
  const encode = (text: string) => new TextEncoder().encode(text);
  const between = encode(',\n  ');
  const pieces = entries.flatMap((part, i) => (i === 0 ? [part] : [between, part]));
  const all = [encode(`{\n "frontclip": ${MANIFEST_VERSION},\n "articles": [\n  `), ...pieces, encode('\n ]\n}\n')];
  return concatBytes(all, all.reduce((n, p) => n + p.length, 0));
}

const SOURCES: ReadonlySet<string> = new Set(DATE_SOURCES);
const isTime = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * The manifest's entries by file path. Throws a one-line reason when the manifest cannot be read
 * at all; an entry whose fields are not what Frontclip writes is left out (its file imports as a
 * plain file).
 */
export function readManifest(bytes: Uint8Array): Map<string, ManifestEntry> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new Error(`it is not JSON (${messageOf(err)})`, { cause: err });
  }
  const manifest = data as Partial<Manifest> | null;
  if (typeof manifest !== 'object' || manifest === null || manifest.frontclip !== MANIFEST_VERSION || !Array.isArray(manifest.articles)) {
    throw new Error(`it is not a version ${MANIFEST_VERSION} Frontclip manifest`);
  }
  const out = new Map<string, ManifestEntry>();
  for (const raw of manifest.articles as unknown[]) {
    const entry = raw as Partial<Record<keyof ManifestEntry, unknown>> | null;
    if (typeof entry !== 'object' || entry === null) continue;
    if (typeof entry.file !== 'string' || typeof entry.link !== 'string' || typeof entry.siteName !== 'string') continue;
    if (!isTime(entry.savedAt) || !isTime(entry.editedAt) || typeof entry.dateSource !== 'string' || !SOURCES.has(entry.dateSource) || !isStrings(entry.keywords)) continue;
    out.set(entry.file, {
      file: entry.file, link: entry.link, savedAt: entry.savedAt, editedAt: entry.editedAt, siteName: entry.siteName, dateSource: entry.dateSource as DateSource, keywords: entry.keywords,
    });
  }
  return out;
}
