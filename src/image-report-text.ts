import type { ImageFailure, ImageReport } from './messages.ts';

const REASONS: Record<ImageFailure, string> = {
  blocked: 'blocked',
  'not-found': 'not found',
  'http-error': 'refused by the site',
  'timed-out': 'timed out',
  'too-large': 'too large',
  'article-limit': 'over the limit for one article',
  'not-an-image': 'not an image',
  'unsafe-svg': 'SVG with scripts or outside references',
  storage: 'no room in the library',
  write: 'not written',
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "3 images saved, 2 kept as links (1 blocked, 1 too large)": the popup's and the badge's words. */
export function imageReportText(report: ImageReport): string {
  const saved = `${plural(report.saved, 'image', 'images')} saved`;
  if (report.linked === 0) return saved;
  const why = (Object.entries(report.reasons) as [ImageFailure, number][])
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${REASONS[reason]}`)
    .join(', ');
  return `${saved}, ${report.linked} kept as ${report.linked === 1 ? 'a link' : 'links'}${why ? ` (${why})` : ''}`;
}
