/**
 * Validators and precompressed representations of a built file. Pure computation: hashing and zlib are
 * deterministic, so the same bytes give the same ETag and the same `.gz`/`.br` bytes on every machine
 * running the same Node release (zlib and brotli are bundled with Node; a different release may compress
 * differently, and then each variant's ETag differs with its bytes, as it must).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Strong ETag of some bytes, quoted: `"sha256-"` and the first 22 characters (132 bits) of the base64url
 * SHA-256. It depends on the bytes alone, unlike nginx's default (mtime and size in hex) or Apache's
 * (inode too), so replicas that build the same records agree.
 */
export function strongEtag(bytes: Uint8Array): string {
  return `"sha256-${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
}

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
  const out = gzipSync(bytes, { level: 9 });
  out[GZIP_OS] = OS_UNIX;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Brotli at quality 11, text mode, default window (22 bits), with the size hint fixed by the input. */
export function brotli(bytes: Uint8Array): Uint8Array {
  const out = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
