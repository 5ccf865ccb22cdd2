/** Finding and reading record files: what the loaders and the reading worker share. */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { diagnostic, Errors, failureReason } from '../errors.js';
import { within } from '../paths.js';
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
 * EISDIR, and then the listing is made again with `exact`, which asks every entry. A directory below
 * `root` that cannot be listed goes to `unlisted` when it is given (else the listing fails). `dirs`, when given,
 * gets every directory walked (`root` first, then the others relative to it), as `serve --watch` watches them.
 */
export async function listRecordFiles(root: string, exact = false, unlisted?: { name: string; code: string }[], misnamed?: string[], lookalikes?: string[], dirs?: string[]): Promise<string[]> {
  const out: string[] = [];
  // Directories reached through links, by real path: a link back up the tree is walked once, not forever.
  const realRoot = realpathOr(root);
  const linked = new Set<string>([realRoot]);
  const walk = (rel: string): void => {
    const dir = rel === '' ? root : join(root, rel);
    dirs?.push(rel);
    let entries: (string | Dirent)[];
    try {
      entries = exact ? readdirSync(dir, { withFileTypes: true }) : readdirSync(dir);
      // A name that is not UTF-8 comes decoded with U+FFFD in place of its bytes, and nothing has that
      // name, so a stat cannot say what it is: the directory's listing then says each entry's type
      // (where the file system gives none, Node asks by name and fails: the names alone, then).
      if (!exact && (entries as string[]).some((n) => n.includes('\uFFFD'))) {
        try {
          entries = readdirSync(dir, { withFileTypes: true });
        } catch {
          // as listed
        }
      }
    } catch (e) {
      // A directory below the root that cannot be listed is named (when asked), and the others are read.
      if (rel === '' || unlisted === undefined) throw e;
      unlisted.push({ name: rel, code: failureReason(e) });
      return;
    }
    for (const entry of entries) {
      const n = typeof entry === 'string' ? entry : entry.name;
      if (n.startsWith('.')) continue;
      const name = rel === '' ? n : `${rel}${sep}${n}`;
      // Such a name cannot be opened: a record, a directory or a link (which may be one: whose records
      // cannot be reached) goes to `misnamed` rather than being left out without a word, as a record
      // deleted since would be. (Of an entry of no known type, only a record's name.)
      if (n.includes('\uFFFD') && lstatSync(join(root, name), { throwIfNoEntry: false }) === undefined) {
        const dirLike = typeof entry !== 'string' && (entry.isDirectory() || entry.isSymbolicLink());
        if (dirLike || recordName(n)) misnamed?.push(dirLike ? `${name}${sep}` : name);
        continue;
      }
      if (typeof entry === 'string' && recordName(n)) {
        out.push(name);
        continue;
      }
      const path = join(root, name);
      const type = typeof entry === 'string' ? lstatSync(path, { throwIfNoEntry: false }) : entry;
      // A link is followed, as a stat would: to a directory, it is walked; to a file, it is a file.
      if (type?.isDirectory() === true) walk(name);
      else if (type?.isSymbolicLink() === true && linkedDirectory(path, name, n) === true) {
        const real = realpathSync(path);
        if (linked.has(real)) continue;
        linked.add(real);
        // A link to a directory that holds the articles directory (`/`, `..`) or to the kernel's (`/proc`)
        // would have every file under it read, for ever or out of memory (QA: `ln -s /proc`): not walked,
        // and said.
        if (within(realRoot, real) || SYSTEM_DIRS.test(real)) {
          if (unlisted === undefined) continue;
          unlisted.push({ name, code: 'a link to a directory that holds the articles directory, or to the system\'s, is not followed' });
          continue;
        }
        walk(name);
      } else if (typeof entry !== 'string' && recordName(n)) out.push(name);
      else if (lookalikes !== undefined && type?.isFile() === true && recordLookalike(n)) lookalikes.push(name);
    }
  };
  /**
   * Whether a link leads to a directory. One that cannot be followed (a loop of links: ELOOP; a link in a
   * directory of no access) is named like a directory that cannot be listed: it may hold records.
   */
  const linkedDirectory = (path: string, name: string, n: string): boolean => {
    try {
      return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
    } catch (e) {
      // (One with a record's name is a record that cannot be read, and reading it says so.)
      if (recordName(n)) return false;
      if (unlisted === undefined) throw e;
      unlisted.push({ name, code: failureReason(e) });
      return false;
    }
  };
  walk('');
  return out.sort();
}

/** The kernel's and devices' directories, never records. */
const SYSTEM_DIRS = /^\/(?:proc|sys|dev)(?:\/|$)/;

/** Whether a name is a record's, by its extension (any case). */
function recordName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && RECORD_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/**
 * A file named like a record that is not read as one: a copy saved as text or under another ending
 * (`story.md.txt`, `story.md.bak`, the import's `story.md.bak.2`, `story.json~`, `story.txt`, `story.mdx`,
 * `story.yaml`), which the desk may take for a published record (`W_RECORDS_LEFT_OUT`). Pictures and other
 * files are the site's own.
 */
function recordLookalike(name: string): boolean {
  return /\.(?:md|markdown|json)(?:\.[^./]+|~)$/i.test(name) || /\.(?:md|markdown|json)\.bak\.\d+$/i.test(name) || /\.(?:txt|text|mdx|mkd|mkdn|mdown|yaml|yml)$/i.test(name);
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * One record file's text → its raw record (or why it cannot be read). `name` is relative to the articles
 * directory. `cleanBytes`, asked only where the answer is used: whether the file's bytes are known to
 * hold no character XML forbids (_utf8-scan.ts), so that the text need not be scanned for them.
 */
export function readRecord(text: string, name: string, file: string, cleanBytes?: () => boolean): { record?: RawRecord; diagnostics: Diagnostic[] } {
  const slugPath = name.slice(0, -extname(name).length).split(sep).join('/');
  return isJsonRecord(name) ? readJsonRecord(text, file, slugPath) : readMarkdownRecord(text, file, slugPath, cleanBytes);
}

/** Whether the record file `name` holds JSON (any other record extension is Markdown). */
export function isJsonRecord(name: string): boolean {
  return extname(name).toLowerCase() === '.json';
}

/** The diagnostic for an articles directory that cannot be listed. */
export function articlesDirMissing(root: string, cwd: string, e: unknown): Diagnostic {
  return diagnostic(Errors.ArticlesDirMissing, { file: display(root, cwd) }, failureReason(e));
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
