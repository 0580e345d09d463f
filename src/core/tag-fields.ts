import type { Article } from './article.ts';
import type { UntaggedClip } from './extract-untagged.ts';
import { detectLanguage, listLanguage } from './stopwords.ts';
import { keywordTags, suggestTags, tagWords, type TagLanguage } from './tags.ts';

/**
 * Whose stopwords a page's tags leave out: the title's language, told by the words of the title
 * and the description (which add words to tell it by; the tags still come from the title alone)
 * and the page's declared language. A title may mix languages (an English phrase on a German
 * page, a German title under a template left at `en`): when the declared language, or the title's
 * own words taken alone, point to another language than that, the stopwords of each are left out,
 * so no language's small words become tags.
 */
export function tagLanguages(title: string, description: string, declaredLanguage: string | null | undefined): TagLanguage {
  const titleWords = tagWords(title).map((w) => w.toLowerCase());
  const words = [...titleWords, ...tagWords(description).map((w) => w.toLowerCase())];
  const language = detectLanguage(declaredLanguage, words);
  const others = [listLanguage(declaredLanguage), detectLanguage(null, titleWords)];
  const all = [...new Set([language, ...others].filter((l): l is string => l !== null))];
  return all.length > 1 ? all : language;
}

/** The article with its suggested tags (FORMAT.md's rule) and its cleaned page keywords. */
export function withTags({ article, tagSource }: UntaggedClip, tagCount: number): Article {
  const language = tagLanguages(article.title, article.description, tagSource.declaredLanguage);
  const tags = suggestTags(article.title, tagCount, language);
  return { ...article, tags, keywords: keywordTags(tagSource.pageKeywords, language, tags) };
}
