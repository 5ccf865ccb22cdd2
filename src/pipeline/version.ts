/**
 * Which code is running, for the build cache: a hash of Dateline's own sources and of npm's record of the
 * installed packages, or of every file of the bundle that bin/dateline.js runs (which it rebuilds when
 * either changes), and of the Node.js release (whose zlib makes the `.gz`/`.br` bytes). A cache written
 * by any other code is ignored.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../cache/state.js';

let memo: string | undefined;

export function codeVersion(): string {
  memo ??= codeVersionAt(fileURLToPath(import.meta.url));
  return memo;
}

/** The version of the code this module is part of, given its path (a `.ts` source, or a file of the bundle). */
export function codeVersionAt(here: string): string {
  const parts: string[] = [process.version];
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources: every file under src/.
    const src = dirname(dirname(here));
    for (const f of (readdirSync(src, { recursive: true }) as string[]).filter((n) => n.endsWith('.ts')).sort()) {
      parts.push(f, sha256(readFileSync(join(src, f))));
    }
    // And the installed dependencies (marked, sanitize-html… make the bytes too): npm's record of what
    // node_modules holds, with each package's version and integrity. Dateline's own, or, installed as a
    // dependency (…/node_modules/dateline/src), the project's. By content only: the same install at
    // another path (a CI checkout) is the same code.
    const root = dirname(src);
    const inModules = root.lastIndexOf(`${sep}node_modules${sep}`);
    const locks = [join(root, 'node_modules', '.package-lock.json'), ...(inModules < 0 ? [] : [join(root.slice(0, inModules), 'node_modules', '.package-lock.json')]), join(root, 'package-lock.json')];
    for (const lock of locks) {
      try {
        parts.push('installed packages', sha256(readFileSync(lock)));
        break;
      } catch {
        // not there: the next
      }
    }
  } else {
    // Running from the bundle: every script of it, since the code that writes feeds may be in another
    // chunk (not V8's code caches beside it, which runs write). A script's hash is the one bin/dateline.js
    // wrote beside it when it made the bundle (`cli.cjs.sha256`), while the script has the size and mtime
    // it had then; otherwise its bytes are hashed (1.9 MB: 10 ms of every build with a cache).
    const dir = dirname(here);
    for (const f of readdirSync(dir).filter((n) => /\.[cm]?js$/.test(n)).sort()) parts.push(f, recordedHash(join(dir, f)) ?? sha256(readFileSync(join(dir, f))));
  }
  return sha256(parts.join('\n')).slice(0, 22);
}

/** The SHA-256 written beside a script of the bundle (`<size> <mtimeMs> <hash>`), if it is still the script's. */
function recordedHash(script: string): string | undefined {
  try {
    const [size, mtimeMs, hash] = readFileSync(`${script}.sha256`, 'utf8').trim().split(' ');
    const st = statSync(script);
    return hash !== undefined && /^[\w-]{43}$/.test(hash) && String(st.size) === size && String(st.mtimeMs) === mtimeMs ? hash : undefined;
  } catch {
    return undefined;
  }
}
