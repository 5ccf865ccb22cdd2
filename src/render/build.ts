/** Articles → the files of a build, all in memory. Pure: no fs, no clock, no environment; same input, same bytes. */
import { byteLength, hostingFiles, type Hosting } from '../hosting/index.js';
import { readerFiles, type FeedDirectoryEntry } from '../pages/index.js';
import type { Article, Diagnostic, FeedModel, Manifest, Outputs, SiteConfig } from '../types.js';
import { grouped } from '../core/_numbers.js';
import { planFeeds, type FeedPlan, type GroupSummary } from '../core/feeds.js';
import { newestIndex } from '../core/model.js';
import { feedFrame, SiteRenderer, type DocumentBounds, type RenderedFeed } from './site.js';
import { DatelineError, diagnostic, Errors } from '../errors.js';
import { formatRfc3339 } from '../core/_dates.js';
import { documentLimit, largeDocuments, type DocumentLimit } from './size.js';


export interface BuildResult {
  /** The feeds' documents (main, sections, tags, authors, archives): file name (relative to the output directory) → text. */
  outputs: Map<string, string>;
  /**
   * Everything the build writes (pass it to `writeOutputs`): `outputs`, the feeds' `.gz` and `.br`
   * siblings, `_dateline.json`, `_config/nginx.conf`, `_headers`, `index.html`, `feed.xsl` and
   * `_config/autodiscovery.html`. Computed on first use, as are
   * `manifest` and `mtimes`: brotli at its best quality takes tens of milliseconds a feed, which `check`
   * and callers that only read the feeds need not pay.
   */
  readonly files: Outputs;
  /** Validators and headers of each feed, as written to `_dateline.json`. */
  readonly manifest: Manifest;
  /** The mtime each feed and sibling gets on disk (its Last-Modified); pass it to `writeOutputs`. */
  readonly mtimes: ReadonlyMap<string, Date>;
  /** The main feed's model. */
  model: FeedModel;
  /** Every feed the site publishes, rendered. */
  feeds: RenderedFeed[];
  /** Warnings found while planning and rendering (unsafe markup removed, slug collisions, …). */
  diagnostics: Diagnostic[];
}

/** What `dateline check` needs of the feeds: their warnings and dates, not their documents. */
export interface FeedsChecked {
  /** The main feed's model. */
  model: FeedModel;
  /** The main feed's stories (as W_DATE_FUTURE asks of them), and each feed's newest change. */
  main: { file: string; published: Date; updated: Date }[];
  feeds: { updated: Date; newest: string | undefined }[];
  /** What the limits of sections, tags and authors left out (planFeeds). */
  groups: GroupSummary[];
  diagnostics: Diagnostic[];
}

/**
 * Renders every feed as `buildFeeds` does, for its warnings, but keeps no document and no feed's model
 * but the main one's: a site's feeds take gigabytes, and checking it need not hold them. A document
 * larger than `limit` allows (by default, what a string can hold) is an error among the diagnostics, as
 * the build reports it (E_DOCUMENT_TOO_LARGE). Pure.
 */
export function checkFeeds(articles: readonly Article[], config: SiteConfig, limit: DocumentLimit = documentLimit(), heap?: DocumentBounds['heap']): FeedsChecked {
  const { plans, diagnostics, groups } = planFeeds(articles, config);
  const renderer = new SiteRenderer(config, plans, undefined, { limit, outDir: config.outDir, ...(heap === undefined ? {} : { heap }) });
  let model: FeedModel | undefined;
  const main: FeedsChecked['main'] = [];
  const feeds: FeedsChecked['feeds'] = [];
  const tooLarge: Diagnostic[] = [];
  const large: Diagnostic[] = [];
  for (const plan of plans) {
    // (As bytes, as the build makes them: a document check refuses, the build would refuse.)
    let rendered: RenderedFeed<Uint8Array[]> | undefined;
    try {
      rendered = renderer.renderBytes(plan);
    } catch (e) {
      const problems = documentProblems(e);
      if (problems === undefined) throw e;
      tooLarge.push(...problems);
    }
    if (model === undefined) {
      // The main feed's stories' dates are checked from their articles when its items were not all made.
      model = rendered?.model ?? feedFrame(plan, new Date(0), config);
      const items = rendered?.model.items ?? [];
      plan.articles.forEach((a, k) => main.push({ file: a.file, published: items[k]?.published ?? a.published, updated: items[k]?.updated ?? a.updated ?? a.published }));
    }
    if (rendered === undefined) continue;
    feeds.push({ updated: rendered.model.updated, newest: plan.articles[newestIndex(rendered.model.items)]?.file });
    // Documents few readers would fetch, as the build names them (a size is counted only when it could be that large).
    const sizes = [...rendered.outputs].map(([name, pieces]) => [`${config.outDir}/${name}`, byteLength(pieces)] as const);
    large.push(...largeDocuments(sizes, plan));
  }
  if (model === undefined) throw new Error('planFeeds always plans the main feed');
  const none = main.length === 0 ? noArticles(model, config) : [];
  return { model, main, feeds, groups, diagnostics: [...diagnostics, ...renderer.diagnostics, ...none, ...tooLarge, ...large] };
}

/** The diagnostics of a DatelineError that names documents too large to make, or undefined for anything else. */
export function documentProblems(e: unknown): Diagnostic[] | undefined {
  return e instanceof DatelineError && e.diagnostics.length > 0 && e.diagnostics.every((d) => d.code === Errors.DocumentTooLarge.code) ? e.diagnostics : undefined;
}

/** What index.html lists about each feed. */
export function directoryEntry(feed: { plan: FeedPlan; model: FeedModel }): FeedDirectoryEntry {
  return { kind: feed.plan.kind, name: feed.plan.name ?? '', dir: feed.plan.dir, title: feed.model.title, items: feed.model.items.length, updated: feed.model.updated };
}

/** The warning for a site with nothing published (the feeds are still written, empty). */
export function noArticles(main: FeedModel, config: SiteConfig): Diagnostic[] {
  return main.items.length === 0 ? [diagnostic(Errors.NoArticles, { file: config.articlesDir }, config.articlesDir)] : [];
}

/** How far ahead of the clock a date may be before it is named: clocks and desks differ by minutes. */
const FUTURE_GRACE_MS = 10 * 60_000;

/** `25 minutes`, `3 hours`, `12 days`: what the warning says of a time ahead (more than the grace, 10 minutes). */
function howFarAhead(ms: number): string {
  const count = (n: number, unit: string): string => `${grouped(n)} ${unit}${n === 1 ? '' : 's'}`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return count(minutes, 'minute');
  const hours = Math.round(ms / 3_600_000);
  return hours < 48 ? count(hours, 'hour') : count(Math.round(hours / 24), 'day');
}

/**
 * W_DATE_FUTURE for each story dated or updated ahead of `now` whose date reaches a feed: a typo (2205
 * for 2025) or a wrong zone keeps a story at the top of every feed, and the feeds' times after it, until
 * then. Asked of the main feed's stories (a future date puts one there) and of each feed's newest change
 * (a future update of an older story sets its section's or archive's time); `build` and `check` ask the
 * same. The clock is the caller's: the core reads none.
 */
export function futureDates(
  main: Iterable<{ file: string; published: Date; updated: Date }>,
  feeds: Iterable<{ updated: Date; newest: string | undefined }>,
  now: number,
  zone: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const named = new Set<string>();
  const name = (file: string, field: 'date' | 'updated', at: Date): void => {
    const key = `${file}\n${at.getTime()}`;
    if (at.getTime() <= now + FUTURE_GRACE_MS || named.has(key)) return;
    named.add(key);
    out.push(diagnostic(Errors.DateFuture, { file, field }, formatRfc3339(at, zone), howFarAhead(at.getTime() - now), field === 'updated'));
  };
  for (const a of main) {
    name(a.file, 'date', a.published);
    if (a.updated.getTime() !== a.published.getTime()) name(a.file, 'updated', a.updated);
  }
  for (const f of feeds) if (f.newest !== undefined) name(f.newest, 'updated', f.updated);
  return out;
}

/**
 * Every feed's documents, in memory. A document longer than a string can be throws a DatelineError
 * (E_DOCUMENT_TOO_LARGE) naming it.
 */
export function buildFeeds(articles: readonly Article[], config: SiteConfig): BuildResult {
  const { plans, diagnostics } = planFeeds(articles, config);
  const renderer = new SiteRenderer(config, plans, undefined, { limit: documentLimit(), outDir: config.outDir });
  const feeds = plans.map((p) => renderer.render(p));
  const main = feeds[0];
  if (main === undefined) throw new Error('planFeeds always plans the main feed');
  const outputs = new Map<string, string>();
  for (const f of feeds) for (const [name, text] of f.outputs) outputs.set(name, text);
  let hosting: Hosting | undefined;
  const served = (): Hosting => {
    if (hosting === undefined) {
      hosting = hostingFiles(feeds.map((f) => ({ outputs: f.outputs, model: f.model, precompress: f.plan.precompress })), config);
      // The page people read (index.html), the feeds' stylesheet and the autodiscovery snippet.
      for (const [name, text] of readerFiles(main.model, feeds.slice(1).map(directoryEntry))) hosting.files.set(name, text);
    }
    return hosting;
  };
  return {
    outputs,
    get files() {
      return served().files;
    },
    get manifest() {
      return served().manifest;
    },
    get mtimes() {
      return served().mtimes;
    },
    model: main.model,
    feeds,
    diagnostics: [...diagnostics, ...renderer.diagnostics, ...noArticles(main.model, config)],
  };
}
