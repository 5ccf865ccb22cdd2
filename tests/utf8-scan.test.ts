/**
 * The byte scan for characters XML forbids (src/sources/_utf8-scan.ts) against the text's own check
 * (`mayHoldForbidden` on the decoded text): "none" from the bytes must mean none in the text, and it
 * should say "may hold" only where the text does (else it saves nothing). So the two must agree exactly.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { mayHoldForbidden } from '../src/core/_text.js';
import { utf8MayHoldForbidden } from '../src/sources/_utf8-scan.js';

const textSays = (bytes: Uint8Array): boolean => mayHoldForbidden(Buffer.from(bytes).toString('utf8'));

/** `seq` at `at` in printable ASCII of `length` bytes. */
function placed(seq: readonly number[], at: number, length: number): Uint8Array {
  const b = new Uint8Array(length).fill(0x61);
  b.set(seq, at);
  return b;
}

/** Where a sequence can sit against the scanner's sixteen-byte blocks: at a block's start, across its end, at the text's end. */
const PLACES = [[0, 8], [14, 20], [15, 17], [15, 31], [16, 40], [30, 32]] as const;

describe('the byte scan for characters XML forbids', () => {
  it('runs here (WebAssembly with vector instructions)', () => {
    expect(utf8MayHoldForbidden(new Uint8Array([0x61]))).toBe(false);
    expect(utf8MayHoldForbidden(new Uint8Array([0x01]))).toBe(true);
  });

  it('agrees with the text on every one- and two-byte sequence, wherever it sits in a block', () => {
    for (let x = 0; x < 256; x++) {
      for (let y = 0; y < 256; y++) {
        for (const [at, length] of PLACES) {
          const bytes = placed([x, y], Math.min(at, length - 2), length);
          if (utf8MayHoldForbidden(bytes) !== textSays(bytes)) expect.fail(`${x.toString(16)} ${y.toString(16)} at ${at} of ${length}`);
        }
      }
      const alone = placed([x], 0, 1);
      expect(utf8MayHoldForbidden(alone), x.toString(16)).toBe(textSays(alone));
    }
  });

  it('agrees on every three-byte sequence that could spell U+FFFE or U+FFFF, or one of their near misses', () => {
    for (let x = 0xe0; x < 0x100; x++) {
      for (let y = 0x80; y < 0xc0; y++) {
        for (let z = 0; z < 256; z++) {
          for (const [at, length] of [[14, 17], [15, 18], [13, 16]] as const) {
            const bytes = placed([x, y, z], at, length);
            if (utf8MayHoldForbidden(bytes) !== textSays(bytes)) expect.fail(`${x.toString(16)} ${y.toString(16)} ${z.toString(16)} at ${at} of ${length}`);
          }
        }
      }
    }
  });

  it('agrees on random bytes, mostly text, of any length (larger than its memory too)', () => {
    const byte = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
      { weight: 1, arbitrary: fc.constantFrom(0x0a, 0x09, 0x0d, 0xc2, 0xef, 0xbf, 0xbe, 0x80, 0x9f, 0xed, 0xf0) });
    fc.assert(fc.property(fc.array(byte, { maxLength: 200 }), (xs) => {
      const bytes = Uint8Array.from(xs);
      expect(utf8MayHoldForbidden(bytes)).toBe(textSays(bytes));
    }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
      const bytes = Buffer.from(s, 'utf8');
      expect(utf8MayHoldForbidden(bytes)).toBe(textSays(bytes));
    }), { numRuns: 5_000 });
    // A text longer than the scanner's first memory page, with the one bad character last, then first.
    const long = new Uint8Array(200_000).fill(0x61);
    expect(utf8MayHoldForbidden(long)).toBe(false);
    long[long.length - 1] = 0x0b;
    expect(utf8MayHoldForbidden(long)).toBe(true);
    long[long.length - 1] = 0x61;
    long.set([0xef, 0xbf, 0xbf], 0);
    expect(utf8MayHoldForbidden(long)).toBe(true);
    // And a short one after it: nothing left over from the long one counts.
    expect(utf8MayHoldForbidden(new Uint8Array([0x61, 0x62]))).toBe(false);
  });

  it('grows its memory right at the edge of a page (a fresh scanner, lengths around 64 KiB)', async () => {
    vi.resetModules();
    const fresh = (await import('../src/sources/_utf8-scan.js')).utf8MayHoldForbidden;
    for (let length = 65_536 - 40; length <= 65_536 + 8; length++) {
      const bytes = new Uint8Array(length).fill(0x61);
      expect(fresh(bytes), `${length}`).toBe(false);
      bytes[length - 1] = 0x7f;
      expect(fresh(bytes), `${length}`).toBe(true);
    }
  });

  it('leaves texts over a megabyte, and a process without WebAssembly, to the check of the text; a failure is not retried', async () => {
    expect(utf8MayHoldForbidden(new Uint8Array((1 << 20) + 1).fill(0x61))).toBeUndefined();
    const real = (globalThis as { WebAssembly?: { Module: unknown } }).WebAssembly;
    let tries = 0;
    try {
      vi.resetModules();
      // As when the memory cannot be reserved (a low `ulimit -v`): compiling works, instantiating throws.
      (globalThis as { WebAssembly?: unknown }).WebAssembly = { Module: real?.Module, Instance: class { constructor() { tries += 1; throw new RangeError('no memory'); } } };
      const failing = (await import('../src/sources/_utf8-scan.js')).utf8MayHoldForbidden;
      expect(failing(new Uint8Array([0x61]))).toBeUndefined();
      expect(failing(new Uint8Array([0x01]))).toBeUndefined();
      expect(tries).toBe(1);
      vi.resetModules();
      (globalThis as { WebAssembly?: unknown }).WebAssembly = undefined;
      const none = (await import('../src/sources/_utf8-scan.js')).utf8MayHoldForbidden;
      expect(none(new Uint8Array([0x01]))).toBeUndefined();
    } finally {
      (globalThis as { WebAssembly?: unknown }).WebAssembly = real;
    }
  });
});
