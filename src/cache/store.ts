/**
 * The build cache: one file, `state.json`, in a directory outside the output (`.dateline-cache/` unless
 * told), safe to delete at any time. It remembers, by content hash, each record's validation result and
 * its rendered items, and each feed's inputs and served files, so that a build after one edit re-reads,
 * re-renders, recompresses and rewrites only what that edit changed.
 *
 * It is never trusted blindly. The first line names the format, the code that wrote it (a hash of
 * Dateline's own sources and the Node release, whose zlib makes the compressed bytes), the configuration
 * it was made with, and a SHA-256 of the rest; any mismatch, any damage and any unreadable file makes the
 * build ignore the cache (and say why) and do a clean build, which then writes a fresh one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, ServedFile } from '../types.js';
import type { StoredArticle, StoredItem } from './serial.js';

export const CACHE_FILE = 'state.json';
const MAGIC = 'dateline-cache/1';

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
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url');

/** Identity of what a cache is valid for: the code and the configuration. */
export interface CacheIdentity {
  code: string;
  config: string;
}

export type Loaded = { state: CacheState } | { state?: undefined; ignored: string };

/** Reads the cache; anything short of a complete, matching, undamaged file is ignored with a reason. */
export async function loadCache(dir: string, identity: CacheIdentity): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(join(dir, CACHE_FILE), 'utf8');
  } catch {
    return { ignored: 'no cache yet' };
  }
  const newline = text.indexOf('\n');
  const [magic, code, config, digest] = text.slice(0, newline).split(' ');
  if (newline < 0 || magic !== MAGIC) return { ignored: 'the cache file is not one this version writes' };
  const body = text.slice(newline + 1);
  if (digest !== sha256(body)) return { ignored: 'the cache file is damaged (checksum mismatch)' };
  if (code !== identity.code) return { ignored: 'Dateline or Node.js changed since the cache was written' };
  if (config !== identity.config) return { ignored: 'the configuration changed since the cache was written' };
  try {
    const state = JSON.parse(body) as CacheState;
    if (typeof state?.records !== 'object' || typeof state.items !== 'object' || typeof state.feeds !== 'object') throw new Error('shape');
    return { state };
  } catch {
    return { ignored: 'the cache file is damaged (not the expected JSON)' };
  }
}

/** Writes the cache atomically (temporary file, then rename). */
export async function saveCache(dir: string, identity: CacheIdentity, state: CacheState): Promise<void> {
  const body = JSON.stringify(state);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${CACHE_FILE}.${process.pid}.tmp`);
  await writeFile(tmp, `${MAGIC} ${identity.code} ${identity.config} ${sha256(body)}\n${body}`);
  await rename(tmp, join(dir, CACHE_FILE));
}
