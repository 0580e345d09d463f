import { describe, expect, it } from 'vitest';
import { removeQuotes, slugify } from '../../src/core/slug.ts';

describe('slugify', () => {
  it("gives the reference sample's slug", () => {
    expect(
      slugify("NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact"),
    ).toBe('nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp-as-nations-near-finalization-of-security-pact');
  });

  it.each([
    ['Café à la crème', 'cafe-a-la-creme'],
    ['Ça français, señor', 'ca-francais-senor'],
    ['Ärger über Öl', 'arger-uber-ol'],
    ['Őrült Ütő', 'orult-uto'],
    ['Tiếng Việt có dấu', 'tieng-viet-co-dau'],
    ['Čeština Ůů Ťť', 'cestina-uu-tt'],
    ['İstanbul', 'istanbul'],
    ['e\u0301cole', 'ecole'], // already decomposed
  ])('removes diacritics from Latin letters: %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ['Straße', 'strasse'],
    ['GROẞE', 'grosse'],
    ['Ærø', 'aero'],
    ['Œuvre', 'oeuvre'],
    ['Łódź', 'lodz'],
    ['Đorđe', 'dorde'],
    ['Þór Ðan', 'thor-dan'],
    ['Malta Ħal', 'malta-hal'],
    ['Ilık ıssız', 'ilik-issiz'],
  ])('spells out Latin letters that do not decompose: %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ['Новый закон', 'новый-закон'],
    ['Йод и чай', 'йод-и-чай'],
    ['и\u0306од', 'йод'], // decomposed й is recomposed, not stripped
    ['Αθήνα σήμερα', 'αθήνα-σήμερα'],
    ['हिन्दी समाचार', 'हिन्दी-समाचार'],
    ['東京 2024 オリンピック', '東京-2024-オリンピック'],
    ['한국어 뉴스', '한국어-뉴스'],
    ['مرحبا بالعالم', 'مرحبا-بالعالم'],
    ['שלום עולם', 'שלום-עולם'],
  ])('keeps letters of other scripts, with their marks: %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ["Trump's son-in-law", 'trumps-son-in-law'],
    ['Iran’s nuclear program', 'irans-nuclear-program'],
    ['‘Quoted’ “words” and "more"', 'quoted-words-and-more'],
    ['«Guillemets» ‹here›', 'guillemets-here'],
    ['back`tick´ and modifierʼs', 'backtick-and-modifiers'],
    ['rock ’n’ roll', 'rock-n-roll'],
  ])('removes apostrophes and quotes instead of separating: %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ['  Hello,   World!  ', 'hello-world'],
    ['--already--dashed--', 'already-dashed'],
    ['UKRAINE–RUSSIA: a crossroads', 'ukraine-russia-a-crossroads'],
    ['a/b\\c?d#e&f', 'a-b-c-d-e-f'],
    ['Tabs\tand\nnewlines\u00a0nbsp', 'tabs-and-newlines-nbsp'],
    ['Emoji 😀 in 👨‍👩‍👧 titles', 'emoji-in-titles'],
    ['50-nation coalition, 2025', '50-nation-coalition-2025'],
    ['x² ½ Ⅻ', 'x²-½-ⅻ'],
    ['snake_case.and.dots', 'snake-case-and-dots'],
  ])('turns every other run into one dash: %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('drops combining marks that follow no letter', () => {
    expect(slugify('\u0301\u0301start 1\u20e3 end \u0308')).toBe('start-1-end');
  });

  it('returns an empty slug when nothing is left', () => {
    expect(slugify('')).toBe('');
    expect(slugify(' -- ?! “” ')).toBe('');
  });

  it('is idempotent', () => {
    for (const title of ['Café Łódź', 'हिन्दी समाचार', "it's -- done", 'Straße 2']) {
      expect(slugify(slugify(title))).toBe(slugify(title));
    }
  });
});

describe('removeQuotes', () => {
  it('removes quotes and apostrophes and nothing else', () => {
    expect(removeQuotes(`'a' "b" ‘c’ “d” \`e\` ´f´ «g» ʼh ＂i＂ 「j」 k-l m.n`)).toBe('a b c d e f g h i j k-l m.n');
  });
});
