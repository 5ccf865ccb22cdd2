/** Path helpers shared by the build, the sources and the server. */
import { lstatSync, mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Whether `path` is `root` itself or inside it (both absolute and normal). */
export const within = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * A path with its symbolic links resolved, those of its part that exists and those that point where
 * nothing is yet (a link to a `dist/` not built yet is `dist/`); the rest as written.
 */
export function realPath(path: string, depth = 0): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    if (parent === path || depth > 40) return path;
    const here = join(realPath(parent, depth + 1), basename(path));
    try {
      if (lstatSync(here).isSymbolicLink()) return realPath(resolve(dirname(here), readlinkSync(here)), depth + 1);
    } catch {
      // nothing there: as written
    }
    return here;
  }
}

/**
 * `mkdir -p`: the first directory it made, if any. Node's asynchronous one says ENOENT when it could not
 * make a parent for another reason (ENOSPC with no inodes left); the synchronous one, asked again then,
 * says which.
 */
export async function makeDirs(dir: string): Promise<string | undefined> {
  return mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
    return mkdirSync(dir, { recursive: true });
  });
}
