/**
 * The order a build renders its feeds in (src/pipeline/build.ts): the feeds with precompressed siblings
 * spread among the others, so compression on the thread pool overlaps rendering. Only timing depends on
 * it; the files are the same (every other build test compares them).
 */
import { describe, expect, it } from 'vitest';
import { spreadCompression } from '../src/pipeline/build.js';

describe('spreadCompression', () => {
  const plans = (heavy: number, light: number) => [
    ...Array.from({ length: heavy }, (_, i) => ({ key: `h${i}`, precompress: true })),
    ...Array.from({ length: light }, (_, i) => ({ key: `l${i}`, precompress: false })),
  ];

  it('keeps every plan once, each kind in its own order, the first precompressed one (the main feed) first', () => {
    for (const [h, l] of [[21, 232], [1, 0], [0, 5], [5, 0], [3, 3], [1, 100], [50, 7]] as const) {
      const input = plans(h, l);
      const out = spreadCompression(input);
      expect([...out].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual([...input].sort((a, b) => (a.key < b.key ? -1 : 1)));
      expect(out.filter((p) => p.precompress).map((p) => p.key)).toEqual(input.filter((p) => p.precompress).map((p) => p.key));
      expect(out.filter((p) => !p.precompress).map((p) => p.key)).toEqual(input.filter((p) => !p.precompress).map((p) => p.key));
      if (h > 0) expect(out[0]?.key).toBe('h0');
    }
  });

  it('spreads the precompressed plans evenly: 21 among 232 others, never two together', () => {
    const out = spreadCompression(plans(21, 232));
    const at = out.flatMap((p, i) => (p.precompress ? [i] : []));
    const gaps = at.slice(1).map((x, i) => x - (at[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(11);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(13);
  });
});
