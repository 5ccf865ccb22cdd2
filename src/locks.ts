/**
 * Builds of different processes take turns, per output directory and per cache directory, as builds of
 * one process do (turns.ts): a lock file, `.dateline-lock`, names the process that holds the directory.
 * Two builds at once (`serve --watch` rebuilding while a cron job builds, an import in between) each
 * read the articles and then put their files in place: the one that read first could finish last and
 * put back feeds without the stories the other had published (QA: 300 imported stories gone from an
 * archive until the next edit, both builds exit 0). A lock whose process is no longer running (a build
 * killed outright) is taken over.
 */
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.dateline-lock';

/** How often a build waiting for a lock looks again, and after how long it says that it waits. */
const POLL_MS = 50;
const SAY_AFTER_MS = 1000;

/** Whether a process with this pid is running (a stage directory or lock of a running build is left alone). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return false; // this pid's before this process made it: a container's earlier life
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a lock file names, or undefined (no file, or not a pid). */
function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes one directory's lock: made whole under another name and linked into place, so that no process
 * ever reads a lock without its pid. Waits while a running process holds it; `waiting` is told once.
 * A directory that is not there yet, or cannot be written to, is not locked: a first build makes it (a
 * failed one leaves none), and the build's own writes say what is wrong.
 */
async function lockOne(dir: string, waiting?: (pid: number, dir: string) => void): Promise<(() => void) | undefined> {
  const path = join(dir, LOCK_FILE);
  const mine = join(dir, `${LOCK_FILE}.${process.pid}`);
  try {
    // (A process killed while it made its lock leaves its own file: gone once it is not running.)
    for (const n of readdirSync(dir)) {
      const pid = n.startsWith(`${LOCK_FILE}.`) ? Number(n.slice(LOCK_FILE.length + 1)) : NaN;
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(dir, n), { force: true });
    }
    writeFileSync(mine, `${process.pid}\n`);
  } catch {
    return undefined;
  }
  const started = Date.now();
  let told = false;
  try {
    for (;;) {
      try {
        linkSync(mine, path);
        return () => {
          if (holder(path) === process.pid) rmSync(path, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      }
      const pid = holder(path);
      if (pid === undefined || !alive(pid)) {
        // Killed outright (or no pid in it): taken over.
        rmSync(path, { force: true });
        continue;
      }
      if (!told && Date.now() - started >= SAY_AFTER_MS) {
        told = true;
        waiting?.(pid, dir);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Takes the locks of these directories, in one order (no two builds wait for each other); resolves to what releases them. */
export async function lockDirectories(dirs: readonly string[], waiting?: (pid: number, dir: string) => void): Promise<() => void> {
  const releases: (() => void)[] = [];
  const release = (): void => {
    for (const r of releases.splice(0).reverse()) r();
  };
  try {
    for (const dir of [...new Set(dirs)].sort()) {
      const r = await lockOne(dir, waiting);
      if (r !== undefined) releases.push(r);
    }
  } catch (e) {
    release();
    throw e;
  }
  // A build stopped by a signal exits from its handler (cli/build.ts), past the caller's `finally`.
  process.on('exit', release);
  return () => {
    process.off('exit', release);
    release();
  };
}
