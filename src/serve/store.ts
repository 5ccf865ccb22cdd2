/**
 * Where the handler gets what it serves. `FeedStore` is the seam (tests and other hosts can give their
 * own); `directoryStore(root)` is the one over a build's output directory: it reads the manifest the build
 * writes (`_dateline.json`, re-read when it changes on disk) and the files themselves, per request, and
 * never anything outside `root`.
 */
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { within } from '../paths.js';
import type { Manifest, ServedFile } from '../types.js';
import { isServableName, MANIFEST_FILE, parseManifest } from '../hosting/index.js';

/** What is at a path: a built file the manifest describes, or a plain file typed by its extension. */
export type StoreEntry =
  | { kind: 'built'; name: string; served: ServedFile }
  | { kind: 'static'; name: string; type: string; bytes: number; lastModified: Date };

export interface FeedStore {
  /**
   * The entry for `name` (a relative path with `/` separators, already checked by `isServableName`), or
   * undefined when nothing servable is there. Reads no file bytes: a 304 or a HEAD needs none.
   */
  lookup(name: string): Promise<StoreEntry | undefined>;
  /** The bytes of `file` (relative to the root, as the manifest names files), or undefined when unreadable. */
  read(file: string): Promise<Uint8Array | undefined>;
  /**
   * Whether `file` (a precompressed sibling the manifest names) is there to read, without reading it. A HEAD
   * or a 304 then names the coding a GET would send. Optional: without it the manifest is trusted.
   */
  has?(file: string): Promise<boolean>;
  /** Every file the manifest describes, by name (empty without a manifest): the generated index lists them. */
  files(): Promise<Record<string, ServedFile>>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  // The registered type (W3C XSLT 2.0, appendix B.1); as a +xml type every browser's XSLT loader takes it.
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.xslt': 'application/xslt+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // RFC 8259 §11: application/json has no charset parameter.
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.gz': 'application/gzip',
};

/** Media type of a file the manifest does not describe, by extension. */
function mediaTypeFor(name: string): string {
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

// ----- The directory store -----


/**
 * A store over a directory. Every file is opened per request, so a file replaced by an atomic rename (as
 * the build does) is seen whole: old or new, never torn. The manifest is cached and re-read when its
 * inode, size or mtime changes.
 */
export function directoryStore(root: string): FeedStore {
  const base = resolve(root);
  let cached: { key: string; manifest: Manifest | undefined } | undefined;

  /** The real path of `name` under the root, or undefined when it is missing or resolves outside the root. */
  async function locate(name: string): Promise<string | undefined> {
    try {
      // The root is resolved each time: it may be a symlink, or be created by a build after the server starts.
      const realRoot = await realpath(base);
      const real = await realpath(join(realRoot, ...name.split('/')));
      // Where a link from a servable name leads must be servable too: `feed.txt -> .env` or a link into
      // `.dateline-stage-*` is not. (The store's own reads, the manifest, are of names no request may use.)
      const servable = !isServableName(name) || isServableName(relative(realRoot, real).split(sep).join('/'));
      return within(real, realRoot) && real !== realRoot && servable ? real : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Opens a regular file for reading. O_NOFOLLOW refuses a symlink swapped in after `locate` resolved the
   * path; O_NONBLOCK keeps a FIFO from hanging the open (it is then refused as not a regular file).
   */
  async function openFile(real: string): Promise<{ bytes: Uint8Array; stats: Stats } | undefined> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const stats = await handle.stat();
      if (!stats.isFile()) return undefined;
      return { bytes: await handle.readFile(), stats };
    } catch {
      return undefined;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  async function manifest(): Promise<Manifest | undefined> {
    const real = await locate(MANIFEST_FILE);
    if (real === undefined) {
      cached = undefined;
      return undefined;
    }
    const key = (s: Stats): string => `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    const now = await stat(real).catch(() => undefined);
    if (now !== undefined && cached?.key === key(now)) return cached.manifest;
    const file = await openFile(real);
    if (file === undefined) return undefined;
    // Keyed by the stats of the handle that was read, so a rename between stat and open costs one re-read at most.
    cached = { key: key(file.stats), manifest: parseManifest(Buffer.from(file.bytes).toString('utf8')) };
    return cached.manifest;
  }

  return {
    async lookup(name) {
      if (!isServableName(name)) return undefined;
      const served = (await manifest())?.files[name];
      if (served !== undefined) return { kind: 'built', name, served };
      const real = await locate(name);
      if (real === undefined) return undefined;
      const stats = await stat(real).catch(() => undefined);
      if (stats === undefined || !stats.isFile()) return undefined;
      return { kind: 'static', name, type: mediaTypeFor(name), bytes: stats.size, lastModified: new Date(Math.floor(stats.mtimeMs / 1000) * 1000) };
    },
    async read(file) {
      if (!isServableName(file)) return undefined;
      const real = await locate(file);
      return real === undefined ? undefined : (await openFile(real))?.bytes;
    },
    async has(file) {
      if (!isServableName(file)) return false;
      const real = await locate(file);
      if (real === undefined) return false;
      const stats = await stat(real).catch(() => undefined);
      return stats?.isFile() === true;
    },
    async files() {
      return { ...(await manifest())?.files };
    },
  };
}
