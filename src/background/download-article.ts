import type { Article } from '../core/article.ts';
import { write } from '../core/frontmatter.ts';
import type { Result } from '../messages.ts';
import type { Settings } from '../storage/settings-schema.ts';
import { downloadFile } from '../downloads/download-file.ts';
import { articleMime, downloadPath, downloadSource, objectUrls } from '../downloads/download-url.ts';

/** How long the worker waits for a download to finish before answering that it has started. */
const SETTLE_MS = 15_000;

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** Writes the article file through the downloads API into `<subfolder>/<file name>`. */
export async function downloadArticle(article: Article, settings: Settings): Promise<Result<{ filename: string }>> {
  let path: string;
  let text: string;
  try {
    path = downloadPath(settings.subfolder, article.filename);
    text = write(article);
  } catch (err) {
    return { ok: false, reason: 'download', message: `The file could not be written: ${(err as Error).message}` };
  }
  const done = await downloadFile(downloadSource(text, objectUrls(), articleMime(path)), path, { saveAs: settings.saveAs, settleMs: SETTLE_MS });
  return done.ok ? done : { ok: false, reason: 'download', message: capitalized(done.message) };
}
