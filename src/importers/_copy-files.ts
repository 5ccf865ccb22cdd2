/**
 * The files `dateline import` reads: each file named, and the copy in each directory named, at any depth,
 * so that a backlog of a hundred thousand files needs no shell glob (which the system's limit on arguments
 * would refuse). Each file once (by real path), each directory once (a link back up the tree is not walked
 * again); what cannot be listed is said, and so is what a directory held that is not copy.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { within } from '../paths.js';

export type CopyItem =
  /** A file to import: as named, or found in a directory named (absolute). */
  | { kind: 'file'; path: string }
  /** A directory (or a link to one) under a directory named that cannot be listed, and why. */
  | { kind: 'unlisted'; path: string; code: string }
  /** A directory named, when it held files that are not copy, or no copy at all. */
  | { kind: 'left out'; path: string; left: number; examples: string[]; found: number };

/** Copy files have these extensions, or none: in a directory named, other files (photos, notes) are not copy. */
const COPY_EXTENSIONS = new Set(['', '.txt', '.text', '.xml', '.nitf', '.json', '.ninjs']);

/** Files without an extension that are a folder's papers, not copy. */
const NOT_COPY = /^(?:readme|license|licence|copying|notice|changelog|changes|authors|contributors|makefile|dockerfile|todo)$/i;

/** Name order as people sort: `story-2` before `story-10`, `a` and `Z` by letter. */
const ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Whether a file found in a directory is copy, by its name. */
export function copyName(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return COPY_EXTENSIONS.has(ext) && !(ext === '' && NOT_COPY.test(name));
}

/**
 * The files of `names` (relative to `cwd`), directories expanded. `excluded`: directories whose contents
 * are not copy (the articles, the output), compared as the file system resolves them, links and all.
 */
export function copyFiles(names: readonly string[], cwd: string, excluded: readonly string[]): CopyItem[] {
  const out: CopyItem[] = [];
  const files = new Set<string>();
  const dirs = new Set<string>();
  const skip = excluded.map(real);
  const addFile = (path: string, shown: string): void => {
    const key = real(path);
    if (files.has(key)) return;
    files.add(key);
    out.push({ kind: 'file', path: shown });
  };
  for (const name of names) {
    const path = resolve(cwd, name);
    if (stat(path)?.isDirectory() !== true) {
      // (One that cannot be read is read all the same: the read says why.)
      addFile(path, name);
      continue;
    }
    const summary = { left: 0, examples: new Set<string>(), found: 0 };
    const walk = (dir: string): void => {
      const key = real(dir);
      if (dirs.has(key) || skip.some((s) => within(key, s))) return;
      dirs.add(key);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        out.push({ kind: 'unlisted', path: dir, code: (e as NodeJS.ErrnoException).code ?? String(e) });
        return;
      }
      for (const entry of entries.sort((a, b) => ORDER.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith('.')) continue;
        const full = join(dir, entry.name);
        let type: Dirent | Stats | undefined = entry;
        if (entry.isSymbolicLink()) {
          try {
            type = statSync(full, { throwIfNoEntry: false });
          } catch (e) {
            // A loop of links: said, as a directory that cannot be listed would be.
            out.push({ kind: 'unlisted', path: full, code: (e as NodeJS.ErrnoException).code ?? String(e) });
            continue;
          }
        }
        if (type?.isDirectory() === true) walk(full);
        else if (type?.isFile() === true && copyName(entry.name)) {
          summary.found += 1;
          addFile(full, full);
        } else {
          // Not copy by its name, a pipe or a device, or a link that leads nowhere.
          summary.left += 1;
          if (summary.examples.size < 3) summary.examples.add(extname(entry.name) === '' ? basename(entry.name) : `*${extname(entry.name).toLowerCase()}`);
        }
      }
    };
    walk(path);
    if (summary.left > 0 || summary.found === 0) out.push({ kind: 'left out', path: name, left: summary.left, examples: [...summary.examples], found: summary.found });
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
    return realpathSync(path);
  } catch {
    return path;
  }
}
