/**
 * Validators and precompressed representations of a built file. Pure computation: hashing and zlib are
 * deterministic, so the same bytes give the same ETag and the same `.gz`/`.br` bytes on every machine
 * running the same Node release (zlib and brotli are bundled with Node; a different release may compress
 * differently, and then each variant's ETag differs with its bytes, as it must).
 */
import { createHash } from 'node:crypto';
import { brotliCompress, brotliCompressSync, constants, gzip as gzipAsync_, gzipSync, type BrotliOptions } from 'node:zlib';

/**
 * Strong ETag of some bytes, quoted: `"sha256-"` and the first 22 characters (132 bits) of the base64url
 * SHA-256. It depends on the bytes alone, unlike nginx's default (mtime and size in hex) or Apache's
 * (inode too), so replicas that build the same records agree.
 */
export function strongEtag(bytes: Bytes): string {
  const hash = createHash('sha256');
  if (isPieces(bytes)) for (const piece of bytes) hash.update(piece);
  else hash.update(bytes);
  return `"sha256-${hash.digest('base64url').slice(0, 22)}"`;
}

/**
 * A file's bytes, whole or as pieces written one after another: a feed document joined from its items'
 * bytes is written from them (one `writev`), never copied into one buffer of its own.
 */
export type Bytes = Uint8Array | readonly Uint8Array[];

export const isPieces = (bytes: Bytes): bytes is readonly Uint8Array[] => Array.isArray(bytes);

export function byteLength(bytes: Bytes): number {
  if (!isPieces(bytes)) return bytes.byteLength;
  let n = 0;
  for (const piece of bytes) n += piece.byteLength;
  return n;
}

/** The bytes in one buffer (pieces copied once). */
export const wholeBytes = (bytes: Bytes): Uint8Array => (isPieces(bytes) ? Buffer.concat(bytes, byteLength(bytes)) : bytes);

/** Whether `whole` holds exactly `bytes`, compared piece by piece. */
export function sameBytes(whole: Uint8Array, bytes: Bytes): boolean {
  const pieces = isPieces(bytes) ? bytes : [bytes];
  if (whole.byteLength !== byteLength(pieces)) return false;
  let at = 0;
  for (const piece of pieces) {
    if (Buffer.compare(whole.subarray(at, at + piece.byteLength), piece) !== 0) return false;
    at += piece.byteLength;
  }
  return true;
}

/** Whether `etag` has `strongEtag`'s form, so that bytes can be checked against it. */
export const isStrongEtag = (etag: string): boolean => /^"sha256-[A-Za-z0-9_-]{22}"$/.test(etag);

/** HTTP date (IMF-fixdate, RFC 9110 §5.6.7) of an instant, cut to whole seconds: `Sat, 29 Mar 2025 23:45:00 GMT`. */
export function httpDate(instant: Date): string {
  return wholeSeconds(instant).toUTCString();
}

/** The instant cut down to a whole second, as HTTP dates and file mtimes carry it. */
export function wholeSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

/** Offset of the OS byte in a gzip member header (RFC 1952 §2.3). */
const GZIP_OS = 9;
/** "Unix", what `gzip -n` writes on Linux and Node's zlib writes there; zlib built for Windows writes 10 (NTFS). */
const OS_UNIX = 3;

/**
 * gzip at level 9. zlib already writes MTIME 0 and no file name; the OS byte is fixed here because it is
 * the one header byte that depends on the platform zlib was compiled for.
 */
export function gzip(bytes: Uint8Array): Uint8Array {
  return fixGzip(gzipSync(bytes, { level: 9 }));
}

/** The same bytes as `gzip`, computed on libuv's thread pool so that several run at once on several cores. */
export function gzipAsync(bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => gzipAsync_(bytes, { level: 9 }, (e, out) => (e === null ? resolve(fixGzip(out)) : reject(e))));
}

function fixGzip(out: Buffer): Uint8Array {
  out[GZIP_OS] = OS_UNIX;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Brotli options: text mode, default window (22 bits), the size hint fixed by the input. */
function brotliOptions(bytes: Uint8Array, quality: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  };
}

/** Brotli at `quality` (11, the best, unless told). */
export function brotli(bytes: Uint8Array, quality = 11): Uint8Array {
  const out = brotliCompressSync(bytes, brotliOptions(bytes, quality));
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The same bytes as `brotli`, computed on libuv's thread pool. */
export function brotliAsync(bytes: Uint8Array, quality = 11): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    brotliCompress(bytes, brotliOptions(bytes, quality), (e, out) => (e === null ? resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength)) : reject(e))));
}
