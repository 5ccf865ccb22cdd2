/**
 * Renaming a stage's files into the output directory (dist.ts, OutputStage.commit): each across file
 * systems where a directory is a link to another disk, and each file replaced kept aside until all are
 * in place, so that a rename that fails puts the previous output back.
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import { copyFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The names of a stage's own files and directories: never an output's (dist.ts, safeName). */
export const STAGE_PREFIX = '.dateline-stage-';

/** A file renamed into place; `kept`, the previous file's second name (keepAside). */
export interface Renamed {
  target: string;
  existed: boolean;
  kept: string | undefined;
}

/**
 * A second name (a hard link, beside it: the same file system) for a file about to be replaced; undefined
 * where the file system has no hard links (then a failed rename leaves the new file: putBack counts it).
 */
export function keepAside(target: string): string | undefined {
  // (`~`, where renameInto's copy has `-`: the two names of one file never meet.)
  const kept = join(dirname(target), `${STAGE_PREFIX}${process.pid}~${basename(target)}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      linkSync(target, kept);
      return kept;
    } catch (e) {
      // (One left by this process's failed stage before: made again.)
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      rmSync(kept, { force: true });
    }
  }
  return undefined;
}

/** Undoes the renames done, last first: each previous file back under its name, each new one removed. The files that could not be. */
export function putBack(done: readonly Renamed[]): number {
  let left = 0;
  for (const r of [...done].reverse()) {
    try {
      if (r.kept !== undefined) renameSync(r.kept, r.target);
      else if (!r.existed) rmSync(r.target);
      else left += 1;
    } catch {
      left += 1;
    }
  }
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
