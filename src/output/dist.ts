/**
 * Writes a build into the output directory without ever leaving it half-written: every file is first
 * written beside its target under a temporary name, and only when all of them are on disk are they
 * renamed into place (rename is atomic on POSIX). A file whose bytes did not change is not rewritten.
 *
 * Files listed in `mtimes` (the feeds and their siblings) get that mtime, their Last-Modified, so that a
 * static server's Last-Modified (and nginx's If-Modified-Since check) agrees with the manifest: a new
 * file before it is renamed into place, an unchanged one in place (its bytes stay untouched).
 */
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DatelineError, diagnostic, Errors } from '../errors.js';
import { MANIFEST_FILE } from '../hosting/index.js';
import type { Outputs } from '../types.js';

export interface Written {
  name: string;
  bytes: number;
  changed: boolean;
}

/**
 * `shownAs` names the directory in messages (as the user wrote it); it defaults to `outDir`. `mtimes`
 * maps file names to the mtime each must have (the build's `mtimes`).
 */
export async function writeOutputs(
  outDir: string,
  outputs: Outputs,
  shownAs: string = outDir,
  mtimes: ReadonlyMap<string, Date> = new Map(),
): Promise<Written[]> {
  const written: Written[] = [];
  const pending: { name: string; tmp: string; target: string }[] = [];
  const retouch: { target: string; mtime: Date }[] = [];
  try {
    for (const [name, content] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(outDir, name);
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      const mtime = mtimes.get(name);
      const old = await readFile(target).catch(() => undefined);
      const changed = old === undefined || !old.equals(bytes);
      written.push({ name, bytes: bytes.length, changed });
      if (!changed) {
        if (mtime !== undefined && (await stat(target)).mtimeMs !== mtime.getTime()) retouch.push({ target, mtime });
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${name.split('/').pop()}.${process.pid}.tmp`);
      pending.push({ name, tmp, target });
      await writeFile(tmp, bytes);
      if (mtime !== undefined) await utimes(tmp, mtime, mtime);
    }
  } catch (e) {
    await Promise.all(pending.map((p) => rm(p.tmp, { force: true })));
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DatelineError([diagnostic(Errors.WriteFailed, { file: shownAs }, reason)], { cause: e });
  }
  // The manifest goes last: while the renames run, a server may pair an old ETag with new bytes (the next
  // poll gets a 200 and heals it), never a new ETag with old bytes (which would be answered 304 for good).
  const last = (p: { name: string }): number => (p.name === MANIFEST_FILE ? 1 : 0);
  for (const p of [...pending].sort((a, b) => last(a) - last(b))) await rename(p.tmp, p.target);
  for (const r of retouch) await utimes(r.target, r.mtime, r.mtime);
  return written;
}
