import { normalizeSubfolder } from '../src/storage/validate-settings.ts';

/** A form value checked for storage: the value to store, or what to tell the reader. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The placeholders `buildFilename` fills in (src/core/filename.ts). */
export const PLACEHOLDERS = ['slug', 'date', 'year', 'month', 'day', 'title', 'site'] as const;

const PLACEHOLDER_LIST = `${PLACEHOLDERS.slice(0, -1).map((p) => `{${p}}`).join(', ')} or {${PLACEHOLDERS[PLACEHOLDERS.length - 1]}}`;

/**
 * The file name template, folders allowed (`{year}/{month}/{slug}.md`). The core would quietly
 * mend most mistakes (an empty or `..` folder is dropped, an unknown placeholder stays as
 * written), so the form refuses them instead: the reader sees the mistake now rather than in a
 * folder full of oddly named files.
 */
export function checkFilenameTemplate(raw: string): Checked<string> {
  const template = raw.trim();
  if (template === '') return { ok: false, message: 'Enter a template, for example {slug}.md.' };
  if (template.length > 200) return { ok: false, message: 'Keep the template under 200 characters.' };
  if (template.includes('\\')) return { ok: false, message: 'Separate folders with /, not \\.' };
  if (template.startsWith('/')) return { ok: false, message: 'Start with a folder or file name, not /: files always go inside the save folder.' };
  if (template.split('/').some((segment) => segment.trim() === '' || segment.trim() === '.' || segment.trim() === '..')) {
    return { ok: false, message: 'Each folder needs a name: no empty folder (//), no . or .. in the template.' };
  }
  if (/[<>:"|?*]/.test(template)) return { ok: false, message: 'A file name cannot contain < > : " | ? or *.' };
  for (const [, name = ''] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      return { ok: false, message: `Unknown placeholder {${name}}. Use ${PLACEHOLDER_LIST}.` };
    }
  }
  if (!/\{(?:slug|title)\}/.test(template)) {
    return { ok: false, message: 'Include {slug} or {title}, so that each article gets its own file name.' };
  }
  return { ok: true, value: template };
}

/** The subfolder of the downloads folder; empty means the downloads folder itself. */
export function checkSubfolder(raw: string): Checked<string> {
  if (raw.includes('\\')) return { ok: false, message: 'Separate folders with /, not \\.' };
  if (/[<>:"|?*]/.test(raw)) return { ok: false, message: 'A folder name cannot contain < > : " | ? or *.' };
  const folder = normalizeSubfolder(raw);
  if (folder === null) {
    return { ok: false, message: 'Use plain folder names: not . or .., not ending in a dot or a space, at most 100 characters in all.' };
  }
  return { ok: true, value: folder };
}

/** How many tags are suggested from the title. */
export function checkTagCount(raw: string): Checked<number> {
  const text = raw.trim();
  const count = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(count >= 1 && count <= 20)) return { ok: false, message: 'Enter a whole number from 1 to 20.' };
  return { ok: true, value: count };
}
