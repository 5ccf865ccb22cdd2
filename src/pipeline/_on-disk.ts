/** Whether a feed's files in the output directory are those a build recorded (the cache trusts nothing else). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedEntry } from '../cache/state.js';

/**
 * Whether every file of a feed (and sibling) is in the output directory as the cache recorded it: size,
 * mtime, change time and inode. Synchronous: a few thousand stats of files just written cost less than
 * the promises around them.
 */
export function onDisk(outDir: string, feed: Pick<FeedEntry, 'entries' | 'stamps'>): boolean {
  const same = (file: string, bytes: number, mtime: number): boolean => {
    // (A file in the way of its directory, ENOTDIR, or a directory of no access, EACCES: not as recorded,
    // so the feed is made again, and writing it says what is in the way: E_WRITE_FAILED.)
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(join(outDir, file), { throwIfNoEntry: false });
    } catch {
      return false;
    }
    const stamp = feed.stamps?.[file];
    return st !== undefined && st.size === bytes && st.mtimeMs === mtime && stamp !== undefined && st.ctimeMs === stamp[0] && st.ino === stamp[1];
  };
  for (const [name, served] of feed.entries) {
    const mtime = Date.parse(served.lastModified);
    if (!same(name, served.bytes, mtime)) return false;
    for (const v of Object.values(served.encodings)) if (v !== undefined && !same(v.file, v.bytes, mtime)) return false;
  }
  return true;
}
