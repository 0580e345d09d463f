/** The first clip of a popup: the article, or the reader's selection when they made one (issue 13). */
export const FIRST_CLIP = { mode: 'article', preferSelection: true } as const;
