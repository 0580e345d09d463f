import type { ArticleImage } from '../core/article.ts';

/**
 * The host permissions to ask for before saving these images: one match pattern per web origin
 * (`https://cdn.example.com/*`; a pattern holds no port). `data:` images need none.
 */
export function imageOriginPatterns(images: readonly ArticleImage[]): string[] {
  const patterns = new Set<string>();
  for (const { url } of images) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') patterns.add(`${parsed.protocol}//${parsed.hostname}/*`);
  }
  return [...patterns];
}
