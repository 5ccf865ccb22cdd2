/**
 * The fast path of a build with the cache: when the only changes since the last build are edits that
 * leave every feed's membership as it was (the body, the title, the credits; not the date, draft flag,
 * id, section, tags or authors), the feed plans the cache keeps are this build's plans. Then nothing
 * needs every article: only the feeds that carry an edited record are rendered, only their articles are
 * restored from the cache (index.html is made from the main feed's model, which the cache keeps), and the
 * report's warnings are put together from the cache's entries. Anything else (a record added, deleted, unreadable or moved in the
 * plans, a plan the cache lacks) takes the full path, which plans every article again.
 *
 * Both paths must give the same tree and the same report; tests/incremental.test.ts compares each with a
 * clean build after sequences of such edits.
 */
import { itemKey, type CacheState, type Census, type RecordEntry, type StoredPlan } from '../cache/store.js';
import type { FeedPlan } from '../core/feeds.js';
import { articleRestorer, entryAt, type RecordScan } from '../sources/cached.js';
import { sortDiagnostics } from '../sources/index.js';
import type { Article, Diagnostic } from '../types.js';

/** The plans of a build that can reuse the previous one's, and what it needs from the records. */
export interface Reuse {
  /** Every feed's plan, in the previous build's order; `articles` are restored when first asked for. */
  plans: FeedPlan[];
  /** Keys of the plans that carry an edited record. */
  dirty: Set<string>;
  /** The records edited since the last build: their data files are rewritten, so they are loaded. */
  edited: Set<string>;
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
}

const isError = (d: Diagnostic): boolean => d.severity === 'error';
/** Records edited since the plans were made, beyond which a build plans again (see store.ts EDITS_GROUP). */
const MAX_EDITS = 256;

/**
 * The previous build's plans, when they are this build's: every file the cache knew is still there, none
 * is new or unreadable, and each edited record still gives an article with the same plan signature.
 * Needs only the cache's index; restoring an article (through `plans`) needs its data loaded.
 */
export function reusePlans(scan: RecordScan, previous: CacheState, knownFiles: number): Reuse | undefined {
  const census = previous.census;
  if (scan.unreadable.length > 0 || previous.plans.length === 0 || census === undefined) return undefined;
  // Each fast build loads and writes the edits file again: past this many records, plan again (which
  // puts them back in their months' files).
  if (census.edits.length >= MAX_EDITS) return undefined;
  // Every file the cache knew (`knownFiles` of them) is still there when as many files are each known
  // to it (a known entry is the cache's own; a file read again must have had one too).
  if (scan.files !== knownFiles || scan.known.size + scan.fresh.size !== scan.files) return undefined;
  // Only the records read again are looked at: the others are as the cache has them, and a cache is only
  // written by a build without errors, so each has a plan signature and no error. What they add up to
  // (published, drafts, the files with warnings) is the cache's census, corrected for the changes.
  const edited = new Set<string>();
  const changed = new Map<string, number>();
  let { published, drafts } = census;
  const noted = new Set(census.noted);
  for (const i of [...scan.fresh.keys(), ...scan.restamped.keys()]) {
    const file = scan.paths[i]?.file ?? '';
    const before = previous.records[file];
    const entry = scan.fresh.get(i)?.entry;
    if (before === undefined) return undefined;
    changed.set(file, i);
    if (entry === undefined) continue;
    if (entry.plan === undefined || entry.plan !== before.plan || entry.diagnostics.some(isError)) return undefined;
    edited.add(file);
    if (before.draft === true) drafts -= 1;
    else published -= 1;
    if (entry.draft === true) drafts += 1;
    else published += 1;
    if (entry.diagnostics.length > 0) noted.add(file);
    else noted.delete(file);
  }
  const now = (file: string): RecordEntry | undefined => {
    const i = changed.get(file);
    return (i === undefined ? undefined : scan.fresh.get(i)?.entry) ?? previous.records[file];
  };
  // As assembling the records orders them (by path) before the report sorts everything.
  const notedFiles = [...noted].sort();
  const diagnostics = sortDiagnostics(notedFiles.flatMap((f) => now(f)?.diagnostics ?? []));

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
  const dirty = new Set<string>();
  // Most builds edit a record or two: a builtin search of each plan for each of them beats hashing every
  // path the plans hold (tens of thousands) to look it up in a set, in code run once and not yet compiled.
  const few = edited.size <= 8 ? [...edited] : undefined;
  const carries = (files: readonly string[]): boolean => (few !== undefined ? few.some((f) => files.includes(f)) : files.some((f) => edited.has(f)));
  const plans = previous.plans.map((stored) => {
    if (edited.size > 0 && carries(stored.files)) dirty.add(stored.key);
    return planOf(stored, article);
  });
  // The entries now: the cache's, with the records read again in front (an object whose prototype is
  // the cache's records, so the 100,000 unchanged entries are not copied; `for…in` and lookups see
  // both). Made on first use, after the data the build needs is loaded (entryAt restamps then).
  let records: Record<string, RecordEntry> | undefined;
  const recordsNow = (): Record<string, RecordEntry> => {
    if (records === undefined) {
      records = Object.create(previous.records) as Record<string, RecordEntry>;
      for (const [file, i] of changed) records[file] = entryAt(scan, i) as RecordEntry;
    }
    return records;
  };
  return {
    plans,
    dirty,
    edited,
    keys,
    article,
    get records() {
      return recordsNow();
    },
    diagnostics,
    census: { published, drafts, noted: notedFiles, edits: [...new Set([...census.edits, ...edited])].sort() },
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
export function storePlan(plan: FeedPlan): StoredPlan {
  const { articles, ...rest } = plan;
  return { ...rest, files: articles.map((a) => a.file) };
}
