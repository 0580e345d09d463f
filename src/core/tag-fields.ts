import type { Article } from './article.ts';
import type { UntaggedClip } from './extract-untagged.ts';
import { detectLanguage } from './stopwords.ts';
import { keywordTags, suggestTags, tagWords } from './tags.ts';

/** The article with its suggested tags (FORMAT.md's rule) and its cleaned page keywords. */
export function withTags({ article, tagSource }: UntaggedClip, tagCount: number): Article {
  // The description adds words to tell the title's language by; the tags still come from the title.
  const words = tagWords(`${article.title} ${article.description}`).map((w) => w.toLowerCase());
  const language = detectLanguage(tagSource.declaredLanguage, words);
  const tags = suggestTags(article.title, tagCount, language);
  return { ...article, tags, keywords: keywordTags(tagSource.pageKeywords, language, tags) };
}
