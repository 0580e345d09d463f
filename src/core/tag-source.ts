/** What an article's suggested tags and keyword chips are made from, beside its title and description. */
export interface TagSource {
  /** The page's declared language (`<html lang>`, `og:locale`…), '' when it declares none. */
  declaredLanguage: string;
  /** The page's own keywords as the metadata chain found them, not yet cleaned. */
  pageKeywords: string[];
}

/** Whether a value that crossed a message boundary is a TagSource. */
export function isTagSource(value: unknown): value is TagSource {
  if (typeof value !== 'object' || value === null) return false;
  const source = value as { declaredLanguage?: unknown; pageKeywords?: unknown };
  return typeof source.declaredLanguage === 'string'
    && Array.isArray(source.pageKeywords) && source.pageKeywords.every((k) => typeof k === 'string');
}
