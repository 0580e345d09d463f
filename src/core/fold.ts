import type { ArticleFile } from './article.ts';

// ---------------------------------------------------------------------------------------------
// Folding (FORMAT.md, "Quoting and escaping")

// Unicode White_Space: tab, LF, VT, FF, CR, space, NEL, NBSP, U+1680, U+2000–U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000. Deliberately not JavaScript's `\s`, which adds U+FEFF: a BOM is
// not a space, so it is escaped (or dropped) like a control character instead of folded.
const WHITESPACE_RUN = /\p{White_Space}+/gu;

// Text read from a page: the same set plus U+FEFF, which a page can only hold as an invisible
// zero-width no-break space (a reader sees none). Written `[\s\u0085]`: JavaScript's `\s` is that
// set without U+0085 (NEL), which the file's writer folds, so the popup and the file agree.
const PAGE_SPACE_RUN = /[\s\u0085]+/g;

/**
 * Text read from a page as a reader sees it: every run of white space one space, the ends
 * trimmed. The one fold of the core's measures and comparisons; the file's own folding (below)
 * differs only in keeping U+FEFF.
 */
export function foldSpaces(text: string | null | undefined): string {
  // `trim` removes exactly `\s`, all of which is a single space by then: the ends only.
  return (text ?? '').replace(PAGE_SPACE_RUN, ' ').trim();
}

// What YAML cannot hold as is (outside YAML 1.2's printable set) or holds ambiguously: the C0 and
// C1 controls and DEL that are not whitespace, the BOM (only allowed at the start of a stream),
// and the noncharacters U+FFFE/U+FFFF. Double-quoted fields escape these; single-quoted ones,
// which have no escapes, drop them. The ranges are \p{Cc} minus the whitespace controls (tab to
// CR, NEL), which are folded instead.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNPRINTABLE = /[\x00-\x08\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]/g;

// A lone surrogate cannot be encoded as UTF-8: the file on disk would hold U+FFFD anyway, so the
// text is made well-formed up front and what is written is what will be read back.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether `text` has no lone surrogate: `String.prototype.isWellFormed` (ES2024, not typed in the
 * ES2023 lib this project targets), by the pattern where a browser lacks it. The native check
 * matters: a library import checks 10,000 bodies, and the lookbehind pattern over each whole body
 * was most of that time.
 */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native !== undefined ? native.call(text) : text.search(LONE_SURROGATE) === -1;
}

function wellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(LONE_SURROGATE, '\uFFFD');
}

// What folding may change: white space other than the space (`[\s\u0085]` as for page text above,
// whose one extra, U+FEFF, only costs a replace that leaves it), two spaces together, or a space
// at either end. Most fields hold none of these, and a test that finds nothing is far cheaper than
// the Unicode replace (a library import folds some 100,000 fields).
const FOLDABLE = /[^\S ]|\u0085| {2}|^ | $/;

function foldWhitespace(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  // Not `trim`, which would take a BOM from the ends too.
  return text.replace(WHITESPACE_RUN, ' ').replace(/^ | $/g, '');
}

/** A double-quoted field's value as it will read back: whitespace folded, trimmed. */
function foldEscaped(text: string): string {
  return foldWhitespace(wellFormed(text));
}

/**
 * A single-quoted field's value as it will read back. Unprintables go before whitespace is
 * folded, so that `a \0 b` gives `a b`, not `a  b`, and folding twice changes nothing. These
 * values are trimmed too: a URL or a tag has no use for edge spaces.
 */
function foldPlain(text: string): string {
  return foldWhitespace(wellFormed(text).replace(UNPRINTABLE, ''));
}

/**
 * The body without its trailing line breaks: the writer ends the file with exactly one `\n`, so a
 * body's own final newlines cannot survive a write, and a reader could not tell `x` from `x\n`.
 * Leading newlines and every other byte are kept.
 */
function foldBody(text: string): string {
  return trimLineBreaks(wellFormed(text));
}

// A loop rather than /[\r\n]+$/, which backtracks quadratically over long runs of newlines.
export function trimLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}

/**
 * The file as `write` will store it and `parse` will read it back: one-line fields folded,
 * unprintable characters dropped from single-quoted fields, trailing newlines cut from the body.
 * `parse(write(f))` deep-equals `normalize(f)`, and `normalize` is idempotent.
 */
export function normalize(file: ArticleFile): ArticleFile {
  return {
    title: foldEscaped(file.title),
    date: file.date,
    description: foldEscaped(file.description),
    summary: foldEscaped(file.summary),
    slug: foldEscaped(file.slug),
    image: foldPlain(file.image),
    link: foldPlain(file.link),
    source: foldPlain(file.source),
    categories: file.categories.map(foldPlain),
    tags: file.tags.map(foldPlain),
    draft: file.draft,
    body: foldBody(file.body),
  };
}

// ---------------------------------------------------------------------------------------------
// Days

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written `YYYY-MM-DD` (year 0001 to 9999). */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return year >= 1 && day >= 1 && day <= max;
}
