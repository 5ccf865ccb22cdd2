/**
 * The files `dateline import` reads: each file named, and the copy in each directory named, at any depth,
 * so that a backlog of a hundred thousand files needs no shell glob (which the system's limit on arguments
 * would refuse). Each file once (by real path), each directory once (a link back up the tree is not walked
 * again); what cannot be listed is said, and so is what a directory held that is not copy.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { within } from '../paths.js';
import { failureReason } from '../errors.js';

export type CopyItem =
  /** A file to import: as named, or found in a directory named (absolute). */
  | { kind: 'file'; path: string }
  /** A directory (or a link to one) under a directory named that cannot be listed, and why. */
  | { kind: 'unlisted'; path: string; code: string }
  /** A directory named, when it held files that are not copy, or no copy at all. */
  | { kind: 'left out'; path: string; left: number; examples: string[]; found: number };

/** Copy files have these extensions, or none: in a directory named, other files (photos, notes) are not copy. */
const COPY_EXTENSIONS = new Set(['', '.txt', '.text', '.eml', '.xml', '.nitf', '.newsml', '.json', '.ninjs', '.rss', '.atom']);

/** Files without an extension that are a folder's papers, not copy. */
const NOT_COPY = /^(?:readme|license|licence|copying|notice|changelog|changes|authors|contributors|makefile|dockerfile|todo)$/i;

/** Name order as people sort: `story-2` before `story-10`, `a` and `Z` by letter. */
const ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Whether a file found in a directory is copy, by its name. */
function copyName(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return COPY_EXTENSIONS.has(ext) && !(ext === '' && NOT_COPY.test(name));
}

/**
 * The files of `names` (relative to `cwd`), directories expanded. `excluded`: directories whose contents
 * are not copy (the articles, the output), compared as the file system resolves them, links and all;
 * `skipFiles`: files never read as copy (the configuration, when a directory named holds it).
 */
export function copyFiles(names: readonly string[], cwd: string, excluded: readonly string[], skipFiles: readonly string[] = []): CopyItem[] {
  const out: CopyItem[] = [];
  const files = new Set<string>();
  // (Left out of a directory's walk only: a file named is read, whatever it is.)
  const skipped = new Set(skipFiles.map((f) => real(resolve(cwd, f))));
  const dirs = new Set<string>();
  const skip = excluded.map(real);
  /** Adds a file by its real path; false when it was added already (two names for one file). */
  const addFile = (key: string, shown: string): boolean => {
    if (files.has(key)) return false;
    files.add(key);
    out.push({ kind: 'file', path: shown });
    return true;
  };
  for (const name of names) {
    const path = resolve(cwd, name);
    if (stat(path)?.isDirectory() !== true) {
      // (One that cannot be read is read all the same: the read says why.)
      addFile(real(path), name);
      continue;
    }
    const summary = { left: 0, examples: new Set<string>(), found: 0, listed: true };
    // `key`: the directory's real path. A file's is its directory's and its name, unless it is a link: one
    // call to the file system for each link, not one for each part of each path.
    const walk = (dir: string, key: string): void => {
      if (dirs.has(key) || skip.some((s) => within(key, s))) return;
      dirs.add(key);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        out.push({ kind: 'unlisted', path: dir, code: failureReason(e) });
        if (dir === path) summary.listed = false;
        return;
      }
      for (const entry of entries.sort((a, b) => ORDER.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith('.')) continue;
        const full = join(dir, entry.name);
        let type: Dirent | Stats | undefined = entry;
        let entryKey = join(key, entry.name);
        if (entry.isSymbolicLink()) {
          type = stat(full);
          if (type !== undefined) entryKey = real(full);
          // (A link to a record or a feed is not copy, as the directories that hold them are not.)
          if (type?.isFile() === true && skip.some((d) => within(entryKey, d))) continue;
        }
        // (A site's configuration, by the default name too, is never copy.)
        if (skipped.has(entryKey) || entry.name === 'dateline.config.json') continue;
        if (type?.isDirectory() === true) walk(full, entryKey);
        else if (type?.isFile() === true && copyName(entry.name)) {
          summary.found += 1;
          addFile(entryKey, full);
        } else {
          // Not copy by its name, a pipe or a device, or a link that leads nowhere or round in a loop.
          summary.left += 1;
          const kind = type === undefined ? `${entry.name}: a link that leads nowhere` : !type.isFile() ? `${entry.name}: not a file` : extname(entry.name) === '' ? entry.name : `*${extname(entry.name).toLowerCase()}`;
          if (summary.examples.size < 3) summary.examples.add(kind);
        }
      }
    };
    walk(path, real(path));
    if (summary.listed && (summary.left > 0 || summary.found === 0)) out.push({ kind: 'left out', path: name, left: summary.left, examples: [...summary.examples], found: summary.found });
  }
  return out;
}

function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
