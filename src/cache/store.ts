/**
 * The build cache, in a directory outside the output (`.dateline-cache/` unless told), safe to delete at
 * any time. It remembers, by content hash, each record's validation result and its rendered items, and
 * each feed's inputs, plan and served files, so that a build after one edit re-reads, re-renders,
 * recompresses and rewrites only what that edit changed.
 *
 * Files. `state.json`: the feeds, the main feed's model, and the checksum of every other file.
 * `plans.json`: the feed plans (which records each feed carries), written when planning ran;
 * `signatures.json` and `signature-changes.json`: what planning reads of every record (signatures.ts).
 * `index-00.json` …
 * (by a hash of the record's path): what a build needs of every record before it knows what changed
 * (size, mtime, content hash, diagnostics, what planning reads). `data-2025-02.json` … (by the UTC month
 * of the record's article): the articles and their full items, which a build whose edits leave the feeds'
 * membership alone loads only for the months it renders. A build after one edit rewrites one index file
 * and one or two data files, not the cache: at 100,000 records, 150 MB of JSON. `zones.json`: the zone
 * offsets resolving times learnt (core/_dates.ts), so that a build after an edit needs no Intl formatter.
 *
 * It is never trusted blindly. The first line of each file names the format, and a SHA-256 of the rest;
 * `state.json`'s also names the code that wrote it (a hash of Dateline's own sources and the Node
 * release, whose zlib makes the compressed bytes) and the configuration it was made with. Any mismatch,
 * any damage and any unreadable file makes the build ignore the cache (and say why) and do a clean
 * build, which then writes a fresh one.
 */
import { open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { learntOffsets, teachOffsets } from '../core/_dates.js';
import { makeDirs } from '../paths.js';
import { alive } from '../locks.js';
import type { PlanFields } from '../core/feeds.js';
import { areColumns, type SignatureColumns, type Signatures } from './signatures.js';
import type { Diagnostic } from '../types.js';
import { EDITS_GROUP, INDEX_SHARDS, sha256, shardOf, type CacheIdentity, type CacheState, type Census, type RecordEntry } from './state.js';
import type { StoredArticle, StoredItem, StoredModel } from './serial.js';
import { failureReason, systemCode } from '../errors.js';

const CACHE_FILE = 'state.json';
const MAGIC = 'dateline-cache/8';
const indexFile = (n: number): string => `index-${String(n).padStart(2, '0')}.json`;
const dataFile = (group: string): string => `data-${group}.json`;
const DATA_FILE = /^data-(.+)\.json$/;
/** A file being written by the process of that pid (`write` in saveCache). */
const TEMPORARY = /^\..+\.(\d+)\.tmp$/;

/** Checksums of the files a state was read from (what a save need not write again). */
interface Digests {
  index: string[];
  groups: Record<string, string>;
  plans: string;
  main: string;
  /** Absent when the cache has no signatures (then also no changes). */
  signatures?: string;
  signatureChanges?: string;
}

/** `main.json`: the main feed's model, written when the main feed was rendered (most edits leave it). */
const MAIN_FILE = 'main.json';

const PLANS_FILE = 'plans.json';
const SIGNATURES_FILE = 'signatures.json';
const SIGNATURE_CHANGES_FILE = 'signature-changes.json';
/** `plans.json`: written when planning ran again, not by builds that reused the plans. */
interface PlansFile {
  plans: CacheState['plans'];
  planned: CacheState['planned'];
  groups: CacheState['groups'];
}

/**
 * `zones.json`: the offsets resolving times learnt of each zone (core/_dates.ts), for the tz database and
 * the code its header names. A build that reads it resolves the times it resolved before without asking
 * Intl, whose first formatter costs a build with one edit about 12 ms. Not part of the state: a build
 * whose other cache files are ignored (another configuration) may still use it.
 */
const ZONES_FILE = 'zones.json';
/** The tz database this process resolves times with (ICU's, which Node bundles unless built otherwise). */
const TZ_DATA = `${process.versions.tz ?? '?'}/${process.versions.icu ?? '?'}`.replace(/\s/g, '_');

/**
 * Teaches the offsets a previous build learnt, when the same code learnt them with this tz database (the
 * header names both: a change to how offsets are found or kept must not be taught old answers); the text
 * read, if any.
 */
export async function loadZones(dir: string, code: string): Promise<string | undefined> {
  const read = await readChecked(join(dir, ZONES_FILE), (f) => (f[1] === TZ_DATA && f[2] === code ? undefined : 'another tz database or code'));
  if (typeof read === 'string') return undefined;
  try {
    teachOffsets(JSON.parse(read.body));
    return read.body;
  } catch {
    return undefined;
  }
}

/**
 * `config.json`: the configuration file a build validated last, as validation gave it (the configuration,
 * its warnings, the lines of the keys a build names), under a key made of the file's bytes, its name as
 * shown and the code (sources/index.ts, loadConfig). A build whose file has that key again takes it
 * from here without validating, and so without loading zod (about 30 ms of a build after an edit). Not
 * part of the state: written after a build, and read before the state's identity is known.
 */
const CONFIG_FILE = 'config.json';

/** The validated configuration of `config.json` with this key, as its text; undefined when there is none. */
export async function loadValidatedConfig(dir: string, key: string): Promise<string | undefined> {
  const read = await readChecked(join(dir, CONFIG_FILE), (f) => (f[1] === key ? undefined : 'another configuration'));
  return typeof read === 'string' ? undefined : read.body;
}

/** Writes `config.json` (atomically: a temporary file, renamed). */
export async function saveValidatedConfig(dir: string, key: string, text: string): Promise<void> {
  await writeChecked(dir, CONFIG_FILE, `${MAGIC} ${key}`, text);
}

/**
 * Writes a cache file atomically (a temporary file, renamed): the header, the body's SHA-256, a newline,
 * the body. Returns the digest.
 */
async function writeChecked(dir: string, name: string, header: string, text: string): Promise<string> {
  const body = Buffer.from(text);
  const digest = sha256(body);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
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
  } catch (e) {
    // A full disk: the partial file goes, not left to fill it further on every build.
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return digest;
}

/** A cache as read: the index of every record; the data of the groups in `loaded`. */
export interface CacheRead {
  dir: string;
  state: CacheState;
  /** How many records the index holds. */
  count: number;
  digests: Digests;
  loaded: Set<string>;
  /** The files of each index file, in its order (a save after a few edits writes those files alone). */
  shards: string[][];
  /** `zones.json` as read (a save writes it again only when more was learnt). */
  zones?: string;
}

export type Loaded = CacheRead | { state?: undefined; ignored: string };

interface StateFile {
  startedAt: number;
  /** This machine's clock just before `state.json` was written: with the file's mtime, the file system's lag. */
  savedAt?: number;
  outDir: string;
  feeds: CacheState['feeds'];
  census?: Census;
  digests: Digests;
}

/**
 * A record's part in an index file: what every build needs (its entry without the id, the article and
 * the item; diagnostics only when there are some). At 100,000 records the index is 18 MB of JSON.
 */
type IndexPart = Omit<RecordEntry, 'id' | 'article' | 'excerpt' | 'diagnostics'> & { diagnostics?: readonly Diagnostic[] };
/** The diagnostics of the many records that have none (shared; entries are never changed in place). */
const NONE: readonly Diagnostic[] = Object.freeze([]);
/** A record's part in its data file. */
interface DataPart {
  hash: string;
  id?: string;
  article?: StoredArticle;
  excerpt?: string;
  item?: StoredItem;
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
  } catch (e) {
    // A missing file is a cache not written yet; anything else (the cache's path is a file, no permission) is said.
    const code = systemCode(e);
    return code === 'ENOENT' ? 'no cache yet' : `the cache cannot be read (${failureReason(e)})`;
  }
  const newline = bytes.indexOf(0x0a);
  const fields = bytes.toString('utf8', 0, newline < 0 ? Math.min(bytes.length, 512) : newline).split(' ');
  // (Empty, or cut before its header ends: damaged, as one cut later is; a header of another kind is another version's.)
  if (bytes.length === 0 || bytes[0] === 0 || (newline < 0 && MAGIC.startsWith(bytes.toString('latin1', 0, MAGIC.length)))) return 'the cache file is damaged (empty, cut short, or zeroed)';
  if (newline < 0 || fields[0] !== MAGIC) return 'the cache file is not one this version writes';
  const body = bytes.subarray(newline + 1);
  if (fields[fields.length - 1] !== sha256(body)) return 'the cache file is damaged (checksum mismatch)';
  return expect?.(fields) ?? { body: body.toString('utf8'), fields };
}

const DAMAGED = 'the cache file is damaged (not the expected JSON)';

/** A file `state.json` names, checked against the checksum it gives; its JSON, or why not. */
async function readPart<T>(dir: string, name: string, digest: string): Promise<T | string> {
  const read = await readChecked(join(dir, name), (f) => (f[1] === digest ? undefined : 'the cache files do not belong together'));
  if (typeof read === 'string') return read === 'no cache yet' ? 'a cache file is missing' : read;
  try {
    const value = JSON.parse(read.body) as T;
    return typeof value === 'object' && value !== null ? value : DAMAGED;
  } catch {
    return DAMAGED;
  }
}

/**
 * Reads the cache's state and the index of every record (not the articles: `loadData` adds those);
 * anything short of complete, matching, undamaged files is ignored with a reason.
 */
export async function loadCache(dir: string, identity: CacheIdentity): Promise<Loaded> {
  const head = await readChecked(join(dir, CACHE_FILE), ([, code, config, place]) => {
    if (code !== identity.code) return 'Dateline or Node.js changed since the cache was written';
    if (config !== identity.config) return 'the configuration changed since the cache was written';
    if (place !== identity.place) return 'the articles directory is not where it was when the cache was written (the project moved?)';
    return undefined;
  });
  if (typeof head === 'string') return { ignored: head };
  let state: StateFile;
  try {
    state = JSON.parse(head.body) as StateFile;
    const d = state?.digests;
    if (typeof state?.feeds !== 'object' || !Array.isArray(d?.index) || d.index.length !== INDEX_SHARDS || typeof d.groups !== 'object' || typeof d.plans !== 'string' || typeof d.main !== 'string') {
      throw new Error('shape');
    }
  } catch {
    return { ignored: DAMAGED };
  }
  const [main, planning, ...parts] = await Promise.all([
    readPart<StoredModel>(dir, MAIN_FILE, state.digests.main),
    readPart<PlansFile>(dir, PLANS_FILE, state.digests.plans),
    ...state.digests.index.map((digest, n) => readPart<Record<string, IndexPart>>(dir, indexFile(n), digest)),
  ]);
  if (typeof planning === 'string') return { ignored: planning };
  if (typeof main === 'string') return { ignored: main };
  if (!Array.isArray(planning.plans) || !Array.isArray(planning.planned) || !Array.isArray(planning.groups)) return { ignored: DAMAGED };
  const records: CacheState['records'] = {};
  const shards: string[][] = [];
  let count = 0;
  for (const part of parts) {
    if (typeof part === 'string') return { ignored: part };
    const files: string[] = [];
    shards.push(files);
    // The parsed entries are completed in place and merged in the same pass: rebuilding 100,000 objects
    // with spreads took a quarter of a second, and a pass to complete them and Object.assign to merge
    // took twice as long as this one.
    for (const file in part) {
      const entry = part[file] as IndexPart;
      if (entry.diagnostics === undefined) entry.diagnostics = NONE;
      records[file] = entry as RecordEntry;
      files.push(file);
      count += 1;
    }
  }
  const { outDir, feeds, census, digests } = state;
  // The previous build's start on the file system's clock, when that runs behind this machine's (a network
  // share): state.json's mtime is that clock's time of its writing, `savedAt` this machine's. The records'
  // mtimes are on that clock too, so the racy check (sources/cached.ts) must compare with it, or a second
  // same-size edit in the tick of the previous build's read would keep its stamp and not be read.
  // (Only ever earlier: more files read again, never fewer. A cache on another file system than the
  // records gives another clock's lag, which can only do that too.)
  const written = typeof state.savedAt === 'number' ? await stat(join(dir, CACHE_FILE)).then((s) => s.mtimeMs, () => undefined) : undefined;
  const lag = written === undefined || state.savedAt === undefined ? 0 : Math.min(0, written - state.savedAt);
  const read: CacheState = { startedAt: state.startedAt + lag, outDir, records, feeds, plans: planning.plans, planned: planning.planned, groups: planning.groups, main };
  if (census !== undefined) read.census = census;
  return { dir, state: read, count, digests, loaded: new Set(), shards };
}

/**
 * Adds to the cache's entries the data of the groups that hold `files` (or of every group), and of
 * `extra` groups (the edits file, where the fast path writes edited records' data): the
 * entries are completed in place, so the identities a save compares stay those read. Why not, when a
 * data file is missing or damaged (the build then ignores the cache).
 */
export async function loadData(cache: CacheRead, files: Iterable<string> | 'all', extra: readonly string[] = []): Promise<string | undefined> {
  const { records } = cache.state;
  const wanted = new Set<string>(extra);
  if (files === 'all') for (const group of Object.keys(cache.digests.groups)) wanted.add(group);
  else for (const file of files) {
    const group = records[file]?.group;
    if (group !== undefined) wanted.add(group);
  }
  const groups = [...wanted].filter((g) => !cache.loaded.has(g) && cache.digests.groups[g] !== undefined);
  const parts = await Promise.all(groups.map((g) => readPart<Record<string, DataPart>>(cache.dir, dataFile(g), cache.digests.groups[g] as string)));
  for (const [k, part] of parts.entries()) {
    if (typeof part === 'string') return part;
    const group = groups[k];
    for (const file in part) {
      const data = part[file] as DataPart;
      const entry = records[file];
      // A record edited since this file was written lives in the edits file now (or is gone): stale here.
      if (entry === undefined || entry.group !== group) continue;
      if (entry.hash !== data.hash) return 'the cache files do not belong together';
      if (data.id !== undefined) entry.id = data.id;
      if (data.article !== undefined) entry.article = data.article;
      if (data.excerpt !== undefined) entry.excerpt = data.excerpt;
      if (data.item !== undefined && entry.full !== undefined) entry.full.item = data.item;
    }
  }
  for (const g of groups) cache.loaded.add(g);
  return undefined;
}

/** The cache's signatures (what planning reads of every record), or why not. */
export async function loadSignatures(cache: CacheRead): Promise<Signatures | string> {
  const { signatures, signatureChanges } = cache.digests;
  if (signatures === undefined || signatureChanges === undefined) return 'the cache has no signatures';
  const [base, changes] = await Promise.all([
    readPart<SignatureColumns>(cache.dir, SIGNATURES_FILE, signatures),
    readPart<Record<string, PlanFields | null>>(cache.dir, SIGNATURE_CHANGES_FILE, signatureChanges),
  ]);
  if (typeof base === 'string') return base;
  if (typeof changes === 'string') return changes;
  return areColumns(base) ? { base, changes } : DAMAGED;
}

/** The data part of an entry; throws for an entry whose group was never loaded (a save would lose it). */
function dataOf(file: string, e: RecordEntry): DataPart {
  if ((e.plan !== undefined && e.article === undefined) || (e.full !== undefined && e.full.item === undefined)) throw new Error(`cache: the data of ${file} was not loaded`);
  const out: DataPart = { hash: e.hash };
  if (e.id !== undefined) out.id = e.id;
  if (e.article !== undefined) out.article = e.article;
  if (e.excerpt !== undefined) out.excerpt = e.excerpt;
  if (e.full?.item !== undefined) out.item = e.full.item;
  return out;
}

function indexOf(e: RecordEntry): IndexPart {
  const { id: _i, article: _a, excerpt: _e, full, diagnostics, ...rest } = e;
  const out: IndexPart = diagnostics.length === 0 ? rest : { ...rest, diagnostics };
  if (full !== undefined) out.full = { warnings: full.warnings };
  return out;
}

/** Every record path of a records object, its own and its prototype's. */
function allKeys(records: Record<string, RecordEntry>): string[] {
  const out: string[] = [];
  for (const file in records) out.push(file);
  return out;
}

/** Whether an entry's data differs from an earlier entry's (the parts are replaced, never changed in place). */
const sameData = (a: RecordEntry, b: RecordEntry): boolean =>
  a.group === b.group && a.hash === b.hash && a.id === b.id && a.article === b.article && a.excerpt === b.excerpt && a.full?.item === b.full?.item;

/**
 * Writes the cache: the index and data files whose entries changed since `previous` (entries are
 * replaced, never changed in place, so identity says which), then `state.json`, each atomically
 * (temporary file, rename); then removes data files no record uses any more.
 */
export async function saveCache(dir: string, identity: CacheIdentity, state: CacheState, previous?: CacheRead): Promise<void> {
  await makeDirs(dir);
  const write = (name: string, header: string, text: string): Promise<string> => writeChecked(dir, name, header, text);
  const before = previous?.state.records;
  // Records kept as the previous ones with changes in front (their prototype): only the changes need
  // comparing, and no record was removed. Otherwise every record is compared.
  const overlay = before !== undefined && Object.getPrototypeOf(state.records) === before;
  const candidates = overlay ? Object.keys(state.records) : allKeys(state.records);
  // First which files changed, then the entries of those alone: a build after one edit at 100,000
  // records groups only one index file's and one data file's worth.
  const dirtyIndex = new Set<number>(previous === undefined ? Array.from({ length: INDEX_SHARDS }, (_, n) => n) : []);
  const dirtyGroups = new Set<string>();
  for (const file of candidates) {
    const entry = state.records[file] as RecordEntry;
    const old = before?.[file];
    if (old === entry) continue;
    dirtyIndex.add(shardOf(file));
    if (old === undefined || !sameData(old, entry)) {
      dirtyGroups.add(entry.group);
      // A record moved to the edits file leaves a stale copy in its month's, which reading skips.
      if (old !== undefined && entry.group !== EDITS_GROUP) dirtyGroups.add(old.group);
    }
  }
  if (before !== undefined && !overlay) for (const file in before) if (state.records[file] === undefined) {
    dirtyIndex.add(shardOf(file));
    dirtyGroups.add((before[file] as RecordEntry).group);
  }
  const byShard: Record<string, RecordEntry>[] = Array.from({ length: INDEX_SHARDS }, () => ({}));
  const byGroup = new Map<string, [string, RecordEntry][]>();
  const groupsNow = new Set<string>(overlay ? Object.keys(previous?.digests.groups ?? {}) : []);
  const place = (file: string, entry: RecordEntry): void => {
    groupsNow.add(entry.group);
    const n = dirtyIndex.size === 0 ? -1 : shardOf(file);
    if (dirtyIndex.has(n)) (byShard[n] as Record<string, RecordEntry>)[file] = entry;
    if (dirtyGroups.has(entry.group)) {
      let members = byGroup.get(entry.group);
      if (members === undefined) byGroup.set(entry.group, (members = []));
      members.push([file, entry]);
    }
  };
  const now = (file: string): RecordEntry => (Object.hasOwn(state.records, file) ? state.records[file] : before?.[file]) as RecordEntry;
  // After edits on the fast path the changed files' index files and the edits file are all that is
  // written, and what they hold is known without looking at every record: the index files' lists, and
  // the census's list of the edits file. (Anything else, such as a month's file, looks at every record.)
  const editsNow = state.census?.edits;
  const targeted = overlay && previous !== undefined && editsNow !== undefined && [...dirtyGroups].every((g) => g === EDITS_GROUP);
  if (targeted) for (const n of dirtyIndex) for (const file of previous.shards[n] ?? []) place(file, now(file));
  // Plain lookups on the previous records (a `for…in` over the chain is several times slower).
  else if (overlay) for (const file in before) place(file, now(file));
  else for (const file of candidates) place(file, state.records[file] as RecordEntry);
  // Records added since the previous build, which the lists above do not hold.
  if (overlay) for (const file of candidates) if (before[file] === undefined) place(file, state.records[file] as RecordEntry);
  if (targeted && dirtyGroups.has(EDITS_GROUP)) {
    const members: [string, RecordEntry][] = [];
    for (const file of editsNow) {
      const entry = now(file);
      if (entry?.group !== EDITS_GROUP) throw new Error(`cache: ${file} is listed in the edits file but is not in it`);
      members.push([file, entry]);
    }
    byGroup.set(EDITS_GROUP, members);
    groupsNow.add(EDITS_GROUP);
  }
  // Settled, every one: a write that failed removes its temporary file, and the others finish (or fail
  // and do the same) before the save reports the first failure.
  const settled = await Promise.allSettled(byShard.map((entries, n) => {
    const known = dirtyIndex.has(n) ? undefined : previous?.digests.index[n];
    if (known !== undefined) return known;
    const out: Record<string, IndexPart> = {};
    for (const file in entries) out[file] = indexOf(entries[file] as RecordEntry);
    return write(indexFile(n), MAGIC, JSON.stringify(out));
  }));
  const index = settled.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
  const groups: Record<string, string> = {};
  // One data file at a time: each is serialised before its write starts, so writing them all at once
  // held every one's text and bytes together (at 100,000 records, most of a first build's peak memory).
  for (const group of groupsNow) {
    const known = previous?.digests.groups[group];
    if (known !== undefined && !dirtyGroups.has(group)) {
      groups[group] = known;
      continue;
    }
    const out: Record<string, DataPart> = {};
    for (const [file, entry] of byGroup.get(group) ?? []) out[file] = dataOf(file, entry);
    groups[group] = await write(dataFile(group), MAGIC, JSON.stringify(out));
  }
  const samePlans = previous !== undefined && state.plans === previous.state.plans && state.planned === previous.state.planned;
  const planning: PlansFile = { plans: state.plans, planned: state.planned, groups: state.groups };
  const plans = samePlans ? previous.digests.plans : await write(PLANS_FILE, MAGIC, JSON.stringify(planning));
  const main = previous !== undefined && state.main === previous.state.main ? previous.digests.main : await write(MAIN_FILE, MAGIC, JSON.stringify(state.main));
  let { signatures, signatureChanges } = previous?.digests ?? {};
  if (state.signatures !== undefined) {
    if (state.signatures.base !== undefined) signatures = await write(SIGNATURES_FILE, MAGIC, JSON.stringify(state.signatures.base));
    signatureChanges = await write(SIGNATURE_CHANGES_FILE, MAGIC, JSON.stringify(state.signatures.changes));
  }
  const digests: Digests = { index, groups, plans, main, ...(signatures === undefined || signatureChanges === undefined ? {} : { signatures, signatureChanges }) };
  const head: StateFile = { startedAt: state.startedAt, savedAt: Date.now(), outDir: state.outDir, feeds: state.feeds, census: state.census, digests };
  await write(CACHE_FILE, `${MAGIC} ${identity.code} ${identity.config} ${identity.place}`, JSON.stringify(head));
  for (const name of await readdir(dir)) {
    const group = DATA_FILE.exec(name)?.[1];
    if (group !== undefined && groups[group] === undefined) await unlink(join(dir, name)).catch(() => undefined);
    // A save killed outright leaves its temporary files (`.index-00.json.16594.tmp`): gone once its process is.
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) await unlink(join(dir, name)).catch(() => undefined);
  }
  // Last, and on its own: the state above does not depend on it, and a build without it only asks Intl.
  const learnt = learntOffsets();
  const zones = learnt === undefined ? undefined : JSON.stringify(learnt);
  if (zones !== undefined && zones !== previous?.zones) await write(ZONES_FILE, `${MAGIC} ${TZ_DATA} ${identity.code}`, zones).catch(() => undefined);
}
