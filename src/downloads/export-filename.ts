import { buildFilename } from '../core/filename.ts';

/**
 * The name the file name template gives a saved article now: the one place the library names an
 * article it writes out (a row's Download in the worker, the files of an export zip).
 */
export function exportFilename(template: string, entry: { slug: string; date: string; title: string; site: string }): string {
  return buildFilename(template, { slug: entry.slug, date: entry.date, title: entry.title, site: entry.site });
}
