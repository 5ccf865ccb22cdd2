/**
 * Pings that failed, remembered in the build cache's directory (`pings.json`) so that the next
 * `build --ping` sends them again: a hub that was down when a feed changed still hears of it, though
 * the next build finds nothing changed. Best effort, like the cache: a missing or damaged file means
 * nothing is pending, and a file that cannot be written is reported by the caller.
 */
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDirs } from '../paths.js';

const PENDING_FILE = 'pings.json';

/** The feed URLs whose ping to `hub` failed last time (none for another hub). */
export function readPending(cacheDir: string, hub: string): string[] {
  try {
    const data = JSON.parse(readFileSync(join(cacheDir, PENDING_FILE), 'utf8')) as { hub?: unknown; urls?: unknown };
    if (data.hub !== hub || !Array.isArray(data.urls)) return [];
    return data.urls.filter((u): u is string => typeof u === 'string');
  } catch {
    return [];
  }
}

/** Remembers the URLs still to ping (removes the file when there are none). */
export async function writePending(cacheDir: string, hub: string, urls: readonly string[]): Promise<void> {
  const file = join(cacheDir, PENDING_FILE);
  if (urls.length === 0) {
    await rm(file, { force: true });
    return;
  }
  await makeDirs(dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ hub, urls: [...urls].sort() })}\n`);
  await rename(tmp, file);
}
