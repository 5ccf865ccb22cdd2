/** Path helpers shared by the build, the sources and the server. */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
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
