import type { ArticleFile } from '../core/article.ts';
import { FrontMatterError } from '../core/frontmatter.ts';

const TEXT_KEYS = ['title', 'description', 'summary', 'slug', 'image', 'link', 'source', 'body'] as const;

function strings(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new FrontMatterError(`"${key}" must be a list of strings`);
  }
  return value as string[];
}

/**
 * Reads the JSON that `frontclip parse` (or `clip --json`) prints back into file fields.
 * `title` and `date` are required; other fields default to empty; unknown keys are ignored so
 * the output of `clip --json` can be piped straight in.
 */
export function articleFileFromJson(value: unknown): ArticleFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FrontMatterError('the JSON must be one object of article fields');
  }
  const fields = value as Record<string, unknown>;
  const text: Record<string, string> = {};
  for (const key of TEXT_KEYS) {
    const field = fields[key] ?? '';
    if (typeof field !== 'string') throw new FrontMatterError(`"${key}" must be a string`);
    text[key] = field;
  }
  if (!text.title) throw new FrontMatterError('"title" is required');
  const date = fields.date;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new FrontMatterError('"date" must be a YYYY-MM-DD string');
  }
  const draft = fields.draft ?? false;
  if (typeof draft !== 'boolean') throw new FrontMatterError('"draft" must be true or false');
  return {
    title: text.title,
    date,
    description: text.description ?? '',
    summary: fields.summary === undefined ? (text.description ?? '') : (text.summary ?? ''),
    slug: text.slug ?? '',
    image: text.image ?? '',
    link: text.link ?? '',
    source: text.source ?? '',
    categories: strings(fields.categories, 'categories'),
    tags: strings(fields.tags, 'tags'),
    draft,
    body: text.body ?? '',
  };
}
