/**
 * Which code is running, for the build cache: a hash of Dateline's own sources (or of the bundle that
 * bin/dateline.js runs), the package version and the Node.js release (whose zlib makes the `.gz`/`.br`
 * bytes). A cache written by any other code is ignored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../cache/store.js';

let memo: string | undefined;

export function codeVersion(): string {
  if (memo !== undefined) return memo;
  const here = fileURLToPath(import.meta.url);
  const parts: string[] = [process.version];
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources: every file under src/.
    const src = dirname(dirname(here));
    for (const f of (readdirSync(src, { recursive: true }) as string[]).filter((n) => n.endsWith('.ts')).sort()) {
      parts.push(f, sha256(readFileSync(join(src, f))));
    }
  } else {
    parts.push(sha256(readFileSync(here)));
  }
  memo = sha256(parts.join('\n')).slice(0, 22);
  return memo;
}
