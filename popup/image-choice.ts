import type { Article } from '../src/core/article.ts';
import { h } from '../src/ui/h.ts';
import { imageOriginPatterns } from '../src/ui/image-origins.ts';
import { uniqueId } from '../src/ui/unique-id.ts';

/** Asks the browser for host permissions (the toolbar click's user activation must still hold). */
export type RequestOrigins = (patterns: string[]) => Promise<boolean>;

export interface ImageChoice {
  readonly element: HTMLElement;
  /** Whether this clip saves its images. */
  checked(): boolean;
  /**
   * Called at the very start of Save or Download, before anything awaits: asks for the image
   * origins Frontclip may not read yet. A refusal is not an error: the images that the sites
   * allow anyway are still saved, the others stay links, and the report says so.
   */
  askForOrigins(): Promise<void>;
}

const count = (n: number): string => (n === 1 ? '1 image' : `${n} images`);

/**
 * The **Save images** checkbox: starts as the Images setting says, changes this clip only, and
 * tells how many images the article has.
 */
export function createImageChoice(article: Article, initial: boolean, requestOrigins: RequestOrigins | undefined): ImageChoice {
  const images = article.images ?? [];
  const box = h('input', { type: 'checkbox', id: uniqueId('save-images') });
  box.checked = initial;
  const noteId = uniqueId('images-note');
  box.setAttribute('aria-describedby', noteId);
  // The count in brackets fits beside Draft in a 380 px popup; screen readers hear it in words.
  const shown = h('span', { class: 'note', 'aria-hidden': 'true' }, `(${images.length})`);
  const said = h('span', { id: noteId, class: 'visually-hidden' }, images.length === 0 ? 'none in this article' : `${count(images.length)} in this article`);
  const element = h('div', { class: 'field field-check', title: said.textContent ?? '' }, box, h('label', { for: box.id }, 'Save images'), shown, said);
  return {
    element,
    checked: () => box.checked,
    async askForOrigins() {
      if (!box.checked || !requestOrigins) return;
      const patterns = imageOriginPatterns(images);
      if (patterns.length === 0) return;
      await requestOrigins(patterns).catch(() => false);
    },
  };
}
