/**
 * The build cache: one file, `state.json`, in a directory outside the output (`.dateline-cache/` unless
 * told), safe to delete at any time. It remembers, by content hash, each record's validation result and
 * its rendered items, and each feed's inputs and served files, so that a build after one edit re-reads,
 * re-renders, recompresses and rewrites only what that edit changed.
 *
 * It is never trusted blindly. The first line names the format, the code that wrote it (a hash of
 * Dateline's own sources and the Node release, whose zlib makes the compressed bytes), the configuration
 * it was made with, and a SHA-256 of the rest; `state.json` also records the SHA-256 of each records
 * file, which is written before it. Any mismatch, any damage and any unreadable file makes the build
 * ignore the cache (and say why) and do a clean build, which then writes a fresh one.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeedPlan } from '../core/feeds.js';
import type { Diagnostic, ServedFile } from '../types.js';
import type { StoredArticle, StoredItem } from './serial.js';

export const CACHE_FILE = 'state.json';
const MAGIC = 'dateline-cache/3';
/**
 * Record entries, and the full items rendered from them, are kept in this many files (`records-00.json` …),
 * by a hash of the record's path, so a build after one edit rewrites one of them, not the whole cache: at
 * 100,000 records that is the difference between writing 150 MB of JSON and 9 MB.
 */
const SHARDS = 16;
const shardFile = (n: number): string => `records-${String(n).padStart(2, '0')}.json`;

/** FNV-1a of the path, for its shard: stable across runs and machines. */
function shardOf(file: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h % SHARDS;
}

export interface RecordEntry {
  size: number;
  mtimeMs: number;
  /** SHA-256 (base64url) of the file's bytes. */
  hash: string;
  id?: string;
  article?: StoredArticle;
  /** The summary made from the body, for a record that has none: summary-only feeds then need no body. */
  excerpt?: string;
  diagnostics: Diagnostic[];
}

/** An article rendered with its full content (summary-only items are made from the record entry). */
export interface ItemEntry {
  full: StoredItem;
  /** Warnings rendering the full content gave (reported again whenever the item is used). */
  warnings: Diagnostic[];
}

export interface FeedEntry {
  /** Hash of everything the feed's documents are made from. */
  key: string;
  entries: [string, ServedFile][];
  title: string;
  items: number;
  /** ISO instant of the feed's newest change. */
  updated: string;
}

/** A feed plan as the cache keeps it: its articles by record path. */
export interface StoredPlan extends Omit<FeedPlan, 'articles'> {
  files: string[];
}

export interface CacheState {
  /** When the build that wrote it started reading files (ms since the epoch). */
  startedAt: number;
  /** Absolute output directory the `feeds` entries describe. */
  outDir: string;
  /** By record path (as shown in messages). */
  records: Record<string, RecordEntry>;
  /** By record hash and path: the articles rendered with full content. */
  items: Record<string, ItemEntry>;
  /** By feed key (`main`, `sections/world`, `archive/2025-02`). */
  feeds: Record<string, FeedEntry>;
  /** The build's feed plans, in order, and what planning them reported. */
  plans: StoredPlan[];
  planned: Diagnostic[];
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url');

/** Identity of what a cache is valid for: the code and the configuration. */
export interface CacheIdentity {
  code: string;
  config: string;
}

export type Loaded = { state: CacheState; digests: string[] } | { state?: undefined; ignored: string };

interface StateFile {
  startedAt: number;
  outDir: string;
  feeds: CacheState['feeds'];
  plans: CacheState['plans'];
  planned: CacheState['planned'];
  /** SHA-256 of each records file's body, by shard. */
  shards: string[];
}

/**
 * One cache file: a header line, then the body. The checksum is taken over the body's bytes as read (not
 * over the decoded text, which would encode it all again: at 100,000 records that was a third of a
 * second of every build).
 */
async function readChecked(path: string, expect?: (fields: string[]) => string | undefined): Promise<{ body: string; fields: string[] } | string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return 'no cache yet';
  }
  const newline = bytes.indexOf(0x0a);
  const fields = bytes.toString('utf8', 0, newline < 0 ? Math.min(bytes.length, 512) : newline).split(' ');
  if (newline < 0 || fields[0] !== MAGIC) return 'the cache file is not one this version writes';
  const body = bytes.subarray(newline + 1);
  if (fields[fields.length - 1] !== sha256(body)) return 'the cache file is damaged (checksum mismatch)';
  return expect?.(fields) ?? { body: body.toString('utf8'), fields };
}

/** Reads the cache; anything short of complete, matching, undamaged files is ignored with a reason. */
export async function loadCache(dir: string, identity: CacheIdentity): Promise<Loaded> {
  const head = await readChecked(join(dir, CACHE_FILE), ([, code, config]) => {
    if (code !== identity.code) return 'Dateline or Node.js changed since the cache was written';
    if (config !== identity.config) return 'the configuration changed since the cache was written';
    return undefined;
  });
  if (typeof head === 'string') return { ignored: head };
  let state: StateFile;
  try {
    state = JSON.parse(head.body) as StateFile;
    if (typeof state?.feeds !== 'object' || !Array.isArray(state.plans) || !Array.isArray(state.planned) || !Array.isArray(state.shards) || state.shards.length !== SHARDS) throw new Error('shape');
  } catch {
    return { ignored: 'the cache file is damaged (not the expected JSON)' };
  }
  const shards = await Promise.all(state.shards.map((digest, n) => readChecked(join(dir, shardFile(n)), (f) => (f[1] === digest ? undefined : 'the cache files do not belong together'))));
  const records: CacheState['records'] = {};
  const items: CacheState['items'] = {};
  for (const shard of shards) {
    if (typeof shard === 'string') return { ignored: shard === 'no cache yet' ? 'a cache file is missing' : shard };
    try {
      const part = JSON.parse(shard.body) as Shard;
      if (typeof part?.records !== 'object' || typeof part.items !== 'object') throw new Error('shape');
      Object.assign(records, part.records);
      Object.assign(items, part.items);
    } catch {
      return { ignored: 'the cache file is damaged (not the expected JSON)' };
    }
  }
  return { state: { startedAt: state.startedAt, outDir: state.outDir, records, items, feeds: state.feeds, plans: state.plans, planned: state.planned }, digests: state.shards };
}

/** One records file: the entries of the records whose paths hash to it, and their full items. */
interface Shard {
  records: CacheState['records'];
  items: CacheState['items'];
}

/** The path in an item key (`<content hash>:<path>`; the hash is base64url, so the first colon ends it). */
const itemPath = (key: string): string => key.slice(key.indexOf(':') + 1);

/**
 * Writes the cache: the records files whose entries or items changed since `previous` (entries are
 * replaced, never changed in place, so identity says which), then `state.json`, each atomically (temporary file, rename).
 */
export async function saveCache(dir: string, identity: CacheIdentity, state: CacheState, previous?: { state: CacheState; digests: string[] }): Promise<void> {
  await mkdir(dir, { recursive: true });
  const write = async (name: string, header: string, text: string): Promise<string> => {
    const body = Buffer.from(text);
    const digest = sha256(body);
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    const file = await open(tmp, 'w');
    try {
      const head = Buffer.from(`${header} ${digest}\n`);
      const { bytesWritten } = await file.writev([head, body]);
      // A short write leaves a file whose checksum fails, which the next build would ignore anyway.
      if (bytesWritten !== head.length + body.length) throw new Error(`short write to ${tmp}`);
    } finally {
      await file.close();
    }
    await rename(tmp, join(dir, name));
    return digest;
  };
  const byShard: Shard[] = Array.from({ length: SHARDS }, () => ({ records: {}, items: {} }));
  const dirty = new Set<number>(previous === undefined ? byShard.keys() : []);
  const place = <K extends keyof Shard>(part: K, key: string, entry: Shard[K][string], was: Shard[K] | undefined): void => {
    const n = shardOf(part === 'items' ? itemPath(key) : key);
    (byShard[n] as Shard)[part][key] = entry;
    if (was?.[key] !== entry) dirty.add(n);
  };
  for (const [file, entry] of Object.entries(state.records)) place('records', file, entry, previous?.state.records);
  for (const [key, entry] of Object.entries(state.items)) place('items', key, entry, previous?.state.items);
  if (previous !== undefined) {
    for (const file of Object.keys(previous.state.records)) if (state.records[file] === undefined) dirty.add(shardOf(file));
    for (const key of Object.keys(previous.state.items)) if (state.items[key] === undefined) dirty.add(shardOf(itemPath(key)));
  }
  const digests = await Promise.all(byShard.map((part, n) =>
    dirty.has(n) || previous?.digests[n] === undefined ? write(shardFile(n), MAGIC, JSON.stringify(part)) : Promise.resolve(previous.digests[n] as string)));
  const head: StateFile = { startedAt: state.startedAt, outDir: state.outDir, feeds: state.feeds, plans: state.plans, planned: state.planned, shards: digests };
  await write(CACHE_FILE, `${MAGIC} ${identity.code} ${identity.config}`, JSON.stringify(head));
}
