import type { Article } from './article.ts';
import { extractUntagged, type ExtractOptions } from './extract-untagged.ts';
import { withTags } from './tag-fields.ts';

export { NoArticleError, type ExtractOptions, type Phase } from './extract-untagged.ts';

/**
 * Clips one page into every field of the file: `extractUntagged`, then the suggested tags. The
 * CLI and the benchmarks use this; the extension runs the two halves in the tab and the worker.
 */
export function extract(doc: Document, url: string, options: ExtractOptions): Article {
  const onPhase = options.onPhase;
  if (!onPhase) return withTags(extractUntagged(doc, url, options), options.tagCount ?? 5);
  // The tags are part of the fields phase, as they were when one function made both.
  let fieldsMs = 0;
  const clip = extractUntagged(doc, url, { ...options, onPhase: (phase, ms) => (phase === 'fields' ? (fieldsMs = ms) : onPhase(phase, ms)) });
  const start = performance.now();
  const article = withTags(clip, options.tagCount ?? 5);
  onPhase('fields', fieldsMs + performance.now() - start);
  return article;
}
