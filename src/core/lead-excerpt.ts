import { foldSpaces } from './fold.ts';

/**
 * The first paragraph with text of the article Frontclip keeps (its furniture taken out): the
 * description of a page that declares none. Readability's own excerpt is the first paragraph of
 * its content before that cleanup, which can be a "skip to content" link, a byline or a share
 * prompt. '' when the article has no paragraph (Readability's excerpt is the fallback then).
 */
export function leadExcerpt(content: Element | null | undefined): string {
  for (const p of Array.from(content?.getElementsByTagName('p') ?? [])) {
    const text = foldSpaces(p.textContent);
    if (text !== '') return text;
  }
  return '';
}
