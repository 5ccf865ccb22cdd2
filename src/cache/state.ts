/**
 * What the build cache holds, as the build uses it: a record's entry (its file's stamp, content hash,
 * diagnostics, article and items), a feed's entry, the stored plans, and what the records add up to; and
 * which of the cache's files each record is kept in (`groupOf`). Reading and writing those files is
 * store.ts's.
 */
import { createHash } from 'node:crypto';
import type { FeedPlan, GroupSummary } from '../core/feeds.js';
import type { Diagnostic, ServedFile } from '../types.js';
import type { SignatureColumns, Signatures } from './signatures.js';
import type { StoredArticle, StoredItem, StoredModel } from './serial.js';

/** Index files, by a hash of the record's path. */
export const INDEX_SHARDS = 16;

/** FNV-1a of the path, for its index file: stable across runs and machines. */
export function shardOf(file: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h % INDEX_SHARDS;
}

/** Data files per month: an edit rewrites a quarter of its month's articles, not all of them. */
const MONTH_PARTS = 4;

/** The data file of a record: the UTC month of its article's date and a part of it by path, or `-` without an article. */
export function groupOf(published: Date | undefined, file: string): string {
  return published === undefined ? '-' : `${published.toISOString().slice(0, 7)}.${shardOf(file) % MONTH_PARTS}`;
}

/**
 * The data file of records edited on the fast path since the plans were last made: an edit writes this
 * small file, not the month's, whose stale copy of the record is skipped when read. Planning again (the
 * full path, which loads every data file) puts each record back in its month (`homeGroup`).
 */
export const EDITS_GROUP = 'edits';

/** The data file a record belongs in, outside the edits file. */
export function homeGroup(entry: RecordEntry, file: string): string {
  return entry.article === undefined ? entry.group : groupOf(new Date(entry.article.published), file);
}

/**
 * What a record file's stat must still say for the cache to vouch for its content without reading it.
 * Size and mtime alone miss an edit that keeps both (`touch -d` after saving, a copy that keeps times);
 * the change time cannot be set back, and a file put in another's place (`mv`, save by rename) has
 * another inode.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface RecordEntry extends FileStamp {
  /** SHA-256 (base64url, its first 132 bits) of the file's bytes. */
  hash: string;
  /** The record's id (in the data file, like the article: the plan signature stands for it in the index). */
  id?: string;
  diagnostics: readonly Diagnostic[];
  /** Its data file (`groupOf`). */
  group: string;
  /** What planning reads of its article (`planSignature`, hashed), when it gives one. */
  plan?: string;
  /** Its article's last correction (ms, `correctedAt`), when it has one: archive links' versions count it. */
  corrected?: number;
  draft?: true;
  /** The article, without its body (in the data file: absent until its group is loaded). */
  article?: StoredArticle;
  /** The summary made from the body, for a record that has none: summary-only feeds then need no body. */
  excerpt?: string;
  /**
   * The article rendered with its full content, when a feed has carried it so: the warnings that gave
   * (reported whenever the item is used) are in the index, the item in the data file.
   */
  full?: { warnings: Diagnostic[]; item?: StoredItem };
}

export interface FeedEntry {
  /** Hash of everything the feed's documents are made from. */
  key: string;
  entries: [string, ServedFile][];
  title: string;
  items: number;
  /** ISO instant of the feed's newest change. */
  updated: string;
  /** The record whose item gives `updated` (one of them, on a tie). */
  newest?: string;
  /**
   * The feed's items with the latest changes, up to a few: `[record, ms]`, latest first (on a tie, first
   * in the feed), `newest`'s first; every item not listed changed no later than the last one listed. A
   * splice that drops `newest` takes the next one still there (pipeline/_splice.ts) instead of rendering
   * the feed whole.
   */
  latest?: [string, number][];
  /**
   * Each file's change time and inode (name → [ctimeMs, ino]) as this build left it: with the size and
   * mtime, what a later build checks before trusting the file (a copy of an older version put back in
   * place with its times kept has another change time, one put there by renaming another inode).
   */
  stamps?: Record<string, [number, number]>;
}

/** A feed plan as the cache keeps it: its articles by record path. */
export interface StoredPlan extends Omit<FeedPlan, 'articles'> {
  files: string[];
}

export interface CacheState {
  /**
   * When the build that wrote it started reading files (ms since the epoch); as loaded, on the file
   * system's clock if that runs behind (loadCache).
   */
  startedAt: number;
  /** Absolute output directory the `feeds` entries describe. */
  outDir: string;
  /** By record path (as shown in messages). */
  records: Record<string, RecordEntry>;
  /** By feed key (`main`, `sections/world`, `archive/2025-02`). */
  feeds: Record<string, FeedEntry>;
  /** The build's feed plans, in order, and what planning them reported (and left out: `groups`). */
  plans: StoredPlan[];
  planned: Diagnostic[];
  groups: GroupSummary[];
  /** The main feed's model (index.html is made from it). */
  main: StoredModel;
  /**
   * Only in a state to save: what planning reads of each record (signatures.ts), when it changed. `base`
   * absent: the columns the cache has, with these changes. Absent: as the cache has them (a build that
   * reused the plans changed none). A cache read loads them only to plan from them (`loadSignatures`).
   */
  signatures?: { base?: SignatureColumns; changes: Signatures['changes'] };
  /** What the records add up to (absent in a state being built without it: then no build reuses the plans). */
  census?: Census;
}

/** What a build's records add up to, so that a build after a few edits need not look at every entry. */
export interface Census {
  published: number;
  drafts: number;
  /** The files whose records have diagnostics (warnings: a cache is written only by builds without errors), sorted. */
  noted: string[];
  /** The records in the edits data file (EDITS_GROUP). */
  edits: string[];
}

/** The cache key of a record's items (and a part of every feed key that carries it): its content hash and path. */
export const itemKey = (hash: string, file: string): string => `${hash}:${file}`;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url');

/** Identity of what a cache is valid for: the code and the configuration. */
export interface CacheIdentity {
  code: string;
  config: string;
  /** Where the articles are (a hash of the absolute path): a project moved or restored elsewhere is told apart from a configuration change. */
  place: string;
}
