import { describe, expect, it } from 'vitest';
import { buildFilename, DEFAULT_FILENAME_TEMPLATE } from '../../src/core/filename.ts';

const SAMPLE_SLUG =
  'nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact';
const fields = { slug: SAMPLE_SLUG, date: '2026-01-06', title: 'A Title', site: 'www.foxnews.com' };

function byDefault(slug: string): string {
  return buildFilename(DEFAULT_FILENAME_TEMPLATE, { slug, date: '2026-01-06' });
}

function stemOf(name: string): string {
  return name.replace(/\.(?:md|html)$/i, '');
}

/** What every name must satisfy on Windows, macOS and Linux, and in Chromium's download API. */
function expectSafe(name: string): void {
  const stem = stemOf(name);
  expect(name).toMatch(/\.(?:md|html)$/i);
  expect(stem.length).toBeGreaterThan(0);
  expect([...stem].length).toBeLessThanOrEqual(120);
  expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
  expect(name).not.toMatch(/[<>:"/\\|?*~\p{Cc}\p{Cf}]/u);
  expect(stem).not.toMatch(/^[\s.-]|[\s.-]$/u);
  expect(stem.split('.')[0]).not.toMatch(/^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
  expect(wellFormed(name)).toBe(true);
}

function wellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('buildFilename', () => {
  it('defaults to {slug}.md', () => {
    expect(DEFAULT_FILENAME_TEMPLATE).toBe('{slug}.md');
    expect(byDefault('nato-peace-deal')).toBe('nato-peace-deal.md');
  });

  it('fills every placeholder', () => {
    expect(buildFilename('{date}-{slug}.md', fields)).toBe(`2026-01-06-${SAMPLE_SLUG}.md`);
    expect(buildFilename('{year}{month}{day} {site} {title}.html', fields)).toBe('20260106 www.foxnews.com A Title.html');
  });

  it('leaves unknown placeholders as written, even names on Object.prototype', () => {
    expect(buildFilename('{slug}-{author}-{constructor}.md', { slug: 's', date: '2026-01-06' })).toBe('s-{author}-{constructor}.md');
  });

  it('keeps .md or .html, and adds .md to a template without one', () => {
    expect(buildFilename('{slug}.html', fields)).toMatch(/\.html$/);
    expect(buildFilename('{slug}.MD', { slug: 'a', date: '2026-01-06' })).toBe('a.md');
    expect(buildFilename('{slug}', { slug: 'a', date: '2026-01-06' })).toBe('a.md');
    expect(buildFilename('{slug}.txt', { slug: 'a', date: '2026-01-06' })).toBe('a.txt.md');
  });

  it('leaves year, month and day empty for a date that is not YYYY-MM-DD', () => {
    expect(buildFilename('{year}-{slug}.md', { slug: 'a', date: 'soon' })).toBe('a.md');
  });

  it('turns path separators inside a value into dashes, so a title never makes a folder', () => {
    expect(byDefault('../../etc/passwd')).toBe('etc-passwd.md');
    expect(byDefault('a/b\\c')).toBe('a-b-c.md');
    expect(byDefault('C:\\Windows\\x')).toBe('C-Windows-x.md');
    expect(buildFilename('{site}/{slug}.md', { slug: 'x', date: '2026-01-06', site: '../../etc' })).toBe('etc/x.md');
  });

  it('keeps the folders a template writes, each segment made safe', () => {
    const fields = { slug: 'bridge-opens', date: '2026-03-14', title: 'Bridge: opens?', site: 'www.river.test' };
    expect(buildFilename('{year}/{month}/{slug}.md', fields)).toBe('2026/03/bridge-opens.md');
    expect(buildFilename('{site}/{slug}.md', fields)).toBe('www.river.test/bridge-opens.md');
    expect(buildFilename('{slug}/index.md', fields)).toBe('bridge-opens/index.md');
    expect(buildFilename('News: {title}/{date}.html', fields)).toBe('News- Bridge- opens/2026-03-14.html');
  });

  it('drops empty, dot and dot-dot segments: never absolute, never climbing out, never an empty folder name', () => {
    const fields = { slug: 'x', date: '2026-01-06', site: '' };
    expect(buildFilename('/{slug}.md', fields)).toBe('x.md');
    expect(buildFilename('../../{slug}.md', fields)).toBe('x.md');
    expect(buildFilename('a/./b//{slug}.md', fields)).toBe('a/b/x.md');
    expect(buildFilename('{site}/{slug}.md', fields)).toBe('x.md');
    expect(buildFilename('con/aux/{slug}.md', fields)).toBe('con_/aux_/x.md');
    expect(buildFilename('a/b/c/d/e/f/g/h/i/j/{slug}.md', fields)).toBe('a/b/c/d/e/f/g/h/x.md');
    expect(buildFilename('{slug}/', fields)).toBe('x/article.md');
  });

  it('never yields . or .. or an empty name', () => {
    expect(byDefault('..')).toBe('article.md');
    expect(byDefault('.')).toBe('article.md');
    expect(byDefault('')).toBe('article.md');
    expect(byDefault(' . - . ')).toBe('article.md');
    expect(buildFilename('.md', { slug: '', date: '' })).toBe('article.md');
    expect(byDefault('a..b')).toBe('a..b.md');
  });

  it('replaces the characters Windows reserves, and ~', () => {
    expect(byDefault('a<b>c:d"e|f?g*h~i')).toBe('a-b-c-d-e-f-g-h-i.md');
    expect(byDefault('what?!*')).toBe('what-!.md');
  });

  it('drops control and format characters, keeping whitespace as a space', () => {
    expect(buildFilename('{title}.md', { slug: '', date: '', title: 'a\u0000b\u001f\u007f\u0085c\td\ne' })).toBe('ab c d e.md');
    expect(byDefault('evil\u202egnp.md')).toBe('evilgnp.md.md');
    expect(byDefault('zero\u200bwidth\ufeff')).toBe('zerowidth.md');
    expect(byDefault('lone\ud800surrogate\udc00')).toBe('lonesurrogate.md');
    expect(byDefault('non\ufffechar\ufdd0')).toBe('nonchar.md');
  });

  it('removes leading and trailing dots, spaces and dashes', () => {
    expect(byDefault('.hidden')).toBe('hidden.md');
    expect(byDefault('trailing. . ')).toBe('trailing.md');
    expect(byDefault('  spaced  ')).toBe('spaced.md');
    expect(byDefault('-option-')).toBe('option.md');
    expect(buildFilename('{title}.md', { slug: '', date: '', title: 'Title ends with a dot.' })).toBe('Title ends with a dot.md');
  });

  it.each(['CON', 'con', 'PRN', 'aux', 'NUL', 'com1', 'COM9', 'lpt1', 'LPT9', 'com¹', 'conin$', 'CONOUT$'])(
    'avoids the Windows device name %s',
    (name) => {
      expect(byDefault(name)).toBe(`${name}_.md`);
      expect(buildFilename('{slug}.html', { slug: name, date: '' })).toBe(`${name}_.html`);
    },
  );

  it('avoids device names before a further extension, and leaves longer names alone', () => {
    expect(byDefault('nul.tar')).toBe('nul_.tar.md');
    expect(byDefault('aux .x')).toBe('aux_.x.md');
    expect(byDefault('console')).toBe('console.md');
    expect(byDefault('com10')).toBe('com10.md');
    expect(byDefault('con-game')).toBe('con-game.md');
  });

  it('avoids a device name that only appears once a long name is cut', () => {
    // Found by the fuzz test: the dashes are cut away and `nul` is left.
    expect(buildFilename('nul{site}.txt', { slug: '', date: '2026-01-06', title: '', site: '-'.repeat(114) })).toBe('nul_.md');
  });

  it('cuts a long slug at a dash, within 120 characters', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const name = byDefault(words.join('-'));
    const stem = stemOf(name);
    expect(stem.length).toBeLessThanOrEqual(120);
    expect(stem.length).toBeGreaterThan(100);
    expect(words.join('-').startsWith(`${stem}-`)).toBe(true); // ends on a whole word
  });

  it('cuts a 300-character title at a word boundary', () => {
    const title = 'Lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(6).slice(0, 300);
    expect(title).toHaveLength(300);
    const fromSlug = byDefault(title.toLowerCase().replace(/ /g, '-'));
    expect(stemOf(fromSlug)).toBe(
      'lorem-ipsum-dolor-sit-amet-consectetur-adipiscing-elit-lorem-ipsum-dolor-sit-amet-consectetur-adipiscing-elit-lorem',
    );
    const fromTitle = buildFilename('{title}.md', { slug: '', date: '', title });
    expect(fromTitle).toMatch(/\.md$/);
    expect(stemOf(fromTitle).length).toBeLessThanOrEqual(120);
    expectSafe(fromTitle);
  });

  it('cuts hard when no dash is near the limit', () => {
    const name = byDefault(`short-${'x'.repeat(200)}`);
    expect(name).toBe(`short-${'x'.repeat(114)}.md`);
  });

  it('cuts exactly at the limit when a dash follows it', () => {
    const slug = `${'a'.repeat(120)}-tail`;
    expect(byDefault(slug)).toBe(`${'a'.repeat(120)}.md`);
  });

  it('never splits a surrogate pair and counts emoji as one character', () => {
    const name = byDefault('😀'.repeat(130));
    const stem = stemOf(name);
    expect(wellFormed(stem)).toBe(true);
    expect([...stem].every((ch) => ch === '😀')).toBe(true);
    // 50 emoji are the 200-byte budget (4 bytes each).
    expect([...stem]).toHaveLength(50);
  });

  it('keeps a name of multi-byte letters within 255 UTF-8 bytes', () => {
    const name = byDefault('東'.repeat(300));
    expect([...stemOf(name)]).toHaveLength(66); // 3 bytes each, 200-byte budget
    expectSafe(name);
  });

  it('keeps emoji and non-Latin letters', () => {
    expect(byDefault('😀-東京-नमस्ते')).toBe('😀-東京-नमस्ते.md');
  });

  it('keeps the length limit with a {date}-{slug}.md template', () => {
    const name = buildFilename('{date}-{slug}.md', { slug: 'word-'.repeat(80), date: '2026-01-06' });
    expect(name.startsWith('2026-01-06-word-word')).toBe(true);
    expect(name).toMatch(/-word\.md$/);
    expect(stemOf(name).length).toBeLessThanOrEqual(120);
  });

  it.each([
    '../..', 'CON', 'a/b', '\u0000\u0001', ' trailing. ', '😀'.repeat(300), 'x'.repeat(500),
    'Iran’s “nuclear” program: what’s next?', 'nul.md', '~tilde~', 'ok',
  ])('gives a safe name for %j', (slug) => {
    expectSafe(byDefault(slug));
    expectSafe(buildFilename('{date}-{slug}.html', { slug, date: '2026-01-06' }));
    expectSafe(buildFilename('{title}', { slug, date: '2026-01-06', title: slug }));
  });
});
