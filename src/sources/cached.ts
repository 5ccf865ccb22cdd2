/**
 * Reading the records with the build cache: a file whose size and mtime are those the cache recorded is
 * not read again (its validation result comes from the cache); any other file is read and hashed, and
 * parsed and validated only when its bytes differ from what the cache knows. Ids are compared across all
 * records every time, so a duplicate introduced by one edit is still caught.
 *
 * A file modified within two seconds before the previous build started is always read: a second edit in
 * the same clock tick could keep its mtime (the race git calls "racily clean").
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { restoreArticle, storeArticle } from '../cache/serial.js';
import { sha256, type CacheState, type RecordEntry } from '../cache/store.js';
import { checkIds, validateRecord, type RecordResult } from '../core/validate.js';
import { diagnostic, Errors } from '../errors.js';
import type { Article, Diagnostic, SiteConfig } from '../types.js';
import { articlesDirMissing, display, listRecordFiles, readRecord, sortDiagnostics, type Loaded } from './index.js';

/** Milliseconds of mtime before the previous build's start within which a file is read anyway. */
const RACY_MS = 2000;
/**
 * Record files are small and read one after another with synchronous calls: for thousands of files in
 * the page cache that is several times faster than promises (each of open, fstat, read and close a
 * round trip through the thread pool). The event loop gets a turn every so many files, so a server
 * rebuilding with --watch keeps answering.
 */
const YIELD_EVERY = 256;

export interface CachedLoad extends Loaded {
  /** Each article's cache key (its record's content hash and path): the key of its items. */
  keys: Map<Article, string>;
  /** What the cache should remember about each record file now. */
  records: Record<string, RecordEntry>;
  /** Files read (the rest came from the cache). */
  read: number;
}

/**
 * `remember: false` (a build without a cache) skips what only the cache needs: hashing the files and
 * keeping each record in the cache's form.
 */
export async function loadArticlesCached(
  config: SiteConfig,
  cwd: string,
  previous: CacheState | undefined,
  onProgress?: (done: number, total: number) => void,
  remember = true,
): Promise<CachedLoad> {
  const root = resolve(cwd, config.articlesDir);
  let names: string[];
  try {
    names = await listRecordFiles(root);
  } catch (e) {
    return { articles: [], diagnostics: [articlesDirMissing(root, cwd, e)], files: 0, keys: new Map(), records: {}, read: 0 };
  }
  const results: RecordResult[] = new Array(names.length);
  const keys = new Map<Article, string>();
  const records: Record<string, RecordEntry> = {};
  const unreadable: Diagnostic[] = [];
  let read = 0;
  let done = 0;
  const one = (name: string, index: number): void => {
    const path = join(root, name);
    const file = display(path, cwd);
    const again = (): ReturnType<typeof readRecord> => readRecord(readFileSync(path, 'utf8'), name, file);
    const old = previous?.records[file];
    let entry: RecordEntry | undefined;
    try {
      const st = statSync(path);
      if (old !== undefined && old.size === st.size && old.mtimeMs === st.mtimeMs && st.mtimeMs < (previous?.startedAt ?? 0) - RACY_MS) {
        entry = old;
      } else {
        const bytes = readFileSync(path);
        read += 1;
        const hash = remember ? sha256(bytes) : '';
        if (old !== undefined && old.hash === hash) entry = { ...old, size: st.size, mtimeMs: st.mtimeMs };
        else {
          const r = readRecord(bytes.toString('utf8'), name, file);
          const v = r.record === undefined ? { diagnostics: [] } : validateRecord(r.record, config);
          entry = { size: st.size, mtimeMs: st.mtimeMs, hash, diagnostics: [...r.diagnostics, ...v.diagnostics] };
          if (v.id !== undefined) entry.id = v.id;
          if (v.article !== undefined && remember) entry.article = storeArticle(v.article);
          // The line of the id is found again from the file if a duplicate needs it: holding every record's
          // positions (its text) for that would cost memory in proportion to the whole archive.
          const fresh: RecordResult = { file, diagnostics: entry.diagnostics, idLine: () => again().record?.lineOf(['id']) };
          if (v.id !== undefined) fresh.id = v.id;
          if (v.article !== undefined) {
            fresh.article = v.article;
            keys.set(v.article, `${hash}:${file}`);
          }
          records[file] = entry;
          results[index] = fresh;
          return;
        }
      }
    } catch (e) {
      unreadable.push(diagnostic(Errors.FileUnreadable, { file }, (e as NodeJS.ErrnoException).code ?? String(e)));
      return;
    } finally {
      done += 1;
      onProgress?.(done, names.length);
    }
    records[file] = entry;
    const result: RecordResult = { file, diagnostics: entry.diagnostics, idLine: () => again().record?.lineOf(['id']) };
    if (entry.id !== undefined) result.id = entry.id;
    if (entry.article !== undefined) {
      const stored = entry.excerpt !== undefined && entry.article.summary === undefined ? { ...entry.article, summary: entry.excerpt } : entry.article;
      const article = restoreArticle(stored, () => {
        const r = again().record;
        return (r === undefined ? undefined : validateRecord(r, config).article?.body) ?? { kind: 'markdown', text: '' };
      });
      result.article = article;
      keys.set(article, `${entry.hash}:${file}`);
    }
    results[index] = result;
  };
  for (let i = 0; i < names.length; i++) {
    one(names[i] ?? '', i);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
  }
  const validated = checkIds(results.filter((r) => r !== undefined), config);
  return {
    articles: validated.articles,
    diagnostics: sortDiagnostics([...unreadable, ...validated.diagnostics]),
    files: names.length,
    keys,
    records,
    read,
  };
}
