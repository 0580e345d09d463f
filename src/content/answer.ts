import { isProbablyReaderable } from '@mozilla/readability';
import { extractUntagged, NoArticleError } from '../core/extract-untagged.ts';
import type { ContentRequest, ContentResponse } from '../messages.ts';
import { selectionHtml } from './selection-html.ts';
import { messageOf } from '../core/error-message.ts';

/**
 * The most elements a whole page or a selection may hold. Sanitizing and converting take about
 * a tenth of a millisecond per element on a laptop, and the page is frozen meanwhile: past this a
 * clip would take seconds, so it is refused at once rather than left to the worker's timeout.
 * Article mode converts only what Readability kept; but on a page this large with no article,
 * Readability's repeated passes take many seconds to find nothing, so a cheap test comes first.
 */
export const MAX_CLIP_ELEMENTS = 40_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** Runs the core on the live page for one request; `now` is the clip's clock. */
export function answer(request: ContentRequest, doc: Document, url: string, now: Date): ContentResponse {
  // The reader who selected text before opening Frontclip meant that text (issue 13).
  const selection = doc.getSelection();
  const mode = request.mode === 'article' && request.preferSelection === true && selection !== null && !selection.isCollapsed && selection.toString().trim() !== ''
    ? 'selection'
    : request.mode;
  if (mode === 'article' && doc.getElementsByTagName('*').length > MAX_CLIP_ELEMENTS && !isProbablyReaderable(doc)) {
    return { ok: false, reason: 'no-article', message: `${new NoArticleError().message} You can clip the whole page or a selection instead.` };
  }
  if (mode === 'page') {
    const elements = doc.body?.getElementsByTagName('*').length ?? 0;
    if (elements > MAX_CLIP_ELEMENTS) {
      return {
        ok: false,
        reason: 'too-large',
        message: `This page is too large to clip whole: it has ${count(elements)} elements, and Frontclip stops at ${count(MAX_CLIP_ELEMENTS)}. Clip the article, or select a part of the page and clip the selection.`,
      };
    }
  }
  const selected = mode === 'selection' ? selectionHtml(selection) : undefined;
  if (mode === 'selection' && !selected) {
    return { ok: false, reason: 'no-selection', message: 'Nothing is selected on the page. Select the part to clip, then try again.' };
  }
  if (selected) {
    const elements = selected.match(/<[a-z]/gi)?.length ?? 0;
    if (elements > MAX_CLIP_ELEMENTS) {
      return {
        ok: false,
        reason: 'too-large',
        message: `The selection is too large to clip: it holds ${count(elements)} elements, and Frontclip stops at ${count(MAX_CLIP_ELEMENTS)}. Select a smaller part of the page.`,
      };
    }
  }
  // Chrome's PDF viewer is a document of type application/pdf whose text extensions can't read.
  if (doc.contentType === 'application/pdf') {
    return { ok: false, reason: 'restricted', message: "This is a PDF shown in the browser's PDF viewer, which extensions can't read." };
  }
  try {
    const { article, tagSource } = extractUntagged(doc, url, {
      now,
      body: request.body,
      mode,
      filenameTemplate: request.filenameTemplate,
      ...(selected === undefined ? {} : { selectionHtml: selected }),
    });
    return { ok: true, article, tagSource, mode };
  } catch (err) {
    if (err instanceof NoArticleError) {
      return mode === 'selection'
        ? { ok: false, reason: 'no-selection', message: err.message }
        : { ok: false, reason: 'no-article', message: `${err.message} You can clip the whole page or a selection instead.` };
    }
    return { ok: false, reason: 'error', message: `Reading the page failed: ${messageOf(err)}` };
  }
}
