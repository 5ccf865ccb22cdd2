/**
 * Splicing, on the fast path (`_reuse.ts`, `_replan.ts`): a feed to write again is written from its
 * previous documents. The items of edited records and of records new to the feed are rendered and put in
 * their places, the items of records that left it dropped, the head and tail rendered again (the feed's
 * `updated` or links may have moved), and every other item's bytes copied as they are. A monthly archive
 * of a large site holds thousands of items, and rendering them all again (with their articles loaded from
 * the cache) was most of an incremental build; publishing a story pushes one into it.
 *
 * The result is the document a full render gives, because every writer assembles its documents from the
 * same parts (`formats/_document.ts`), and the old document is checked before it is used: it must be on
 * disk as the cache recorded it (size, mtime and ETag), start with the head and end with the tail it was
 * written with, and hold exactly as many item boundaries as the feed has items (escaped text cannot hold
 * one). Anything else leaves the feed to be rendered as usual, before any data is loaded for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheState, FeedEntry, StoredPlan } from '../cache/state.js';
import { FEED_FILES } from '../core/model.js';
import { feedFrame, PARTS, type DocumentBounds } from '../render/site.js';
import { documentTooLarge } from '../render/size.js';
import { DatelineError } from '../errors.js';
import { strongEtag } from '../hosting/index.js';
import type { Article, FeedItem, FeedModel, Format, SiteConfig } from '../types.js';
import type { Reuse } from './_reuse.js';
import { onDisk } from './_on-disk.js';

/**
 * A feed to write by splicing: its previous documents, split into items, and what changes. The main
 * feed's is made from the previous build's model of it instead (index.html needs its items): its items
 * are taken from there, and its documents written whole (`documents` is empty).
 */
export interface Splice {
  /** The feed's plan now. */
  plan: StoredPlan;
  /** For each item of the feed now, its place in the previous documents (or model), or -1 when it is rendered now. */
  from: number[];
  /** The items rendered now (edited records, and records new to the feed): their places, in order. */
  edited: { index: number; file: string }[];
  /**
   * The items of the previous `latest` list still in the feed and not rendered now (see `spliceUpdated`),
   * in order, and the change no item left unlisted is later than (-Infinity when all were listed).
   */
  kept: [string, number][];
  bound: number;
  documents: OldDocument[];
}

/** How many of a feed's latest items its cache entry lists. */
const LATEST = 8;

/** A feed item's change, as a feed's `updated` counts it (model.ts, newestOf). */
const changeOf = (item: Pick<FeedItem, 'updated'>): number => item.updated.getTime();

/** A rendered feed's `latest` list (FeedEntry): its items by change, latest first, the first in the feed on a tie. */
export function latestOf(items: readonly FeedItem[], files: readonly string[]): [string, number][] {
  const order = items.map((item, i) => ({ ms: changeOf(item), i }));
  order.sort((a, b) => b.ms - a.ms || a.i - b.i);
  return order.slice(0, LATEST).map(({ ms, i }) => [files[i] ?? '', ms]);
}

interface OldDocument {
  name: string;
  format: Format;
  bytes: Buffer;
  /** Where each item's fragment starts, and where the last one ends. */
  starts: number[];
  end: number;
}

const FORMATS = Object.keys(FEED_FILES) as Format[];

/**
 * The feeds of this build that can be spliced, by plan key: every feed to write again, when the cache
 * and the output hold what splicing needs.
 */
export function findSplices(reuse: Reuse, state: CacheState, outDir: string, config: SiteConfig): Map<string, Splice> {
  const out = new Map<string, Splice>();
  for (const plan of reuse.stored) {
    if (!reuse.dirty.has(plan.key)) continue;
    const splice = spliceOf(plan, reuse.replanned?.previous.get(plan.key) ?? reuse.before?.get(plan.key) ?? plan, reuse, state, outDir, config);
    if (splice !== undefined) out.set(plan.key, splice);
  }
  return out;
}

/** `was`: the feed's previous plan (the same plan, when the plans were reused). */
function spliceOf(plan: StoredPlan, was: StoredPlan, reuse: Reuse, state: CacheState, outDir: string, config: SiteConfig): Splice | undefined {
  const old = state.feeds[plan.key];
  if (old?.newest === undefined || was.key !== plan.key || old.items !== was.files.length || was.files.length === 0 || plan.files.length === 0) return undefined;
  if (plan.kind === 'main' && state.main.items.length !== was.files.length) return undefined;
  const same = plan === was;
  const place = same ? undefined : new Map(was.files.map((f, i) => [f, i]));
  const from: number[] = [];
  const edited: Splice['edited'] = [];
  for (let index = 0; index < plan.files.length; index++) {
    const file = plan.files[index] as string;
    const at = reuse.edited.has(file) ? undefined : place === undefined ? index : place.get(file);
    if (at === undefined) {
      edited.push({ index, file });
      from.push(-1);
    } else {
      // The other items' warnings come from the cache (CachedItems.warnings), as on the fast path's other feeds.
      if (plan.content === 'full' && state.records[file]?.full === undefined) return undefined;
      from.push(at);
    }
  }
  if (plan.kind === 'main') return { plan, from, edited, kept: [], bound: -Infinity, documents: [] };
  const latest = keptLatest(old, was, plan, reuse);
  if (latest === undefined || !onDisk(outDir, old)) return undefined;
  const before = feedFrame(was, new Date(old.updated), config);
  const documents: OldDocument[] = [];
  for (const format of FORMATS) {
    const name = `${plan.dir}${FEED_FILES[format]}`;
    if (name !== `${was.dir}${FEED_FILES[format]}`) return undefined;
    const etag = old.entries.find(([n]) => n === name)?.[1].etag;
    const doc = etag === undefined ? undefined : split(name, etag, format, before, was.files.length, outDir);
    if (doc === undefined) return undefined;
    documents.push(doc);
  }
  return { plan, from, edited, ...latest, documents };
}

/**
 * What the previous entry's `latest` list still tells: its items still in the feed and not rendered now,
 * each no earlier than any item not listed. Undefined when none is left (then which item is now the
 * latest is not known without all of them: the feed is rendered whole).
 */
function keptLatest(old: FeedEntry, was: StoredPlan, plan: StoredPlan, reuse: Reuse): { kept: [string, number][]; bound: number } | undefined {
  const listed = old.latest ?? [];
  const last = listed[listed.length - 1];
  if (last === undefined) return undefined;
  const inFeed = plan === was ? undefined : new Set(plan.files);
  const kept = listed.filter(([file]) => !reuse.edited.has(file) && (inFeed === undefined || inFeed.has(file)));
  if (kept.length === 0) return undefined;
  return { kept, bound: listed.length >= old.items ? -Infinity : last[1] };
}

/**
 * A spliced feed's `updated` now, the record that gives it, and its `latest` list: from the items kept
 * in the previous list and those rendered now (their data is loaded by then). The first kept item is no
 * earlier than any item not listed (none later than `bound`), so the latest of it and those rendered is
 * the feed's; on a tie, the first in the feed, as a full render (`newestIndex`) takes it (an item not
 * listed at the bound comes after the kept ones there, which keep their order). The list goes on only
 * with items later than the bound, whose order is known.
 */
export function spliceUpdated(splice: Splice, article: (file: string) => Article): { updated: Date; newest: string; latest: [string, number][] } {
  const place = new Map(splice.plan.files.map((f, i) => [f, i]));
  const candidates = [
    ...splice.kept.map(([file, ms]) => ({ file, ms, index: place.get(file) ?? 0, listed: true })),
    ...splice.edited.map(({ index, file }) => ({ file, ms: instant(article(file)), index, listed: false })).filter((c) => c.ms >= splice.bound),
  ];
  candidates.sort((a, b) => b.ms - a.ms || a.index - b.index);
  // Those listed before stay (at the bound, they come before every item not listed). One rendered now at
  // the bound may come after an item not listed: the list ends before it, unless it is the first.
  const latest: typeof candidates = [];
  for (const [i, c] of candidates.entries()) {
    if (i > 0 && !c.listed && c.ms <= splice.bound) break;
    latest.push(c);
    if (latest.length === LATEST) break;
  }
  const best = latest[0] ?? { file: '', ms: 0 };
  return { updated: new Date(best.ms), newest: best.file, latest: latest.map((c) => [c.file, c.ms]) };
}

const instant = (a: Article): number => (a.updated ?? a.published).getTime();

/**
 * The previous document, checked against its recorded ETag (its bytes are copied, so size and mtime are
 * not enough) and the parts it was written with, and split into its items.
 */
function split(name: string, etag: string, format: Format, before: FeedModel, items: number, outDir: string): OldDocument | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(outDir, name));
  } catch {
    return undefined;
  }
  if (strongEtag(bytes) !== etag) return undefined;
  const parts = PARTS[format](before);
  const head = Buffer.from(parts.head);
  const tail = Buffer.from(parts.tail);
  const end = bytes.length - tail.length;
  if (end < head.length || !bytes.subarray(0, head.length).equals(head) || !bytes.subarray(end).equals(tail)) return undefined;
  const starts = [head.length];
  const boundary = Buffer.from(parts.boundary.text);
  for (let at = bytes.indexOf(boundary, head.length); at >= 0 && at < end; at = bytes.indexOf(boundary, at + 1)) {
    starts.push(at + parts.boundary.offset);
    if (starts.length > items) return undefined;
  }
  return starts.length === items ? { name, format, bytes, starts, end } : undefined;
}

/**
 * A spliced feed's documents: `model` is its frame now (no items), `items` the items rendered now by
 * their place in the feed, in pieces (written one after another): runs of items kept in their order are one
 * piece, separators and all, a view of the previous document.
 * A document larger than `bounds` allow throws E_DOCUMENT_TOO_LARGE, as rendering it whole would.
 */
export function splicedDocuments(splice: Splice, model: FeedModel, items: ReadonlyMap<number, FeedItem>, bounds: DocumentBounds): Map<string, Uint8Array[]> {
  const out = new Map<string, Uint8Array[]>();
  const over: [string, number][] = [];
  for (const doc of splice.documents) {
    const parts = PARTS[doc.format](model);
    const separator = Buffer.from(parts.separator);
    const pieces: Uint8Array[] = [Buffer.from(parts.head)];
    /** Where the previous document's item `k` ends (before the separator that follows it). */
    const endOf = (k: number): number => {
      const next = doc.starts[k + 1];
      return next === undefined ? doc.end : next - separator.length;
    };
    for (let index = 0; index < splice.from.length; ) {
      if (index > 0) pieces.push(separator);
      const at = splice.from[index] as number;
      if (at < 0) {
        const item = items.get(index);
        if (item === undefined) throw new Error(`no item for place ${index} of ${doc.name}`);
        pieces.push(parts.fragmentBytes(item));
        index += 1;
        continue;
      }
      let last = at;
      index += 1;
      while (index < splice.from.length && splice.from[index] === last + 1) {
        last += 1;
        index += 1;
      }
      pieces.push(doc.bytes.subarray(doc.starts[at] as number, endOf(last)));
    }
    pieces.push(Buffer.from(parts.tail));
    const bytes = pieces.reduce((n, p) => n + p.byteLength, 0);
    if (bytes > bounds.limit.bytes) over.push([`${bounds.outDir}/${doc.name}`, bytes]);
    else out.set(doc.name, pieces);
  }
  if (over.length > 0) throw new DatelineError([documentTooLarge(over, bounds.limit, splice.plan)]);
  return out;
}
