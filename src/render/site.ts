/**
 * Feed plans → feed documents. Each article becomes an item at most once per content mode in a build,
 * however many feeds carry it (and the writers render each item's text once), so a site with hundreds
 * of section, tag and author feeds costs little more than the articles it shows. Pure.
 */
import { DatelineError } from '../errors.js';
import { byteLength } from '../hosting/index.js';
import { documentPieces, joinDocument, type DocumentParts } from '../formats/_document.js';
import { atomParts, writeAtom } from '../formats/atom.js';
import { jsonFeedParts, writeJsonFeed } from '../formats/jsonfeed.js';
import { rssParts, writeRss } from '../formats/rss.js';
import type { Article, ContentMode, Diagnostic, FeedItem, FeedModel, Format, SiteConfig } from '../types.js';
import type { FeedPlan } from '../core/feeds.js';
import { FEED_FILES, feedModel, feedUrls, newestOf, toItem, type FeedHead } from '../core/model.js';
import { documentBytes, documentOver, documentTooLarge, documentUnits, heapLeftLimit, itemFloor, type DocumentLimit } from './size.js';

export const WRITERS: Record<Format, (m: FeedModel) => string> = { rss: writeRss, atom: writeAtom, json: writeJsonFeed };
/** Each writer's document around its items (what WRITERS join). */
export const PARTS: Record<Format, (m: FeedModel) => DocumentParts> = { rss: rssParts, atom: atomParts, json: jsonFeedParts };

/** What a feed's documents say besides their items: a plan without its articles. */
export type PlanHead = Omit<FeedPlan, 'articles'>;

/** The feeds' XSLT, at the root of the output directory. */
const STYLESHEET = 'feed.xsl';

export interface RenderedFeed<Document = string> {
  plan: FeedPlan;
  model: FeedModel;
  /** The feed's documents, by file name relative to the output directory (`sections/world/rss.xml`). */
  outputs: Map<string, Document>;
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
    if (h.prevArchive !== undefined) {
      const urls = feedUrls(h.prevArchive, config);
      const v = h.prevArchiveVersion;
      model.history.prevArchive = v === undefined ? urls : { rss: `${urls.rss}?v=${v}`, atom: `${urls.atom}?v=${v}`, json: `${urls.json}?v=${v}` };
    }
    if (h.nextArchive !== undefined) model.history.nextArchive = feedUrls(h.nextArchive, config);
  }
  return model;
}

const FORMATS = Object.keys(WRITERS) as Format[];

/** How large a feed's documents may be (render/size.ts), and the output directory, as messages name it. */
export interface DocumentBounds {
  limit: DocumentLimit;
  outDir: string;
  /**
   * V8's heap: its limit, and how much of it is free now (after a full collection when that is asked).
   * Large documents are joined only when it holds them (heapLeftLimit): near the limit V8 aborts.
   */
  heap?: { limit: number; left: (collect: boolean) => number };
}

/** Documents from this many code units in all are checked against the heap left before they are joined. */
const HEAP_CHECKED_UNITS = 2 ** 20;

/**
 * A feed's documents, by file name relative to the output directory. With `bounds`, a document larger
 * than they allow is not joined: it throws a DatelineError (E_DOCUMENT_TOO_LARGE) naming each one.
 */
export function documentsOf(plan: Pick<PlanHead, 'dir' | 'kind' | 'content'>, model: FeedModel, bounds?: DocumentBounds): Map<string, string> {
  const parts = partsOf(plan, model);
  if (bounds !== undefined) {
    // Each document's length in code units, once: the size check and the heap check both start from it.
    const lengths = parts.map(([, p]) => documentUnits(p, model.items));
    const over = parts.flatMap(([name, p], k) => {
      const bytes = documentOver(p, model.items, bounds.limit.bytes, lengths[k]);
      return bytes === undefined ? [] : [[`${bounds.outDir}/${name}`, bytes] as const];
    });
    checkBounds(plan, bounds, over, lengths, () => parts.map(([name, p]) => [`${bounds.outDir}/${name}`, documentBytes(p, model.items)] as const));
  }
  return new Map(parts.map(([name, p]) => [name, joinDocument(p, model.items)]));
}

/**
 * The same documents as UTF-8 bytes in pieces, which is what a build writes (documentPieces), held to
 * `bounds` the same way: by their exact sizes, and, against the heap left, taking a byte for a code unit
 * (never fewer: the check errs towards refusing).
 */
export function documentBytesOf(plan: Pick<PlanHead, 'dir' | 'kind' | 'content'>, model: FeedModel, bounds?: DocumentBounds): Map<string, Uint8Array[]> {
  // (The pieces are the fragments' bytes, which their sizes need anyway, and a few small buffers.)
  const documents = new Map(partsOf(plan, model).map(([name, p]) => [name, documentPieces(p, model.items)]));
  if (bounds !== undefined) {
    const sizes = [...documents].map(([name, pieces]) => [`${bounds.outDir}/${name}`, byteLength(pieces)] as const);
    checkBounds(plan, bounds, sizes.filter(([, bytes]) => bytes > bounds.limit.bytes), sizes.map(([, bytes]) => bytes), () => sizes);
  }
  return documents;
}

const partsOf = (plan: Pick<PlanHead, 'dir'>, model: FeedModel): (readonly [string, DocumentParts])[] =>
  FORMATS.map((format) => [`${plan.dir}${FEED_FILES[format]}`, PARTS[format](model)] as const);

/**
 * Throws E_DOCUMENT_TOO_LARGE for the documents `over` the limit, or, when joining `units` in all would
 * take more of the heap than is left, for all of them (`sizes`, largest first).
 */
function checkBounds(plan: Pick<PlanHead, 'kind' | 'content'>, bounds: DocumentBounds, over: readonly (readonly [string, number])[], units: readonly number[], sizes: () => (readonly [string, number])[]): void {
  if (over.length > 0) throw new DatelineError([documentTooLarge(over, bounds.limit, plan)]);
  const heap = bounds.heap;
  const total = units.reduce((n, u) => n + u, 0);
  if (heap === undefined || total <= HEAP_CHECKED_UNITS) return;
  // (Garbage counts as used until collected: the heap is collected before a feed is refused.)
  const short = heapLeftLimit(total, heap.left(false), heap.limit) && heapLeftLimit(total, heap.left(true), heap.limit);
  if (short !== undefined) throw new DatelineError([documentTooLarge([...sizes()].sort((a, b) => b[1] - a[1]), short, plan)]);
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

  /**
   * `plans`: every feed that will be rendered or touched, each once (main's model counts as its use).
   * `bounds`: how large a document `render` makes (render/size.ts); past them it throws E_DOCUMENT_TOO_LARGE.
   */
  constructor(private readonly config: SiteConfig, plans: readonly Pick<FeedPlan, 'content' | 'articles'>[], private readonly store?: ItemStore, private readonly bounds?: DocumentBounds) {
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

  /**
   * The feed's model with its items. With `bounds`, it stops as soon as the text of the items made so
   * far is more than a document may be (each document holds at least that much): it throws
   * E_DOCUMENT_TOO_LARGE, and the uses of the items not made are over.
   */
  model(plan: FeedPlan, bounds?: DocumentBounds): FeedModel {
    const items: FeedItem[] = [];
    let floor = 0;
    for (const a of plan.articles) {
      const item = this.item(a, plan.content);
      items.push(item);
      if (bounds === undefined) continue;
      floor += itemFloor(item);
      if (floor <= bounds.limit.bytes) continue;
      for (const rest of plan.articles.slice(items.length)) this.release(rest, plan.content);
      const sizes = FORMATS.map((f) => [`${bounds.outDir}/${plan.dir}${FEED_FILES[f]}`, floor] as const);
      throw new DatelineError([documentTooLarge(sizes, bounds.limit, plan, { made: items.length, of: plan.articles.length })]);
    }
    const model = feedFrame(plan, newestOf(items), this.config);
    model.items = items;
    return model;
  }

  /** The feed's model and documents; past the renderer's bounds, a DatelineError (E_DOCUMENT_TOO_LARGE). */
  render(plan: FeedPlan): RenderedFeed {
    const model = this.model(plan, this.bounds);
    return { plan, model, outputs: documentsOf(plan, model, this.bounds) };
  }

  /** The same, the documents as UTF-8 bytes (documentBytesOf). */
  renderBytes(plan: FeedPlan): RenderedFeed<Uint8Array[]> {
    const model = this.model(plan, this.bounds);
    return { plan, model, outputs: documentBytesOf(plan, model, this.bounds) };
  }
}
