/** Article[] → FeedModel: the neutral model every format writer renders. Pure: no I/O, no clock. */
import { diagnostic, Errors } from '../errors.js';
import type { Article, Category, Dateline, Diagnostic, FeedItem, FeedModel, SiteConfig } from '../types.js';
import { localDate } from './_dates.js';
import { assembleContent, excerpt, renderBody } from './content.js';
import { creditLines } from './credits.js';
import { renderDateline, styleFor } from './dateline.js';
import { itemId } from './ids.js';

/** File names of the main feed, relative to the feed base URL. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** Newest first by first publication; ids break ties so the order never depends on input order. */
export function byNewest(a: Article, b: Article): number {
  return b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function toItem(article: Article, config: SiteConfig, diagnostics: Diagnostic[]): FeedItem {
  const language = article.language ?? config.language;
  const rendered = renderBody(article.body, article.url);
  const where = { file: article.file, line: article.bodyLine, field: 'body' };
  if (rendered.removed.length > 0) diagnostics.push(diagnostic(Errors.UnsafeMarkup, where, rendered.removed));
  if (rendered.forbidden > 0) diagnostics.push(diagnostic(Errors.CharsStripped, where, rendered.forbidden));
  const dateline = article.dateline === undefined ? undefined : datelineOf(article, config);
  const credits = creditLines(article.contributors, article.agency, language);
  const item: FeedItem = {
    id: itemId(article.id, config),
    url: article.url,
    title: article.title,
    contentHtml: assembleContent({ body: rendered.html, dateline: dateline?.text, image: article.image, creditLines: credits }),
    published: article.published,
    updated: article.updated ?? article.published,
    categories: categories(article, config),
    creators: article.authors.length > 0 ? article.authors : article.agency === undefined ? [] : [{ name: article.agency.name }],
    contributors: article.contributors,
    creditLines: credits,
  };
  const summary = article.summary ?? excerpt(rendered.html);
  if (summary !== undefined) item.summary = summary;
  if (article.language !== undefined) item.language = article.language;
  if (article.agency !== undefined) item.agency = article.agency;
  if (dateline !== undefined) item.dateline = dateline;
  if (article.image !== undefined) item.image = article.image;
  if (article.rights !== undefined) item.rights = article.rights;
  return item;
}

function datelineOf(article: Article, config: SiteConfig): Dateline | undefined {
  const d = article.dateline;
  if (d === undefined) return undefined;
  // The date at the dateline city, not at the desk: an explicit date from agency copy wins.
  const date = d.date ?? (d.timezone === undefined ? undefined : localDate(article.published, d.timezone));
  const text = renderDateline(styleFor(config, article.language), { city: d.city, date, agency: article.agency?.name }, config.datelineDated);
  const out: Dateline = { city: d.city, text };
  if (d.country !== undefined) out.country = d.country;
  if (d.timezone !== undefined) out.timezone = d.timezone;
  if (date !== undefined) out.date = date;
  return out;
}

function categories(article: Article, config: SiteConfig): Category[] {
  const out: Category[] = [];
  if (article.section !== undefined) out.push({ term: article.section, scheme: new URL('sections', config.siteUrl).href });
  const tagScheme = new URL('tags', config.siteUrl).href;
  for (const tag of new Set(article.tags)) out.push({ term: tag, scheme: tagScheme });
  return out;
}

/** The main feed: published articles, newest first, limited to `itemsPerFeed`. */
export function buildModel(articles: readonly Article[], config: SiteConfig): { model: FeedModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const chosen = articles.filter((a) => !a.draft).sort(byNewest).slice(0, config.itemsPerFeed);
  const items = chosen.map((a) => toItem(a, config, diagnostics));
  if (items.length === 0) diagnostics.push(diagnostic(Errors.NoArticles, { file: config.articlesDir }, config.articlesDir));
  const newest = Math.max(0, ...items.map((i) => i.updated.getTime()));
  const model: FeedModel = {
    id: `${config.idPrefix}feed:main`,
    title: config.title,
    description: config.description,
    language: config.language,
    homeUrl: config.siteUrl,
    selfUrl: {
      rss: new URL(FEED_FILES.rss, config.feedBaseUrl).href,
      atom: new URL(FEED_FILES.atom, config.feedBaseUrl).href,
      json: new URL(FEED_FILES.json, config.feedBaseUrl).href,
    },
    timezone: config.timezone,
    updated: new Date(newest),
    ttl: config.ttl,
    items,
  };
  if (config.hub !== undefined) model.hub = config.hub;
  if (config.copyright !== undefined) model.copyright = config.copyright;
  if (config.icon !== undefined) model.icon = config.icon;
  if (config.favicon !== undefined) model.favicon = config.favicon;
  if (config.author !== undefined) model.author = config.author;
  return { model, diagnostics };
}
