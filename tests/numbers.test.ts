/**
 * Counts in messages are written without Intl (src/core/_numbers.ts: ICU's first number format costs a
 * build 11 ms): they must read exactly as `toLocaleString('en-US')` writes them.
 */
import { describe, expect, it } from 'vitest';
import { grouped } from '../src/core/_numbers.js';

describe('grouped', () => {
  it('writes whole numbers as en-US does', () => {
    const values = [0, -0, 1, 12, 123, 999, 1000, 1001, 12_345, 123_456, 999_999, 1_000_000, 1_234_567_890, -1, -1000, -1_234_567, 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1)];
    for (let p = 0; p < 16; p++) for (const d of [1, 9]) values.push(d * 10 ** p, d * 10 ** p - 1, -(d * 10 ** p) + 1);
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      x = (x * 48271) % 2147483647;
      values.push(x % 10 ** (1 + (i % 12)));
    }
    for (const n of values) expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves fractions, unsafe integers and non-finite numbers to Intl', () => {
    for (const n of [0.5, 1234.5678, 2 ** 53, 1e21, 1e300, Infinity, -Infinity, NaN]) expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});
