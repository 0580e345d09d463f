/**
 * How every bench reads a saved page: as the command line does (src/cli/page-dom.ts), so a bench
 * measures what `frontclip batch` gives. Most pages are stored as UTF-8; a few keep their
 * original single-byte encoding and are decoded by their own `<meta charset>`.
 */
import { readFileSync } from 'node:fs';
import type { JSDOM } from 'jsdom';
import { pageDom, pageSource } from '../src/cli/page-dom.ts';

/** The page's source: a string when it is UTF-8, else its bytes. */
export function readPage(path: string): string | Buffer {
  return pageSource(readFileSync(path));
}

/** A jsdom document of the page at `url`, its scripts not run, its console silenced. */
export function domOf(source: string | Buffer, url: string): JSDOM {
  return pageDom(source, url);
}

export function loadDom(path: string, url: string): JSDOM {
  return domOf(readPage(path), url);
}
