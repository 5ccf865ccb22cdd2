/**
 * `dateline build` end to end: configuration, records (through the cache), every feed, the files for
 * servers and readers, written atomically. Feeds are rendered and compressed one after another and
 * handed to the output stage at once, so memory holds one feed's documents at a time, not the site's;
 * compression runs on libuv's thread pool while the next feed renders.
 *
 * With the cache, a feed whose inputs (its articles' content hashes, its settings, its links) are those
 * the cache recorded, and whose files are on disk as recorded, is neither rendered nor written again.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { heapNow } from './_heap.js';
import { restoreModel, storeModel, type StoredModel } from '../cache/serial.js';
import { signatureColumns } from '../cache/signatures.js';
import { itemKey, sha256, type CacheIdentity, type CacheState, type FeedEntry } from '../cache/state.js';
import { saveCache } from '../cache/store.js';
import { directoryEntry, documentProblems, futureDates, noArticles } from '../render/build.js';
import { planFeeds, type FeedPlan, type GroupSummary } from '../core/feeds.js';
import { newestIndex, newestOf } from '../core/model.js';
import { documentBytesOf, feedFrame, feedHead, SiteRenderer, type DocumentBounds } from '../render/site.js';
import { documentLimit, documentTooLarge, largeDocuments } from '../render/size.js';
import { DatelineError, diagnostic, Errors, failureReason } from '../errors.js';
import { byteLength, manifestOf, MANIFEST_FILE, serveFeedAsync, serverConfigFiles, type FeedDocuments } from '../hosting/index.js';
import { OutputStage, type Written } from '../output/dist.js';
import { readerFiles, type FeedDirectoryEntry } from '../pages/index.js';
import { configWarnings, DEFAULT_CONFIG_FILE, dirSetting, loadConfig, rememberConfig, sortDiagnostics } from '../sources/index.js';
import type { Diagnostic, FeedItem, FeedModel, ServedFile, SiteConfig } from '../types.js';
import { realPath } from '../paths.js';
import { lockDirectories, type OnWait } from '../locks.js';
import { turns } from '../turns.js';
import { cacheDirs, DEFAULT_CACHE_DIR, overlapProblems } from '../apart.js';
import { onDisk } from './_on-disk.js';
import { CachedItems, prepareRecords } from './_records.js';
import { storePlan } from './_reuse.js';
import { latestOf, splicedDocuments, spliceUpdated } from './_splice.js';
import { codeVersion } from './version.js';
import { changedFeedUrls } from '../websub/changed.js';
import { addPendingHeld } from '../websub/pending.js';

export { DEFAULT_CACHE_DIR } from '../apart.js';
/** Characters of rendered documents that may wait for compression and writing at once. */
const IN_FLIGHT_BYTES = 32 * 1024 * 1024;

/**
 * `plan`: the records are read and the feeds are being planned (on a build without the cache, or with
 * many changes, seconds at 100,000 records); `done` is 0 and `total` 1 (no count to give).
 */
export type Progress = { phase: 'read'; done: number; total: number } | { phase: 'plan'; done: number; total: number } | { phase: 'feeds'; done: number; total: number };

export interface BuildOptions {
  cwd: string;
  configFile?: string;
  /** Output directory, relative to `cwd` (default: the config's outDir). */
  outDir?: string;
  /** Cache directory relative to `cwd`, or false for a clean build that neither reads nor writes a cache. */
  cacheDir?: string | false;
  onProgress?: (p: Progress) => void;
  /** Once every record file is stat'ed: how many the build reads (the others the cache vouches for). */
  onReading?: (files: number) => void;
  /**
   * The largest feed document to make, in bytes; a larger one fails the build (E_DOCUMENT_TOO_LARGE).
   * By default a sixteenth of V8's heap limit, at most what a string can hold (render/size.ts).
   */
  maxDocumentBytes?: number;
  /**
   * Build from an articles directory that holds no record, where the output directory's main feed has
   * items (E_ARTICLES_EMPTY otherwise): a directory emptied by mistake would take every story out of every feed.
   */
  allowEmpty?: boolean;
  /** Told, after a second of waiting, which process's build (and on which host, when not this one) holds a directory this build waits for (locks.ts). */
  onWait?: OnWait;
  /**
   * Remember the feeds whose bytes this build changes as pings the hub is owed (websub/pending.ts, in the
   * cache directory), before the first of its files is put in place, so that a build stopped at once or
   * killed after that still leaves them for the next `build --ping`: `always` (`build --ping`, which sends
   * and settles them after), or `published` (a build of the configured output directory only: a preview
   * elsewhere publishes nothing). Not without a hub or a cache. The report's `remembered` says how it went.
   */
  rememberPings?: 'always' | 'published';
}

export interface BuildReport {
  ok: boolean;
  diagnostics: Diagnostic[];
  config?: SiteConfig;
  outDir: string;
  records: { files: number; read: number; readInWorker: number; published: number; drafts: number };
  /**
   * `spliced`: of those rendered, how many were written from their previous documents (_splice.ts);
   * `groups`: for sections, tags and authors, how many names got a feed and how many the limits left out.
   */
  feeds: { total: number; rendered: number; reused: number; spliced: number; documents: number; groups: GroupSummary[] };
  /** Every file of the build (after a successful write), with whether its bytes changed. */
  written: Written[];
  removed: string[];
  /** Why the cache was not used, when it was not. */
  cacheIgnored?: string;
  /** Why the cache could not be written, when it could not (the build itself succeeded). */
  cacheNotSaved?: string;
  /** Whether the previous build's feed plans were reused (every change left each feed's membership alone). */
  plansReused: boolean;
  /** Whether the plans were made again from the cache's signatures, without the articles (pipeline/_replan.ts). */
  replanned: boolean;
  mainItems: number;
  /** The feeds' URLs remembered as pings owed (`rememberPings`), or why they could not be (`error`). */
  remembered?: { urls: string[]; error?: string };
}

/** Runs a build. Throws DatelineError for a configuration that cannot be read; reports everything else. */
export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const cacheDir = cacheDirs(options.cwd, options.cacheDir)?.path;
  // With a cache, a configuration file validated before (the same bytes, name and code) is taken as it was then.
  const config = await loadConfig(options.configFile ?? DEFAULT_CONFIG_FILE, options.cwd, { apart: false, ...(cacheDir === undefined ? {} : { memo: { dir: cacheDir, code: codeVersion() } }) });
  const outShown = options.outDir ?? config.outDir;
  // Through symbolic links, to one not made yet too: the build makes the directory a link points to.
  const outDir = realPath(resolve(options.cwd, outShown));
  checkApart(options, config, outDir);
  const dirs = [outDir, ...(cacheDir === undefined ? [] : [realPath(cacheDir)])];
  const end = await buildTurn(dirs);
  try {
    // And with builds of other processes (locks.ts).
    const unlock = await lockDirectories(dirs, options.onWait);
    try {
      const report = await buildNow(options, config, outShown, outDir, cacheDir);
      // (Its cache directory made, and the directories checked apart.)
      if (report.ok) await rememberConfig(config);
      const warnings = configWarnings(config);
      if (warnings.length > 0) report.diagnostics = sortDiagnostics([...warnings, ...report.diagnostics]);
      return report;
    } finally {
      unlock();
    }
  } finally {
    end();
  }
}

/**
 * Planning's result with the records' W_LINK_SHARED before its own: the cache keeps both as `planned`, for
 * the builds that plan nothing (a link changed is a change of what planning reads: _reuse.ts).
 */
function withSharedLinks<T extends { diagnostics: Diagnostic[] }>(planned: T, shared: Diagnostic[]): T {
  return shared.length === 0 ? planned : { ...planned, diagnostics: [...shared, ...planned.diagnostics] };
}

/** Whether the output directory's main JSON feed lists items: what an earlier build published. */
function publishedBefore(outDir: string): boolean {
  try {
    const items = (JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { items?: unknown }).items;
    return Array.isArray(items) && items.length > 0;
  } catch {
    return false;
  }
}

/**
 * Builds of this process take turns, whole, per output directory and per cache directory. Two at once
 * each chose what to keep from the same cache, and the second could keep, in its manifest, a feed the
 * first had just written again (a record edited, then taken back): an ETag that was not its file's.
 * (The output stage's own turns, output/dist.ts, cover the writing alone.)
 */
const buildTurn = turns();

async function buildNow(options: BuildOptions, config: SiteConfig, outShown: string, outDir: string, cacheDir: string | undefined): Promise<BuildReport> {
  const startedAt = Date.now();
  // The cache's directory and identity (a build without a cache need not hash the code it runs: the bundle is 1.5 MB).
  const cache: { dir: string; identity: CacheIdentity } | undefined = cacheDir === undefined
    ? undefined
    : { dir: cacheDir, identity: { code: codeVersion(), config: sha256(JSON.stringify(config)), place: sha256(resolve(options.cwd, config.articlesDir)).slice(0, 22) } };
  // Reading, then planning once every record is read. The records are read a second time when the
  // cache's data turns out damaged: that shows as reading again, then planning again.
  let planning = false;
  const prepared = await prepareRecords(config, options.cwd, outDir, cache, (done, total) => {
    // (A pass's last count has been reported; a count short of the total after it is the next pass's.)
    if (planning && done === total) return;
    planning = false;
    options.onProgress?.({ phase: 'read', done, total });
    if (done !== total) return;
    planning = true;
    options.onProgress?.({ phase: 'plan', done: 0, total: 1 });
  }, options.onReading);
  const { reuse, keys, splices } = prepared;
  /** The cache keys of a feed's items (`<content hash>:<path>`), a part of the feed's own key. */
  const itemKeys = (plan: FeedPlan): string[] => plan.articles.map((a) => keys.get(a) ?? `?${Math.random()}`);
  const previous = prepared.cache?.state;
  const report: BuildReport = {
    ok: false,
    diagnostics: prepared.diagnostics,
    config,
    outDir: outShown,
    records: prepared.counts,
    feeds: { total: 0, rendered: 0, reused: 0, spliced: 0, documents: 0, groups: [] },
    written: [],
    removed: [],
    mainItems: 0,
    plansReused: reuse !== undefined && reuse.replanned === undefined,
    replanned: reuse?.replanned !== undefined,
    ...(prepared.ignored === undefined ? {} : { cacheIgnored: prepared.ignored }),
  };
  // (Nothing is planned after an error: sources/_newest.ts relies on it, since a record that loses its id
  // to another can be one of the newest it held.)
  if (prepared.diagnostics.some((d) => d.severity === 'error')) {
    if (prepared.sharedLinks.length > 0) report.diagnostics = sortDiagnostics([...prepared.diagnostics, ...prepared.sharedLinks]);
    return report;
  }
  // No record at all where the last build published stories: a checkout that failed, a volume not mounted.
  if (prepared.counts.files === 0 && options.allowEmpty !== true && publishedBefore(outDir)) {
    report.diagnostics = [...report.diagnostics, diagnostic(Errors.ArticlesEmpty, { file: config.articlesDir }, config.articlesDir)];
    return report;
  }

  const items = cacheDir === undefined ? undefined : new CachedItems(prepared.records, keys);
  const { plans, diagnostics: planned, groups } = reuse !== undefined
    ? { plans: reuse.plans, diagnostics: reuse.replanned?.planned ?? previous?.planned ?? [], groups: reuse.replanned?.groups ?? previous?.groups ?? [] }
    : withSharedLinks(planFeeds(prepared.articles ?? [], config), prepared.sharedLinks);
  report.feeds.groups = groups;
  // The fast path renders the feeds that carry an edited record (the main feed's model it has), and of
  // the feeds it splices only the edited records.
  const uses = reuse === undefined
    ? plans
    : [...plans.filter((p) => reuse.dirty.has(p.key) && !splices.has(p.key)), ...[...splices.values()].map((s) => ({ content: s.plan.content, articles: s.edited.map((e) => reuse.article(e.file)) }))];
  const bounds: DocumentBounds = { limit: documentLimit(getHeapStatistics().heap_size_limit, options.maxDocumentBytes), outDir: outShown, heap: heapNow() };
  const renderer = new SiteRenderer(config, uses, items, bounds);
  /** The documents too large to make (E_DOCUMENT_TOO_LARGE): once there is one, nothing more is written. */
  const tooLarge: Diagnostic[] = [];
  /** Each feed's newest change and the record that gives it, for W_DATE_FUTURE. */
  const newestChanges: { updated: Date; newest: string | undefined }[] = [];
  const stage = new OutputStage(outDir, outShown);
  const before = await stage.previousFiles();
  const feeds: Record<string, FeedEntry> = {};
  const entries: [string, ServedFile][] = [];
  const directory: FeedDirectoryEntry[] = [];
  report.feeds.total = plans.length;
  let mainModel: FeedModel | undefined;
  /** The cache's main model, when this build keeps it rather than rendering the main feed. */
  let keptMain: StoredModel | undefined;
  const inFlight: { done: Promise<void>; bytes: number }[] = [];
  /**
   * A feed's documents to compress (on the thread pool) and write; its cache entry once they are.
   * `current`: the documents' bytes on disk as this build read and checked them (a spliced feed's), by name.
   */
  const send = async (planKey: string, documents: FeedDocuments, entry: Pick<FeedEntry, 'key' | 'items' | 'newest' | 'latest'>, current?: ReadonlyMap<string, Uint8Array>): Promise<void> => {
    // (Not the model: the callback below waits for the writes, and the model holds the feed's items and,
    // through them, the writers' fragments, hundreds of megabytes for a large archive with full content.)
    const title = documents.model.title;
    const updated = documents.model.updated.toISOString();
    newestChanges.push({ updated: documents.model.updated, newest: entry.newest });
    report.feeds.rendered += 1;
    if (tooLarge.length > 0) return;
    const done = serveFeedAsync(documents, config.feeds.brotliQuality).then(async (served) => {
      entries.push(...served.entries);
      feeds[planKey] = { ...entry, entries: served.entries, title, updated };
      for (const [name, content] of served.files) await stage.put(name, content, served.mtimes.get(name), current?.get(name));
    });
    let bytes = 0;
    for (const d of documents.outputs.values()) bytes += typeof d === 'string' ? d.length : byteLength(d);
    // Handled here as well as where it is awaited: a failure of a feed not yet awaited (a stage stopped by
    // a signal) is otherwise an unhandled rejection, which ends the process.
    done.catch(() => undefined);
    inFlight.push({ done, bytes });
    // Keep a few feeds compressing on the thread pool while the next renders, but bound the memory
    // they hold: a monthly archive of a large site is tens of megabytes.
    while (inFlight.length >= 4 || (inFlight.length > 1 && inFlight.reduce((n, f) => n + f.bytes, 0) > IN_FLIGHT_BYTES)) await inFlight.shift()?.done;
  };
  /** What `make` gives, or undefined when it would be too large (named in `tooLarge`). */
  const sized = <T>(make: () => T): T | undefined => {
    try {
      return make();
    } catch (e) {
      const problems = documentProblems(e);
      if (problems === undefined) throw e;
      tooLarge.push(...problems);
      return undefined;
    }
  };
  /** A feed rendered from its articles, and sent. */
  const renderWhole = async (plan: FeedPlan): Promise<void> => {
    const rendered = sized(() => renderer.renderBytes(plan));
    if (rendered === undefined) return;
    const { model, outputs } = rendered;
    const key = cacheDir === undefined ? '' : feedKey(plan, config, itemKeys(plan));
    if (plan.kind === 'main') mainModel = model;
    else directory.push(directoryEntry({ plan, model }));
    const newest = plan.articles[newestIndex(model.items)]?.file;
    // (Only the cache needs `latest`: splicing is the cache's.)
    const latest = cacheDir === undefined ? [] : latestOf(model.items, plan.articles.map((a) => a.file));
    await send(plan.key, { outputs, model, precompress: plan.precompress }, { key, items: model.items.length, latest, ...(newest === undefined ? {} : { newest }) });
  };
  try {
    let done = 0;
    for (const plan of spreadCompression(plans)) {
      const old = previous?.outDir === outDir ? previous.feeds[plan.key] : undefined;
      // Only the cache needs a feed's key: a build without one does not hash every feed's inputs, and
      // the fast path knows which feeds an edit touched without hashing the others.
      // (The fast path has checked the files of the feeds it keeps.)
      const same = reuse !== undefined ? !reuse.dirty.has(plan.key) : cacheDir !== undefined && old?.key === feedKey(plan, config, itemKeys(plan)) && onDisk(outDir, old);
      const splice = splices.get(plan.key);
      if (old !== undefined && same) {
        // Held to the limit as if it were made now (a smaller heap than the last build's lowers it).
        const over = old.entries.filter(([, served]) => served.bytes > bounds.limit.bytes).map(([name, served]) => [`${outShown}/${name}`, served.bytes] as const);
        if (over.length > 0) tooLarge.push(documentTooLarge(over, bounds.limit, plan));
        // The main feed's model is wanted anyway (index.html); making it reports its items' warnings.
        // On the fast path it is the previous build's (its articles are as they were).
        if (plan.kind === 'main') {
          keptMain = reuse !== undefined ? previous?.main : undefined;
          mainModel = keptMain !== undefined ? restoreModel(keptMain) : renderer.model(plan);
        }
        else if (reuse === undefined) renderer.touch(plan);
        for (const [name, served] of old.entries) {
          stage.keep(name, served.bytes);
          for (const v of Object.values(served.encodings)) if (v !== undefined) stage.keep(v.file, v.bytes);
        }
        entries.push(...old.entries);
        feeds[plan.key] = old;
        newestChanges.push({ updated: new Date(old.updated), newest: old.newest });
        if (plan.kind !== 'main') directory.push({ kind: plan.kind, name: plan.name ?? '', dir: plan.dir, title: old.title, items: old.items, updated: new Date(old.updated) });
        report.feeds.reused += 1;
      } else if (splice !== undefined && reuse !== undefined && previous !== undefined) {
        // Written from its previous documents with the edited and new items rendered (_splice.ts).
        const fresh = new Map(splice.edited.map((e) => [e.index, renderer.item(reuse.article(e.file), plan.content)]));
        const files = splice.plan.files;
        const key = feedKey(plan, config, files.map((f) => itemKey(prepared.records[f]?.hash ?? '', f)));
        report.feeds.spliced += 1;
        if (plan.kind === 'main') {
          // Its items from the previous build's model of it, and its documents written whole.
          const before = restoreModel(previous.main).items;
          const items = splice.from.map((at, i) => (at < 0 ? fresh.get(i) : before[at]) as FeedItem);
          mainModel = feedFrame(plan, newestOf(items), config);
          mainModel.items = items;
          const newest = files[newestIndex(items)];
          const main = mainModel;
          const outputs = sized(() => documentBytesOf(plan, main, bounds));
          if (outputs !== undefined) await send(plan.key, { outputs, model: main, precompress: plan.precompress }, { key, items: items.length, latest: latestOf(items, files), ...(newest === undefined ? {} : { newest }) });
        } else {
          const { updated, newest, latest } = spliceUpdated(splice, reuse.article);
          const model = feedFrame(plan, updated, config);
          directory.push({ kind: plan.kind, name: plan.name ?? '', dir: plan.dir, title: model.title, items: files.length, updated: model.updated });
          // The previous documents were just read and checked against their ETags: the output stage compares with those.
          const current = new Map(splice.documents.map((d) => [d.name, d.bytes]));
          const outputs = sized(() => splicedDocuments(splice, model, fresh, bounds));
          if (outputs !== undefined) await send(plan.key, { outputs, model, precompress: plan.precompress }, { key, newest, latest, items: files.length }, current);
        }
      } else {
        // (In a function of its own: the loop's frame would keep the documents, and the items, while the next feed renders.)
        await renderWhole(plan);
      }
      report.feeds.documents += 3;
      done += 1;
      options.onProgress?.({ phase: 'feeds', done, total: plans.length });
    }
    const rendering = reuse === undefined ? renderer.diagnostics : CachedItems.warnings(reuse.stored, prepared.records);
    // Dated ahead of the clock: the stories at the top of the main feed (a future date puts one there),
    // by their items and the main plan's files (reused plans name files; their articles may not be
    // read), and each feed's newest change.
    const mainFiles = reuse !== undefined ? (reuse.stored.find((p) => p.key === 'main')?.files ?? []) : (plans.find((p) => p.kind === 'main')?.articles.map((a) => a.file) ?? []);
    const future = (main: FeedModel | undefined): Diagnostic[] => futureDates(
      (main?.items ?? []).map((i, k) => ({ file: mainFiles[k] ?? config.articlesDir, published: i.published, updated: i.updated })),
      newestChanges,
      Date.now(),
      config.timezone,
    );
    if (tooLarge.length > 0) {
      // Nothing is written: the output directory and the cache stay as they were. The warnings are
      // those of every feed made (as `check` gives them); of a feed too large, those of the items made.
      await Promise.allSettled(inFlight.map((f) => f.done));
      await stage.abort();
      report.feeds.rendered = 0;
      report.feeds.documents = 0;
      report.diagnostics = sortDiagnostics([...prepared.diagnostics, ...planned, ...rendering, ...future(mainModel), ...tooLarge]);
      return report;
    }
    if (mainModel === undefined) throw new Error('planFeeds always plans the main feed');
    // index.html and feed.xsl need no compressed bytes: made while the last feeds compress. The feeds in
    // the order planned, as the library's buildFeeds lists them (they were rendered in another order).
    const planOrder = new Map(plans.map((p, i) => [p.dir, i]));
    directory.sort((a, b) => (planOrder.get(a.dir) ?? 0) - (planOrder.get(b.dir) ?? 0));
    const reader = readerFiles(mainModel, directory);
    await Promise.all(inFlight.map((f) => f.done));
    report.mainItems = mainModel.items.length;
    // Documents that few readers would fetch, by the sizes written (or kept: the same on every path).
    const large = plans.flatMap((plan) => largeDocuments((feeds[plan.key]?.entries ?? []).map(([name, served]) => [`${outShown}/${name}`, served.bytes] as const), plan));
    report.diagnostics = sortDiagnostics([...prepared.diagnostics, ...planned, ...rendering, ...noArticles(mainModel, config), ...future(mainModel), ...large]);
    const { manifest, text } = manifestOf(entries);
    await stage.put(MANIFEST_FILE, text);
    for (const [name, content] of serverConfigFiles(manifest, config)) await stage.put(name, content);
    for (const [name, content] of reader) await stage.put(name, content);
    report.written = await stage.commit(before, async (written) => {
      if (options.rememberPings === undefined || config.hub === undefined || cacheDir === undefined) return;
      if (options.rememberPings === 'published' && outDir !== realPath(resolve(options.cwd, config.outDir))) return;
      // (Nothing here may stop the build: its files are being put in place. Review.)
      let urls: string[] = [];
      try {
        urls = changedFeedUrls(config.feedBaseUrl, written);
        if (urls.length === 0) return;
        // (Under the cache directory's lock, which this build holds. Should a rename fail and the output be
        // put back, the next --ping sends these all the same: a hub that fetches a feed unchanged is told nothing false.)
        await addPendingHeld(cacheDir, config.hub, urls);
        report.remembered = { urls };
      } catch (e) {
        report.remembered = { urls, error: failureReason(e) };
      }
    });
    report.removed = stage.removed;
    for (const k of stage.kept) report.diagnostics.push(diagnostic(Errors.StaleKept, { file: `${outShown}/${k.file}` }, k.why));
    if (cache !== undefined) stampFeeds(feeds, previous?.outDir === outDir ? previous.feeds : {}, outDir);
  } catch (e) {
    await Promise.allSettled(inFlight.map((f) => f.done));
    await stage.abort();
    throw e;
  }
  report.ok = true;
  // Nothing read, rendered or written: the cache already says all of it (and its start time stays the
  // reference for the mtime race, which only makes the next build more careful).
  // (Planning again after edits moves their records back to their months' data files: that is a change.)
  const sameCensus = previous?.census !== undefined && previous.census.edits.length === prepared.census.edits.length;
  // (A record deleted that no feed showed, a draft, changes nothing else: the cache must still forget it.)
  const sameFiles = prepared.cache !== undefined && prepared.counts.files === prepared.cache.count;
  const unchanged = previous !== undefined && sameCensus && sameFiles && prepared.counts.read === 0 && report.feeds.rendered === 0 && report.removed.length === 0 && report.written.every((w) => !w.changed);
  if (cache !== undefined && !unchanged) {
    // The cache's main model as it was read, when this build did not render the main feed (not written again).
    const main = keptMain ?? storeModel(mainModel as FeedModel);
    // What planning reads of every record: unchanged when the plans were reused (then not written again).
    const signatures = reuse === undefined ? { base: signatureColumns((prepared.articles ?? []).map((a) => [a.file, a] as const), config.siteUrl), changes: {} } : reuse.replanned?.signatures;
    const state: CacheState = { startedAt, outDir, records: prepared.records, feeds, plans: reuse !== undefined ? reuse.stored : plans.map(storePlan), planned, groups, main, census: prepared.census, ...(signatures === undefined ? {} : { signatures }) };
    await saveCache(cache.dir, cache.identity, state, prepared.cache).catch((e: unknown) => {
      report.cacheNotSaved = failureReason(e);
      report.diagnostics.push(diagnostic(Errors.CacheNotSaved, { file: options.cacheDir || DEFAULT_CACHE_DIR }, report.cacheNotSaved));
    });
  }
  return report;
}

/** The three directories of a build, apart (see apart.ts); throws every overlap. */
function checkApart(options: BuildOptions, config: SiteConfig, outDir: string): void {
  const file = options.configFile ?? DEFAULT_CONFIG_FILE;
  const cache = cacheDirs(options.cwd, options.cacheDir);
  const problems = overlapProblems({
    articles: { path: resolve(options.cwd, config.articlesDir), shown: config.articlesDir, ...dirSetting(config, file, 'articlesDir') },
    out: { path: outDir, shown: options.outDir ?? config.outDir, ...(options.outDir === undefined ? dirSetting(config, file, 'outDir') : { where: { file: '--out' } }) },
    ...(cache === undefined ? {} : { cache }),
  });
  // (With the configuration's warnings, which the report would have carried.)
  if (problems.length > 0) throw new DatelineError(sortDiagnostics([...configWarnings(config), ...problems]));
}

/**
 * Each feed's files' change times and inodes, for the cache (FeedEntry.stamps): a feed kept as it was
 * keeps its stamps; the files of a feed written (or only retouched) by this build are stat'ed.
 */
function stampFeeds(feeds: Record<string, FeedEntry>, previous: Readonly<Record<string, FeedEntry>>, outDir: string): void {
  for (const [key, feed] of Object.entries(feeds)) {
    if (feed === previous[key] && feed.stamps !== undefined) continue;
    const stamps: Record<string, [number, number]> = {};
    for (const [name, served] of feed.entries) {
      for (const file of [name, ...Object.values(served.encodings).map((v) => v?.file)]) {
        if (file === undefined) continue;
        // (A file changed since into a directory's way is no stamp: the next build writes the feed again.)
        let st: ReturnType<typeof statSync>;
        try {
          st = statSync(join(outDir, file), { throwIfNoEntry: false });
        } catch {
          continue;
        }
        if (st !== undefined) stamps[file] = [st.ctimeMs, st.ino];
      }
    }
    feeds[key] = { ...feed, stamps };
  }
}

/**
 * The plans in the order to render them: the feeds with `.gz`/`.br` siblings spread evenly among the
 * others, the first first. Compression runs on the thread pool while the next feeds render; a run of such
 * feeds (the sections) left the main thread waiting for it, with nothing to render meanwhile. The files
 * written are the same in any order.
 */
export function spreadCompression<T extends { precompress: boolean }>(plans: readonly T[]): T[] {
  const heavy = plans.filter((p) => p.precompress);
  const light = plans.filter((p) => !p.precompress);
  const at = (i: number, n: number, offset: number): number => (i + offset) / n;
  const out: T[] = [];
  let h = 0;
  let l = 0;
  while (h < heavy.length || l < light.length) {
    if (l >= light.length || (h < heavy.length && at(h, heavy.length, 0) <= at(l, light.length, 0.5))) out.push(heavy[h++] as T);
    else out.push(light[l++] as T);
  }
  return out;
}

/** Everything a feed's documents are made from, hashed: its head, settings, links and its items' keys in order. */
function feedKey(plan: FeedPlan, config: SiteConfig, items: readonly string[]): string {
  return sha256(JSON.stringify({
    head: feedHead(plan, config),
    kind: plan.kind,
    content: plan.content,
    precompress: plan.precompress,
    history: plan.history ?? null,
    brotli: config.feeds.brotliQuality,
    items,
  }));
}
