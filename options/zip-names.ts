import { MAX_STEM_CHARS } from '../src/core/filename.ts';

export { exportFilename } from '../src/downloads/export-filename.ts';

/** Flat files side by side, or Hugo page bundles: one folder per article holding `index.md`. */
export type ExportLayout = 'flat' | 'bundles';

function splitExtension(filename: string): { stem: string; extension: string } {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? { stem: filename.slice(0, dot), extension: filename.slice(dot) } : { stem: filename, extension: '' };
}

/** The stem with `-n` appended, shortened first so the name keeps to the core's length limit. */
function numbered(stem: string, n: number): string {
  const suffix = `-${n}`;
  const chars = Array.from(stem);
  const room = MAX_STEM_CHARS - suffix.length;
  return `${chars.length > room ? chars.slice(0, room).join('').replace(/-+$/, '') : stem}${suffix}`;
}

function layoutName(stem: string, extension: string, layout: ExportLayout): string {
  // A bundle's folder is the file name the template gives, without its extension; the page is
  // index.md (or index.html for HTML bodies), as Hugo expects.
  return layout === 'flat' ? `${stem}${extension}` : `${stem}/index${extension}`;
}

/**
 * Names the files of one zip. Two articles can get the same name (same slug, a template without
 * the date): the second becomes `name-2.md` (or `name-2/index.md`), never a silent overwrite when
 * unzipped. Names are compared without case, because Windows and macOS file systems ignore it.
 */
export class ZipNamer {
  private readonly taken = new Set<string>();

  constructor(readonly layout: ExportLayout) {}

  /** The name the next `name(filename)` will give, without taking it. */
  peek(filename: string): string {
    const { stem, extension } = splitExtension(filename);
    let candidate = layoutName(stem, extension, this.layout);
    for (let n = 2; this.taken.has(this.key(candidate)); n++) candidate = layoutName(numbered(stem, n), extension, this.layout);
    return candidate;
  }

  name(filename: string): string {
    const candidate = this.peek(filename);
    this.taken.add(this.key(candidate));
    return candidate;
  }

  private key(name: string): string {
    // A bundle's folder is what clashes: `a/index.md` and `A/index.md` unzip into one folder.
    return (this.layout === 'bundles' ? name.slice(0, name.lastIndexOf('/')) : name).toLowerCase();
  }
}

/** The zip's own name: `frontclip-2026-01-06.zip`, with `-bundles` for Hugo page bundles. */
export function zipFilename(layout: ExportLayout, now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `frontclip-${day}${layout === 'bundles' ? '-bundles' : ''}.zip`;
}

