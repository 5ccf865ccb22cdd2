/**
 * Splicing, on the fast path (`_reuse.ts`): a feed that carries an edited record is written from its
 * previous documents. The edited items are rendered and put in place of their old fragments, the head and
 * tail are rendered again (the feed's `updated` may have moved), and every other item's bytes are copied
 * as they are. A monthly archive of a large site holds thousands of items, and rendering them all again
 * (with their articles loaded from the cache) was most of an incremental build.
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
import type { FeedItem, FeedModel, Format, SiteConfig } from '../types.js';
import type { Reuse } from './_reuse.js';
import { onDisk } from './_on-disk.js';

/** A feed to write by splicing: its previous documents, split into items, and what the edit changes. */
export interface Splice {
  plan: StoredPlan;
  /** The edited records' places in the feed, in order. */
  edited: { index: number; file: string }[];
  /** The feed's `updated` now. */
  updated: Date;
  /** The record whose item gives it. */
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
 * The feeds of this build that can be spliced, by plan key: every feed the edits touch but the main feed
 * (whose whole model index.html is made from), when the cache and the output hold what splicing needs.
 */
export function findSplices(reuse: Reuse, state: CacheState, outDir: string, config: SiteConfig): Map<string, Splice> {
  const out = new Map<string, Splice>();
  for (const plan of state.plans) {
    if (plan.kind === 'main' || !reuse.dirty.has(plan.key)) continue;
    const splice = spliceOf(plan, reuse, state, outDir, config);
    if (splice !== undefined) out.set(plan.key, splice);
  }
  return out;
}

function spliceOf(plan: StoredPlan, reuse: Reuse, state: CacheState, outDir: string, config: SiteConfig): Splice | undefined {
  const old = state.feeds[plan.key];
  if (old?.newest === undefined || old.items !== plan.files.length || plan.files.length === 0) return undefined;
  const edited: Splice['edited'] = [];
  for (let index = 0; index < plan.files.length; index++) {
    const file = plan.files[index] as string;
    if (reuse.edited.has(file)) edited.push({ index, file });
    // The other items' warnings come from the cache (CachedItems.warnings), as on the fast path's other feeds.
    else if (plan.content === 'full' && state.records[file]?.full === undefined) return undefined;
  }
  if (edited.length === 0) return undefined;
  const updatedNow = newestNow(old.updated, old.newest, edited, reuse);
  if (updatedNow === undefined || !onDisk(outDir, old)) return undefined;
  const before = feedFrame(plan, new Date(old.updated), config);
  const documents: OldDocument[] = [];
  for (const format of FORMATS) {
    const name = `${plan.dir}${FEED_FILES[format]}`;
    const etag = old.entries.find(([n]) => n === name)?.[1].etag;
    const doc = etag === undefined ? undefined : split(name, etag, format, before, plan.files.length, outDir);
    if (doc === undefined) return undefined;
    documents.push(doc);
  }
  return { plan, edited, updated: updatedNow.updated, newest: updatedNow.newest, documents };
}

/**
 * The feed's `updated` after the edits, from the previous one and the edited items: the items not edited
 * are as they were, none later than the record that gave the previous `updated`. Undefined when that
 * record was edited to an earlier instant (then another item, not known here, may be the latest).
 */
function newestNow(previous: string, holder: string, edited: Splice['edited'], reuse: Reuse): { updated: Date; newest: string } | undefined {
  const was = Date.parse(previous);
  let best = { ms: was, file: holder };
  for (const { file } of edited) {
    const a = reuse.article(file);
    const ms = Math.max(0, (a.updated ?? a.published).getTime());
    if (file === holder && ms < was) return undefined;
    if (ms > best.ms) best = { ms, file };
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
 * A spliced feed's documents: `model` is its frame now (no items), `items` the edited records' items by
 * their place in the feed.
 */
export function splicedDocuments(splice: Splice, model: FeedModel, items: ReadonlyMap<number, FeedItem>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const doc of splice.documents) {
    const parts = PARTS[doc.format](model);
    const pieces: Uint8Array[] = [Buffer.from(parts.head)];
    let from = doc.starts[0] as number;
    for (const { index } of splice.edited) {
      const item = items.get(index);
      if (item === undefined) throw new Error(`no item for place ${index} of ${doc.name}`);
      pieces.push(doc.bytes.subarray(from, doc.starts[index]), Buffer.from(parts.fragment(item)));
      const next = doc.starts[index + 1];
      from = next === undefined ? doc.end : next - parts.separator.length;
    }
    pieces.push(doc.bytes.subarray(from, doc.end), Buffer.from(parts.tail));
    out.set(doc.name, Buffer.concat(pieces));
  }
  return out;
}
