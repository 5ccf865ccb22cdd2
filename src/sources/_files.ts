/** Finding and reading record files: what the loaders and the reading worker share. */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { diagnostic, Errors } from '../errors.js';
import type { Article, Diagnostic, RawRecord } from '../types.js';
import { readJsonRecord } from './json.js';
import { readMarkdownRecord } from './markdown.js';

const RECORD_EXTENSIONS = new Set(['.md', '.markdown', '.json']);

/** Paths in messages: relative to the working directory when inside it (`.` for itself), with `/` on every platform. */
export function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel.startsWith('..') ? path : rel).split(sep).join('/');
}

export interface Loaded {
  /** Valid records, drafts included (the model leaves drafts out). */
  articles: Article[];
  /** Every problem in every file; the articles with errors are not in `articles`. */
  diagnostics: Diagnostic[];
  /** Record files read. */
  files: number;
}

/**
 * Record files under `root` (any depth), relative to it, sorted; hidden files and directories are skipped
 * (and not walked). A name with a record's extension is taken for a file without asking: the directories
 * are the few other names, each given an lstat. Reading the types of all entries (`withFileTypes`, or
 * `recursive`, which stats every one) cost as much again as the rest of the listing: 13 ms of 26 at 10,000
 * records. A directory (or a link to one) with a record's extension is found when reading it fails with
 * EISDIR, and then the listing is made again with `exact`, which asks every entry.
 */
export async function listRecordFiles(root: string, exact = false): Promise<string[]> {
  return exact ? listExactly(root) : listByName(root);
}

/** Whether a name is a record's, by its extension (any case). */
function recordName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && RECORD_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

function listByName(root: string): string[] {
  const out: string[] = [];
  const linked = new Set<string>([realpathOr(root)]);
  const walk = (rel: string): void => {
    for (const n of readdirSync(rel === '' ? root : join(root, rel))) {
      if (n.startsWith('.')) continue;
      const name = rel === '' ? n : `${rel}${sep}${n}`;
      if (recordName(n)) {
        out.push(name);
        continue;
      }
      const path = join(root, name);
      const st = lstatSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory() === true) walk(name);
      else if (st?.isSymbolicLink() === true && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true) {
        const real = realpathSync(path);
        if (linked.has(real)) continue;
        linked.add(real);
        walk(name);
      }
    }
  };
  walk('');
  return out.sort();
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The listing from every entry's type: the same files, and right about a directory named like a record. */
async function listExactly(root: string): Promise<string[]> {
  const out: string[] = [];
  // Directories reached through links, by real path: a link back up the tree is walked once, not forever.
  const linked = new Set<string>([await realpath(root).catch(() => root)]);
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(rel === '' ? root : join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const name = rel === '' ? e.name : `${rel}${sep}${e.name}`;
      // A link is followed, as a stat would: to a directory, it is walked; to a file, it is a file.
      let dir = e.isDirectory();
      if (e.isSymbolicLink() && (await stat(join(root, name)).catch(() => undefined))?.isDirectory() === true) {
        const real = await realpath(join(root, name));
        if (linked.has(real)) continue;
        linked.add(real);
        dir = true;
      }
      if (dir) await walk(name);
      else if (recordName(e.name)) out.push(name);
    }
  };
  await walk('');
  return out.sort();
}

/** One record file's text → its raw record (or why it cannot be read). `name` is relative to the articles directory. */
export function readRecord(text: string, name: string, file: string): { record?: RawRecord; diagnostics: Diagnostic[] } {
  const slugPath = name.slice(0, -extname(name).length).split(sep).join('/');
  return isJsonRecord(name) ? readJsonRecord(text, file, slugPath) : readMarkdownRecord(text, file, slugPath);
}

/** Whether the record file `name` holds JSON (any other record extension is Markdown). */
export function isJsonRecord(name: string): boolean {
  return extname(name).toLowerCase() === '.json';
}

/** The diagnostic for an articles directory that cannot be listed. */
export function articlesDirMissing(root: string, cwd: string, e: unknown): Diagnostic {
  return diagnostic(Errors.ArticlesDirMissing, { file: display(root, cwd) }, (e as NodeJS.ErrnoException).code ?? String(e));
}

/** By file, then line: the order a person fixes them in. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const fa = a.d.file ?? '';
      const fb = b.d.file ?? '';
      if (fa !== fb) return fa < fb ? -1 : 1;
      return (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i;
    })
    .map((x) => x.d);
}
