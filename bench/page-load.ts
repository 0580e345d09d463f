/**
 * How every bench reads a saved page: most are stored as UTF-8; a few keep their original
 * single-byte encoding. Those are handed to jsdom as bytes, so it decodes them by their own
 * `<meta charset>` as a browser would; read as UTF-8 they would show `�` for every accent.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const quiet = new VirtualConsole();

/** The page's source: a string when it is UTF-8, else its bytes. */
export function readPage(path: string): string | Buffer {
  const bytes = readFileSync(path);
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** A jsdom document of the page at `url`, its scripts not run, its console silenced. */
export function domOf(source: string | Buffer, url: string): JSDOM {
  return new JSDOM(source, { url, virtualConsole: quiet });
}

export function loadDom(path: string, url: string): JSDOM {
  return domOf(readPage(path), url);
}
