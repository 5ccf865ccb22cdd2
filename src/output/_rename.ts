/**
 * Renaming a stage's files into the output directory (dist.ts, OutputStage.commit): each across file
 * systems where a directory is a link to another disk, and every file replaced kept aside until all are
 * in place, so that a rename that fails puts the previous output back (bytes, mtime and inode; its ctime
 * changes, so the next build writes those files again).
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import { copyFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The names of a stage's own files and directories: never an output's (dist.ts, safeName). */
export const STAGE_PREFIX = '.dateline-stage-';

/**
 * A second name (a hard link, beside it: the same file system) for each file about to be replaced, by its
 * path; undefined, with none left, when one cannot be made (a file system without hard links, a name too
 * long for its second, links refused by fs.protected_hardlinks): then a failed rename undoes nothing, since
 * undoing some of the renames could pair new ETags (nginx.conf's) with old bytes.
 */
export function keepAllAside(targets: readonly string[]): Map<string, string> | undefined {
  const kept = new Map<string, string>();
  for (const target of targets) {
    if (kept.has(target)) continue;
    const aside = keepAside(target);
    // (Gone since it was read: nothing to put back, so a new file there is removed, as one is.)
    if (aside === null) continue;
    if (aside === undefined) {
      letGo(kept);
      return undefined;
    }
    kept.set(target, aside);
  }
  return kept;
}

/** The second name made; null when the file is gone; undefined when none can be made. */
function keepAside(target: string): string | null | undefined {
  // (`~`, where renameInto's copy has `-`: the two names of one file never meet.)
  const aside = join(dirname(target), `${STAGE_PREFIX}${process.pid}~${basename(target)}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      linkSync(target, aside);
      return aside;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (code !== 'EEXIST') return undefined;
      // One left by a failed stage of this process (nothing is renamed yet: the file's own name is there).
      removeQuietly(aside);
    }
  }
  return undefined;
}

/** Removes the second names once every rename is done (one that cannot be is left: a later build's). */
export function letGo(kept: ReadonlyMap<string, string>): void {
  for (const aside of kept.values()) removeQuietly(aside);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // (Something else put in its place: not a reason to fail.)
  }
}

/**
 * Undoes the renames done (targets in the order renamed), last first: each previous file back under its
 * name, each new one removed. Returns how many files could not be.
 */
export function putBack(done: readonly string[], kept: ReadonlyMap<string, string>): number {
  let left = 0;
  const undone = new Set<string>();
  for (const target of [...done].reverse()) {
    // (A name staged twice was renamed twice: its previous file goes back once.)
    if (undone.has(target)) continue;
    undone.add(target);
    try {
      const aside = kept.get(target);
      if (aside !== undefined) renameSync(aside, target);
      else rmSync(target);
    } catch {
      left += 1;
    }
  }
  // (The files that were not to be replaced: their second names go too.)
  for (const [target, aside] of kept) if (!undone.has(target)) removeQuietly(aside);
  return left;
}

/**
 * Renames a staged file into place. A target directory on another file system (a link to another disk,
 * a mount) cannot take a rename from the stage directory (EXDEV): the file is copied beside the target
 * first, and that copy renamed, which is atomic again.
 */
export async function renameInto(tmp: string, target: string): Promise<void> {
  try {
    // On this thread: the renames come once everything is staged, when it has nothing else to do, and
    // a rename through the thread pool took five times the system call (a clean 10k build's 891 files:
    // 37–70 ms).
    renameSync(tmp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    const beside = join(dirname(target), `${STAGE_PREFIX}${process.pid}-${basename(target)}`);
    try {
      await copyFile(tmp, beside);
      const { mtime } = await stat(tmp);
      await utimes(beside, mtime, mtime);
      await rename(beside, target);
    } catch (inner) {
      await rm(beside, { force: true });
      throw inner;
    }
  }
}
