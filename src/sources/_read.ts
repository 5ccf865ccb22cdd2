/** One record file read, hashed, parsed and validated: what both the main thread and a reading worker do. */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { storeArticle } from '../cache/serial.js';
import { groupOf, sha256, type FileStamp, type RecordEntry } from '../cache/state.js';
import { summaryOf } from '../core/summary.js';
import { correctedAt, planSignature, usesSummaries } from '../core/feeds.js';
import { validateRecord } from '../core/validate.js';
import { diagnostic, Errors, failureReason, systemCode } from '../errors.js';
import type { Article, Diagnostic, SiteConfig } from '../types.js';
import { readRecord } from './_files.js';
import { utf8MayHoldForbidden } from './_utf8-scan.js';

/** A record file's bytes as the cache knows them: 132 bits of SHA-256 (the index holds one for every record). */
export const recordHash = (bytes: Uint8Array): string => sha256(bytes).slice(0, 22);

/** A file to read: `name` relative to the articles directory, `file` as messages show it; its stat (zeros without a cache). */
export interface ReadTask extends FileStamp {
  index: number;
  path: string;
  name: string;
  file: string;
  /** The hash the cache has for this file, if any: equal bytes need no parsing. */
  knownHash?: string;
}

/** An article as reading hands it over: without its body (read again only where content is rendered), unless asked. */
export type Bodiless = Omit<Article, 'body'> & { body?: Article['body'] };

/** `remember`: make the cache's form of each record (hash, stored article); `keepBodies`: hand bodies over. */
export interface ReadMode {
  remember: boolean;
  keepBodies: boolean;
}

export type ReadResult =
  | { index: number; kind: 'same'; stamp: FileStamp }
  /** `omitted`: a valid article let go after reading (sources/_newest.ts), counted but in no feed. */
  /** `length`: the bytes read, which the body read again later must have (cached.ts, bodyLoader). */
  /** `link`: an omitted published article's, still compared across records (core/links.ts). */
  | { index: number; kind: 'fresh'; entry: RecordEntry; length: number; article?: Bodiless; omitted?: 'published' | 'draft'; link?: string }
  | { index: number; kind: 'unreadable'; diagnostic: Diagnostic; directory?: true }
  /** Listed, then deleted before it was read: no record, as if the listing had come a moment later. */
  | { index: number; kind: 'gone' };

/**
 * `remember: false` skips hashing and the cache's form of the record (a build without a cache). The body
 * is not kept: a site's history would hold hundreds of megabytes of text for the few articles whose
 * content a feed carries. When summary-only feeds need it, the summary is made from the body now.
 */
export function readTask(t: ReadTask, config: SiteConfig, { remember, keepBodies }: ReadMode): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readSmall(t.path);
  } catch (e) {
    const code = systemCode(e);
    if (code === 'ENOENT' && gone(t.path)) return { index: t.index, kind: 'gone' };
    const out: ReadResult = { index: t.index, kind: 'unreadable', diagnostic: diagnostic(Errors.FileUnreadable, { file: t.file }, unreadable(t.path, code ?? String(e))) };
    // The listing took a directory for a file (_files.ts): the caller lists again.
    if (code === 'EISDIR') out.directory = true;
    return out;
  }
  const hash = remember ? recordHash(bytes) : '';
  if (t.knownHash !== undefined && t.knownHash === hash) return { index: t.index, kind: 'same', stamp: { size: t.size, mtimeMs: t.mtimeMs, ctimeMs: t.ctimeMs, ino: t.ino } };
  // Text that is not UTF-8 (a desk's file saved as Windows-1252) would be read with U+FFFD in place of
  // its letters, names in bylines included: refused, as nothing may be changed without a word. (Decoding
  // puts U+FFFD where bytes are not UTF-8: looking for it in the text is a tenth of checking the bytes.)
  const text = bytes.toString('utf8');
  if (text.indexOf('\uFFFD') >= 0 && !isUtf8(bytes)) {
    const bad = firstBadBytes(bytes);
    const entry: RecordEntry = { size: t.size, mtimeMs: t.mtimeMs, ctimeMs: t.ctimeMs, ino: t.ino, hash, diagnostics: [diagnostic(Errors.NotUtf8, { file: t.file, line: bad.line }, bad.shown)], group: '-' };
    return { index: t.index, kind: 'fresh', entry, length: bytes.length };
  }
  // The bytes can say that the text holds no character XML forbids, several times faster than the text.
  const r = readRecord(text, t.name, t.file, () => utf8MayHoldForbidden(bytes) === false);
  const v = r.record === undefined ? { diagnostics: [] } : validateRecord(r.record, config);
  const entry: RecordEntry = { size: t.size, mtimeMs: t.mtimeMs, ctimeMs: t.ctimeMs, ino: t.ino, hash, diagnostics: [...r.diagnostics, ...v.diagnostics], group: '-' };
  // A string of its own: the id is a slice of the front matter, which it would keep alive with the entry
  // (V8 flattens the concatenation into a new string when it is sliced).
  if (v.id !== undefined) entry.id = ` ${v.id}`.slice(1);
  if (remember && v.article !== undefined) {
    entry.group = groupOf(v.article.published, t.file);
    // Hashed: the signature lists tags and authors, and the index holds one for every record.
    entry.plan = sha256(planSignature(v.article)).slice(0, 22);
    const corrected = correctedAt(v.article);
    if (corrected !== undefined) entry.corrected = corrected;
    if (v.article.draft === true) entry.draft = true;
  }
  const out: ReadResult = { index: t.index, kind: 'fresh', entry, length: bytes.length };
  if (v.article !== undefined) {
    const { body, ...article } = v.article;
    if (remember) entry.article = storeArticle(v.article);
    if (article.summary === undefined && usesSummaries(config)) {
      const excerpt = summaryOf(body);
      if (excerpt !== undefined) {
        article.excerpt = excerpt;
        if (remember) entry.excerpt = excerpt;
      }
    }
    out.article = keepBodies ? { ...article, body } : article;
  }
  return out;
}

/** One buffer for every read on this thread: record files are small, and grow it when one is not. */
let buffer = Buffer.allocUnsafe(1 << 16);

/**
 * The largest record file read (a stray video or disk image named `.md` is not read to the end, nor
 * `/dev/zero`). A body costs the build about 80 times its size at its peak (marked's tokens, the HTML, three
 * documents and their compressed copies: 5 MB took 480 MB), so 16 MiB stays under the 1.5 GB a build
 * should need (QA: a 47.6 MB body took 3.4 GB). No story comes near it; a hearing's whole transcript is 1 MB.
 */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const TOO_LARGE = `too large for a record (over ${MAX_RECORD_BYTES / 1024 / 1024} MiB)`;
const NOT_REGULAR = 'not a regular file (a pipe or a device)';
/** Opened without blocking: a named pipe (FIFO) would otherwise wait for a writer for ever. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * A file's bytes (a view of the shared buffer, valid until the next read). Three system calls where
 * readFileSync makes four (it asks the size first), and no allocation: for thousands of small files
 * that is a third less time reading.
 */
function readSmall(path: string): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  let length = 0;
  /** The buffer was filled once (and the file checked to be a file). */
  let filled = false;
  try {
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) {
        // Nothing read: an empty file, or a pipe without a writer (or a device), which is no record.
        if (length === 0 && !fstatSync(fd).isFile()) throw Object.assign(new Error(NOT_REGULAR), { code: NOT_REGULAR });
        return buffer.subarray(0, length);
      }
      length += n;
      if (length > MAX_RECORD_BYTES) throw Object.assign(new Error(TOO_LARGE), { code: TOO_LARGE });
      if (length === buffer.length) {
        // Larger than most records: a device (/dev/zero, which never ends) is said to be one, not too large.
        if (!filled && !fstatSync(fd).isFile()) throw Object.assign(new Error(NOT_REGULAR), { code: NOT_REGULAR });
        filled = true;
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
    }
  } catch (e) {
    // EAGAIN: a pipe with no writer (a regular file never answers so).
    if (systemCode(e) === 'EAGAIN') throw Object.assign(new Error(NOT_REGULAR), { code: NOT_REGULAR });
    throw e;
  } finally {
    closeSync(fd);
    // One very large file should not keep a very large buffer for the rest of the build. (The bytes
    // returned stay valid: they are a view of the old buffer.)
    if (buffer.length > 1 << 20) buffer = Buffer.allocUnsafe(1 << 16);
  }
}

/**
 * A record file's text, read as the build reads it: a pipe, a device or a file over MAX_RECORD_BYTES is
 * an error (with the reason as its `code`), not a read that blocks or never ends. For other readers of
 * record files (`import` finding existing ids).
 */
export function readRecordText(path: string): string {
  return readSmall(path).toString('utf8');
}

/**
 * A file's bytes read as a record's are (`readRecordText`), for copy to import: a view of a buffer this
 * thread reuses, valid until its next read.
 */
export function readFileBytes(path: string): Buffer {
  return readSmall(path);
}

/** Where the bytes stop being UTF-8 (called only for bytes isUtf8 refused): the line and the bytes, `0xE9 0x20`. */
export function firstBadBytes(b: Buffer): { line: number; shown: string } {
  let i = 0;
  let line = 1;
  for (; i < b.length; ) {
    const c = b[i] as number;
    if (c < 0x80) {
      if (c === 0x0a) line += 1;
      i += 1;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or code points past U+10FFFF).
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    // (A sequence cut short by the end of the file reads as 0 there, which fails.)
    let ok = n > 0 && (b[i + 1] ?? 0) >= lo && (b[i + 1] ?? 0) <= hi;
    for (let k = 2; ok && k <= n; k++) ok = (b[i + k] ?? 0) >= 0x80 && (b[i + k] ?? 0) <= 0xbf;
    if (!ok) break;
    i += n + 1;
  }
  const shown = [...b.subarray(i, i + 3)].map((x) => `0x${x.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  return { line, shown };
}

/** Reads the tasks one after another, giving the event loop a turn every so many files; `onEach` sees each result. */
export async function readTasks(tasks: readonly ReadTask[], config: SiteConfig, mode: ReadMode, onEach?: (r: ReadResult) => void): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const r = readTask(tasks[i] as ReadTask, config, mode);
    out.push(r);
    onEach?.(r);
    if (i % 256 === 255) await new Promise((r) => setImmediate(r));
  }
  return out;
}

/** `stat` of a record file, or the diagnostic for one that cannot be read. */
/** Nothing at `path`, not even a link that leads nowhere: a file deleted since it was listed. */
function gone(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/** A record's stat, or why it cannot be read; undefined when it was deleted since it was listed. */
export function statRecord(path: string, file: string): Stats | Diagnostic | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st === undefined && gone(path)) return undefined;
    return st ?? diagnostic(Errors.FileUnreadable, { file }, unreadable(path, 'ENOENT'));
  } catch (e) {
    return diagnostic(Errors.FileUnreadable, { file }, unreadable(path, failureReason(e)));
  }
}

/** Why a listed file cannot be read, saying so when it is a symbolic link that leads nowhere. */
function unreadable(path: string, code: string): string {
  if (code !== 'ENOENT' && code !== 'ELOOP') return code;
  const link = lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  return !link ? code : code === 'ENOENT' ? 'ENOENT: it is a symbolic link to a file that does not exist' : 'ELOOP: it is a symbolic link in a loop of links (to itself, or to links that lead back to it), which reaches no file';
}
