/**
 * Builds of different processes take turns, per output directory and per cache directory, as builds of
 * one process do (turns.ts): a lock file, `.dateline-lock`, names the process that holds the directory.
 * Two builds at once (`serve --watch` rebuilding while a cron job builds, an import in between) each
 * read the articles and then put their files in place: the one that read first could finish last and
 * put back feeds without the stories the other had published (QA: 300 imported stories gone from an
 * archive until the next edit, both builds exit 0).
 *
 * The lock names its process by pid, start time (Linux's /proc) and host: a lock whose process is not
 * running, or whose pid another process has taken since (a container started again), is taken over. Only
 * one process at a time takes a lock over, under a second lock (`.dateline-lock.break`), and it looks at
 * the lock again under it: two processes that both found a lock stale cannot remove each other's new one.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync, type BigIntStats } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { systemCode } from './errors.js';
import { realPath } from './paths.js';

export const LOCK_FILE = '.dateline-lock';
const BREAK_FILE = `${LOCK_FILE}.break`;

/** Told of the process holding a directory's lock (its host when it is another's), once a caller has waited a second for it. */
export type OnWait = (holder: { pid: number; host?: string }, dir: string) => void;

/** How often a build waiting for a lock looks again; after how long it says that it waits; when a break lock is stale. */
const POLL_MS = 50;
const SAY_AFTER_MS = 1000;
const BREAK_STALE_MS = 10_000;
/**
 * A holder touches its lock this often, and a lock another host holds is taken for stale when it has not
 * been touched for this long: its process cannot be asked (a container killed while it built, whose
 * hostname the next container does not share, held every later build back for ever). Review.
 */
const TOUCH_MS = 10_000;
const REMOTE_STALE_MS = 60_000;
const FOREIGN_FILE_STALE_MS = 600_000;
/** A lock file without a whole holder in it (being written, on a file system without links) is taken for stale after this long. */
const UNREADABLE_STALE_MS = 5_000;

interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), where the system says it. */
  start?: string;
  host?: string;
  /** Its pid namespace (/proc/self/ns/pid): a container with the host's name has pids of its own. */
  ns?: string;
}

/** A process's start time, which a pid taken again does not share (Linux; undefined elsewhere). */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // (After the command's name in brackets, which may hold spaces: field 3 on; the start time is field 22.)
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

let me: Holder | undefined;
const self = (): Holder => {
  if (me !== undefined) return me;
  const ns = pidNamespace();
  return (me = { pid: process.pid, ...withStart(startTime(process.pid)), host: hostname(), ...(ns === undefined ? {} : { ns }) });
};
const withStart = (start: string | undefined): { start?: string } => (start === undefined ? {} : { start });

/** Whether a process with this pid is running (a stage directory or a cache file of a running build is left alone). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return false; // this pid's before this process made it: a container's earlier life
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return systemCode(e) === 'EPERM';
  }
}

/** Whether the process a lock names still runs: on another host it cannot be asked, so it does while it touches its lock. */
function running(h: Holder, age: number, path: string): boolean {
  const mine = self();
  // (Another host, or another pid namespace of this one: its pid means nothing here.)
  if ((h.host !== undefined && h.host !== mine.host) || (h.ns !== undefined && mine.ns !== undefined && h.ns !== mine.ns)) return age < REMOTE_STALE_MS;
  // This pid: this process, when it holds the lock (a library call beside a build: review; where the system
  // gives no start time, that is all there is to go by), or when it started when this one did (another
  // copy of this module, a worker thread).
  if (h.pid === process.pid) return held.has(path) || (h.start !== undefined && h.start === mine.start);
  if (!alive(h.pid)) return false;
  const start = h.start === undefined ? undefined : startTime(h.pid);
  return start === undefined || start === h.start;
}

const sameHolder = (a: Holder, b: Holder): boolean => a.pid === b.pid && a.start === b.start && a.host === b.host && a.ns === b.ns;

/** The holder a lock file names: `gone` when there is no file, `unreadable` when it holds no whole holder. */
function readHolder(path: string): Holder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return systemCode(e) === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    // (A bare pid, as a script or an older lock may write it.)
    const h = (typeof parsed === 'number' ? { pid: parsed } : parsed ?? {}) as Partial<Holder>;
    if (typeof h.pid !== 'number' || !Number.isInteger(h.pid) || h.pid <= 0) return 'unreadable';
    return { pid: h.pid, ...withStart(typeof h.start === 'string' ? h.start : undefined), ...(typeof h.host === 'string' ? { host: h.host } : {}), ...(typeof h.ns === 'string' ? { ns: h.ns } : {}) };
  } catch {
    return 'unreadable';
  }
}

/** Makes `path` hold what `mine` holds, if no file is there: a link, or where links fail, an exclusive create. */
function create(path: string, mine: string, content: string): 'made' | 'exists' | 'failed' | 'lost' {
  try {
    linkSync(mine, path);
    return 'made';
  } catch (e) {
    const code = systemCode(e);
    if (code === 'EEXIST') return 'exists';
    // (Our own file gone: another process that could not tell our pid removed it. Made again.)
    if (code === 'ENOENT') return 'lost';
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') return 'failed';
  }
  try {
    writeFileSync(path, content, { flag: 'wx' });
    return 'made';
  } catch (e) {
    return systemCode(e) === 'EEXIST' ? 'exists' : 'failed';
  }
}

const touchNow = (path: string): void => {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // (Gone: the next look says so.)
  }
};

const ageMs = (path: string): number => {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * Removes the lock at `path` if it still names `stale` (or, for `unreadable`, if it still holds no whole
 * holder), under the break lock: one process at a time looks and removes.
 */
function takeOver(dir: string, path: string, mine: string, content: string, stale: Holder | 'unreadable'): void {
  const breaker = join(dir, BREAK_FILE);
  const made = create(breaker, mine, content);
  if (made === 'lost') writeFileSync(mine, content);
  if (made !== 'made') {
    // (One left by a process killed while it took a lock over.)
    if (made === 'exists' && ageMs(breaker) > BREAK_STALE_MS) rmSync(breaker, { force: true });
    return;
  }
  try {
    const now = readHolder(path);
    if (now === 'gone') return;
    if (stale === 'unreadable' ? now === 'unreadable' : now !== 'unreadable' && sameHolder(now, stale)) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

/** Locks held and files being made by this process, removed when it exits (a signal's handler exits past a caller's `finally`). */
const held = new Set<string>();
const making = new Set<string>();
/** Directories made to hold a lock, by the directory locked: the first of them made (`mkdir -p`'s first). */
const madeDirs = new Map<string, string>();
let exitHook = false;
function onExit(): void {
  for (const path of held) releaseLock(path);
  for (const path of making) rmSync(path, { force: true });
  for (const dir of madeDirs.keys()) removeIfEmpty(dir);
}

/**
 * Removes a directory made to hold a lock, and the parents made with it, while they are empty (a first
 * build that failed). One not empty (a build wrote its files, another waits there) stays this process's
 * to remove, when another call of this process that locked it lets it go.
 */
function removeIfEmpty(dir: string): void {
  const made = madeDirs.get(dir);
  if (made === undefined) return;
  for (let d = dir; d === made || d.startsWith(`${made}${sep}`); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      if (d === dir) return;
      break;
    }
    if (d === made) break;
  }
  madeDirs.delete(dir);
}

function releaseLock(path: string): void {
  held.delete(path);
  const h = readHolder(path);
  if (h !== 'gone' && h !== 'unreadable' && sameHolder(h, self())) rmSync(path, { force: true });
}

/**
 * A directory's times before its lock was made, when the lock was taken at once (no wait, in which another
 * build could change it): put back on release if nothing else changed the directory meanwhile.
 */
const timesBefore = new Map<string, { atimeNs: bigint; mtimeNs: bigint }>();

/**
 * Nanoseconds as the seconds utimes takes, a double: to the microsecond, and half a microsecond into it, so
 * that the nanoseconds the system keeps (the double cut down) read back as the same microsecond, and a time
 * put back again and again does not creep.
 */
const seconds = (ns: bigint): number => Number(ns / 1_000_000_000n) + (Number((ns % 1_000_000_000n) / 1000n) * 1000 + 500) / 1e9;

/**
 * Takes one directory's lock, waiting while a running process holds it (`waiting` is told once, after a
 * second). Undefined when the directory cannot be made or written to (the build's own writes say what is wrong).
 */
async function lockOne(dir: string, waiting?: OnWait): Promise<string | undefined> {
  const path = join(dir, LOCK_FILE);
  // (A file in the way, ENOTDIR, is said by the build's own writes.)
  let before: BigIntStats | undefined;
  try {
    before = statSync(dir, { throwIfNoEntry: false, bigint: true });
  } catch {
    before = undefined;
  }
  // (Named by host and pid: a process of another host, or container, has pids this one cannot ask about.)
  const tag = `${self().host ?? ''}${/\d+/.exec(self().ns ?? '')?.[0] ?? ''}`.replace(/[^\w-]/g, '_');
  const mine = join(dir, `${LOCK_FILE}.${tag}.${process.pid}`);
  const content = `${JSON.stringify(self())}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      // A first build's directory is made to hold its lock (two first builds took none); the lock's
      // release removes it again while it is empty, so a first build that fails leaves none.
      const made = mkdirSync(dir, { recursive: true });
      if (made !== undefined) madeDirs.set(dir, made);
      // (A process of this host killed while it made its lock leaves its own file: gone once it is not running.)
      for (const n of readdirSync(dir)) {
        const m = /^\.dateline-lock\.(.*)\.(\d+)$/.exec(n);
        // (Another host's, once it is ten minutes old: a build waiting there makes its file again if it needs it.)
        const gone = m !== null && (m[1] === tag ? Number(m[2]) !== process.pid && !alive(Number(m[2])) : ageMs(join(dir, n)) > FOREIGN_FILE_STALE_MS);
        if (gone) rmSync(join(dir, n), { force: true });
      }
      making.add(mine);
      writeFileSync(mine, content);
      break;
    } catch (e) {
      making.delete(mine);
      // (Removed in between by another first build that failed, as it released its lock: made again, for
      // as long as that goes on; only a directory that cannot be made at all is given up.)
      if (systemCode(e) === 'ENOENT' && attempt < 1000) continue;
      return undefined;
    }
  }
  const started = Date.now();
  let told = false;
  try {
    for (;;) {
      const made = create(path, mine, content);
      if (made === 'made') {
        // (Touched at once: the file was made when the wait began, and a lock a minute old looks stale to another host.)
        touchNow(path);
        held.add(path);
        if (before !== undefined && Date.now() - started < POLL_MS) timesBefore.set(path, { atimeNs: before.atimeNs, mtimeNs: before.mtimeNs });
        return path;
      }
      if (made === 'failed') return undefined;
      if (made === 'lost') {
        writeFileSync(mine, content);
        continue;
      }
      const h = readHolder(path);
      if (h === 'gone') continue; // released between the two: try again at once
      if (h === 'unreadable' ? ageMs(path) > UNREADABLE_STALE_MS : !running(h, ageMs(path), path)) {
        // (The break lock is linked from this file: fresh, or it would look stale itself.)
        touchNow(mine);
        takeOver(dir, path, mine, content, h);
        continue;
      }
      if (!told && Date.now() - started >= SAY_AFTER_MS && h !== 'unreadable') {
        told = true;
        // (A holder in another pid namespace of this host is named so: its pid is another process's here.)
        const elsewhere = h.host !== undefined && h.host !== self().host ? h.host
          : h.ns !== undefined && self().ns !== undefined && h.ns !== self().ns ? `${h.host ?? 'this host'}, in another container (pid namespace)` : undefined;
        waiting?.(elsewhere === undefined ? { pid: h.pid } : { pid: h.pid, host: elsewhere }, dir);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    rmSync(mine, { force: true });
    making.delete(mine);
  }
}

/**
 * Removes the locks of these directories that name this process and that this thread does not hold: left
 * by a worker thread that stopped while it built (`serve --watch`: out of memory). Locks name a process,
 * and the next build of the same process took the dead thread's for a live one and waited for ever (review).
 */
export function releaseLocksLeftBy(dirs: readonly string[]): void {
  for (const dir of dirs) {
    // (As builds name their locks, through links: a served `--dir` that is a link held by a build of this
    // thread was not found held, and would have been removed. Review.)
    const path = join(realPath(dir), LOCK_FILE);
    if (held.has(path)) continue;
    const h = readHolder(path);
    if (h !== 'gone' && h !== 'unreadable' && sameHolder(h, self())) rmSync(path, { force: true });
  }
}

/** A directory's mtime, or undefined when it cannot be had. */
function mtimeOf(dir: string): number | undefined {
  try {
    return statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Takes the locks of these directories, in one order (no two builds wait for each other); resolves to what
 * releases them. A process that exits holding them (a signal) releases them as it goes.
 */
export async function lockDirectories(dirs: readonly string[], waiting?: OnWait): Promise<() => void> {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', onExit);
  }
  const paths: string[] = [];
  // Touched while held, so that a process of another host can tell it from one left by a build killed there.
  const touch = setInterval(() => {
    for (const path of paths) touchNow(path);
  }, TOUCH_MS);
  touch.unref();
  // (The directory's mtime once its lock is made: a build that changed nothing in it, or failed, leaves it so.)
  const locked = new Map<string, number>();
  const release = (): void => {
    clearInterval(touch);
    for (const path of paths.splice(0).reverse()) {
      const dir = dirname(path);
      const before = timesBefore.get(path);
      timesBefore.delete(path);
      const unchanged = before !== undefined && mtimeOf(dir) === locked.get(path);
      releaseLock(path);
      // The lock's own file is no change of the directory's: a build that wrote nothing there (a failed one:
      // QA found its mtime moved) puts its times back, to the microsecond (utimes takes seconds as a double).
      if (unchanged) {
        try {
          utimesSync(dir, seconds(before.atimeNs), seconds(before.mtimeNs));
        } catch {
          // (Another user's directory, a read-only mount: the times stay as they are.)
        }
      }
    }
    for (const dir of dirs) removeIfEmpty(dir);
  };
  try {
    for (const dir of [...new Set(dirs)].sort()) {
      const path = await lockOne(dir, waiting);
      if (path === undefined) continue;
      paths.push(path);
      const now = mtimeOf(dir);
      if (now !== undefined) locked.set(path, now);
    }
  } catch (e) {
    release();
    throw e;
  }
  return release;
}
