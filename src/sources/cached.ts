/**
 * Reading the records with the build cache: a file whose size, mtime, change time and inode are those the cache recorded is
 * not read again (its validation result comes from the cache); any other file is read and hashed, and
 * parsed and validated only when its bytes differ from what the cache knows. Ids are compared across all
 * records every time, so a duplicate introduced by one edit is still caught.
 *
 * A file modified within two seconds before the previous build started is always read: a second edit in
 * the same clock tick could keep its mtime (the race git calls "racily clean"). The start is on the file
 * system's clock when that runs behind this machine's (cache/store.ts, loadCache).
 */
import { readFileSync, Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { restoreArticle, withLazyBody } from '../cache/serial.js';
import { itemKey, type CacheState, type FileStamp, type RecordEntry } from '../cache/state.js';
import { checkIds, validateRecord, type RecordResult } from '../core/validate.js';
import { DatelineError, diagnostic, Errors, failureReason } from '../errors.js';
import type { Article, Diagnostic, SiteConfig } from '../types.js';
import { recordHash, statRecord, type Bodiless, type ReadTask } from './_read.js';
import { NewestArticles } from './_newest.js';
import { readShared } from './_workers.js';
import { markdownBody } from './markdown.js';
import { articlesDirMissing, display, isJsonRecord, listRecordFiles, readRecord, sortDiagnostics, type Loaded } from './_files.js';

/** Milliseconds of mtime before the previous build's start within which a file is read anyway. */
const RACY_MS = 2000;
/*
 * Record files are small and read one after another with synchronous calls: for thousands of files in
 * the page cache that is several times faster than promises (each of open, fstat, read and close a
 * round trip through the thread pool). The event loop gets a turn every so many files (_read.ts), so a
 * server rebuilding with --watch keeps answering.
 */

export interface CachedLoad extends Loaded {
  /** Each article's cache key (its record's content hash and path): the key of its items. */
  keys: Map<Article, string>;
  /** What the cache should remember about each record file now. */
  records: Record<string, RecordEntry>;
  /** Files read (the rest came from the cache). */
  read: number;
  /** Of those, how many a worker thread read. */
  readInWorker: number;
  /** The files whose records have diagnostics, sorted. */
  noted: string[];
  /** Valid articles let go when read (`newest`), not in `articles`. */
  omitted: { published: number; drafts: number };
  /** W_LINK_SHARED, which `diagnostics` here leaves out (core/validate.ts, Compared): a caller reports both. */
  sharedLinks: Diagnostic[];
}

interface RecordPath {
  name: string;
  path: string;
  file: string;
}

/** A record file read and parsed again: for a body to render, or the line of a duplicated id. */
function readAgain(p: RecordPath): ReturnType<typeof readRecord> {
  return readRecord(readFileSync(p.path, 'utf8'), p.name, p.file);
}

/**
 * Reads an article's body again, when a feed renders its content. A function of its own, so the closure
 * every article holds keeps only these values alive, not the loader's whole working state. `then`: the
 * length of the bytes read the first time and, with the cache, their hash (without one, a record is
 * read without hashing it, and its length alone is compared).
 */
function bodyLoader(p: RecordPath, config: SiteConfig, then: { length: number; hash?: string }): () => Article['body'] {
  return () => {
    // Validated when it was read: a Markdown record's body needs no second parse of its front matter.
    // Unless the file changed since (an editor or `import --force` saving it while the build runs): then
    // the build stops rather than pair one version's headline with another's body.
    let bytes: Buffer;
    try {
      bytes = readFileSync(p.path);
    } catch (e) {
      throw new DatelineError([diagnostic(Errors.RecordChanged, { file: p.file }, `it is gone now (${failureReason(e)})`)], { cause: e });
    }
    if (bytes.length !== then.length) throw new DatelineError([diagnostic(Errors.RecordChanged, { file: p.file }, `${then.length} bytes then, ${bytes.length} now`)]);
    // The same size: the bytes themselves (a file's times, inode or mode may change with its bytes as
    // they were: a backup, a hard link, a chmod).
    if (then.hash !== undefined && recordHash(bytes) !== then.hash) throw new DatelineError([diagnostic(Errors.RecordChanged, { file: p.file }, 'other bytes now, of the same size')]);
    const text = bytes.toString('utf8');
    const body = isJsonRecord(p.name) ? undefined : markdownBody(text);
    if (body !== undefined) return { kind: 'markdown', text: body };
    const r = readRecord(text, p.name, p.file).record;
    return (r === undefined ? undefined : validateRecord(r, config).article?.body) ?? { kind: 'markdown', text: '' };
  };
}

/** What a body read again is compared with: its length, and its hash when the cache made one. */
const firstRead = (length: number, hash: string): { length: number; hash?: string } => (hash === '' ? { length } : { length, hash });

/**
 * The record files after the stat of every one and a read of those the cache does not vouch for, before
 * any article is restored from the cache: enough to tell what an edit changed.
 */
export interface RecordScan {
  config: SiteConfig;
  paths: readonly RecordPath[];
  /** By index: the cache's entry for a file whose bytes it knows (by its stamp, or by hash after a read). */
  known: Map<number, RecordEntry>;
  /**
   * By index: the stamp now of a known file that was read again (touched, same bytes). Applied
   * by `entryAt` only once the cache's data is loaded, since loading completes the known entries.
   */
  restamped: Map<number, FileStamp>;
  /** By index: what reading a file the cache did not know gave. */
  fresh: Map<number, { entry: RecordEntry; length: number; article?: Bodiless; omitted?: 'published' | 'draft'; link?: string }>;
  unreadable: Diagnostic[];
  /** Files named like records that are not read as records (W_RECORDS_LEFT_OUT): no reason to read every record again. */
  leftOut: Diagnostic[];
  files: number;
  read: number;
  readInWorker: number;
  remember: boolean;
}

/** Every record read as an article, without the cache (`scanRecords`, then `assembleRecords`): `check` and `loadArticles`. */
export async function loadAllRecords(config: SiteConfig, cwd: string, options: ScanOptions): Promise<CachedLoad> {
  const scan = await scanRecords(config, cwd, undefined, options);
  return 'paths' in scan ? assembleRecords(scan) : missing(scan);
}

/** The load of a build whose articles directory cannot be listed. */
function missing(problem: Diagnostic): CachedLoad {
  return { articles: [], diagnostics: [problem], files: 0, keys: new Map(), records: {}, read: 0, readInWorker: 0, noted: [], omitted: { published: 0, drafts: 0 }, sharedLinks: [] };
}

export interface ScanOptions {
  onProgress?: (done: number, total: number) => void;
  /** Once every file is stat'ed: how many are read (the others the cache vouches for). */
  onReading?: (files: number) => void;
  /** false (a build without a cache): skip what only the cache needs, hashing the files and keeping each record in the cache's form. */
  remember?: boolean;
  /** Keep every article's body in memory (the library's `loadArticles`); otherwise a body is read again when something renders it. */
  keepBodies?: boolean;
  /** List the directory asking every entry's type (see listRecordFiles). */
  exact?: boolean;
  /** Hold only this many of the newest published articles; the others are `omitted` (_newest.ts). */
  newest?: number;
}

/**
 * Stats every record file and reads those the cache does not know (options above); a Diagnostic when
 * the directory cannot be listed.
 */
export async function scanRecords(config: SiteConfig, cwd: string, previous: CacheState | undefined, options: ScanOptions = {}): Promise<RecordScan | Diagnostic> {
  const { onProgress, remember = true, keepBodies = false, exact = false } = options;
  const mode = { remember, keepBodies };
  const root = resolve(cwd, config.articlesDir);
  let names: string[];
  const unlisted: { name: string; code: string }[] = [];
  const misnamed: string[] = [];
  const lookalikes: string[] = [];
  try {
    names = await listRecordFiles(root, exact, unlisted, misnamed, lookalikes);
  } catch (e) {
    return articlesDirMissing(root, cwd, e);
  }
  const shownRoot = display(root, cwd);
  // Concatenated, not join()ed: the names come from the listing, already normal, and path.join's
  // normalising was 0.2 s of a 100,000-record build.
  const dirPrefix = root.endsWith(sep) ? root : `${root}${sep}`;
  const filePrefix = shownRoot === '.' ? '' : `${shownRoot}/`;
  const paths: RecordPath[] = names.map((name) => ({ name, path: dirPrefix + name, file: filePrefix + (sep === '/' ? name : name.split(sep).join('/')) }));
  const known = new Map<number, RecordEntry>();
  const restamped: RecordScan['restamped'] = new Map();
  const fresh: RecordScan['fresh'] = new Map();
  const unreadable: Diagnostic[] = [
    ...unlisted.map((u) => diagnostic(Errors.DirUnreadable, { file: filePrefix + u.name.split(sep).join('/') }, u.code)),
    ...misnamed.map((name) => name.endsWith(sep)
      ? diagnostic(Errors.DirUnreadable, { file: filePrefix + name.slice(0, -1).split(sep).join('/') }, 'its name is not UTF-8 (the bytes that are not are shown as U+FFFD), so it cannot be opened by the name listed: rename it')
      : diagnostic(Errors.FileUnreadable, { file: filePrefix + name.split(sep).join('/') }, 'its name is not UTF-8 (the bytes that are not are shown as U+FFFD), so it cannot be opened by the name listed: rename it')),
  ];

  // First the stat of every file: a file the cache knows with this stamp (size, mtime, change time, inode) is not read again.
  const tasks: ReadTask[] = [];
  let gone = 0;
  let done = 0;
  for (let i = 0; i < paths.length; i++) {
    const { name, path, file } = paths[i] as (typeof paths)[number];
    // Without a cache nothing needs a file's stamp: reading it says whether it can be read.
    if (!remember && previous === undefined) {
      tasks.push({ index: i, path, name, file, size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 });
      continue;
    }
    const st = statRecord(path, file);
    if (st === undefined) {
      gone += 1;
      continue;
    }
    if (!(st instanceof Stats)) {
      unreadable.push(st);
      continue;
    }
    const old = previous?.records[file];
    // (A directory named like a record, put where the record was, is read: the listing took it for a file.)
    // The change time and inode too (store.ts, FileStamp), and an mtime well before the previous build began
    // (an edit in the same clock tick as that build's read would otherwise keep the stamp it read).
    if (old !== undefined && old.size === st.size && old.mtimeMs === st.mtimeMs && old.ctimeMs === st.ctimeMs && old.ino === st.ino &&
      st.mtimeMs < (previous?.startedAt ?? 0) - RACY_MS && st.isFile()) {
      known.set(i, old);
      onProgress?.((done += 1), names.length);
    } else {
      const task: ReadTask = { index: i, path, name, file, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
      if (old !== undefined) task.knownHash = old.hash;
      tasks.push(task);
    }
  }

  options.onReading?.(tasks.length);
  // Then the others, on two cores when there are many.
  const newest = options.newest === undefined ? undefined : new NewestArticles(options.newest);
  const { results: read, inWorker } = await readShared(tasks, config, mode, (r) => {
    newest?.offer(r);
    onProgress?.((done += 1), names.length);
  });
  // A directory named like a record: the listing took it for a file (reading it fails with EISDIR, and a
  // stat would not have vouched for it: the cache has no directory's size and mtime). List again, exactly.
  if (!exact && read.some((r) => r.kind === 'unreadable' && r.directory === true)) return scanRecords(config, cwd, previous, { ...options, exact: true });
  onProgress?.(names.length, names.length);
  for (const r of read) {
    const file = paths[r.index]?.file ?? '';
    if (r.kind === 'gone') {
      gone += 1;
      continue;
    }
    if (r.kind === 'unreadable') unreadable.push(r.diagnostic);
    else if (r.kind === 'same') {
      const old = previous?.records[file];
      if (old !== undefined) {
        known.set(r.index, old);
        restamped.set(r.index, r.stamp);
      }
    } else {
      fresh.set(r.index, r.article !== undefined ? { entry: r.entry, length: r.length, article: r.article } : r.omitted !== undefined ? { entry: r.entry, length: r.length, omitted: r.omitted, link: r.link } : { entry: r.entry, length: r.length });
    }
  }
  const leftOut = lookalikes.length === 0 ? [] : [diagnostic(Errors.RecordsLeftOut, { file: shownRoot }, lookalikes.sort().map((n) => n.split(sep).join('/')))];
  // (Files that went between the listing and their reading are not counted: the build is of those it read.
  // QA: "from 9,700 records (9,626 published, 0 drafts)".)
  return { config, paths, known, restamped, fresh, unreadable, leftOut, files: names.length - gone, read: tasks.length, readInWorker: inWorker, remember };
}

/** Every record of a scan as an article (restored from the cache, or as read), with ids checked across all. */
export function assembleRecords(scan: RecordScan): CachedLoad {
  const { paths } = scan;
  const results: RecordResult[] = [];
  const keys = new Map<Article, string>();
  const records: Record<string, RecordEntry> = {};
  const noted: string[] = [];
  const restore = articleRestorer(scan);
  for (let i = 0; i < paths.length; i++) {
    const { file } = paths[i] as RecordPath;
    const entry = entryAt(scan, i);
    if (entry === undefined) continue;
    if (scan.known.has(i) || scan.remember) records[file] = entry;
    if (entry.diagnostics.length > 0) noted.push(file);
    const article = restore(i);
    if (article !== undefined) keys.set(article, itemKey(entry.hash, file));
    const fresh = scan.fresh.get(i);
    // Every field set, undefined or not: one shape for the 10,000 results checkIds reads.
    results.push({
      file,
      diagnostics: entry.diagnostics,
      idLine: () => readAgain(paths[i] as RecordPath).record?.lineOf(['id']),
      id: entry.id,
      article,
      omitted: fresh?.omitted,
      link: article === undefined ? fresh?.link : article.draft ? undefined : article.url,
    });
  }
  const validated = checkIds(results, scan.config);
  return {
    articles: validated.articles,
    diagnostics: sortDiagnostics([...scan.unreadable, ...scan.leftOut, ...validated.diagnostics]),
    files: scan.files,
    keys,
    records,
    read: scan.read,
    readInWorker: scan.readInWorker,
    noted,
    omitted: validated.omitted,
    sharedLinks: validated.sharedLinks,
  };
}

/** The entry the cache should keep for the record at an index of the scan (the same object on every call). */
export function entryAt(scan: RecordScan, i: number): RecordEntry | undefined {
  const known = scan.known.get(i);
  if (known === undefined) return scan.fresh.get(i)?.entry;
  const stamp = scan.restamped.get(i);
  if (stamp === undefined) return known;
  const entry = { ...known, ...stamp };
  scan.known.set(i, entry);
  scan.restamped.delete(i);
  return entry;
}

/**
 * The article of the record at an index of the scan, made on each call: from the cache's entry (its body
 * read again only if rendered), or from what was read (the body kept, or read again likewise).
 */
export function articleRestorer(scan: RecordScan): (i: number) => Article | undefined {
  const at = (i: number): RecordPath => scan.paths[i] ?? { name: '', path: '', file: '' };
  return (i) => {
    const known = entryAt(scan, i);
    if (scan.known.has(i) && known !== undefined) {
      if (known.article === undefined) return undefined;
      const stored = known.excerpt !== undefined && known.article.summary === undefined ? { ...known.article, excerpt: known.excerpt } : known.article;
      return restoreArticle(stored, bodyLoader(at(i), scan.config, firstRead(known.size, known.hash)));
    }
    const fresh = scan.fresh.get(i);
    const read = fresh?.article;
    if (fresh === undefined || read === undefined) return undefined;
    const { body, ...rest } = read;
    return body === undefined ? withLazyBody(rest, bodyLoader(at(i), scan.config, firstRead(fresh.length, fresh.entry.hash))) : { ...rest, body };
  };
}
