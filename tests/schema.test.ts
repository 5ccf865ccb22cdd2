/**
 * The hand-written shape check (fitsShape in src/core/schema.ts) lets validation skip zod for records that
 * fit. It must never say a record fits when the schema would report an issue; and it must say so for the
 * records people write, or it saves nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsShape, KNOWN_KEYS, recordSchemas } from '../src/core/schema.js';
import { readRecord } from '../src/sources/_files.js';

const NUM_RUNS = Number(process.env['FC_NUM_RUNS'] ?? 300);
const ROOT = join(import.meta.dirname, '..');
/** Time for the property (the default 30 s is too short for big FC_NUM_RUNS). */
const PROPERTY_TIMEOUT = Math.max(30_000, NUM_RUNS * 10);

/** Values of every type, including the near misses (0, -1, 1.5, NaN, null, lists, objects). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(0, 1, 2, -1, 1.5, 2 ** 53, Number.NaN, Infinity, true, false, null, '', 'x'),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('name', 'url', 'city', 'x'), fc.oneof(fc.string({ maxLength: 3 }), fc.constant(1)), { maxKeys: 2 }),
);

/** Shapes close to valid, each part sometimes replaced by anything, or with an extra key. */
const person = fc.oneof(
  { arbitrary: fc.string({ maxLength: 5 }), weight: 3 },
  { arbitrary: fc.record({ name: fc.string({ maxLength: 5 }), url: fc.string({ maxLength: 5 }), email: fc.string({ maxLength: 5 }) }, { requiredKeys: ['name'] }), weight: 3 },
  { arbitrary: fc.record({ name: fc.string(), role: fc.string(), location: fc.string(), via: fc.string() }, { requiredKeys: [] }), weight: 1 },
  { arbitrary: anyValue, weight: 1 },
);
const good = fc.record(
  {
    id: fc.string({ maxLength: 8 }),
    title: fc.string({ maxLength: 8 }),
    date: fc.constant('2025-02-05 09:24'),
    url: fc.webUrl(),
    updated: fc.string(),
    section: fc.string(),
    tags: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    summary: fc.string(),
    language: fc.constantFrom('en', 'zh'),
    authors: fc.array(person, { maxLength: 3 }),
    agency: person,
    contributors: fc.array(person, { maxLength: 2 }),
    dateline: fc.record({ city: fc.string(), country: fc.string(), timezone: fc.string(), date: fc.string(), name: fc.string() }, { requiredKeys: ['city'] }),
    image: fc.record({ url: fc.string(), caption: fc.string(), credit: fc.string(), type: fc.string(), width: fc.oneof(fc.integer(), fc.double()), height: fc.integer({ min: 1 }) }, { requiredKeys: [] }),
    rights: fc.string(),
    draft: fc.boolean(),
  },
  { requiredKeys: ['id', 'title', 'date'] },
);
const KEYS = ['id', 'title', 'date', 'url', 'tags', 'authors', 'agency', 'contributors', 'dateline', 'image', 'draft', 'body', 'content_html', 'extra'];
/** A record near valid: a good one with up to two keys replaced by anything or deleted. */
const record = fc.tuple(good, fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.option(anyValue, { nil: undefined })), { maxLength: 2 })).map(([r, edits]) => {
  const out: Record<string, unknown> = { ...r };
  for (const [k, v] of edits) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
});

describe('fitsShape', () => {
  it('agrees with the schema on every generated record: never says one fits that the schema has an issue with', () => {
    let fits = 0;
    let agreed = 0;
    fc.assert(
      fc.property(record, fc.constantFrom('markdown' as const, 'json' as const), (data, kind) => {
        const schema = recordSchemas()[kind === 'json' ? 'JsonRecord' : 'MarkdownRecord'];
        const ok = schema.safeParse(data).success;
        const fast = fitsShape(data, kind);
        if (fast) {
          fits++;
          expect(ok).toBe(true);
        }
        if (fast === ok) agreed++;
      }),
      { numRuns: NUM_RUNS * 10 },
    );
    // The generator makes valid records often enough for the check to be exercised both ways.
    expect(fits).toBeGreaterThan(NUM_RUNS / 10);
    expect(agreed).toBe(NUM_RUNS * 10);
  }, PROPERTY_TIMEOUT);

  it("KNOWN_KEYS, written out so that zod need not be loaded, are the schemas' keys in their order", () => {
    const { JsonRecord } = recordSchemas();
    const shape = JsonRecord.shape as Record<string, { unwrap?: () => unknown }>;
    const keysOf = (s: unknown): string[] => Object.keys((s as { shape: object }).shape);
    expect(KNOWN_KEYS['']).toEqual(Object.keys(shape));
    expect(KNOWN_KEYS['dateline']).toEqual(keysOf(shape['dateline']?.unwrap?.()));
    expect(KNOWN_KEYS['image']).toEqual(keysOf(shape['image']?.unwrap?.()));
  });

  it('is not fooled by values that are not plain data', () => {
    const base = { id: 'a', title: 'T', date: '2025-02-05 09:24' };
    expect(fitsShape(base, 'markdown')).toBe(true);
    expect(fitsShape({ ...base, content_html: '<p>x</p>' }, 'markdown')).toBe(false);
    expect(fitsShape({ ...base, content_html: '<p>x</p>' }, 'json')).toBe(true);
    for (const bad of [null, [], 'x', { ...base, id: undefined }, { ...base, tags: 'a' }, { ...base, image: [] }, { ...base, image: { width: 0 } },
      { ...base, image: { width: 2 ** 53 } }, { ...base, dateline: {} }, { ...base, authors: [null] }, { ...base, draft: 'yes' }, Object.create(base)]) {
      expect([bad, fitsShape(bad, 'markdown')]).toEqual([bad, false]);
    }
  });

  it('fits every sample record', () => {
    const dir = join(ROOT, 'articles');
    const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => /\.(md|json)$/.test(n));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const r = readRecord(readFileSync(join(dir, name), 'utf8'), name, name);
      expect([name, fitsShape(r.record?.data, r.record?.kind ?? 'markdown')]).toEqual([name, true]);
    }
  });
});
