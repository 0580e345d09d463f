import { extract, NoArticleError } from '../core/extract.ts';
import type { ContentRequest, ContentResponse } from '../messages.ts';
import { selectionHtml } from './selection-html.ts';

/** Runs the core on the live page for one request; `now` is the clip's clock. */
export function answer(request: ContentRequest, doc: Document, url: string, now: Date): ContentResponse {
  const selected = request.mode === 'selection' ? selectionHtml(doc.getSelection()) : undefined;
  if (request.mode === 'selection' && !selected) {
    return { ok: false, reason: 'no-selection', message: 'Nothing is selected on the page. Select the part to clip, then try again.' };
  }
  // Chrome's PDF viewer is a document of type application/pdf whose text extensions can't read.
  if (doc.contentType === 'application/pdf') {
    return { ok: false, reason: 'restricted', message: "This is a PDF shown in the browser's PDF viewer, which extensions can't read." };
  }
  try {
    const article = extract(doc, url, {
      now,
      body: request.body,
      mode: request.mode,
      tagCount: request.tagCount,
      filenameTemplate: request.filenameTemplate,
      ...(selected === undefined ? {} : { selectionHtml: selected }),
    });
    return { ok: true, article };
  } catch (err) {
    if (err instanceof NoArticleError) {
      return request.mode === 'selection'
        ? { ok: false, reason: 'no-selection', message: err.message }
        : { ok: false, reason: 'no-article', message: `${err.message} You can clip the whole page or a selection instead.` };
    }
    return { ok: false, reason: 'error', message: `Reading the page failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
