/**
 * Renaming a stage's files into the output directory (dist.ts, OutputStage.commit): each across file
 * systems where a directory is a link to another disk, and every file replaced kept aside until all are
 * in place, so that a rename that fails puts the previous output back (bytes, mtime and inode; its ctime
 * changes, so the next build writes those files again).
 */
import { constants, copyFileSync, linkSync, lstatSync, lutimesSync, readlinkSync, renameSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { copyFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { systemCode } from '../errors.js';

/** The names of a stage's own files and directories: never an output's (dist.ts, safeName). */
export const STAGE_PREFIX = '.dateline-stage-';

/**
 * What keepAllAside gives: each file about to be replaced kept aside, by its path; `undefined`, with none
 * left, when one cannot be (a name too long for its second, a file that cannot be read): then a failed
 * rename undoes nothing, since undoing some of the renames could pair new ETags (nginx.conf's) with old
 * bytes; or `blocked`, a target whose rename must fail (a directory where the file was): nothing need be
 * renamed.
 */
export type KeptAside = Map<string, string> | undefined | { blocked: string; error: NodeJS.ErrnoException };

/**
 * A second name for each file about to be replaced, beside it: a hard link, or where none can be made (a
 * file system without them, an immutable file, one another user owns under fs.protected_hardlinks) a copy
 * with its mtime (a symbolic link, a link to the same place), which puts back its bytes and mtime, not its
 * inode or owner (the next build writes it again). Copies stop at COPY_BUDGET bytes in all: past that, no
 * undo (a build replacing a few large archives on a file system without links copied them all).
 */
export function keepAllAside(targets: readonly string[]): KeptAside {
  const kept = new Map<string, string>();
  const budget = { left: COPY_BUDGET };
  for (const target of targets) {
    if (kept.has(target)) continue;
    const aside = keepAside(target, budget);
    // (Gone since it was read: nothing to put back, so a new file there is removed, as one is.)
    if (aside === null) continue;
    if (typeof aside !== 'string') {
      letGo(kept);
      return aside === undefined ? undefined : { blocked: target, error: aside };
    }
    kept.set(target, aside);
  }
  return kept;
}

/** The bytes a commit may copy to keep files aside (keepAllAside). */
const COPY_BUDGET = 64 * 1024 * 1024;

/** The second name made; null when the file is gone; undefined when none can be; the error of a directory in its place. */
function keepAside(target: string, budget: { left: number }): string | null | undefined | NodeJS.ErrnoException {
  // (`~`, where renameInto's copy has `-`: the two names of one file never meet.)
  const aside = join(dirname(target), `${STAGE_PREFIX}${process.pid}~${basename(target)}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      linkSync(target, aside);
      return aside;
    } catch (e) {
      const code = systemCode(e);
      if (code === 'ENOENT') return null;
      if (code === 'EEXIST') {
        // One left by a failed stage of this process (nothing is renamed yet: the file's own name is there).
        removeQuietly(aside);
        continue;
      }
      return copyAside(target, aside, budget);
    }
  }
  return undefined;
}

function copyAside(target: string, aside: string, budget: { left: number }): string | undefined | NodeJS.ErrnoException {
  try {
    const st = lstatSync(target);
    if (st.isDirectory()) return Object.assign(new Error(`EISDIR: ${target}`), { code: 'EISDIR' });
    if (st.isSymbolicLink()) {
      symlinkSync(readlinkSync(target), aside);
      lutimesSync(aside, st.atime, st.mtime);
      return aside;
    }
    if (!st.isFile() || st.size > budget.left) return undefined;
    budget.left -= st.size;
    copyFileSync(target, aside, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    utimesSync(aside, st.atime, st.mtime);
    return aside;
  } catch {
    removeQuietly(aside);
    return undefined;
  }
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
    if (systemCode(e) !== 'EXDEV') throw e;
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
