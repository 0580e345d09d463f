/**
 * How the command line turns a saved page into a document: as a browser would, as far as jsdom
 * lets it. Two things differ from a plain `new JSDOM(text)`:
 *
 * - Bytes that are not UTF-8 are handed to jsdom as bytes, so it decodes them by the page's own
 *   `<meta charset>` (a page saved in windows-1252 or Shift_JIS keeps its accents); read as UTF-8
 *   every such character would become `�`.
 * - jsdom parses CSS while it builds the document and throws on values a browser merely ignores
 *   (`height: calc(~100% + 1px)`, a preprocessor's leftover): the whole page is lost for one
 *   declaration. Such a page is parsed again with its style sheets emptied and each `style`
 *   attribute cut to the declarations that decide whether an element shows (`display`,
 *   `visibility`), the only ones the extraction reads. Written by hand: no library makes jsdom skip
 *   a declaration it cannot parse.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

// Pages log CSS and script complaints through jsdom's console; they are not ours to print.
const quiet = new VirtualConsole();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The page's text when its bytes are UTF-8, else the bytes for jsdom to decode by the page's charset. */
export function pageSource(bytes: Uint8Array): string | Buffer {
  try {
    return utf8.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** `<style>` … `</style>`: raw text up to the first end tag, as the HTML tokenizer reads it. */
const STYLE_SHEET = /(<style\b[^>]*>)[\s\S]*?(?=<\/style[\s/>])/gi;
/** A quoted `style` attribute (the only form pages write their inline CSS in). */
const STYLE_ATTRIBUTE = /(\sstyle\s*=\s*)("[^"]*"|'[^']*')/gi;
const VISIBILITY = /^\s*(?:display|visibility)\s*:/i;

function visibilityOnly(quoted: string): string {
  const quote = quoted[0] ?? '"';
  const kept = quoted.slice(1, -1).split(';').filter((part) => VISIBILITY.test(part) && !/[()]/.test(part));
  return `${quote}${kept.join(';')}${quote}`;
}

/** The page with the CSS that jsdom could choke on taken out (see above). */
export function withoutCss(html: string): string {
  return html.replace(STYLE_SHEET, '$1').replace(STYLE_ATTRIBUTE, (_, name: string, value: string) => `${name}${visibilityOnly(value)}`);
}

/** A jsdom document of the page at `url`; no scripts run, nothing is fetched. */
export function pageDom(source: string | Buffer, url: string): JSDOM {
  try {
    return new JSDOM(source, { url, virtualConsole: quiet });
  } catch (error) {
    // Bytes are edited as latin1, one character a byte: the markup is ASCII in every encoding a
    // page declares with `<meta charset>`, and the other bytes come back unchanged for jsdom to decode.
    const text = typeof source === 'string' ? source : source.toString('latin1');
    const retry = withoutCss(text);
    if (retry === text) throw error;
    return new JSDOM(typeof source === 'string' ? retry : Buffer.from(retry, 'latin1'), { url, virtualConsole: quiet });
  }
}
