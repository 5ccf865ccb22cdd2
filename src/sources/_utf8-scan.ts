/**
 * Whether a record file's bytes can decode to a character XML 1.0 forbids (the ones `stripForbidden`
 * removes), checked on the bytes, sixteen at a time, with WebAssembly's vector instructions.
 *
 * Why: every record's whole text is scanned for such characters, and the regular expression that did it
 * (about 0.85 ns a character) was an eighth of reading a record once the code is warm. On the bytes this
 * scan is about four times faster (4.4 KB: 0.8 against 3.8 µs, the copy into its memory included).
 *
 * What it looks for, in UTF-8 as Node decodes it (an invalid sequence becomes U+FFFD, which is allowed,
 * and no surrogate can come out of it): a C0 control other than tab, LF and CR; DEL; C2 80–C2 9F (the
 * C1 controls); EF BF BE and EF BF BF (U+FFFE, U+FFFF). Any of them, and the answer is "may hold" (the
 * caller then asks the regular expression, which has the last word); none, and the text certainly holds
 * none. tests/utf8-scan.test.ts compares it with the regular expression on every two-byte sequence, every
 * three-byte one that could make U+FFFE/U+FFFF, at the edges of the sixteen-byte blocks, and on random bytes.
 *
 * Without WebAssembly (`node --jitless`), for a file over MAX_BYTES, or when its memory cannot grow,
 * `utf8MayHoldForbidden` answers undefined: the caller scans the text.
 */

/** The scanner, as the WebAssembly text format would write it, one instruction group per line. */
function scannerModule(): Uint8Array {
  const [LEN, I, V0, V1, V2] = [0, 1, 2, 3, 4]; // the parameter, then the locals
  const uleb = (n: number): number[] => {
    const out: number[] = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n !== 0) b |= 0x80;
      out.push(b);
    } while (n !== 0);
    return out;
  };
  const simd = (op: number): number[] => [0xfd, ...uleb(op)];
  const get = (l: number): number[] => [0x20, l];
  const set = (l: number): number[] => [0x21, l];
  /** i32.const n (0 ≤ n < 256, as a signed LEB128), i8x16.splat */
  const splat = (n: number): number[] => [0x41, ...(n < 0x40 ? [n] : [(n & 0x7f) | 0x80, n >> 7]), ...simd(0x0f)];
  /** v128.load offset=`offset` at i */
  const load = (offset: number): number[] => [...get(I), ...simd(0x00), 0x00, offset];
  const EQ = simd(0x23); // i8x16.eq
  const LT_U = simd(0x26); // i8x16.lt_u
  const SUB = simd(0x71); // i8x16.sub
  const AND = simd(0x4e); // v128.and
  const ANDNOT = simd(0x4f); // v128.andnot
  const OR = simd(0x50); // v128.or
  const ANY_TRUE = simd(0x53); // v128.any_true
  const ALL_TRUE = simd(0x63); // i8x16.all_true
  const code = [
    0x02, 0x40, 0x03, 0x40, //                                                 block, loop
    ...get(I), ...get(LEN), 0x4f, 0x0d, 0x01, //                               br_if (i >= len) to the block's end
    ...load(0), ...set(V0), //                                                 v0 = bytes i…i+15
    ...get(V0), ...splat(0x20), ...SUB, ...splat(0x5f), ...LT_U, ...ALL_TRUE, 0x45, 0x04, 0x40, // if not all of v0 is printable ASCII:
    ...load(1), ...set(V1), ...load(2), ...set(V2), //                         v1, v2: the next bytes of each
    ...get(V0), ...splat(0x20), ...LT_U, //                                   v0 < 0x20
    ...get(V0), ...splat(0x09), ...EQ, ...get(V0), ...splat(0x0a), ...EQ, ...OR,
    ...get(V0), ...splat(0x0d), ...EQ, ...OR, ...ANDNOT, //                   but not tab, LF, CR
    ...get(V0), ...splat(0x7f), ...EQ, ...OR, //                             or DEL
    ...get(V0), ...splat(0xc2), ...EQ, ...get(V1), ...splat(0x80), ...SUB, ...splat(0x20), ...LT_U, ...AND, ...OR, // or C2 80–9F
    ...get(V0), ...splat(0xef), ...EQ, ...get(V1), ...splat(0xbf), ...EQ, ...AND,
    ...get(V2), ...splat(0x01), ...OR, ...splat(0xbf), ...EQ, ...AND, ...OR, // or EF BF BE/BF
    ...ANY_TRUE, 0x04, 0x40, 0x41, 0x01, 0x0f, 0x0b, //                       if any: return 1
    0x0b, //                                                                   end if
    ...get(I), 0x41, 0x10, 0x6a, ...set(I), 0x0c, 0x00, //                     i += 16, loop again
    0x0b, 0x0b, 0x41, 0x00, 0x0b, //                                           end loop, end block: return 0
  ];
  const body = [0x02, 0x01, 0x7f, 0x03, 0x7b, ...code]; // locals: one i32 (i), three v128, all starting at 0
  const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
  const name = (s: string): number[] => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, //                          magic, version 1
    ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), //                     type: (i32) -> i32
    ...section(3, [0x01, 0x00]), //                                            one function of that type
    ...section(5, [0x01, 0x00, 0x01]), //                                      memory: one page to start
    ...section(7, [0x02, ...name('memory'), 0x02, 0x00, ...name('scan'), 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(body.length), ...body]),
  ]);
}

/**
 * Bytes after the text, all spaces: the last block's loads reach 17 bytes past its start, so up to 15
 * bytes past the text's end are read as part of the text; spaces count as nothing. (32, to spare.)
 */
const PADDING = 32;
const PAGE = 65_536;

/** What this file uses of the WebAssembly API (the project's type libraries leave it out). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface Scanner {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan: (length: number) => number;
}

let scanner: Scanner | null | undefined;

function instantiate(): Scanner | null {
  const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    const { exports } = new wasm.Instance(new wasm.Module(scannerModule()));
    return { memory: exports['memory'] as Scanner['memory'], scan: exports['scan'] as Scanner['scan'] };
  } catch {
    return null;
  }
}

/**
 * The largest text scanned on its bytes. A WebAssembly memory never shrinks, and record files are a few
 * kilobytes: a larger one is left to the text's own check rather than kept room for (in a long-running
 * `dateline serve` too).
 */
const MAX_BYTES = 1 << 20;

/**
 * Whether the UTF-8 text of `bytes` may hold a character XML forbids: false when it certainly holds none,
 * true when it may (the text's own check decides), undefined when this scan cannot say (no WebAssembly,
 * no memory for it, or more than MAX_BYTES).
 */
export function utf8MayHoldForbidden(bytes: Uint8Array): boolean | undefined {
  // Instantiated once per thread; a failure is remembered, not retried for every record.
  if (scanner === undefined) scanner = instantiate();
  if (scanner === null || bytes.length > MAX_BYTES) return undefined;
  const { memory, scan } = scanner;
  const need = bytes.length + PADDING - memory.buffer.byteLength;
  if (need > 0) {
    try {
      memory.grow(Math.ceil(need / PAGE));
    } catch {
      return undefined;
    }
  }
  const view = new Uint8Array(memory.buffer);
  view.set(bytes, 0);
  view.fill(0x20, bytes.length, bytes.length + PADDING);
  return scan(bytes.length) === 1;
}
