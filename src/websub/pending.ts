/**
 * Pings still to send, remembered in the build cache's directory (`pings.json`) so that the next
 * `build --ping` sends them: one that failed (the hub down), and the feeds a build without --ping changed
 * (a preview, a `serve --watch` rebuild). Best effort, like the cache: a missing or damaged file means
 * nothing is pending, and a file that cannot be written is reported by the caller.
 *
 * Builds change the file under the cache directory's lock (locks.ts), each reading it again there: a
 * build that pinged removes only the entries it read before pinging and sent, and only when no build has
 * added them again since (each entry carries the mark of the build that added it last). QA: a `build
 * --ping` that finished while another build remembered its changed feeds wrote its own list over theirs,
 * and those feeds were never pinged.
 */
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDirectories, type OnWait } from '../locks.js';
import { realPath } from '../paths.js';

const PENDING_FILE = 'pings.json';

/** Pending pings to one hub: each feed URL, with the mark of the build that added it last. */
export type Pending = ReadonlyMap<string, string>;

/** The pings pending for `hub` (none for another hub, or a file that is not one of these). */
export function readPending(cacheDir: string, hub: string): Pending {
  const out = new Map<string, string>();
  try {
    const data = JSON.parse(readFileSync(join(cacheDir, PENDING_FILE), 'utf8')) as { hub?: unknown; urls?: unknown; marks?: unknown };
    if (data.hub !== hub || !Array.isArray(data.urls)) return out;
    const marks = typeof data.marks === 'object' && data.marks !== null ? (data.marks as Record<string, unknown>) : {};
    for (const url of data.urls) {
      if (typeof url !== 'string') continue;
      const mark = Object.hasOwn(marks, url) ? marks[url] : undefined;
      out.set(url, typeof mark === 'string' ? mark : '');
    }
  } catch {
    // (Nothing pending.)
  }
  return out;
}

let added = 0;
/** A mark no other build's entry has: this process's, and a count. */
const newMark = (): string => `${process.pid}.${Date.now()}.${++added}`;

/** Adds pings to send (a build that changed these feeds and did not tell the hub). */
export async function addPending(cacheDir: string, hub: string, urls: readonly string[], onWait?: OnWait): Promise<void> {
  await update(cacheDir, hub, onWait, (pending) => {
    for (const url of urls) pending.set(url, newMark());
  });
}

/**
 * After a build's pings: removes what it read before pinging (`read`) and has now dealt with (`done`: sent,
 * refused, or for a feed the site no longer has), unless a build added it again since; adds `failed`.
 */
export async function settlePending(cacheDir: string, hub: string, read: Pending, done: ReadonlySet<string>, failed: readonly string[], onWait?: OnWait): Promise<void> {
  await update(cacheDir, hub, onWait, (pending) => {
    for (const [url, mark] of read) if (done.has(url) && pending.get(url) === mark) pending.delete(url);
    for (const url of failed) pending.set(url, newMark());
  });
}

/**
 * Adds pings to send, from a build that holds the cache directory's lock (pipeline/build.ts, before it puts
 * its files in place: a build stopped at once, or killed, after that leaves them for the next --ping).
 */
export async function addPendingHeld(cacheDir: string, hub: string, urls: readonly string[]): Promise<void> {
  await change(cacheDir, hub, (pending) => {
    for (const url of urls) pending.set(url, newMark());
  });
}

/**
 * Reads the file again under the cache directory's lock (a build holds it while it runs: `onWait` is told
 * of the wait), changes it, and writes it (removes it when none are left).
 */
async function update(cacheDir: string, hub: string, onWait: OnWait | undefined, edit: (pending: Map<string, string>) => void): Promise<void> {
  const unlock = await lockDirectories([realPath(cacheDir)], onWait);
  try {
    await change(cacheDir, hub, edit);
  } finally {
    unlock();
  }
}

/** Reads the file, changes it and writes it, atomically; the caller holds the cache directory's lock. */
async function change(cacheDir: string, hub: string, edit: (pending: Map<string, string>) => void): Promise<void> {
  const pending = new Map(readPending(cacheDir, hub));
  edit(pending);
  const file = join(cacheDir, PENDING_FILE);
  if (pending.size === 0) {
    await rm(file, { force: true });
    return;
  }
  const urls = [...pending.keys()].sort();
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify({ hub, urls, marks: Object.fromEntries(urls.map((u) => [u, pending.get(u)])) })}\n`);
    await rename(tmp, file);
  } catch (e) {
    // (A disk full midway leaves no temporary file behind: every build writes here now. Review.)
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
