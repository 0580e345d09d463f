import { JSDOM } from 'jsdom';
import { readMetadata } from '../../src/core/metadata.ts';

const NOW = new Date('2026-04-01T12:00:00Z');

/** The date and its source that the metadata chain gives a page of `body`, titled `title`, at `url`. */
export function dateOfPage(body: string, page: { title: string; url: string; lang?: string }): [string | null, string] {
  const html = `<!DOCTYPE html><html lang="${page.lang ?? 'de'}"><head><title>${page.title}</title></head><body>${body}</body></html>`;
  const doc = new JSDOM(html, { url: page.url }).window.document;
  const meta = readMetadata(doc, doc.URL, {}, NOW);
  return [meta.date, meta.dateSource];
}
