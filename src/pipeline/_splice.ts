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
import type { CacheState, StoredPlan } from '../cache/store.js';
import { FEED_FILES } from '../core/model.js';
import { feedFrame, PARTS } from '../core/site.js';
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
  /** The feed's `updated` before the items rendered now count (see `spliceUpdated`), and the record that gives it. */
  updated: Date;
  newest: string;
  documents: OldDocument[];
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
    const splice = spliceOf(plan, reuse.replanned?.previous.get(plan.key) ?? plan, reuse, state, outDir, config);
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
  if (plan.kind === 'main') return { plan, from, edited, updated: new Date(old.updated), newest: old.newest, documents: [] };
  const holder = heldBy(old.updated, old.newest, plan.files, reuse);
  if (holder === undefined || !onDisk(outDir, old)) return undefined;
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
  return { plan, from, edited, updated: holder.updated, newest: holder.newest, documents };
}

/**
 * The feed's `updated` as far as the items kept tell it: the previous one, when the record that gave it
 * is still in the feed (none of the others was later). Undefined when that record left the feed, or was
 * edited to an earlier instant: then another item, not known here, may be the latest.
 */
function heldBy(previous: string, holder: string, files: readonly string[], reuse: Reuse): { updated: Date; newest: string } | undefined {
  if (!files.includes(holder)) return undefined;
  const was = Date.parse(previous);
  if (reuse.edited.has(holder) && instant(reuse.article(holder)) < was) return undefined;
  return { updated: new Date(was), newest: holder };
}

const instant = (a: Article): number => Math.max(0, (a.updated ?? a.published).getTime());

/**
 * A spliced feed's `updated` now, and the record that gives it: the items rendered now count too (their
 * data is loaded by then). On a tie, the first in the feed, as a full render (`newestIndex`) takes it:
 * of the items kept, none before the previous holder tied with it (it was the first then, and they keep
 * their order), so only those rendered now can come first.
 */
export function spliceUpdated(splice: Splice, article: (file: string) => Article): { updated: Date; newest: string } {
  let best = { ms: splice.updated.getTime(), file: splice.newest, index: splice.plan.files.indexOf(splice.newest) };
  for (const { index, file } of splice.edited) {
    const ms = instant(article(file));
    if (ms > best.ms || (ms === best.ms && index < best.index)) best = { ms, file, index };
  }
  return { updated: new Date(best.ms), newest: best.file };
}

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
 * their place in the feed. Runs of items kept in their order are copied as one piece, separators and all.
 */
export function splicedDocuments(splice: Splice, model: FeedModel, items: ReadonlyMap<number, FeedItem>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
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
        pieces.push(Buffer.from(parts.fragment(item)));
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
    out.set(doc.name, Buffer.concat(pieces));
  }
  return out;
}
