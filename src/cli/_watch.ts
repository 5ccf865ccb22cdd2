/**
 * What `serve --watch` watches, and how. The truth is a fingerprint of the files a build reads: each record
 * file's path, inode, size, mtime and change time, and the config file's (`fingerprint`); a change is built
 * once the fingerprint has held still for one interval (an editor mid-save, a copy).
 *
 * Looking costs a stat per record, so it is not done on a clock alone: at 10,000 records a look every 300 ms
 * kept 59–77% of a core busy with nothing changed (bench/RESULTS.md). The directories that hold the records (every
 * one a build walks) and the config file's directory are watched for events (one inotify watch each on Linux, not
 * one per file), and an event brings the next look forward to one interval away. Without events, the clock still
 * looks, less often as looking costs more (twenty times its last cost: a look at 10,000 records takes about 0.1 s,
 * so one every 2 s), for what events miss: a network file system's changes made on another machine, a queue that
 * overflowed. Where a directory cannot be watched (the system's limit of watches reached), that is said, and every
 * look is an interval apart, as before.
 */
import { type FSWatcher, type Stats, statSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { failureReason, withWords } from '../errors.js';
import { listRecordFiles } from '../sources/index.js';

/** With no event, how many times a look's cost the clock waits for the next. */
const IDLE_FACTOR = 20;

/** How many files a look stats before it gives the event loop a turn (about 5 ms here). */
const STATS_A_TURN = 500;

function statOrNone(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The fingerprint of what a build reads, and the directories that hold the records (`listRecordFiles`' `dirs`). */
export interface Fingerprint {
  text: string;
  dirs: string[];
}

/** Each record file's path, inode, size, mtime and change time, and the config file's. */
export async function fingerprint(articlesDir: string, configFile: string): Promise<Fingerprint> {
  const parts: string[] = [];
  const c = statOrNone(configFile);
  parts.push(c === undefined ? 'config -' : `config ${c.ino} ${c.size} ${c.mtimeMs} ${c.ctimeMs}`);
  // The files the build reads (not dotfiles, such as editors' swap files), listed as the build lists them.
  // (Names that are not UTF-8 too: the build reports them, so one added is a change to build for.)
  const misnamed: string[] = [];
  const dirs: string[] = [];
  const names = await listRecordFiles(articlesDir, true, [], misnamed, undefined, dirs).catch(() => [] as string[]);
  parts.push(...misnamed.map((n) => `misnamed ${n}`));
  // (Stats one after another, a turn of the event loop given every few hundred: the server answers meanwhile. On the
  // thread pool, all at once, a look at 10,000 records took 300 ms where this takes 90.)
  for (const [i, n] of names.entries()) {
    if (i % STATS_A_TURN === STATS_A_TURN - 1) await new Promise((r) => setImmediate(r));
    const s = statOrNone(join(articlesDir, n));
    if (s?.isFile() === true) parts.push(`${n} ${s.ino} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`);
  }
  return { text: parts.join('\n'), dirs: dirs.map((d) => (d === '' ? articlesDir : join(articlesDir, d))) };
}

export interface WatchOptions {
  articlesDir: string;
  configFile: string;
  /** The fingerprint taken before the first build (a change made during it is built too). */
  last: Fingerprint;
  /** How soon a look follows an event, and how long a change must hold still to be built (ms). */
  pollMs: number;
  /** How often to look with no event (ms); by default `IDLE_FACTOR` times the last look's cost, and at least `pollMs`. */
  idlePollMs?: number;
  /** False: no file events, a look every `pollMs` (how --watch worked before; tests compare the two). */
  fileEvents?: boolean;
  /** Builds; the next look waits for it. */
  rebuild: () => Promise<void>;
  /** Told once, which directory could not be watched and why (from then on, a look every `pollMs`). */
  onBlind?: (dir: string, why: string) => void;
  /** How a directory is watched (node:fs `watch`; tests put one that fails as a system at its limit does). */
  watchDir?: WatchDir;
}

/** Watches one directory, calling `listener` with each event's file name. */
export type WatchDir = (dir: string, listener: (event: string, name: string | null) => void) => FSWatcher;
const watchDirectory: WatchDir = (dir, listener) => watch(dir, { persistent: false }, listener);

export interface Watching {
  stop: () => Promise<void>;
}

/** Starts watching; the first look is one interval away. */
export function watchForChanges(o: WatchOptions): Watching {
  let last = o.last.text;
  let dirty = false;
  let stopped = false;
  /** An event came since the last look began. */
  let nudged = false;
  /** Some directory could not be watched: look every interval. */
  let blind = o.fileEvents === false;
  let cost = 0;
  let timer: NodeJS.Timeout | undefined;
  let dueAt = 0;
  let looking = false;
  let current: Promise<void> = Promise.resolve();
  /** Each directory watched. */
  const watchers = new Map<string, FSWatcher>();
  const watchDir = o.watchDir ?? watchDirectory;

  const schedule = (delay: number): void => {
    if (stopped) return;
    clearTimeout(timer);
    dueAt = Date.now() + delay;
    timer = setTimeout(() => {
      timer = undefined;
      looking = true;
      current = look().catch(() => undefined).then(() => {
        looking = false;
        schedule(nudged || dirty || blind ? o.pollMs : (o.idlePollMs ?? Math.max(o.pollMs, IDLE_FACTOR * cost)));
      });
    }, delay);
  };
  /** An event: the next look one interval away at most (never later than it was due: a stream of events does not put it off). */
  const nudge = (): void => {
    nudged = true;
    if (!looking && timer !== undefined && dueAt - Date.now() > o.pollMs) schedule(o.pollMs);
  };
  /** Watches the directories listed, and no others. */
  const watchDirs = (dirs: readonly string[]): void => {
    if (blind) return;
    const wanted = new Set(dirs);
    for (const [dir, w] of watchers) {
      if (wanted.has(dir)) continue;
      w.close();
      watchers.delete(dir);
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      // An event of the directory itself (it was removed, or renamed: named by its own name), or a watch that failed,
      // ends its watch; the next look watches the directory of that name, if there is one again. (A directory put in
      // place of one removed may have its inode: QA, edits in it went unseen.)
      const drop = (): void => {
        if (watchers.get(dir) !== w) return;
        w?.close();
        watchers.delete(dir);
        nudge();
      };
      const w = tryWatch(watchDir, dir, (name) => (name === basename(dir) ? drop() : nudge()), drop);
      // (One gone since the look listed it is listed again, or not, at the next look.)
      if ('why' in w && w.gone) continue;
      if ('why' in w) return unwatch(w);
      watchers.set(dir, w);
    }
  };
  /**
   * Every look an interval apart from now on, the watches closed (one directory cannot be: the others would not say
   * all); `why`, said once.
   */
  const unwatch = (failed?: Unwatched): void => {
    if (failed !== undefined && !blind && !stopped) o.onBlind?.(failed.dir, failed.why);
    blind = true;
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
  const look = async (): Promise<void> => {
    nudged = false;
    const started = performance.now();
    const now = await fingerprint(o.articlesDir, o.configFile);
    cost = performance.now() - started;
    watchDirs(now.dirs);
    if (now.text !== last) {
      // Changed since the last look: wait until it holds still for one interval (an editor mid-save, a copy).
      last = now.text;
      dirty = true;
    } else if (dirty) {
      dirty = false;
      await o.rebuild();
    }
  };

  // The directories that hold the config file and the articles directory, for those names alone: an editor saves
  // the config by renaming a new file over it, and a directory of records may be put in place so too.
  const named = new Map<string, Set<string>>();
  for (const path of [o.configFile, o.articlesDir]) named.set(dirname(path), (named.get(dirname(path)) ?? new Set()).add(basename(path)));
  const tried = blind ? [] : [...named].map(([dir, names]) => tryWatch(watchDir, dir, (name) => {
    if (name === null || names.has(name)) nudge();
  }, () => unwatch({ dir, why: 'its watch failed', gone: false })));
  const parents = tried.filter((w): w is FSWatcher => !('why' in w));
  const failed = tried.find((w): w is Unwatched => 'why' in w);
  if (failed !== undefined) unwatch(failed);
  watchDirs(o.last.dirs);
  schedule(o.pollMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      for (const w of parents) w.close();
      unwatch();
      await current;
    },
  };
}

/** A directory that could not be watched, and why. */
interface Unwatched {
  dir: string;
  why: string;
  /** It is no directory any more (removed since it was listed). */
  gone: boolean;
}

/** A directory's watch, calling `onEvent` with the name an event is about, `onError` if it fails; why, if it cannot be made. */
function tryWatch(watchDir: WatchDir, dir: string, onEvent: (name: string | null) => void, onError: () => void): FSWatcher | Unwatched {
  try {
    const w = watchDir(dir, (_event, name) => onEvent(name));
    w.on('error', () => {
      w.close();
      onError();
    });
    return w;
  } catch (e) {
    const code = failureReason(e);
    // (ENOSPC is Linux's limit of inotify watches a user may hold, 8,192 on older systems: no disk's space.)
    return { dir, why: code === 'ENOSPC' ? 'ENOSPC: the system\'s limit of watches, fs.inotify.max_user_watches, is reached' : withWords(code), gone: code === 'ENOENT' || code === 'ENOTDIR' };
  }
}
