/** Whether a feed's files in the output directory are those a build recorded (the cache trusts nothing else). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServedFile } from '../types.js';

/**
 * Whether every file of a feed (and sibling) is in the output directory with the size and mtime recorded.
 * Synchronous: a few thousand stats of files just written cost less than the promises around them.
 */
export function onDisk(outDir: string, entries: readonly [string, ServedFile][]): boolean {
  const same = (file: string, bytes: number, mtime: number): boolean => {
    const st = statSync(join(outDir, file), { throwIfNoEntry: false });
    return st !== undefined && st.size === bytes && st.mtimeMs === mtime;
  };
  for (const [name, served] of entries) {
    const mtime = Date.parse(served.lastModified);
    if (!same(name, served.bytes, mtime)) return false;
    for (const v of Object.values(served.encodings)) if (v !== undefined && !same(v.file, v.bytes, mtime)) return false;
  }
  return true;
}
