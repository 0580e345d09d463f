import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Article } from '../core/article.ts';
import { rankTags } from './rank-tags.ts';

/** One saved article: every Article field, plus when it was first saved and last changed (ISO 8601). */
export interface LibraryEntry extends Article {
  savedAt: string;
  editedAt: string;
}

interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: LibraryEntry;
    indexes: { savedAt: string };
  };
}

const DB_NAME = 'frontclip';
const DB_VERSION = 1;

/** Opens (and on first use creates) the library: one store keyed by the article's `link`. */
export function openLibrary(): Promise<IDBPDatabase<LibrarySchema>> {
  return openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const store = db.createObjectStore('articles', { keyPath: 'link' });
        store.createIndex('savedAt', 'savedAt');
      }
    },
  });
}

async function withLibrary<T>(use: (db: IDBPDatabase<LibrarySchema>) => Promise<T>): Promise<T> {
  // Opened per call and closed at once: the worker may be stopped between any two messages.
  const db = await openLibrary();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** Copies exactly the Article fields, so nothing a caller attached by accident is stored. */
function articleFields(a: Article): Article {
  return {
    title: a.title, date: a.date, dateSource: a.dateSource, description: a.description, summary: a.summary,
    slug: a.slug, image: a.image, link: a.link, source: a.source, categories: [...a.categories],
    tags: [...a.tags], draft: a.draft, body: a.body, siteName: a.siteName, keywords: [...a.keywords],
    filename: a.filename,
  };
}

/**
 * Stores the article under its link, replacing an earlier save of the same link; `savedAt` keeps
 * the first save's time, `editedAt` is `now`. Resolves once the transaction is committed.
 */
export function saveArticle(article: Article, now: Date = new Date()): Promise<LibraryEntry> {
  return withLibrary(async (db) => {
    const tx = db.transaction('articles', 'readwrite');
    const previous = await tx.store.get(article.link);
    const stamp = now.toISOString();
    const entry: LibraryEntry = { ...articleFields(article), savedAt: previous?.savedAt ?? stamp, editedAt: stamp };
    await tx.store.put(entry);
    await tx.done;
    return entry;
  });
}

export function getArticle(link: string): Promise<LibraryEntry | undefined> {
  return withLibrary((db) => db.get('articles', link));
}

/** Every saved article, oldest save first. */
export function listArticles(): Promise<LibraryEntry[]> {
  return withLibrary((db) => db.getAllFromIndex('articles', 'savedAt'));
}

/** Tags used in the library, most used first. */
export async function knownTags(): Promise<string[]> {
  return rankTags((await listArticles()).map((entry) => entry.tags));
}
