/**
 * Writes a build into the output directory without ever leaving it half-written: every file is first
 * written beside its target under a temporary name, and only when all of them are on disk are they
 * renamed into place (rename is atomic on POSIX). A file whose bytes did not change is not rewritten.
 * Files a previous build wrote (listed in its manifest) that this build no longer makes are removed at
 * the end, so the directory holds exactly what a build into an empty directory would.
 *
 * Files given an mtime (the feeds and their siblings) get it, their Last-Modified, so that a static
 * server's Last-Modified (and nginx's If-Modified-Since check) agrees with the manifest: a new file
 * before it is renamed into place, an unchanged one in place (its bytes stay untouched).
 *
 * The temporary files are kept in one hidden directory, `.dateline-stage-<pid>` in the output directory
 * (made only when a file changed), so that an interrupted build (`interruptStages`, on SIGINT or
 * SIGTERM) removes them at once, and one that was killed outright leaves one directory, which the next
 * build into the same place removes.
 */
import { alive, lockDirectories, type OnWait } from '../locks.js';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, readFile, realpath, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DatelineError, diagnostic, Errors, failureReason, systemCode, withWords } from '../errors.js';
import { byteLength, ETAGS_MARKER_PREFIX, MANIFEST_FILE, manifestFiles, NGINX_CONF_FILE, type Bytes } from '../hosting/index.js';
import { isPieces, sameBytes } from '../hosting/encode.js';
import { FEED_ROOTS } from '../core/feeds.js';
import { makeDirs, realPath, within } from '../paths.js';
import { caselessPath } from '../core/slug.js';
import { turns } from '../turns.js';
import { keepAllAside, letGo, putBack, renameInto, STAGE_PREFIX } from './_rename.js';
import type { Outputs } from '../types.js';

export interface Written {
  name: string;
  bytes: number;
  changed: boolean;
}


/** How many files are read or written at once, and how many bytes may wait to be written. */
const PARALLEL = 16;
const PARALLEL_BYTES = 48 * 1024 * 1024;

/** The stages of this process that have staged a file and not committed or aborted yet. */
const live = new Set<OutputStage>();
/** Stages of this process that committed: their files are in place. */
let committed = 0;

/** How many stages of this process have committed so far: compared before and after, it says whether a build's files are in place. */
export const committedStages = (): number => committed;

/** Whether a stage of this process is putting its files in place now (a second signal's message says so). */
export const stagesRenaming = (): boolean => [...live].some((stage) => stage.renaming);

/**
 * Stops every stage of this process that has not begun its renames: their temporary files are removed
 * and their output directories stay as they were. Says what was found:
 * - `renaming`: a stage was putting its files in place; it is left to finish (stopping midway would
 *   pair new files with the old manifest);
 * - `stopped`: a stage was stopped, nothing of it written;
 * - `idle`: no stage was at work (a build still reading, or done writing: `committedStages` tells which).
 */
export async function interruptStages(): Promise<'renaming' | 'stopped' | 'idle'> {
  let renaming = false;
  let stopped = false;
  for (const stage of live) {
    if (stage.renaming) renaming = true;
    else {
      stage.interrupted = true;
      await stage.abort();
      stopped = true;
    }
  }
  return renaming ? 'renaming' : stopped ? 'stopped' : 'idle';
}

/**
 * Stages of this process take turns per output directory: a stage waits, before it reads the directory's
 * manifest, until the one before it into the same directory has committed or aborted. Two at once
 * shared a stage directory and removed each other's files, and each would have paired its files with
 * the other's manifest.
 */
const takeTurn = turns();


/** Stages files for an atomic update of `outDir`; nothing is visible there until `commit`. */
export class OutputStage {
  readonly written: Written[] = [];
  /** Files of the previous build that this one no longer makes, removed by `commit`. */
  readonly removed: string[] = [];
  /** Those left in place, and why: a directory, or a feed's directory that is a link (see `removable`). */
  readonly kept: { file: string; why: string }[] = [];
  /** `existed`: a file was there to replace (kept aside while the renames run: renameAll). */
  private readonly pending: { name: string; tmp: string; target: string; existed: boolean }[] = [];
  /** `.dateline-stage-<pid>` once a file is staged in it. */
  private stageDir: string | undefined;
  private stageMade: Promise<void> | undefined;
  private staged = 0;
  /** Set when the renames begin: from then on the stage finishes rather than stopping. */
  renaming = false;
  /** Set by `abort`: nothing more is staged. */
  private closed = false;
  /** `commit` or `abort` was called by the stage's owner: it takes no more files. (`interruptStages` aborts a stage too: that is E_INTERRUPTED.) */
  private ended: 'committed' | 'aborted' | undefined;
  /** Stopped by `interruptStages`. */
  interrupted = false;
  private readonly retouch: { target: string; mtime: Date }[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly names = new Set<string>();
  private failure: { error: unknown; name: string } | undefined;
  private bytesInFlight = 0;
  /** Directories this stage created, removed again (when empty) if it aborts. */
  private readonly made = new Set<string>();
  /** Directories being made or made (`makeDir`). */
  private readonly making = new Map<string, Promise<void>>();
  /** Target directories checked to be writable (see `writable`). */
  private readonly checkedDirs = new Map<string, Promise<void>>();

  /** This stage's turn at its directory (`turns`): taken by the first call, ended by commit or abort. */
  private turn: Promise<() => void> | undefined;

  /** `shownAs` names the directory in messages (as the user wrote it). */
  constructor(readonly outDir: string, readonly shownAs: string = outDir) {}

  private async ownTurn(): Promise<void> {
    // By the directory the file system resolves: two paths to one directory (a symbolic link) take turns too.
    await (this.turn ??= takeTurn([realPath(resolve(this.outDir))]));
  }

  private async endTurn(): Promise<void> {
    if (this.turn !== undefined) (await this.turn)();
  }

  /**
   * The files the manifest the directory holds now lists, if any: what the previous build wrote. (First
   * the stage directories of builds that were killed are removed.)
   */
  async previousFiles(): Promise<readonly string[] | undefined> {
    await this.ownTurn();
    const names = await readdir(this.outDir).catch(() => [] as string[]);
    let killed = false;
    for (const n of names) {
      // (One that cannot be removed, another user's, is left: it is no reason to fail this build.)
      if (n.startsWith(STAGE_PREFIX) && !alive(Number(n.slice(STAGE_PREFIX.length)))) {
        await rm(join(this.outDir, n), { recursive: true, force: true }).catch(() => undefined);
        killed = true;
      }
    }
    // A killed build may also have made feed directories it never filled (a tag's, turned on since): in
    // the directories only feeds use; an empty directory of the site's own elsewhere is left alone.
    if (killed) for (const root of FEED_ROOTS) if (await removeEmptyDirs(join(this.outDir, root))) await rmdir(join(this.outDir, root)).catch(() => undefined);
    // Read as any input is: a damaged entry is passed over (its files are then not removed as stale).
    const text = await readFile(join(this.outDir, MANIFEST_FILE), 'utf8').catch(() => undefined);
    const files = text === undefined ? undefined : manifestFiles(text);
    if (killed) await removeCopiesBeside(this.outDir, files);
    return files;
  }

  /**
   * Stages one file; waits only when too many are in flight. Call `commit` (or `abort`) at the end.
   * `current` is what the target holds, when the caller has just read and checked it (a spliced feed's
   * previous document): it is compared with instead of reading the file again. `content` in pieces is
   * written as one file, the pieces one after another.
   */
  async put(name: string, content: string | Bytes, mtime?: Date, current?: Uint8Array): Promise<void> {
    this.check(name);
    if (this.closed) throw new DatelineError([diagnostic(Errors.Interrupted, { file: this.shownAs })]);
    await this.ownTurn();
    if (this.closed) throw new DatelineError([diagnostic(Errors.Interrupted, { file: this.shownAs })]);
    live.add(this);
    this.names.add(name);
    // Bounded by count and by size: a large site's monthly archives are tens of megabytes each.
    while (this.running.size >= PARALLEL || (this.running.size > 0 && this.bytesInFlight > PARALLEL_BYTES)) await Promise.race(this.running);
    if (this.closed) throw new DatelineError([diagnostic(Errors.Interrupted, { file: this.shownAs })]);
    const size = typeof content === 'string' ? content.length : byteLength(content);
    this.bytesInFlight += size;
    const task = this.stage(name, content, mtime, current).catch((error: unknown) => {
      this.failure ??= { error, name };
    });
    const tracked = task.finally(() => {
      this.running.delete(tracked);
      this.bytesInFlight -= size;
    });
    this.running.add(tracked);
  }

  /** A file the caller knows is on disk with the right bytes and mtime (from an earlier build): it is kept, not removed. */
  keep(name: string, bytes: number): void {
    this.check(name);
    this.names.add(name);
    this.written.push({ name, bytes, changed: false });
  }

  /**
   * A library caller's names are checked (the build's own are made safe): `../x` or `/etc/x` would be written
   * outside the directory. And nothing is put once the stage's commit or abort was called: it would never
   * be written.
   */
  private check(name: string): void {
    if (this.ended !== undefined && !this.interrupted) throw new DatelineError([diagnostic(Errors.StageEnded, { file: this.shownAs })]);
    if (!safeName(name)) throw new DatelineError([diagnostic(Errors.OutputName, { file: this.shownAs }, name)]);
  }

  private async stage(name: string, content: string | Bytes, mtime: Date | undefined, current: Uint8Array | undefined): Promise<void> {
    if (this.closed) return;
    const target = join(this.outDir, name);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    // A missing file is new; anything else that cannot be read (a directory in the way, no permission)
    // fails the build now, before any file is renamed into place.
    // (In a directory this stage made, nothing is there to read: a clean build's files.)
    const old = current !== undefined
      ? Buffer.from(current.buffer, current.byteOffset, current.byteLength)
      : this.made.has(dirname(target)) ? undefined : await readFile(target).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
    const changed = old === undefined || !sameBytes(old, bytes);
    this.written.push({ name, bytes: byteLength(bytes), changed });
    if (!changed) {
      if (mtime !== undefined && (await stat(target)).mtimeMs !== mtime.getTime()) this.retouch.push({ target, mtime });
      return;
    }
    await this.makeDir(dirname(target));
    // A directory the rename cannot write into (no permission, a read-only mount) fails the build now,
    // before any file is renamed into place: not midway, beside the old manifest.
    await this.writable(dirname(target));
    // Made once, by the first file that changed; the others wait for it.
    const stageDir = join(this.outDir, `${STAGE_PREFIX}${process.pid}`);
    this.stageDir = stageDir;
    await (this.stageMade ??= this.makeDir(stageDir));
    if (this.closed) return;
    const tmp = join(stageDir, String(this.staged++));
    this.pending.push({ name, tmp, target, existed: old !== undefined });
    await (isPieces(bytes) ? writePieces(tmp, bytes) : writeFile(tmp, bytes));
    if (mtime !== undefined) await utimes(tmp, mtime, mtime);
  }

  /** Checks once per directory that files can be renamed into it. */
  private writable(dir: string): Promise<void> {
    let checked = this.checkedDirs.get(dir);
    if (checked === undefined) this.checkedDirs.set(dir, (checked = access(dir, constants.W_OK | constants.X_OK)));
    return checked;
  }

  /** Makes a directory (and its parents) once, remembering the ones it made for `abort`. */
  private makeDir(dir: string): Promise<void> {
    let making = this.making.get(dir);
    if (making === undefined) {
      this.making.set(dir, (making = makeDirs(dir).then((first) => {
        if (first !== undefined) for (let d = dir; d.length >= first.length; d = dirname(d)) this.made.add(d);
      })));
      // (A failure is each waiting file's: forgotten, so that a later file tries again.)
      making.catch(() => this.making.delete(dir));
    }
    return making;
  }

  /** Throws the first staging failure (after removing every temporary file). */
  private async settle(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure !== undefined) {
      await this.abort();
      throw this.writeFailed(this.failure.error, this.failure.name);
    }
  }

  private writeFailed(e: unknown, name: string, replaced = 0, of = 0): DatelineError {
    const code = systemCode(e);
    const reason = `${name}: ${code === undefined ? failureReason(e) : withWords(code)}`;
    return new DatelineError([diagnostic(Errors.WriteFailed, { file: this.shownAs }, reason, replaced, of)], { cause: e });
  }

  /** Removes the temporary files; the directory stays as it was. */
  async abort(): Promise<void> {
    this.ended ??= 'aborted';
    try {
      await this.removeStaged();
    } finally {
      // Even when removing failed: a later stage into the directory must not wait for good.
      await this.endTurn();
    }
  }

  private async removeStaged(): Promise<void> {
    this.closed = true;
    await Promise.all(this.running);
    if (this.stageDir !== undefined) await rm(this.stageDir, { recursive: true, force: true });
    this.pending.length = 0;
    // Deepest first; a directory that holds anything (a file renamed into it before a failure) stays.
    for (const d of [...this.made].sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => undefined);
    this.made.clear();
    live.delete(this);
  }

  /**
   * Renames every staged file into place (the manifest last), fixes mtimes, and removes the files of
   * `previous` (what the old manifest lists, `previousFiles`) this build did not make. Returns what was
   * written, by name. `beforeRenames` is awaited once the stage is renaming, before its first rename, with
   * every file and whether its bytes change; it must not throw (a failure there is the caller's to report).
   */
  async commit(previous?: readonly string[], beforeRenames?: (written: readonly Written[]) => Promise<void>): Promise<Written[]> {
    if (this.ended !== undefined && !this.interrupted) throw new DatelineError([diagnostic(Errors.StageEnded, { file: this.shownAs })]);
    this.ended = 'committed';
    try {
      return await this.renameAll(previous, beforeRenames);
    } finally {
      await this.endTurn();
    }
  }

  private async renameAll(previous: readonly string[] | undefined, beforeRenames: ((written: readonly Written[]) => Promise<void>) | undefined): Promise<Written[]> {
    await this.settle();
    if (this.closed) throw new DatelineError([diagnostic(Errors.Interrupted, { file: this.shownAs })]);
    this.renaming = true;
    // (Once renaming: a signal now lets the build finish. What a build must have on disk before any file
    // of it is in place, the pings it owes the hub, is written here.)
    await beforeRenames?.(this.written);
    // The files that carry ETags go last, the manifest (`dateline serve`'s) after nginx.conf (nginx's, read
    // when nginx reloads): while the renames run, or after a build killed among them, a server never pairs
    // a new ETag with old bytes (which would be answered 304 for good). `dateline serve` checks each file's
    // hash against the manifest's ETag.
    // nginx.conf's marker (`_config/etags-<hash>`, hosting/nginx.ts) goes after them all, and any other
    // (the previous build's) is removed before any of them: while the previous nginx.conf is nginx's, it
    // sends no ETags. Also when this stage writes no nginx.conf (a library caller writing some files), so
    // that the ETags are off until a build writes one again (review).
    const marker = (name: string): boolean => name.startsWith(ETAGS_MARKER_PREFIX) && !name.includes('/', ETAGS_MARKER_PREFIX.length);
    const last = (p: { name: string }): number => (marker(p.name) ? 3 : p.name === MANIFEST_FILE ? 2 : p.name === NGINX_CONF_FILE ? 1 : 0);
    const ordered = [...this.pending].sort((a, b) => last(a) - last(b) || (a.name < b.name ? -1 : 1));
    const oldMarkers = ordered.length === 0 ? [] : await otherMarkers(this.outDir, this.names);
    // Every file to be replaced is kept aside first (_rename.ts), so that a rename that fails puts the
    // previous output back: all of it, or (a file that could not be kept) none, as the ETags' order needs.
    // (A marker that cannot be kept aside is removed all the same, and not put back: nginx's ETags off is
    // safe. A directory by a marker's name stops the build, as one where a file to be replaced was.)
    const keptMarkers = oldMarkers.length === 0 ? undefined : keepAllAside(oldMarkers);
    if (keptMarkers !== undefined && 'blocked' in keptMarkers) {
      await this.abort();
      throw this.writeFailed(keptMarkers.error, relative(this.outDir, keptMarkers.blocked));
    }
    const asideMarkers = keptMarkers ?? new Map<string, string>();
    const removed: string[] = [];
    for (const m of oldMarkers) {
      try {
        await rm(m, { force: true });
        removed.push(m);
      } catch (e) {
        putBack(removed, asideMarkers);
        await this.abort();
        throw this.writeFailed(e, relative(this.outDir, m));
      }
    }
    const removedAt = performance.now();
    const kept = keepAllAside(ordered.filter((p) => p.existed).map((p) => p.target));
    if (kept !== undefined && 'blocked' in kept) {
      // A directory where a file to be replaced was: its rename would fail, so none is made.
      putBack(removed, asideMarkers);
      await this.abort();
      throw this.writeFailed(kept.error, ordered.find((p) => p.target === kept.blocked)?.name ?? kept.blocked);
    }
    // (Without an undo, the markers removed stay removed: nginx's ETags off until the next build is safe.)
    if (kept === undefined) letGo(asideMarkers);
    // (A request nginx was answering as the marker went, which found it there, opens its file a moment
    // later: it gets the previous bytes, not the new ones under the previous ETag.)
    if (removed.length > 0) await new Promise((r) => setTimeout(r, Math.max(0, MARKER_GRACE_MS - (performance.now() - removedAt))));
    const done: string[] = [];
    for (const [i, p] of ordered.entries()) {
      try {
        await renameInto(p.tmp, p.target);
        done.push(p.target);
      } catch (e) {
        // Every target was read (or found missing) while staging, so this is rare: something changed
        // the directory since (a directory put in the way, a file made immutable).
        // (The files first; the markers back only when every file is: one left new under a marker put
        // back would go out under its old ETag. Review.)
        const left = kept === undefined ? done.length : putBack(done, kept);
        if (kept !== undefined && left === 0) putBack(removed.filter((m) => asideMarkers.has(m)), asideMarkers);
        else letGo(asideMarkers);
        this.pending.splice(0, this.pending.length, ...ordered.slice(i));
        await this.abort();
        throw this.writeFailed(e, p.name, left, ordered.length);
      }
    }
    if (kept !== undefined) {
      letGo(kept);
      letGo(asideMarkers);
    }
    this.pending.length = 0;
    if (this.stageDir !== undefined) await rm(this.stageDir, { recursive: true, force: true });
    live.delete(this);
    committed += 1;
    for (const r of this.retouch) await utimes(r.target, r.mtime, r.mtime);
    if (previous !== undefined) await this.removeStale(previous);
    return [...this.written].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Whether a stale feed file may be removed: a file (or a link) that is there, in the output's root or in
   * a feed's directory that is a directory of its own, not a link (a build makes them so), lying where its
   * root (`sections/`, `archive/`: a root may be a link, to another disk) leads. Not a directory a damaged
   * manifest names, nor what a link to elsewhere, or to another feed's directory, leads to.
   */
  private async removable(file: string, path: string, sameNameAs: string | undefined): Promise<boolean> {
    const st = await lstat(path).catch(() => undefined);
    if (st === undefined) return false;
    if (st.isDirectory()) return this.leave(file, 'it is a directory');
    // A name this build wrote but for case or composition: where the file system folds names, the same file.
    // (Inodes as bigints: NTFS's 64-bit file ids do not fit a double.)
    if (sameNameAs !== undefined) {
      const [was, now] = await Promise.all([lstat(path, { bigint: true }), lstat(join(this.outDir, sameNameAs), { bigint: true })]).catch(() => []);
      if (was !== undefined && now !== undefined && now.ino === was.ino && now.dev === was.dev) return false;
    }
    const [root, feed] = file.split('/');
    if (root === undefined || feed === undefined) return true;
    const dir = join(this.outDir, root, feed);
    if ((await lstat(dir).catch(() => undefined))?.isDirectory() !== true) return this.leave(file, `${root}/${feed} is a link, which a build does not make`);
    const [realDir, realRoot] = await Promise.all([realpath(dir), realpath(join(this.outDir, root))]).catch(() => []);
    if (realDir !== undefined && realRoot !== undefined && realDir !== realRoot && within(realDir, realRoot)) return true;
    return this.leave(file, `${root}/${feed} lies outside ${root}/`);
  }

  /** Notes a stale file left in place (`kept`), and says no. */
  private leave(file: string, why: string): false {
    this.kept.push({ file, why });
    return false;
  }

  private async removeStale(previous: readonly string[]): Promise<void> {
    // (Feed files' names, `isFeedFile`: plain relative ones, in the root or a feed's directory.) A name that
    // is one of this build's but for case (as NTFS and APFS compare names) or composition may be the same file.
    const stale = previous.filter((file) => !this.names.has(file));
    const written = stale.length === 0 ? new Map<string, string>() : new Map([...this.names].map((n) => [caselessPath(n.normalize('NFC')), n]));
    const dirs = new Set<string>();
    for (const file of [...new Set(stale)].sort()) {
      const path = join(this.outDir, file);
      if (!(await this.removable(file, path, written.get(caselessPath(file.normalize('NFC')))))) continue;
      // (One that cannot be removed is no reason to fail the build: it is said, as one left in place.)
      const failed = await rm(path, { force: true }).then(() => undefined, (e: NodeJS.ErrnoException) => e.code ?? e.message);
      if (failed !== undefined) {
        this.leave(file, `it could not be removed: ${failed}`);
        continue;
      }
      this.removed.push(file);
      for (let d = dirname(file); d !== '.' && d !== ''; d = dirname(d)) dirs.add(d);
    }
    // Deepest first, so that a directory emptied by removing its subdirectories goes too.
    for (const d of [...dirs].sort((a, b) => b.split('/').length - a.split('/').length)) await rmdir(join(this.outDir, d)).catch(() => undefined);
  }
}

/**
 * Removes what a killed build left beside its targets (_rename.ts): the copies it was making in directories
 * on another file system, and the files it replaced, kept aside until its renames were done. The hidden
 * files of a dead build in each directory the previous build wrote feeds to, in `_config/` and under the
 * feeds' own directories (one the killed build made).
 */
async function removeCopiesBeside(outDir: string, listed: readonly string[] | undefined): Promise<void> {
  const dirs = new Set<string>(['.', dirname(NGINX_CONF_FILE)]);
  for (const file of listed ?? []) dirs.add(dirname(file));
  for (const root of FEED_ROOTS) {
    const under = await readdir(join(outDir, root), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of under) if (e.isDirectory()) dirs.add(relative(outDir, join(e.parentPath ?? e.path, e.name)));
  }
  for (const d of dirs) {
    for (const n of await readdir(join(outDir, d)).catch(() => [] as string[])) {
      // (A copy made across file systems, `<pid>-name`, or a replaced file kept aside, `<pid>~name`: _rename.ts.)
      const pid = n.startsWith(STAGE_PREFIX) ? /^(\d+)[-~]/.exec(n.slice(STAGE_PREFIX.length))?.[1] : undefined;
      if (pid !== undefined && !alive(Number(pid))) await rm(join(outDir, d, n), { force: true }).catch(() => undefined);
    }
  }
}

/** Removes every empty directory under `dir` (not `dir` itself), deepest first. */
async function removeEmptyDirs(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (entries === undefined) return false;
  let left = entries.length;
  for (const e of entries) {
    if (e.isDirectory() && (await removeEmptyDirs(join(dir, e.name))) && (await rmdir(join(dir, e.name)).then(() => true, () => false))) left -= 1;
  }
  return left === 0;
}

/**
 * A relative path of named parts, `/`-separated: no name of a place outside the directory, or of the
 * directory itself (links inside it are followed: a feed root may be a link the desk made), nor of a
 * stage's own temporary files (a part named like them, at any depth: a later build removes those of a dead one).
 */
function safeName(name: string): boolean {
  if (name === '' || name.includes('\0') || isAbsolute(name) || name.includes('\\')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith(STAGE_PREFIX));
}

/**
 * Writes a whole build at once. `shownAs` names the directory in messages (as the user wrote it); it
 * defaults to `outDir`. `mtimes` maps file names to the mtime each must have (the build's `mtimes`).
 * `onWait` hears of a build or another call holding the directory, as `runBuild`'s does (once, after a
 * second of waiting).
 */
export async function writeOutputs(
  outDir: string,
  outputs: Outputs,
  shownAs: string = outDir,
  mtimes: ReadonlyMap<string, Date> = new Map(),
  { onWait }: { onWait?: OnWait } = {},
): Promise<Written[]> {
  // Every name is checked before the turn is taken: a bad one stops the call with nothing staged.
  const bad = [...outputs.keys()].filter((name) => !safeName(name));
  if (bad.length > 0) throw new DatelineError(bad.map((name) => diagnostic(Errors.OutputName, { file: shownAs }, name)));
  // Under the directory's lock, as a build writes (locks.ts): a library caller and a build, or two
  // callers in two processes, take turns.
  const unlock = await lockDirectories([realPath(resolve(outDir))], onWait);
  try {
    const stage = new OutputStage(outDir, shownAs);
    try {
      const previous = await stage.previousFiles();
      for (const [name, content] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) await stage.put(name, content, mtimes.get(name));
      return await stage.commit(previous);
    } catch (e) {
      // (A failed commit has ended its turn; anything before it ends it here, and removes what was staged.)
      await stage.abort();
      throw e;
    }
  } finally {
    unlock();
  }
}

/**
 * How long after removing the previous marker the first file is renamed: for a request nginx checked the
 * marker for just before (its rewrite phase) and opens the file for in the same turn of its event loop.
 * Not for one that limit_req or auth_request hold between the two (the snippet's comment says so: review).
 */
const MARKER_GRACE_MS = 3;

/** The markers of nginx.confs in the output (`_config/etags-…`) that are not among `names` (this stage's), as paths. */
async function otherMarkers(outDir: string, names: ReadonlySet<string>): Promise<string[]> {
  const sub = dirname(ETAGS_MARKER_PREFIX);
  const prefix = ETAGS_MARKER_PREFIX.slice(sub.length + 1);
  const found = await readdir(join(outDir, sub)).catch(() => [] as string[]);
  return found.filter((n) => n.startsWith(prefix) && !names.has(`${sub}/${n}`)).map((n) => join(outDir, sub, n));
}

/** Writes a new file from pieces, one after another, in one `writev` (libuv writes what a short write left). */
async function writePieces(path: string, pieces: readonly Uint8Array[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    const { bytesWritten } = await file.writev([...pieces]);
    const expected = byteLength(pieces);
    if (bytesWritten !== expected) throw Object.assign(new Error(`wrote ${bytesWritten} of ${expected} bytes to ${path}`), { code: 'EIO' });
  } finally {
    await file.close();
  }
}
