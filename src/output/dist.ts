/**
 * Writes a build into the output directory without ever leaving it half-written: every file is first
 * written beside its target under a temporary name, and only when all of them are on disk are they
 * renamed into place (rename is atomic on POSIX). A file whose bytes did not change is not touched.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DatelineError, diagnostic, Errors } from '../errors.js';
import type { Outputs } from '../types.js';

export interface Written {
  name: string;
  bytes: number;
  changed: boolean;
}

/** `shownAs` names the directory in messages (as the user wrote it); it defaults to `outDir`. */
export async function writeOutputs(outDir: string, outputs: Outputs, shownAs: string = outDir): Promise<Written[]> {
  const written: Written[] = [];
  const pending: { tmp: string; target: string }[] = [];
  try {
    for (const [name, text] of [...outputs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const target = join(outDir, name);
      const bytes = Buffer.from(text, 'utf8');
      const old = await readFile(target).catch(() => undefined);
      const changed = old === undefined || !old.equals(bytes);
      written.push({ name, bytes: bytes.length, changed });
      if (!changed) continue;
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${name.split('/').pop()}.${process.pid}.tmp`);
      pending.push({ tmp, target });
      await writeFile(tmp, bytes);
    }
  } catch (e) {
    await Promise.all(pending.map((p) => rm(p.tmp, { force: true })));
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DatelineError([diagnostic(Errors.WriteFailed, { file: shownAs }, reason)], { cause: e });
  }
  for (const p of pending) await rename(p.tmp, p.target);
  return written;
}
