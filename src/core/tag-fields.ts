import type { Article } from './article.ts';
import type { UntaggedClip } from './extract-untagged.ts';
import { detectLanguage, listLanguage } from './stopwords.ts';
import { keywordTags, suggestTags, tagWords, type TagLanguage } from './tags.ts';

/**
 * Whose stopwords a page's tags leave out: the title's language, told by the words of the title
 * and the description (which add words to tell it by; the tags still come from the title alone)
 * and the page's declared language. When the words overrule the declared language, the title may
 * mix the two (an English title on a German page, a German one under a template left at `en`):
 * the stopwords of both are left out, so neither language's small words become tags.
 */
export function tagLanguages(title: string, description: string, declaredLanguage: string | null | undefined): TagLanguage {
  const words = tagWords(`${title} ${description}`).map((w) => w.toLowerCase());
  const language = detectLanguage(declaredLanguage, words);
  const declared = listLanguage(declaredLanguage);
  return language !== null && declared !== null && declared !== language ? [language, declared] : language;
}

/** The article with its suggested tags (FORMAT.md's rule) and its cleaned page keywords. */
export function withTags({ article, tagSource }: UntaggedClip, tagCount: number): Article {
  const language = tagLanguages(article.title, article.description, tagSource.declaredLanguage);
  const tags = suggestTags(article.title, tagCount, language);
  return { ...article, tags, keywords: keywordTags(tagSource.pageKeywords, language, tags) };
}
