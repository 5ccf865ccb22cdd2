/**
 * The fast path of a build with the cache: when the only changes since the last build are edits that
 * leave every feed's membership as it was (the body, the title, the credits, a correction's `updated`;
 * not the date, draft flag, id, section, tags or authors), the feed plans the cache keeps are this build's
 * plans (a correction may give archive links new versions: `reversioned`). Then nothing
 * needs every article: only the feeds that carry an edited record are rendered, only their articles are
 * restored from the cache (index.html is made from the main feed's model, which the cache keeps), and the
 * report's warnings are put together from the cache's entries. A record added or deleted, or moved in the
 * plans, makes the plans again from the cache's signatures (_replan.ts) and then goes the same way; anything
 * else (a record unreadable or with an error, a plan or signature the cache lacks) takes the full path,
 * which plans from every article.
 *
 * Both paths must give the same tree and the same report; tests/incremental.test.ts compares each with a
 * clean build after sequences of such edits.
 */
import { itemKey, type CacheState, type Census, type RecordEntry, type StoredPlan } from '../cache/state.js';
import { archiveVersions, type FeedPlan, type GroupSummary, type Members, type Plannable } from '../core/feeds.js';
import { articleRestorer, entryAt, type RecordScan } from '../sources/cached.js';
import { sortDiagnostics } from '../sources/index.js';
import type { Article, Diagnostic } from '../types.js';

/** The plans of a build that can reuse the previous one's (or make them again from the cache), and what it needs from the records. */
export interface Reuse {
  /** Every feed's plan, in order; `articles` are restored when first asked for. */
  plans: FeedPlan[];
  /** The same plans as the cache keeps them. */
  stored: StoredPlan[];
  /** Keys of the plans to write again: those that carry an edited record, or that planning changed. */
  dirty: Set<string>;
  /** The records read again with new bytes (edited or added): their data goes to the edits file, not their months'. */
  edited: Set<string>;
  /** The records the cache knew that are gone. */
  deleted: string[];
  /** Each restored article's cache key (`<content hash>:<path>`). */
  keys: Map<Article, string>;
  /** A record's article, restored on first use (an edited record's needs no data file: it was just read). */
  article(file: string): Article;
  /** Every record's entry now, by path (for the cache, and for the items' warnings). */
  records: Record<string, RecordEntry>;
  /** The records' own diagnostics, as reading them all would report them. */
  diagnostics: Diagnostic[];
  /** What the records add up to now (the edited ones join the edits file). */
  census: Census;
  /**
   * Set when planning ran again (_replan.ts): what it reported, the signatures now, and the previous
   * plans by key (a feed whose plan is the same, with no edited record, is kept as it was).
   */
  replanned?: { planned: Diagnostic[]; groups: GroupSummary[]; signatures: NonNullable<CacheState['signatures']>; previous: Map<string, StoredPlan> };
  /** Set when only archive links' versions changed (a correction, `reusePlans`): the previous plans of those feeds, by key. */
  before?: Map<string, StoredPlan>;
}

/** What changed since the last build, from the cache's index and the scan alone (no article is loaded). */
export interface Changes {
  /** The records read again with new bytes, with an article each (no error: see `changesSince`). */
  edited: Set<string>;
  /** The records read again (new bytes or a new stamp alone), by path: their index in the scan. */
  changed: Map<string, number>;
  deleted: string[];
  /** Whether a record was added or deleted, or an edit changed what planning reads: then the plans change. */
  moved: boolean;
  /** Whether an edit gave a record a new last correction (`updated`): then archive links' versions may change. */
  corrected: boolean;
  census: Census;
  diagnostics: Diagnostic[];
}

const isError = (d: Diagnostic): boolean => d.severity === 'error';
/** Records edited since the plans were made, beyond which a build plans again (see store.ts EDITS_GROUP). */
const MAX_EDITS = 256;

/**
 * What the records' changes since the previous build are, when a build can work from the cache's
 * plans or signatures: no file is unreadable, no record read again has an error or lacks an article
 * (a cache is only written by a build without errors, so every other record has an article and none),
 * and the edits file is not too large. Undefined otherwise: the build plans from every article.
 */
export function changesSince(scan: RecordScan, previous: CacheState, knownFiles: number): Changes | undefined {
  const census = previous.census;
  if (scan.unreadable.length > 0 || previous.plans.length === 0 || census === undefined) return undefined;
  // Each such build loads and writes the edits file again: past this many records, plan again from every
  // article (which puts them back in their months' files).
  if (census.edits.length >= MAX_EDITS) return undefined;
  // Every file listed was stat'ed and known or read (one deleted between the listing and its read is
  // neither: the full path leaves it out).
  if (scan.known.size + scan.fresh.size !== scan.files) return undefined;
  // Only the records read again are looked at: the others are as the cache has them. What they add up
  // to (published, drafts, the files with warnings) is the cache's census, corrected for the changes.
  const edited = new Set<string>();
  const changed = new Map<string, number>();
  let { published, drafts } = census;
  const noted = new Set(census.noted);
  let moved = false;
  let corrected = false;
  let stillThere = scan.known.size;
  for (const i of [...scan.fresh.keys(), ...scan.restamped.keys()]) {
    const file = scan.paths[i]?.file ?? '';
    const before = previous.records[file];
    const entry = scan.fresh.get(i)?.entry;
    changed.set(file, i);
    if (entry === undefined) continue;
    if (entry.plan === undefined || entry.diagnostics.some(isError)) return undefined;
    if (before === undefined) moved = true;
    else {
      stillThere += 1;
      if (entry.plan !== before.plan) moved = true;
      if (entry.corrected !== before.corrected) corrected = true;
      if (before.draft === true) drafts -= 1;
      else published -= 1;
    }
    edited.add(file);
    if (entry.draft === true) drafts += 1;
    else published += 1;
    if (entry.diagnostics.length > 0) noted.add(file);
    else noted.delete(file);
  }
  // Every file the cache knew is still there when as many of them were found (`knownFiles` in all).
  const deleted: string[] = [];
  if (stillThere !== knownFiles) {
    const present = new Set(scan.paths.map((p) => p.file));
    for (const file in previous.records) {
      if (present.has(file)) continue;
      deleted.push(file);
      if (previous.records[file]?.draft === true) drafts -= 1;
      else published -= 1;
      noted.delete(file);
    }
    moved = true;
  }
  const now = (file: string): RecordEntry | undefined => {
    const i = changed.get(file);
    return (i === undefined ? undefined : scan.fresh.get(i)?.entry) ?? previous.records[file];
  };
  // As assembling the records orders them (by path) before the report sorts everything.
  const notedFiles = [...noted].sort();
  const diagnostics = sortDiagnostics(notedFiles.flatMap((f) => now(f)?.diagnostics ?? []));
  const gone = new Set(deleted);
  const edits = [...new Set([...census.edits.filter((f) => !gone.has(f)), ...edited])].sort();
  return { edited, changed, deleted, moved, corrected, census: { published, drafts, noted: notedFiles, edits }, diagnostics };
}

/**
 * The previous build's plans, when they are this build's: no record was added or deleted, and each
 * edited record still gives an article with the same plan signature. Needs only the cache's index;
 * restoring an article (through `plans`) needs its data loaded.
 */
export function reusePlans(scan: RecordScan, previous: CacheState, changes: Changes): Reuse | undefined {
  if (changes.moved) return undefined;
  if (!changes.corrected) return reuseOf(scan, previous, changes, previous.plans, new Set());
  // A correction moves nothing, but the archive links' versions count it (membershipVersion): the plans
  // whose link changes are new, and written again (spliced: their items are as they were).
  const correctedNow = (file: string): number | undefined => (scan.fresh.get(changes.changed.get(file) ?? -1)?.entry ?? previous.records[file])?.corrected;
  const again = reversioned(previous.plans, correctedNow);
  return again === undefined ? undefined : reuseOf(scan, previous, changes, again.plans, again.dirty, undefined, again.before);
}

/**
 * The plans with their `prev-archive` versions made again from their members' corrections now; `before`
 * holds the previous plan of each whose version changed (those keys are `dirty` too).
 */
function reversioned(plans: readonly StoredPlan[], correctedOf: (file: string) => number | undefined): { plans: StoredPlan[]; dirty: Set<string>; before: Map<string, StoredPlan> } | undefined {
  const archives = plans.filter((p) => p.kind === 'archive');
  const members: Members[] = [];
  for (const p of archives) {
    // (Plans without the digest, from a damaged cache: the build takes the full path.)
    if (p.history?.ids === undefined) return undefined;
    members.push({ ids: p.history.ids, corrections: p.files.map(correctedOf) });
  }
  const versions = archiveVersions(members);
  // Each plan's link points to the next archive down: the main feed's to the newest.
  const pointsTo = new Map<string, string>();
  const main = plans.find((p) => p.kind === 'main');
  if (main !== undefined && versions[0] !== undefined) pointsTo.set(main.key, versions[0]);
  archives.forEach((p, i) => {
    const v = versions[i + 1];
    if (v !== undefined) pointsTo.set(p.key, v);
  });
  const dirty = new Set<string>();
  const before = new Map<string, StoredPlan>();
  const out = plans.map((p) => {
    const v = pointsTo.get(p.key);
    if (v === undefined || p.history?.prevArchiveVersion === undefined || p.history.prevArchiveVersion === v) return p;
    dirty.add(p.key);
    before.set(p.key, p);
    return { ...p, history: { ...p.history, prevArchiveVersion: v } };
  });
  return { plans: out, dirty, before };
}

/**
 * The Reuse of `plans` (the previous ones, or those made again): `dirty` holds the keys of the plans
 * planning changed; those that carry an edited record are added.
 */
export function reuseOf(scan: RecordScan, previous: CacheState, changes: Changes, plans: StoredPlan[], dirty: Set<string>, replanned?: Reuse['replanned'], before?: Map<string, StoredPlan>): Reuse {
  const { edited, changed, deleted } = changes;
  let indexOf: Map<string, number> | undefined;
  const restore = articleRestorer(scan);
  const keys = new Map<Article, string>();
  const restored = new Map<string, Article>();
  const article = (file: string): Article => {
    let a = restored.get(file);
    if (a === undefined) {
      if (indexOf === undefined) {
        indexOf = new Map();
        for (let i = 0; i < scan.paths.length; i++) indexOf.set(scan.paths[i]?.file ?? '', i);
      }
      const i = indexOf.get(file) ?? -1;
      a = restore(i);
      if (a === undefined) throw new Error(`the cache's plans name ${file}, which has no article`);
      restored.set(file, a);
      keys.set(a, itemKey(entryAt(scan, i)?.hash ?? '', file));
    }
    return a;
  };
  // Most builds edit a record or two: a builtin search of each plan for each of them beats hashing every
  // path the plans hold (tens of thousands) to look it up in a set, in code run once and not yet compiled.
  const few = edited.size <= 8 ? [...edited] : undefined;
  const carries = (files: readonly string[]): boolean => (few !== undefined ? few.some((f) => files.includes(f)) : files.some((f) => edited.has(f)));
  const feedPlans = plans.map((stored) => {
    if (edited.size > 0 && !dirty.has(stored.key) && carries(stored.files)) dirty.add(stored.key);
    return planOf(stored, article);
  });
  // The entries now: the cache's, with the records read again in front (an object whose prototype is
  // the cache's records, so the 100,000 unchanged entries are not copied; `for…in` and lookups see
  // both), or, when records were deleted, a copy without them. Made on first use, after the data the
  // build needs is loaded (entryAt restamps then).
  let records: Record<string, RecordEntry> | undefined;
  const recordsNow = (): Record<string, RecordEntry> => {
    if (records === undefined) {
      if (deleted.length === 0) records = Object.create(previous.records) as Record<string, RecordEntry>;
      else {
        const gone = new Set(deleted);
        records = {};
        for (const file in previous.records) if (!gone.has(file)) records[file] = previous.records[file] as RecordEntry;
      }
      for (const [file, i] of changed) records[file] = entryAt(scan, i) as RecordEntry;
    }
    return records;
  };
  return {
    plans: feedPlans,
    stored: plans,
    dirty,
    edited,
    deleted,
    keys,
    article,
    get records() {
      return recordsNow();
    },
    diagnostics: changes.diagnostics,
    census: changes.census,
    ...(replanned === undefined ? {} : { replanned }),
    ...(before === undefined ? {} : { before }),
  };
}

/** A stored plan as a FeedPlan whose articles are restored on first use (most are never asked for). */
function planOf(stored: StoredPlan, article: (file: string) => Article): FeedPlan {
  const { files, ...rest } = stored;
  let articles: Article[] | undefined;
  return {
    ...rest,
    get articles(): Article[] {
      return (articles ??= files.map(article));
    },
  };
}

/** A plan as the cache keeps it. */
export function storePlan<A extends Plannable>(plan: FeedPlan<A>): StoredPlan {
  const { articles, ...rest } = plan;
  return { ...rest, files: articles.map((a) => a.file) };
}
