import type { BodyFormat } from './article.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A Markdown body with each saved image's address replaced by its local path. Turndown writes an
 * image as `![alt](src)` or `![alt](src "title")`, the address exactly as the sanitizer left it,
 * so an exact match finds it; a link to the same picture file follows it to the local copy.
 */
function localizeMarkdown(body: string, local: ReadonlyMap<string, string>): string {
  let out = body;
  for (const [src, path] of local) {
    out = out.replace(new RegExp(`\\]\\(${escapeRegExp(src)}(?=\\)| ")`, 'g'), () => `](${path}`);
  }
  return out;
}

/**
 * An HTML body with each saved image's `src` replaced by its local path. The `srcset` and `sizes`
 * of that image, and the `<source>` siblings of its `<picture>`, go: they name the remote copies,
 * and a browser would prefer them to the local file.
 */
function localizeHtml(body: string, local: ReadonlyMap<string, string>): string {
  const byAttribute = new Map<string, string>();
  for (const [src, path] of local) byAttribute.set(escapeAttribute(src), path);
  let out = body.replace(/<img\b[^>]*>/gi, (tag) => {
    const m = /\ssrc="([^"]*)"/i.exec(tag);
    const path = m ? byAttribute.get(m[1]!) : undefined;
    if (path === undefined) return tag;
    return tag
      .replace(/\ssrc="[^"]*"/i, ` src="${escapeAttribute(path)}"`)
      .replace(/\s(?:srcset|sizes)="[^"]*"/gi, '');
  });
  out = out.replace(/<picture\b[^>]*>[\s\S]*?<\/picture>/gi, (picture) => {
    const localImage = /<img\b[^>]*\ssrc="([^"]*)"/i.exec(picture);
    if (!localImage || /^[a-z][a-z0-9+.-]*:/i.test(localImage[1]!)) return picture;
    return picture.replace(/<source\b[^>]*>/gi, '');
  });
  return out;
}

/**
 * The body with the images that were saved pointing at their local copies, as FORMAT.md's
 * "Images saved with the article" asks; images not in `local` keep their absolute URLs.
 * The body is text (Markdown or the sanitizer's own HTML), so the rewrite works on text: the
 * worker that runs it has no DOM.
 */
export function localizeImages(body: string, format: BodyFormat, local: ReadonlyMap<string, string>): string {
  if (local.size === 0) return body;
  return format === 'html' ? localizeHtml(body, local) : localizeMarkdown(body, local);
}
