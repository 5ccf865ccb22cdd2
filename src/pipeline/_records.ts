/**
 * The records of a build, through the cache: read the cache's index, stat every record file and read the
 * changed ones, decide whether the previous plans still hold (`_reuse.ts`), then load from the cache only
 * the articles that path needs (all of them, on the full path). Also the cache's side of the items.
 */
import { restoreItem, storeItem } from '../cache/serial.js';
import { EDITS_GROUP, homeGroup, itemKey, type CacheIdentity, type Census, type RecordEntry, type StoredPlan } from '../cache/state.js';
import { loadCache, loadData, loadZones, type Loaded, type CacheRead } from '../cache/store.js';
import { newestNeeded } from '../core/feeds.js';
import type { ItemStore } from '../render/site.js';
import { assembleRecords, scanRecords } from '../sources/cached.js';
import type { Article, ContentMode, Diagnostic, FeedItem, SiteConfig } from '../types.js';
import { onDisk } from './_on-disk.js';
import { replan } from './_replan.js';
import { changesSince, reusePlans, type Reuse } from './_reuse.js';
import { findSplices, type Splice } from './_splice.js';

export interface PreparedRecords {
  /** The cache as read, when it is used. */
  cache?: CacheRead;
  /** Why the cache was not used, when it was not. */
  ignored?: string;
  /** Set when the previous build's plans are this build's. */
  reuse?: Reuse;
  /** On that path, the feeds written by splicing their previous documents, by plan key. */
  splices: Map<string, Splice>;
  /** Every article, on the full path. */
  articles?: Article[];
  keys: Map<Article, string>;
  /** The entries the cache should keep now, by record path. */
  records: Record<string, RecordEntry>;
  diagnostics: Diagnostic[];
  /** On the full path, W_LINK_SHARED: reported with what planning says (the cache keeps both for the paths that plan nothing). */
  sharedLinks: Diagnostic[];
  counts: { files: number; read: number; readInWorker: number; published: number; drafts: number };
  /** What the records add up to, for the cache. */
  census: Census;
}

export async function prepareRecords(
  config: SiteConfig,
  cwd: string,
  outDir: string,
  cache: { dir: string; identity: CacheIdentity } | undefined,
  onProgress: (done: number, total: number) => void,
  onReading?: (files: number) => void,
): Promise<PreparedRecords> {
  const [loaded, zones]: [Loaded, string | undefined] = cache === undefined
    ? [{ ignored: 'no cache (--no-cache)' }, undefined]
    : await Promise.all([loadCache(cache.dir, cache.identity), loadZones(cache.dir, cache.identity.code)]);
  let read: CacheRead | undefined = loaded.state === undefined ? undefined : loaded;
  if (read !== undefined && zones !== undefined) read.zones = zones;
  let ignored = loaded.state === undefined ? loaded.ignored : undefined;
  // Without the cache, a site of the main feed alone holds only the articles it can show (_newest.ts).
  const options = { onProgress, ...(onReading === undefined ? {} : { onReading }), remember: cache !== undefined, ...(cache === undefined ? { newest: newestNeeded(config) } : {}) };
  /** The result when the articles directory cannot be listed (a Diagnostic in place of the scan). */
  const unlisted = (problem: Diagnostic): PreparedRecords => {
    const counts = { files: 0, read: 0, readInWorker: 0, published: 0, drafts: 0 };
    return { ...(ignored === undefined ? {} : { ignored }), splices: new Map(), keys: new Map(), records: {}, diagnostics: [problem], sharedLinks: [], counts, census: { published: 0, drafts: 0, noted: [], edits: [] } };
  };
  let scan = await scanRecords(config, cwd, read?.state, options);
  if (!('paths' in scan)) return unlisted(scan);

  // With the cache, a build whose edits leave every feed's membership alone reuses the previous plans;
  // one that adds, deletes or moves records plans again from the cache's signatures (_replan.ts).
  let reuse: Reuse | undefined;
  if (read !== undefined && read.state.outDir === outDir) {
    const changes = changesSince(scan, read.state, read.count);
    if (changes !== undefined) reuse = usable(changes.moved ? await replan(scan, read, changes) : reusePlans(scan, read.state, changes), read, outDir);
  }
  // Splicing needs no data of the feeds it writes (their other items are copied from their documents).
  let splices = reuse !== undefined && read !== undefined ? findSplices(reuse, read.state, outDir, config) : new Map<string, Splice>();
  // The fast path writes the edited records' data to the edits file, not to their months' (store.ts).
  if (reuse !== undefined) for (const { entry } of scan.fresh.values()) entry.group = EDITS_GROUP;
  if (read !== undefined) {
    const wanted = reuse === undefined ? undefined : needed(reuse, splices);
    const problem = await (wanted === undefined ? loadData(read, 'all') : loadData(read, wanted.files, wanted.groups));
    if (problem !== undefined) {
      // A damaged or missing data file: the cache is not used, and every record is read.
      [read, ignored, reuse, splices] = [undefined, problem, undefined, new Map()];
      const again = await scanRecords(config, cwd, undefined, options);
      // (The directory can go between the two listings.)
      if (!('paths' in again)) return unlisted(again);
      scan = again;
    }
  }
  const base = { ...(read === undefined ? {} : { cache: read }), ...(ignored === undefined ? {} : { ignored }), splices };
  const counts = { files: scan.files, read: scan.read, readInWorker: scan.readInWorker };
  if (reuse !== undefined) {
    const { census } = reuse;
    return { ...base, reuse, keys: reuse.keys, records: reuse.records, diagnostics: [...scan.leftOut, ...reuse.diagnostics], sharedLinks: [], counts: { ...counts, published: census.published, drafts: census.drafts }, census };
  }
  const all = assembleRecords(scan);
  // Planning again: every data file is loaded, and the records in the edits file go back to their months'.
  for (const file of read?.state.census?.edits ?? []) {
    const entry = all.records[file];
    if (entry?.group === EDITS_GROUP) all.records[file] = { ...entry, group: homeGroup(entry, file) };
  }
  const kept = all.articles.filter((a) => !a.draft).length;
  const published = kept + all.omitted.published;
  const drafts = all.articles.length - kept + all.omitted.drafts;
  return { ...base, articles: all.articles, keys: all.keys, records: all.records, diagnostics: all.diagnostics, sharedLinks: all.sharedLinks, counts: { ...counts, published, drafts }, census: { published, drafts, noted: all.noted, edits: [] } };
}

/**
 * The fast path, when the cache holds what it needs: the full item's warnings of every article a
 * full-content feed carries that is not rendered again. A feed whose files are not on disk as the cache
 * recorded them is rendered again too (so its articles are loaded).
 */
function usable(reuse: Reuse | undefined, cache: CacheRead, outDir: string): Reuse | undefined {
  if (reuse === undefined) return undefined;
  const { records, feeds } = cache.state;
  for (const plan of reuse.stored) {
    if (reuse.dirty.has(plan.key)) continue;
    const old = feeds[plan.key];
    if (old === undefined || !onDisk(outDir, old)) {
      reuse.dirty.add(plan.key);
      continue;
    }
    if (plan.content === 'full') for (const file of plan.files) if (records[file]?.full === undefined) return undefined;
  }
  return reuse;
}

/**
 * The data the fast path loads: that of the records of the feeds it renders whole, and of those it
 * renders into the feeds it splices; that of the records deleted (their months' data files are written
 * again without them); and the edits file, which it writes again with the edited records (a record
 * saved again unchanged keeps its data where it is).
 */
function needed(reuse: Reuse, splices: ReadonlyMap<string, Splice>): { files: Set<string>; groups: string[] } {
  const files = new Set<string>(reuse.deleted);
  for (const plan of reuse.stored) {
    if (!reuse.dirty.has(plan.key)) continue;
    const splice = splices.get(plan.key);
    if (splice === undefined) for (const f of plan.files) files.add(f);
    else for (const { file } of splice.edited) if (!reuse.edited.has(file)) files.add(file);
  }
  return { files, groups: reuse.edited.size > 0 ? [EDITS_GROUP] : [] };
}

/**
 * The cache's side of the items: an article rendered with full content is kept in its record's entry
 * (for as long as the record's bytes are the same), so later builds restore it instead of rendering.
 * (Summaries made from bodies need no entry here: reading records keeps them with the records, whenever
 * the configuration, which is part of the cache's identity, has summary-only feeds.)
 */
export class CachedItems implements ItemStore {
  /**
   * The warnings of the fast path's items, as SiteRenderer reports them on the full path: for each
   * full-content feed in order, each article's full-item warnings the first time it appears.
   */
  static warnings(plans: readonly StoredPlan[], records: Record<string, RecordEntry>): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const plan of plans) {
      if (plan.content !== 'full') continue;
      for (const file of plan.files) {
        if (seen.has(file)) continue;
        seen.add(file);
        out.push(...(records[file]?.full?.warnings ?? []));
      }
    }
    return out;
  }

  constructor(private readonly records: Record<string, RecordEntry>, private readonly keys: ReadonlyMap<Article, string>) {}

  private entry(key: string | undefined): { file: string; entry: RecordEntry } | undefined {
    if (key === undefined) return undefined;
    const file = key.slice(key.indexOf(':') + 1);
    const entry = this.records[file];
    return entry !== undefined && itemKey(entry.hash, file) === key ? { file, entry } : undefined;
  }

  get(article: Article, content: ContentMode): { item: FeedItem; warnings: Diagnostic[] } | undefined {
    if (content !== 'full') return undefined;
    const full = this.entry(this.keys.get(article))?.entry.full;
    return full?.item === undefined ? undefined : { item: restoreItem(full.item), warnings: full.warnings };
  }

  set(article: Article, content: ContentMode, item: FeedItem, warnings: Diagnostic[]): void {
    const found = content === 'full' ? this.entry(this.keys.get(article)) : undefined;
    // A new entry object: the cache tells what changed by identity.
    if (found !== undefined) this.records[found.file] = { ...found.entry, full: { warnings, item: storeItem(item) } };
  }
}
