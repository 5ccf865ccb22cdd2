/** Articles and feed items as the cache stores them: JSON, with instants as ISO strings and no body. */
import type { Article, FeedItem, FeedModel } from '../types.js';

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
  const a: Omit<Article, 'body'> = { ...rest, published: new Date(published) };
  if (updated !== undefined) a.updated = new Date(updated);
  return withLazyBody(a, loadBody);
}

/**
 * A body read on first use of its `kind` or `text` (and kept, since it is then being rendered). A class,
 * not a getter defined on each article: V8 turns an object given an accessor with defineProperty into a
 * slow dictionary (about 1 KB more per article, which at 100,000 articles is 100 MB).
 */
class LazyBody {
  #body: Article['body'] | undefined;
  constructor(private readonly load: () => Article['body']) {}
  get kind(): Article['body']['kind'] {
    return (this.#body ??= this.load()).kind;
  }
  get text(): string {
    return (this.#body ??= this.load()).text;
  }
}

/** The article with a `body` read on first use. */
export function withLazyBody(a: Omit<Article, 'body'>, loadBody: () => Article['body']): Article {
  const out = a as Article;
  out.body = new LazyBody(loadBody) as unknown as Article['body'];
  return out;
}

export function storeItem(i: FeedItem): StoredItem {
  return { ...i, published: i.published.toISOString(), updated: i.updated.toISOString() };
}

export function restoreItem(s: StoredItem): FeedItem {
  return { ...s, published: new Date(s.published), updated: new Date(s.updated) };
}

export type StoredModel = Omit<FeedModel, 'updated' | 'items'> & { updated: string; items: StoredItem[] };

/** A feed's model as JSON (the main feed's, which index.html is made from). */
export function storeModel(m: FeedModel): StoredModel {
  return { ...m, updated: m.updated.toISOString(), items: m.items.map(storeItem) };
}

export function restoreModel(s: StoredModel): FeedModel {
  return { ...s, updated: new Date(s.updated), items: s.items.map(restoreItem) };
}
