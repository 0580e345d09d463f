import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/stopwords.ts';
import { KEYWORD_CHIP_LIMIT, keywordTags, mergeTags, normalizeTag, suggestTags, tagWords } from '../../src/core/tags.ts';
import { tagLanguages, withTags } from '../../src/core/tag-fields.ts';

const SAMPLE_TITLE =
  "NATO ambassador says Ukraine peace deal could be 'on the cusp' as nations near finalization of security pact";

describe('suggestTags', () => {
  it("gives the reference sample's tags", () => {
    expect(suggestTags(SAMPLE_TITLE)).toEqual(['finalization', 'ambassador', 'security', 'ukraine', 'nations']);
  });

  it('takes count words, and all of them when there are fewer', () => {
    expect(suggestTags(SAMPLE_TITLE, 2)).toEqual(['finalization', 'ambassador']);
    expect(suggestTags(SAMPLE_TITLE, 0)).toEqual([]);
    expect(suggestTags(SAMPLE_TITLE, -3)).toEqual([]);
    expect(suggestTags('peace talks', 5)).toEqual(['peace', 'talks']);
    expect(suggestTags('')).toEqual([]);
  });

  it('keeps title order among words of equal length', () => {
    expect(suggestTags('bbb aaa ccc dddd eee', 10)).toEqual(['dddd', 'bbb', 'aaa', 'ccc', 'eee']);
  });

  it('lower-cases and removes duplicates, keeping the first place', () => {
    expect(suggestTags('Peace PEACE talks peace Talks', 10)).toEqual(['peace', 'talks']);
  });

  it('removes apostrophes instead of splitting words', () => {
    expect(suggestTags("Trump's Iran’s 'quoted'", 10)).toEqual(['trumps', 'quoted', 'irans']);
  });

  it('splits on every non-letter, non-digit character but a hyphen between two letters', () => {
    expect(suggestTags('son-in-law 2025: U.S./EU_deal 😀emoji late‐night COVID-19', 20, null)).toEqual([
      'son-in-law', 'late-night', 'emoji', 'covid', 'deal', 'eu',
    ]);
  });

  it('counts length in code points, not UTF-16 units', () => {
    // Each 𝒜 is one character but two UTF-16 units: 𝒜𝒜𝒜 (3) is shorter than abcd (4).
    expect(suggestTags('𝒜𝒜𝒜 abcd', 2)).toEqual(['abcd', '𝒜𝒜𝒜']);
  });

  it('keeps combining marks inside words of other scripts', () => {
    expect(suggestTags('हिन्दी समाचार आजकल', 5)).toEqual(['हिन्दी', 'समाचार', 'आजकल']);
  });

  it('keeps diacritics and treats composed and decomposed forms as one word', () => {
    expect(suggestTags('Café cafe\u0301 Zürich', 5)).toEqual(['zürich', 'café']);
  });
});

describe('suggestTags leaves out what is no subject', () => {
  it.each([
    ['Python 3.12.0 is now available', 'en', ['available', 'python']],
    ['Swifts: it seems the summer is over', 'en', ['swifts', 'summer', 'seems']],
    ['Worauf sollte man bei der Wahl warten?', 'de', ['worauf', 'warten', 'wahl']],
    ['La réforme des retraites est adoptée', 'fr', ['retraites', 'réforme', 'adoptée']],
    ['El gobierno y la reforma de 2024', 'es', ['gobierno', 'reforma']],
  ])('%j (%s) → %j', (title, language, tags) => {
    expect(suggestTags(title, 5, language)).toEqual(tags);
  });

  it('drops bare numbers and words of one or two characters', () => {
    expect(suggestTags('Top 10 of 2025: an ox, a yak and 3 zebras', 10, null)).toEqual(['zebras', 'top', 'yak', 'and']);
  });

  it('keeps two-character words of scripts whose characters are syllables or words', () => {
    expect(suggestTags('约会软件_智能_好奇心日报', 5, 'zh')).toEqual(['好奇心日报', '约会软件', '智能']);
    expect(suggestTags('정부 발표 a', 5, 'ko')).toEqual(['정부', '발표']);
  });

  it('keeps acronyms the title writes in capitals, even short ones or stopwords, lower-cased', () => {
    expect(suggestTags('NATO and the EU: what US voters think of AMA rules', 10, 'en')).toEqual(['voters', 'think', 'rules', 'nato', 'ama', 'eu', 'us']);
    // A title in capitals throughout writes no acronym apart: its short words go.
    expect(suggestTags('US VOTERS AND THE EU', 10, 'en')).toEqual(['voters']);
  });

  it("guesses the title's language from its words when none is given", () => {
    expect(suggestTags('Was Sie über die Regel der Bahn sagen')).toEqual(['regel', 'sagen', 'bahn']);
  });
});

describe('detectLanguage', () => {
  const words = (text: string) => tagWords(text).map((w) => w.toLowerCase());

  it("takes the page's declared language when the words agree or say nothing", () => {
    expect(detectLanguage('de-AT', words('Schnee in Wien'))).toBe('de');
    expect(detectLanguage('nb-NO', words('Snø i Oslo'))).toBe('no');
    expect(detectLanguage('pt_BR', words('Chuva'))).toBe('pt');
  });

  it('follows the words when the page declares none, an unknown one, or one they contradict', () => {
    expect(detectLanguage(null, words('Was Sie über die neue Regel wissen sollten'))).toBe('de');
    expect(detectLanguage('tlh', words('What you should know about the new rule'))).toBe('en');
    expect(detectLanguage('en', words('Was Sie über die neue Regel wissen sollten'))).toBe('de');
  });

  it('gives null when no word is a stopword of any language', () => {
    expect(detectLanguage(null, words('Zebras'))).toBeNull();
  });
});

describe('keywordTags', () => {
  it('cleans the page keywords as title words: stopwords, numbers and short words go, acronyms stay', () => {
    expect(keywordTags(['Horoskop', 'the', '2024', 'Minnesota Wild', 'ab', 'EU', 'HOROSKOP', "O'Brien"], 'en')).toEqual([
      'horoskop', 'minnesota wild', 'eu', 'obrien',
    ]);
  });

  it('never repeats a suggested tag and stops at the limit', () => {
    const many = Array.from({ length: 12 }, (_, i) => `keyword${String.fromCharCode(97 + i)}`);
    expect(keywordTags(['Ukraine', ...many], 'en', ['ukraine'])).toEqual(many.slice(0, KEYWORD_CHIP_LIMIT));
  });
});

describe('normalizeTag', () => {
  it.each([
    ['  Foreign  Policy ', 'foreign policy'],
    ['\tUKRAINE\n', 'ukraine'],
    ['a\u00a0\u2028b', 'a b'],
    ['x\u0000y\u007f', 'xy'],
    ['cafe\u0301', 'café'],
    ['', ''],
  ])('%j → %j', (tag, normal) => {
    expect(normalizeTag(tag)).toBe(normal);
  });
});

describe('mergeTags', () => {
  it('normalises, drops empty tags and keeps the first occurrence', () => {
    expect(mergeTags(['Ukraine', 'peace '], ['  ', 'ukraine', 'NATO'], ['Peace', 'talks'])).toEqual([
      'ukraine', 'peace', 'nato', 'talks',
    ]);
  });

  it('returns an empty list for no input', () => {
    expect(mergeTags()).toEqual([]);
  });
});

describe('tagLanguages: a title that mixes the page\'s declared language with another', () => {
  const title = 'Through the Looking Glass: Juni und die neue Vorstellung';
  const description = 'Im Juni stellen wir die neue Reihe vor, mit der wir uns dem Film und der Bühne widmen.';

  it('leaves out the stopwords of both when the words overrule the declared language', () => {
    const languages = tagLanguages(title, description, 'en');
    expect(languages).toEqual(['de', 'en']);
    const tags = suggestTags(title, 10, languages);
    expect(tags).not.toContain('through');
    expect(tags).not.toContain('und');
    expect(tags).toEqual(['vorstellung', 'looking', 'glass', 'juni']);
    // The German list alone would keep the English small words.
    expect(suggestTags(title, 10, 'de')).toContain('through');
  });

  it('keeps to one language when the words agree with the declared one, or nothing is declared', () => {
    expect(tagLanguages(title, description, 'de')).toBe('de');
    expect(tagLanguages(title, description, null)).toBe('de');
    expect(tagLanguages('Peace talks resume in Geneva', 'The talks are about the war.', 'en')).toBe('en');
  });

  it('is what withTags uses', () => {
    const article = { title, description } as Parameters<typeof withTags>[0]['article'];
    const tagged = withTags({ article, tagSource: { declaredLanguage: 'en', pageKeywords: [] } }, 5);
    expect(tagged.tags).toEqual(['vorstellung', 'looking', 'glass', 'juni']);
  });
});

describe('tagLanguages: a title whose own words show another language than its page', () => {
  it('leaves out the stopwords the title shows even when nothing is declared', () => {
    const title = 'Through the Booking Glass: Juni und Genre-Vorstellung';
    const description = 'Im Juni stellen wir die neue Reihe vor, mit der wir uns dem Film und der Bühne widmen.';
    const languages = tagLanguages(title, description, null);
    expect(languages).toEqual(['de', 'en']);
    expect(suggestTags(title, 5, languages)).toEqual(['genre-vorstellung', 'booking', 'glass', 'juni']);
  });
});
