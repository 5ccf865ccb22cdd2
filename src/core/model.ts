/** Article[] → FeedModel: the neutral model every format writer renders. Pure: no I/O, no clock. */
import { diagnostic, Errors } from '../errors.js';
import type { Article, Category, ContentMode, Dateline, Diagnostic, FeedItem, FeedModel, Format, SiteConfig } from '../types.js';
import { localDate } from './_dates.js';
import { shownAsText } from './_markdown.js';
import { assembleContent, renderBody } from './content.js';
import { bylineText, creditLines } from './credits.js';
import { renderDateline, styleFor } from './dateline.js';
import { itemId } from './ids.js';
import { excerpt, summaryOf } from './summary.js';

/** File names of the main feed, relative to the feed base URL. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
/** Registered media types of the formats, as autodiscovery `<link type>` wants them (no charset parameter). */
export const FEED_TYPES: Readonly<Record<Format, string>> = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' };
/** The formats as people name them. */
export const FORMAT_NAMES: Readonly<Record<Format, string>> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };

/** Newest first by first publication; ids break ties so the order never depends on input order. */
export function byNewest(a: Pick<Article, 'published' | 'id'>, b: Pick<Article, 'published' | 'id'>): number {
  return b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * One article as a feed item. `content: "summary"` leaves the content out and renders no Markdown (the
 * summary, when the record has none, comes from the body's first paragraph either way, identically).
 */
export function toItem(article: Article, config: SiteConfig, diagnostics: Diagnostic[], content: ContentMode = 'full'): FeedItem {
  const language = article.language ?? config.language;
  const dateline = article.dateline === undefined ? undefined : datelineOf(article, config);
  // (Contributors' names in NFC too: one person credited as byline and contributor is spelt one way.)
  const contributors = article.contributors.every((c) => NFC_SAFE.test(c.name)) ? article.contributors : article.contributors.map((c) => ({ ...c, name: c.name.normalize('NFC') }));
  const credits = creditLines(contributors, article.agency, language);
  let contentHtml: string | undefined;
  let summary = article.summary;
  if (content === 'full') {
    const rendered = renderBody(article.body, article.url);
    const where = { file: article.file, line: article.bodyLine, field: 'body' };
    if (rendered.removed.length > 0) diagnostics.push(diagnostic(Errors.UnsafeMarkup, { ...where, line: removedLine(article, rendered.removed) }, rendered.removed));
    if (rendered.forbidden > 0) diagnostics.push(diagnostic(Errors.CharsStripped, where, rendered.forbidden));
    if (rendered.tooDeep === true) diagnostics.push(diagnostic(Errors.BodyTooDeep, where, article.body.kind === 'markdown'));
    if (rendered.tableTooLarge !== undefined) diagnostics.push(diagnostic(Errors.BodyTableTooLarge, where, rendered.tableTooLarge));
    if (rendered.renderFailed !== undefined) diagnostics.push(diagnostic(Errors.BodyRenderFailed, where, rendered.renderFailed));
    if (rendered.tooSlow !== undefined) diagnostics.push(diagnostic(Errors.BodyTooSlow, where, rendered.tooSlow));
    // No content at all (an empty body, no dateline, photo or credits) is left out, not written as an empty element.
    contentHtml = assembleContent({ body: rendered.html, byline: bylineText(article.authors, language), dateline: dateline?.text, image: article.image, creditLines: credits, language }) || undefined;
    summary ??= excerpt(rendered.html);
  } else {
    summary ??= article.excerpt ?? summaryOf(article.body);
  }
  const item: FeedItem = {
    id: itemId(article.id, config),
    url: article.url,
    title: article.title,
    published: article.published,
    updated: article.updated ?? article.published,
    categories: categories(article, config),
    // (Names in NFC, as author feeds are named: one author's items spell the name one way, review.)
    creators: article.authors.length > 0 ? article.authors.map((a) => (NFC_SAFE.test(a.name) ? a : { ...a, name: a.name.normalize('NFC') })) : article.agency === undefined ? [] : [{ name: article.agency.name }],
    contributors,
    creditLines: credits,
  };
  if (contentHtml !== undefined) item.contentHtml = contentHtml;
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
  const text = renderDateline(styleFor(config, article.language), { city: d.city, date, agency: article.agency?.name, language: article.language ?? config.language }, config.datelineDated);
  const out: Dateline = { city: d.city, text };
  if (d.country !== undefined) out.country = d.country;
  if (d.timezone !== undefined) out.timezone = d.timezone;
  if (date !== undefined) out.date = date;
  return out;
}

/**
 * The line of a Markdown body where the first markup sanitising removed is written (a tag, an event
 * handler), so the desk can find it in a long story (QA: the warning named the body's first line); the
 * body's first line when none is found there (a URL's scheme) or the body is a JSON record's string.
 */
function removedLine(article: Article, removed: readonly string[]): number | undefined {
  const line = article.bodyLine;
  // (A JSON record's body is one string on one line of its file: its own line breaks are no lines there.)
  if (line === undefined || article.body.kind !== 'markdown' || /\.json$/i.test(article.file)) return line;
  // What Markdown shows as text (code, a comment, an escaped `<`) is no markup: blanked, lines kept (review:
  // a `<script>` in a code span was taken for the removed one).
  const text = shownAsText(article.body.text);
  // One pass for every tag removed (a search of the body for each took 34 s for 60,000 names: review).
  const tags = new Set(removed.map((what) => /^<([\w:-]+)>$/.exec(what)?.[1]?.toLowerCase()).filter((t) => t !== undefined));
  let first = -1;
  if (tags.size > 0) {
    for (const m of text.matchAll(/<\s*([a-zA-Z][\w:-]*)/g)) {
      if (!tags.has((m[1] ?? '').toLowerCase())) continue;
      first = m.index;
      break;
    }
  }
  if (removed.some((what) => what.startsWith('on… '))) {
    const at = text.search(/<[a-z][\w:-]*\s[^<>]*\bon[a-z]+\s*=/i);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return line;
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) n += 1;
  return line + n;
}

/** Text that NFC leaves as it is, known without asking ICU: Latin-1 alone. */
const NFC_SAFE = /^[\x00-\xff]*$/;

function categories(article: Article, config: SiteConfig): Category[] {
  const out: Category[] = [];
  // In NFC, as the feeds are named (core/feeds.ts): one tag feed's items give its tag in one spelling,
  // whether a desk wrote it composed or decomposed (`café`, `cafe\u0301`), and a tag written twice either
  // way is one category (QA: one feed's items carried two byte-different spellings, which readers that
  // group by tag showed as two tags).
  const section = article.section?.normalize('NFC');
  if (section !== undefined) out.push({ term: section, scheme: new URL('sections', config.siteUrl).href });
  const tagScheme = new URL('tags', config.siteUrl).href;
  // A tag that is the section's name, in any case, is its category already: readers that show categories
  // without their scheme (most; QA with gofeed, ROME, XML::Feed and Ruby) listed it twice. (Its tag feed
  // still has the story; a reader that goes by the scheme sees the section's category there.)
  const seen = new Set<string>();
  const sectionKey = section?.toLowerCase();
  for (const tag of article.tags) {
    const key = tag.normalize('NFC');
    if (!seen.has(key) && key.toLowerCase() !== sectionKey) out.push({ term: key, scheme: tagScheme });
    seen.add(key);
  }
  return out;
}

/** The main feed: published articles, newest first, limited to `itemsPerFeed`. */
export function buildModel(articles: readonly Article[], config: SiteConfig): { model: FeedModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const chosen = articles.filter((a) => !a.draft).sort(byNewest).slice(0, config.itemsPerFeed);
  const items = chosen.map((a) => toItem(a, config, diagnostics));
  if (items.length === 0) diagnostics.push(diagnostic(Errors.NoArticles, { file: config.articlesDir }, config.articlesDir));
  return { model: feedModel({ id: `${config.idPrefix}feed:main`, title: config.title, description: config.description, dir: '' }, items, config), diagnostics };
}

/** The documents of a feed whose files are in `dir` (`` or ending with `/`), by format. */
export function feedUrls(dir: string, config: SiteConfig): Record<Format, string> {
  return {
    rss: new URL(`${dir}${FEED_FILES.rss}`, config.feedBaseUrl).href,
    atom: new URL(`${dir}${FEED_FILES.atom}`, config.feedBaseUrl).href,
    json: new URL(`${dir}${FEED_FILES.json}`, config.feedBaseUrl).href,
  };
}

export interface FeedHead {
  id: string;
  title: string;
  description: string;
  /** Directory of the feed's documents in the output (`` or ending with `/`). */
  dir: string;
}

/**
 * A feed's `updated`: its items' latest (the epoch for none). An archive of stories from before 1970 is
 * updated when its newest was; only its files' Last-Modified stops at the epoch (hosting/manifest.ts).
 */
export function newestOf(items: readonly FeedItem[]): Date {
  const i = newestIndex(items);
  return new Date(i < 0 ? 0 : (items[i] as FeedItem).updated.getTime());
}

/** The index of the first item whose `updated` is the latest, or -1 when there are none. */
export function newestIndex(items: readonly FeedItem[]): number {
  let at = -1;
  let newest = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const t = (items[i] as FeedItem).updated.getTime();
    if (t > newest) [at, newest] = [i, t];
  }
  return at;
}

/** A feed's model from its items: the site's settings, its own id, title and URLs, `updated` from the items. */
export function feedModel(head: FeedHead, items: FeedItem[], config: SiteConfig): FeedModel {
  const newest = newestOf(items).getTime();
  const model: FeedModel = {
    id: head.id,
    title: head.title,
    description: head.description,
    language: config.language,
    homeUrl: config.siteUrl,
    selfUrl: feedUrls(head.dir, config),
    timezone: config.timezone,
    updated: new Date(newest),
    ttl: config.ttl,
    items,
  };
  if (config.hub !== undefined) model.hub = config.hub;
  if (config.copyright !== undefined) model.copyright = config.copyright;
  if (config.icon !== undefined) model.icon = config.icon;
  if (config.favicon !== undefined) model.favicon = config.favicon;
  if (config.logo !== undefined) model.logo = config.logo;
  if (config.author !== undefined) model.author = config.author;
  else model.siteTitle = config.title;
  return model;
}
