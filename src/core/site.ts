/**
 * Feed plans → feed documents. Each article becomes an item at most once per content mode in a build,
 * however many feeds carry it (and the writers render each item's text once), so a site with hundreds
 * of section, tag and author feeds costs little more than the articles it shows. Pure.
 */
import type { DocumentParts } from '../formats/_document.js';
import { atomParts, writeAtom } from '../formats/atom.js';
import { jsonFeedParts, writeJsonFeed } from '../formats/jsonfeed.js';
import { rssParts, writeRss } from '../formats/rss.js';
import type { Article, ContentMode, Diagnostic, FeedItem, FeedModel, Format, SiteConfig } from '../types.js';
import type { FeedPlan } from './feeds.js';
import { FEED_FILES, feedModel, feedUrls, newestOf, toItem, type FeedHead } from './model.js';

export const WRITERS: Record<Format, (m: FeedModel) => string> = { rss: writeRss, atom: writeAtom, json: writeJsonFeed };
/** Each writer's document around its items (what WRITERS join). */
export const PARTS: Record<Format, (m: FeedModel) => DocumentParts> = { rss: rssParts, atom: atomParts, json: jsonFeedParts };

/** What a feed's documents say besides their items: a plan without its articles. */
export type PlanHead = Omit<FeedPlan, 'articles'>;

/** The feeds' XSLT, at the root of the output directory. */
const STYLESHEET = 'feed.xsl';

export interface RenderedFeed {
  plan: FeedPlan;
  model: FeedModel;
  /** The feed's documents, by file name relative to the output directory (`sections/world/rss.xml`). */
  outputs: Map<string, string>;
}

/** Title, description and id of each kind of feed. */
export function feedHead(plan: PlanHead, config: SiteConfig): FeedHead {
  const id = plan.kind === 'main' ? `${config.idPrefix}feed:main` : `${config.idPrefix}feed:${encodeURI(plan.key)}`;
  const name = plan.name ?? '';
  switch (plan.kind) {
    case 'main':
      return { id, title: config.title, description: config.description, dir: plan.dir };
    case 'archive':
      return { id, title: `${config.title} — Archive ${name}`, description: `Stories first published in ${name} (archived feed, RFC 5005).`, dir: plan.dir };
    case 'tag':
      return { id, title: `${config.title} — Tag: ${name}`, description: `Stories tagged “${name}”.`, dir: plan.dir };
    case 'author':
      return { id, title: `${config.title} — ${name}`, description: `Stories by ${name}.`, dir: plan.dir };
    case 'section':
      return { id, title: `${config.title} — ${name}`, description: `Stories in the section “${name}”.`, dir: plan.dir };
  }
}

/** A feed's model without its items, `updated` as given: what its documents say around the items. */
export function feedFrame(plan: PlanHead, updated: Date, config: SiteConfig): FeedModel {
  const model = feedModel(feedHead(plan, config), [], config);
  model.updated = updated;
  // Relative, so the stylesheet is always same-origin with the feed (browsers apply XSLT only then).
  model.stylesheet = `${'../'.repeat(plan.dir.split('/').length - 1)}${STYLESHEET}`;
  const h = plan.history;
  if (h !== undefined) {
    model.history = { archive: h.archive };
    if (h.current !== undefined) model.history.current = feedUrls(h.current, config);
    if (h.prevArchive !== undefined) model.history.prevArchive = feedUrls(h.prevArchive, config);
    if (h.nextArchive !== undefined) model.history.nextArchive = feedUrls(h.nextArchive, config);
  }
  return model;
}

/** A feed's documents, by file name relative to the output directory. */
export function documentsOf(plan: Pick<PlanHead, 'dir'>, model: FeedModel): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const format of Object.keys(WRITERS) as Format[]) outputs.set(`${plan.dir}${FEED_FILES[format]}`, WRITERS[format](model));
  return outputs;
}

/** Where items rendered by an earlier build can be found (the build cache), with the warnings rendering gave. */
export interface ItemStore {
  get(article: Article, content: ContentMode): { item: FeedItem; warnings: Diagnostic[] } | undefined;
  set(article: Article, content: ContentMode, item: FeedItem, warnings: Diagnostic[]): void;
}

/**
 * Renders the feeds of `plans` one at a time, sharing items between them; `diagnostics` collects
 * rendering warnings. Each item is held only until the last feed that carries it has been rendered (or
 * touched), so memory holds the items still to be used, not the site's history.
 */
export class SiteRenderer {
  readonly diagnostics: Diagnostic[] = [];
  private readonly items: Record<ContentMode, Map<Article, FeedItem>> = { full: new Map(), summary: new Map() };
  /** Per content mode, how many more times each article's item will be asked for. */
  private readonly uses: Record<ContentMode, Map<Article, number>> = { full: new Map(), summary: new Map() };
  /** Articles whose warnings have been reported, per content mode: once per build, however often rendered. */
  private readonly warned: Record<ContentMode, WeakSet<Article>> = { full: new WeakSet(), summary: new WeakSet() };

  /** `plans`: every feed that will be rendered or touched, each once (main's model counts as its use). */
  constructor(private readonly config: SiteConfig, plans: readonly Pick<FeedPlan, 'content' | 'articles'>[], private readonly store?: ItemStore) {
    for (const plan of plans) {
      const uses = this.uses[plan.content];
      for (const a of plan.articles) uses.set(a, (uses.get(a) ?? 0) + 1);
    }
  }

  /** The article as an item; its warnings are reported once per build, whether it was rendered now or before. */
  item(article: Article, content: ContentMode): FeedItem {
    const memo = this.items[content];
    let item = memo.get(article);
    if (item === undefined) {
      const stored = this.store?.get(article, content);
      let warnings: Diagnostic[];
      if (stored !== undefined) ({ item, warnings } = stored);
      else {
        warnings = [];
        item = toItem(article, this.config, warnings, content);
        this.store?.set(article, content, item, warnings);
      }
      if (!this.warned[content].has(article)) {
        this.warned[content].add(article);
        this.diagnostics.push(...warnings);
      }
      memo.set(article, item);
    }
    this.release(article, content);
    return item;
  }

  /** Reports the warnings of a feed's items without writing the feed (for a feed an earlier build wrote). */
  touch(plan: FeedPlan): void {
    if (plan.content === 'full') for (const a of plan.articles) this.item(a, 'full');
    // Summary items have no warnings of their own: nothing to make; the plan's uses are over.
    else for (const a of plan.articles) this.release(a, 'summary');
  }

  /** One use of the article's item is over: when it was the last, the item is let go. */
  private release(article: Article, content: ContentMode): void {
    const uses = this.uses[content];
    const left = (uses.get(article) ?? 0) - 1;
    if (left > 0) uses.set(article, left);
    else {
      uses.delete(article);
      this.items[content].delete(article);
    }
  }

  model(plan: FeedPlan): FeedModel {
    const items = plan.articles.map((a) => this.item(a, plan.content));
    const model = feedFrame(plan, newestOf(items), this.config);
    model.items = items;
    return model;
  }

  render(plan: FeedPlan): RenderedFeed {
    const model = this.model(plan);
    return { plan, model, outputs: documentsOf(plan, model) };
  }
}
