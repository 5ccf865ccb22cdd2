/** Articles and feed items as the cache stores them: JSON, with instants as ISO strings and no body. */
import type { Article, FeedItem } from '../types.js';

export type StoredArticle = Omit<Article, 'published' | 'updated' | 'body'> & { published: string; updated?: string };
export type StoredItem = Omit<FeedItem, 'published' | 'updated'> & { published: string; updated: string };

export function storeArticle(a: Article): StoredArticle {
  const { body: _body, published, updated, ...rest } = a;
  const out: StoredArticle = { ...rest, published: published.toISOString() };
  if (updated !== undefined) out.updated = updated.toISOString();
  return out;
}

/** The article back; its body is read only if something asks for it (`body`), through `loadBody`. */
export function restoreArticle(s: StoredArticle, loadBody: () => Article['body']): Article {
  const { published, updated, ...rest } = s;
  const a = { ...rest, published: new Date(published) } as Article;
  if (updated !== undefined) a.updated = new Date(updated);
  let body: Article['body'] | undefined;
  Object.defineProperty(a, 'body', {
    enumerable: true,
    get: () => (body ??= loadBody()),
  });
  return a;
}

export function storeItem(i: FeedItem): StoredItem {
  return { ...i, published: i.published.toISOString(), updated: i.updated.toISOString() };
}

export function restoreItem(s: StoredItem): FeedItem {
  return { ...s, published: new Date(s.published), updated: new Date(s.updated) };
}
