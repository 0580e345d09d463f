/** One candidate of a `srcset`: its URL as written and its descriptor. */
export interface SrcsetCandidate {
  url: string;
  /** Width in pixels for a `w` descriptor. */
  width?: number;
  /** Pixel density for an `x` descriptor; 1 when the candidate has no descriptor. */
  density?: number;
}

/**
 * Reads a `srcset` the way the HTML standard's parser does in the cases pages actually write:
 * a URL is a run of non-space characters (so a comma inside it, as image CDNs write
 * `w_800,h_600`, stays part of it), trailing commas end it, and descriptors run to the next comma
 * outside parentheses. Hand-written because no maintained npm package parses srcset without also
 * pulling in a DOM or a build-time dependency, and the grammar needed here is small.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (space(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !space(value[i])) i++;
    let url = value.slice(start, i);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const from = i;
      while (i < n) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
      descriptors = value.slice(from, i).trim();
      i++;
    }
    if (url === '') continue;
    const candidate = describe(url, descriptors);
    if (candidate) out.push(candidate);
  }
  return out;
}

function describe(url: string, descriptors: string): SrcsetCandidate | null {
  if (descriptors === '') return { url, density: 1 };
  let width: number | undefined;
  let density: number | undefined;
  for (const token of descriptors.split(/\s+/)) {
    const m = /^(\d+(?:\.\d+)?)([wxh])$/i.exec(token);
    if (!m) return null; // an invalid descriptor drops the candidate, as browsers do
    const number = Number(m[1]);
    const unit = m[2]!.toLowerCase();
    if (unit === 'w') width = number;
    else if (unit === 'x') density = number;
  }
  if (width !== undefined && width > 0) return { url, width };
  if (density !== undefined && density > 0) return { url, density };
  return width === undefined && density === undefined ? { url, density: 1 } : null;
}

/**
 * The widest picture worth keeping: larger than a reading column on a high-density screen, small
 * enough that a page's 6000-pixel print original is not what lands in a notes folder.
 */
export const MAX_IMAGE_WIDTH = 2000;
const MAX_DENSITY = 2;

/**
 * The candidate to save: the widest up to MAX_IMAGE_WIDTH (or the narrowest, when all are wider);
 * with only density descriptors, the densest up to 2x. Width descriptors win over densities,
 * since only they say how large the file is.
 */
export function bestCandidate(candidates: readonly SrcsetCandidate[]): SrcsetCandidate | null {
  const widths = candidates.filter((c) => c.width !== undefined);
  if (widths.length > 0) {
    const fitting = widths.filter((c) => c.width! <= MAX_IMAGE_WIDTH);
    const pool = fitting.length > 0 ? fitting : widths;
    const pick = fitting.length > 0 ? Math.max : Math.min;
    const target = pick(...pool.map((c) => c.width!));
    return pool.find((c) => c.width === target) ?? null;
  }
  const densities = candidates.filter((c) => c.density !== undefined);
  if (densities.length === 0) return null;
  const fitting = densities.filter((c) => c.density! <= MAX_DENSITY);
  const pool = fitting.length > 0 ? fitting : densities;
  const target = (fitting.length > 0 ? Math.max : Math.min)(...pool.map((c) => c.density!));
  return pool.find((c) => c.density === target) ?? null;
}
