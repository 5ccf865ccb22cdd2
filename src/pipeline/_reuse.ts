/**
 * The fast path of a build with the cache: when the only changes since the last build are edits that
 * leave every feed's membership as it was (the body, the title, the credits; not the date, draft flag,
 * id, section, tags or authors), the feed plans the cache keeps are this build's plans. Then nothing
 * needs every article: only the feeds that carry an edited record are rendered, only their articles (and
 * the main feed's, for index.html) are restored from the cache, and the report's warnings are put
 * together from the cache's entries. Anything else (a record added, deleted, unreadable or moved in the
 * plans, a plan the cache lacks) takes the full path, which plans every article again.
 *
 * Both paths must give the same tree and the same report; tests/incremental.test.ts compares each with a
 * clean build after sequences of such edits.
 */
import type { CacheState, RecordEntry, StoredPlan } from '../cache/store.js';
import type { FeedPlan } from '../core/feeds.js';
import { articleRestorer, type RecordScan } from '../sources/cached.js';
import { sortDiagnostics } from '../sources/index.js';
import type { Article, Diagnostic } from '../types.js';

/** The plans of a build that can reuse the previous one's, and what it needs from the records. */
export interface Reuse {
  /** Every feed's plan, in the previous build's order; `articles` are restored when first asked for. */
  plans: FeedPlan[];
  /** Keys of the plans that carry an edited record. */
  dirty: Set<string>;
  /** Each restored article's cache key (`<content hash>:<path>`). */
  keys: Map<Article, string>;
  /** Every record's entry now, by path. */
  records: Record<string, RecordEntry>;
  /** The content key of each record, by path. */
  keyOf: Map<string, string>;
  /** The records' own diagnostics, as reading them all would report them. */
  diagnostics: Diagnostic[];
  published: number;
  drafts: number;
}

/** What planning reads of an article: a change to any of it may move the article between feeds. */
function planSignature(a: { id: string; draft?: boolean; published: Date | string; section?: string; tags: readonly string[]; authors: readonly { name: string }[] }): string {
  const published = typeof a.published === 'string' ? a.published : a.published.toISOString();
  return JSON.stringify([a.id, a.draft === true, published, a.section ?? null, a.tags, a.authors.map((p) => p.name)]);
}

const isError = (d: Diagnostic): boolean => d.severity === 'error';

/**
 * The previous build's plans, when they are this build's: every file the cache knew is still there, none
 * is new or unreadable, and each edited record still gives an article with the same plan signature.
 */
export function reusePlans(scan: RecordScan, previous: CacheState): Reuse | undefined {
  if (scan.unreadable.length > 0 || scan.files !== Object.keys(previous.records).length || previous.plans.length === 0) return undefined;
  const records: Record<string, RecordEntry> = {};
  const keyOf = new Map<string, string>();
  const indexOf = new Map<string, number>();
  const edited = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  let published = 0;
  let drafts = 0;
  const ordered: { file: string; entry: RecordEntry }[] = [];
  for (let i = 0; i < scan.paths.length; i++) {
    const file = scan.paths[i]?.file ?? '';
    const before = previous.records[file];
    if (before === undefined) return undefined;
    const known = scan.known.get(i);
    let entry: RecordEntry;
    let draft: boolean | undefined;
    if (known !== undefined) {
      entry = known;
      draft = known.article?.draft;
      if (known.article === undefined) return undefined;
    } else {
      const fresh = scan.fresh.get(i);
      if (fresh?.article === undefined || before.article === undefined || fresh.entry.diagnostics.some(isError)) return undefined;
      if (planSignature(fresh.article) !== planSignature(before.article)) return undefined;
      entry = fresh.entry;
      draft = fresh.article.draft;
      edited.add(file);
    }
    if (entry.diagnostics.some(isError)) return undefined;
    if (draft === true) drafts += 1;
    else published += 1;
    records[file] = entry;
    keyOf.set(file, `${entry.hash}:${file}`);
    indexOf.set(file, i);
    ordered.push({ file, entry });
  }
  // As assembling the records orders them (by path) before the report sorts everything.
  ordered.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { entry } of ordered) diagnostics.push(...entry.diagnostics);

  const restore = articleRestorer(scan);
  const keys = new Map<Article, string>();
  const restored = new Map<string, Article>();
  const article = (file: string): Article => {
    let a = restored.get(file);
    if (a === undefined) {
      a = restore(indexOf.get(file) ?? -1);
      if (a === undefined) throw new Error(`the cache's plans name ${file}, which has no article`);
      restored.set(file, a);
      keys.set(a, keyOf.get(file) ?? '');
    }
    return a;
  };
  const dirty = new Set<string>();
  const plans = previous.plans.map((stored) => {
    if (stored.files.some((f) => edited.has(f))) dirty.add(stored.key);
    return planOf(stored, article);
  });
  return { plans, dirty, keys, records, keyOf, diagnostics: sortDiagnostics(diagnostics), published, drafts };
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
