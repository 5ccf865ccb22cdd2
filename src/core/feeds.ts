/**
 * The feeds a site publishes: the main feed; one per section, tag and author when switched on; and RFC
 * 5005 monthly archives. Pure: articles and configuration in, plans out.
 *
 * Archives partition the history: the main feed carries the newest `itemsPerFeed` articles and every
 * older published article is in exactly one monthly archive (the month of its first publication in the
 * publisher's zone). So an aggregator that reads the main feed and follows `prev-archive` links reaches
 * every published article exactly once. The newest archive fills up as stories leave the main feed; an
 * older one changes when a story in it is corrected, or one is filed late, deleted or moved by its date
 * (and its `prev-archive` link, when an older one's stories change). RFC 5005 (§4) lets a client take an archive it has read for unchanging and not read it again,
 * so each `prev-archive` link names the stories of the archive it points to and of every older one, with
 * their corrections (`?v=`, `membershipVersion`): whenever a story moves into an archive (leaving the main
 * feed, filed late, its date changed) or is corrected there (a new `updated`), the links down to it are
 * new URIs, which such a client reads, and it stops at the first it has read.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Article, ContentMode, Diagnostic, GroupFeedsConfig, SiteConfig } from '../types.js';
import { localMonth } from './_dates.js';
import { byNewest } from './model.js';
import { assignSlugs, byCodePoints } from './slug.js';

export type FeedKind = 'main' | 'section' | 'tag' | 'author' | 'archive';

/** What planning reads of an article: a whole article, or the cache's record of those fields (pipeline/_replan.ts). */
export type Plannable = Pick<Article, 'file' | 'id' | 'draft' | 'published' | 'updated' | 'section' | 'tags'> & { authors: readonly { name: string }[] };
/** What a record's signature holds: what planning reads, and its link (compared across records: core/links.ts). */
export type Signed = Plannable & Pick<Article, 'url'>;

export interface FeedPlan<A extends Plannable = Article> {
  /** Stable identity and directory of the feed without its slash: `main`, `sections/world`, `archive/2025-02`. */
  key: string;
  kind: FeedKind;
  /** The section, tag or author as written in the records; the month (`YYYY-MM`) of an archive. */
  name?: string;
  /** Directory of the feed's three documents in the output, `` for the main feed, else ending with `/`. */
  dir: string;
  /** The feed's articles, newest first. */
  articles: A[];
  content: ContentMode;
  precompress: boolean;
  /**
   * RFC 5005 links, by the directories of the documents linked to; `prevArchiveVersion` names the members
   * of the archive `prevArchive` is and of every older one (`membershipVersion`); an archive's `ids`, the
   * digest of its members' ids (`idsDigest`), for its version made again without them.
   */
  history?: { archive: boolean; current?: string; prevArchive?: string; prevArchiveVersion?: string; nextArchive?: string; ids?: string };
}

/**
 * What the limits of a family of feeds left out: of `names` in use, `feeds` got one; `belowMinimum` had
 * fewer published articles than `minArticles`, and `beyondMax` had enough but fell beyond `max`.
 */
export interface GroupSummary {
  kind: 'section' | 'tag' | 'author';
  names: number;
  feeds: number;
  belowMinimum: number;
  beyondMax: number;
}

export interface Plans<A extends Plannable = Article> {
  /** The main feed first, then sections, tags, authors and archives, each by key. */
  plans: FeedPlan<A>[];
  /** One for each family of feeds switched on. */
  groups: GroupSummary[];
  diagnostics: Diagnostic[];
}

const GROUPS = [
  { kind: 'section', root: 'sections', label: 'section' },
  { kind: 'tag', root: 'tags', label: 'tag' },
  { kind: 'author', root: 'authors', label: 'author' },
] as const;

const GROUP_CONFIG = { section: 'sections', tag: 'tags', author: 'authors' } as const;
/** Where the monthly archives go: `archive/2025-02/`. */
const ARCHIVE_ROOT = 'archive';
/** The output's directories that hold only feeds, one directory a feed. */
export const FEED_ROOTS: readonly string[] = [...GROUPS.map((g) => g.root), ARCHIVE_ROOT];

/** The record field holding `name` (`section`, `tags[2]`, `authors[0]`). */
function nameField(kind: 'section' | 'tag' | 'author', a: Plannable, name: string): string {
  if (kind === 'section') return 'section';
  const k = kind === 'tag' ? a.tags.indexOf(name) : a.authors.findIndex((p) => p.name === name);
  return `${GROUP_CONFIG[kind]}${k < 0 ? '' : `[${k}]`}`;
}

/** Whether any feed of the site carries summaries only (then every article's summary is needed, not its body). */
export function usesSummaries(config: SiteConfig): boolean {
  const f = config.feeds;
  return [f.sections, f.tags, f.authors, f.archives].some((g) => g?.content === 'summary');
}

/**
 * What planning reads of an article (its id, date, draft flag, section, tags and authors), and its link
 * (compared across records when they are planned: core/links.ts), as one string: two versions of an
 * article with the same signature sit in the same feeds at the same places, with the same warnings.
 */
export function planSignature(a: Omit<Signed, 'file'>): string {
  return JSON.stringify(planFields(a));
}

/** planSignature's fields: `[id, draft, published (ISO), section or null, tags, author names, link]`. */
export type PlanFields = [id: string, draft: boolean, published: string, section: string | null, tags: string[], authors: string[], url: string];

export function planFields(a: Omit<Signed, 'file'>): PlanFields {
  return [a.id, a.draft === true, a.published.toISOString(), a.section ?? null, a.tags, a.authors.map((p) => p.name), a.url];
}

/**
 * How many articles planning needs when it needs only the newest published ones (the main feed alone):
 * then any other article can be let go as soon as it is read. Undefined when every article may be in a
 * feed. (Kept beside planFeeds, which it describes.)
 */
export function newestNeeded(config: SiteConfig): number | undefined {
  const f = config.feeds;
  return f.sections === undefined && f.tags === undefined && f.authors === undefined && f.archives === undefined ? config.itemsPerFeed : undefined;
}

/** When an article was last corrected (ms since the epoch): its `updated`, unless that is its first publication. */
export function correctedAt(a: Pick<Plannable, 'published' | 'updated'>): number | undefined {
  const ms = a.updated?.getTime();
  return ms === undefined || ms === a.published.getTime() ? undefined : ms;
}

/**
 * `correctedOf`: each article's last correction, for the archive links' versions (`membershipVersion`);
 * by default from its dates (planning from the cache's signatures, which hold no `updated`, gives the
 * records' entries').
 */
export function planFeeds<A extends Plannable>(articles: readonly A[], config: SiteConfig, correctedOf: (a: A) => number | undefined = correctedAt): Plans<A> {
  const published = articles.filter((a) => !a.draft).sort(byNewest);
  const diagnostics: Diagnostic[] = [];
  const main: FeedPlan<A> = { key: 'main', kind: 'main', dir: '', articles: published.slice(0, config.itemsPerFeed), content: 'full', precompress: true };
  const plans: FeedPlan<A>[] = [main];
  const groups: GroupSummary[] = [];
  for (const g of GROUPS) {
    const settings = config.feeds[GROUP_CONFIG[g.kind]];
    if (settings === undefined) continue;
    const { plans: feeds, summary } = groupPlans(published, g, settings, diagnostics);
    plans.push(...feeds);
    groups.push(summary);
  }
  if (config.feeds.archives !== undefined) {
    const { archives, newestVersion } = archivePlans(published.slice(config.itemsPerFeed), config, config.feeds.archives, correctedOf);
    const newest = archives[0];
    if (newest !== undefined) main.history = { archive: false, prevArchive: newest.dir, prevArchiveVersion: newestVersion };
    plans.push(...archives);
  }
  return { plans, groups, diagnostics };
}

function groupPlans<A extends Plannable>(
  published: readonly A[],
  g: (typeof GROUPS)[number],
  settings: GroupFeedsConfig,
  diagnostics: Diagnostic[],
): { plans: FeedPlan<A>[]; summary: GroupSummary } {
  const byName = new Map<string, A[]>();
  // In NFC: canonically equivalent spellings (a decomposed "é" typed on a Mac) are one name, one feed.
  // (Each spelling normalised once: a site has a few thousand names and hundreds of thousands of uses.)
  const nfc = new Map<string, string>();
  const seen: string[] = [];
  const add = (a: A, raw: string): void => {
    let name = nfc.get(raw);
    if (name === undefined) nfc.set(raw, (name = raw.normalize('NFC')));
    if (seen.length > 0 && seen.includes(name)) return;
    seen.push(name);
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [a]);
    else list.push(a);
  };
  // (A loop for each kind, not a function giving each article's names: that was most of planning.)
  for (let i = 0; i < published.length; i++) {
    const a = published[i] as A;
    seen.length = 0;
    if (g.kind === 'section') {
      if (a.section !== undefined) add(a, a.section);
    } else if (g.kind === 'tag') {
      for (let k = 0; k < a.tags.length; k++) add(a, a.tags[k] as string);
    } else {
      for (let k = 0; k < a.authors.length; k++) add(a, (a.authors[k] as { name: string }).name);
    }
  }
  // Slugs come from every name in use, not only those that get a feed, so a path never moves when the
  // limits change; of names that make one path, the first published keeps it, so a new spelling ("Trade
  // Talks" beside "Trade talks") does not take the path of the feed that is there, and spellings in use side
  // by side keep their paths whatever their counts. (Rules by count, or by more than half of the most used
  // one's count, moved live feeds back and forth as counts passed each other: review. What this rule cannot
  // do, keep the path from a new spelling with a story dated before all of the holder's, an imported
  // backlog, needs a record of past paths, and then a clean build would not make the same tree: README.)
  const firstPublished = (list: readonly A[]): number => (list.length === 0 ? 0 : (list[list.length - 1] as A).published.getTime());
  const { slugs, collisions } = assignSlugs(byName.keys(), (name) => firstPublished(byName.get(name) ?? []));
  // Feeds under `minArticles` and `max`: most stories first, then the first published, then by code point.
  const ranked = [...byName].sort(([a, la], [b, lb]) => lb.length - la.length || firstPublished(la) - firstPublished(lb) || byCodePoints(a, b));
  const eligible = ranked.filter(([, list]) => list.length >= settings.minArticles);
  const chosen = eligible.slice(0, settings.max ?? Number.POSITIVE_INFINITY);
  const fed = new Set(chosen.map(([name]) => name));
  for (const c of collisions) {
    // Located at the newest record using a name that lost the contested path: the one a desk would fix,
    // at the name in its list (`tags[2]`; the CLI finds its line). The message names a record of each name.
    const users = c.names.map((n) => byName.get(n)?.[0]);
    const [newest, name] = c.names.slice(1).map((n, k) => [users[k + 1], n] as const).filter(([a]) => a !== undefined).sort(([a], [b]) => byNewest(a as A, b as A))[0] ?? [];
    diagnostics.push(diagnostic(Errors.SlugCollision, { file: newest?.file, field: newest === undefined || name === undefined ? undefined : nameField(g.kind, newest, name) }, g.label,
      c.names.map((n, k) => ({ name: n, file: users[k]?.file })), c.assigned.map((s) => `${g.root}/${s}/`), c.names.map((n) => fed.has(n))));
  }
  const plans = chosen
    .map(([name, list]): FeedPlan<A> => {
      const key = `${g.root}/${slugs.get(name) ?? ''}`;
      return { key, kind: g.kind, name, dir: `${key}/`, articles: list.slice(0, settings.itemsPerFeed), content: settings.content, precompress: settings.precompress };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const summary = { kind: g.kind, names: byName.size, feeds: chosen.length, belowMinimum: byName.size - eligible.length, beyondMax: eligible.length - chosen.length };
  return { plans, summary };
}

/**
 * An archive's members as its version counts them: a digest of their ids, in order (`idsDigest`, kept
 * with the archive's plan: an incremental build that keeps the plans has the records' entries, not their
 * ids), and each one's last correction (ms, `correctedAt`), in the same order.
 */
export interface Members {
  ids: string;
  corrections: readonly (number | undefined)[];
}

/** cyrb53 (public domain), fed a character code at a time: 53 bits, base 36. Not cryptographic (the core is pure). */
function hasher(): { text: (s: string) => void; code: (c: number) => void; digest: () => string } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const code = (c: number): void => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  return {
    code,
    text: (s) => {
      for (let i = 0; i < s.length; i++) code(s.charCodeAt(i));
    },
    digest: () => {
      const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
      return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
    },
  };
}

/**
 * The digest of an archive's members' ids and first publications, in order (an id holds no space or
 * control character: a tab and `\n` end its parts). Both are what planning reads (the plan signature):
 * an incremental build that keeps the plans keeps them too.
 */
function idsDigest(members: Iterable<Pick<Plannable, 'id' | 'published'>>): string {
  const h = hasher();
  for (const m of members) {
    h.text(m.id);
    h.code(9);
    h.text(String(m.published.getTime()));
    h.code(10);
  }
  return h.digest();
}

/**
 * What a `prev-archive` link adds to its URL (`?v=…`): a hash of the archive's members (their ids and
 * first publications), the instant each was last corrected (`updated`), and the version of the archive
 * before it (`older`). So the link changes when a story enters or leaves that archive or any older one
 * (an id changed is one leaving and another entering), is dated again there, or is corrected there: RFC
 * 5005 §4 lets a client that has read an archive take it for unchanging, and §4.1 asks that a correction
 * reach it, so the main feed's link changes and the client reads down to the changed archive. It stays as
 * it is when a build changes nothing there, or edits a story without a new date; and it is the same
 * wherever the site is built (no path goes in). A version is made from what the archives hold, so a
 * change taken back (a correction withdrawn) gives back a link a client has read, which it does not read
 * again. An accidental collision would only cost a client a missed story.
 */
export function membershipVersion(members: Members, older = ''): string {
  const h = hasher();
  h.text(members.ids);
  h.code(0);
  for (const c of members.corrections) {
    if (c !== undefined) h.text(String(c));
    h.code(1);
  }
  h.code(0);
  h.text(older);
  return h.digest();
}

/** The version of each archive (`membershipVersion`; the archives newest first), each covering every older one. */
export function archiveVersions(archives: readonly Members[]): string[] {
  const out: string[] = new Array<string>(archives.length);
  let older = '';
  for (let i = archives.length - 1; i >= 0; i--) older = out[i] = membershipVersion(archives[i] ?? { ids: '', corrections: [] }, older);
  return out;
}

/** `older`: the published articles the main feed does not carry, newest first. Newest month first, and the newest's version. */
function archivePlans<A extends Plannable>(
  older: readonly A[],
  config: SiteConfig,
  settings: NonNullable<SiteConfig['feeds']['archives']>,
  correctedOf: (a: A) => number | undefined,
): { archives: FeedPlan<A>[]; newestVersion: string } {
  const byMonth = new Map<string, A[]>();
  for (const a of older) {
    const month = localMonth(a.published, config.timezone);
    const list = byMonth.get(month);
    if (list === undefined) byMonth.set(month, [a]);
    else list.push(a);
  }
  const months = [...byMonth.keys()].sort().reverse();
  const dir = (month: string): string => `${ARCHIVE_ROOT}/${month}/`;
  const members = months.map((m): Members => {
    const list = byMonth.get(m) ?? [];
    return { ids: idsDigest(list), corrections: list.map(correctedOf) };
  });
  const versions = archiveVersions(members);
  const archives = months.map((month, i): FeedPlan<A> => {
    const history: NonNullable<FeedPlan['history']> = { archive: true, current: '', ids: members[i]?.ids ?? '' };
    const older_ = months[i + 1];
    const newer = months[i - 1];
    if (older_ !== undefined) {
      history.prevArchive = dir(older_);
      history.prevArchiveVersion = versions[i + 1] as string;
    }
    if (newer !== undefined) history.nextArchive = dir(newer);
    return {
      key: `${ARCHIVE_ROOT}/${month}`,
      kind: 'archive',
      name: month,
      dir: dir(month),
      articles: byMonth.get(month) ?? [],
      content: settings.content,
      precompress: settings.precompress,
      history,
    };
  });
  return { archives, newestVersion: versions[0] ?? '' };
}
