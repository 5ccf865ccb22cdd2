/**
 * A site of the main feed alone, built without the cache, holds only the newest articles as it reads
 * (sources/_newest.ts). Its output and its counts must be those of a build that keeps every article: a
 * build with the cache does (the cache needs them all), so the two are compared, and the feed's items are
 * checked against the order worked out here from the records.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byNewest } from '../src/core/model.js';
import { main, type CliIO } from '../src/index.js';
import { NewestArticles, newestStats } from '../src/sources/_newest.js';
import type { ReadResult } from '../src/sources/_read.js';
import { filesOf, makeSite, parseXml, rng, SITE_CONFIG, text } from './_helpers.js';

const CONFIG = { ...SITE_CONFIG, itemsPerFeed: 7, feeds: { brotliQuality: 1 } };

interface Made {
  name: string;
  content: string;
  id: string;
  /** The instant as the desk wrote it (Asia/Shanghai, no DST), for the expected order. */
  minute: number;
  draft: boolean;
}

/** Records with few distinct minutes (so the ids decide many places), some drafts, some JSON. */
function records(seed: number, count: number): Made[] {
  const r = rng(seed);
  const out: Made[] = [];
  for (let n = 0; n < count; n++) {
    const minute = Math.floor(r() * 12) * 37;
    const id = `s${seed}-${Math.floor(r() * 1e6).toString(36)}-${n}`;
    const draft = r() < 0.2;
    const date = new Date(Date.UTC(2025, 2, 1, 8, minute));
    const desk = `2025-03-${String(date.getUTCDate()).padStart(2, '0')} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
    const dir = ['2025/03', '2025/02', 'wire', ''][n % 4] as string;
    const base = `articles/${dir === '' ? '' : `${dir}/`}r${n}`;
    const content = n % 9 === 4
      ? `${JSON.stringify({ id, title: `Story ${n}`, date: desk, body: `Body of ${n}.`, ...(draft ? { draft: true } : {}) })}\n`
      : `---\nid: ${id}\ntitle: "Story ${n}"\ndate: ${desk}\n${draft ? 'draft: true\n' : ''}---\nBody of ${n}, with *emphasis*.\n`;
    out.push({ name: `${base}${n % 9 === 4 ? '.json' : '.md'}`, content, id, minute, draft });
  }
  return out;
}

async function build(cwd: string, args: string[]): Promise<{ code: number; json: any }> {
  let out = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: () => undefined, cwd };
  const code = await main(['build', '--json', ...args], io);
  return { code, json: JSON.parse(out) };
}

/** Builds without the cache (holding only the newest) and with it (holding all), into two directories. */
async function both(made: readonly Made[]): Promise<{ lean: { code: number; json: any; files: Map<string, string> }; full: { code: number; json: any; files: Map<string, string> }; dir: string }> {
  const site = await makeSite(Object.fromEntries(made.map((m) => [m.name, m.content])), CONFIG);
  try {
    const before = newestStats.omitted;
    const lean = await build(site.dir, ['--no-cache', '--out', 'lean']);
    const between = newestStats.omitted;
    const full = await build(site.dir, ['--cache', '.cache', '--out', 'full']);
    // The lean build let go of every valid article beyond the feed's seven (so the comparison is of the
    // two ways, not of one with itself); the build with the cache kept all of them.
    const valid = made.filter((m) => !m.draft).length;
    if (lean.code === 0) expect(between - before).toBe(made.length - Math.min(7, valid));
    expect(newestStats.omitted).toBe(between);
    const read = async (r: { code: number }, out: string): Promise<Map<string, string>> => (r.code === 0 ? filesOf(join(site.dir, out)) : new Map());
    return { lean: { ...lean, files: await read(lean, 'lean') }, full: { ...full, files: await read(full, 'full') }, dir: site.dir };
  } finally {
    await rm(site.dir, { recursive: true, force: true });
  }
}

/** What a build reports about records and problems, without what differs by design (timing, the cache, the directory, the reading thread). */
const reported = (json: any): unknown => ({ records: { ...json.records, read: undefined, readInWorker: undefined }, diagnostics: json.diagnostics, ok: json.ok, mainFeedItems: json.mainFeedItems });

describe('holding the newest articles as they come (sources/_newest.ts)', () => {
  const result = (index: number, published: number, id: string, draft: boolean): ReadResult => ({
    index, kind: 'fresh', length: 0, entry: { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0, hash: '', diagnostics: [], group: '-', id },
    article: { id, title: id, url: `https://x.example/${id}`, published: new Date(published), tags: [], authors: [], contributors: [], draft, file: `${id}.md` },
  });
  it('holds exactly the first `limit` of the published articles in feed order, whatever order they come in', () => {
    const arb = fc.record({
      limit: fc.integer({ min: 1, max: 8 }),
      // Few distinct instants, so ids decide many places; ids unique (a shared id stops a build).
      rows: fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), at: fc.integer({ min: 0, max: 4 }), draft: fc.boolean() }), { selector: (r) => r.id, maxLength: 40 }),
    });
    fc.assert(fc.property(arb, ({ limit, rows }) => {
      const results = rows.map((r, i) => result(i, r.at * 60_000, r.id, r.draft));
      const newest = new NewestArticles(limit);
      for (const r of results) newest.offer(r);
      const fresh = results as Extract<ReadResult, { kind: 'fresh' }>[];
      const held = fresh.filter((r) => r.article !== undefined).map((r) => r.article!.id).sort();
      const expected = rows.filter((r) => !r.draft).map((r) => ({ id: r.id, published: new Date(r.at * 60_000) })).sort(byNewest).slice(0, limit).map((a) => a.id).sort();
      expect(held).toEqual(expected);
      // Every other one is marked, as a draft or as published.
      for (const [i, r] of fresh.entries()) {
        if (r.article !== undefined) expect(r.omitted).toBeUndefined();
        else expect(r.omitted).toBe(rows[i]!.draft ? 'draft' : 'published');
      }
    }), { numRuns: 300 });
  });
});

describe('a main-feed-only build without the cache', () => {
  it('writes the bytes and reports the counts of a build that keeps every article', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const made = records(seed, 40 + seed * 17);
      const { lean, full } = await both(made);
      expect(lean.code, `seed ${seed}`).toBe(0);
      expect(full.code, `seed ${seed}`).toBe(0);
      expect(reported(lean.json), `seed ${seed}`).toEqual(reported(full.json));
      expect([...lean.files.keys()].sort(), `seed ${seed}`).toEqual([...full.files.keys()].sort());
      for (const [name, bytes] of full.files) expect(lean.files.get(name) === bytes, `seed ${seed}: ${name} differs`).toBe(true);

      const published = made.filter((m) => !m.draft);
      expect(lean.json.records.published, `seed ${seed}`).toBe(published.length);
      expect(lean.json.records.drafts, `seed ${seed}`).toBe(made.length - published.length);
      // Newest first, ties by id: the seven the feed must carry, in its order.
      const expected = [...published].sort((a, b) => b.minute - a.minute || (a.id < b.id ? -1 : 1)).slice(0, 7).map((m) => `${CONFIG.idPrefix}${m.id}`);
      const rss = parseXml(Buffer.from(lean.files.get('rss.xml') ?? '', 'base64').toString('utf8'));
      const items = [rss.rss.channel.item].flat() as unknown[];
      expect(items.map((i) => text((i as { guid: unknown }).guid)), `seed ${seed}`).toEqual(expected);
    }
  });

  it('holds fewer articles than the feed carries, none, or all of them alike', async () => {
    for (const count of [0, 1, 6, 7, 8]) {
      const made = records(20 + count, count);
      const { lean, full } = await both(made);
      expect(lean.code, `${count} records`).toBe(full.code);
      expect(reported(lean.json), `${count} records`).toEqual(reported(full.json));
      expect(lean.files, `${count} records`).toEqual(full.files);
    }
  });

  it('counts and reports alike when ids collide and records fail (the build stops)', async () => {
    const made = records(9, 60);
    const newest = [...made].filter((m) => !m.draft).sort((a, b) => b.minute - a.minute)[0] as Made;
    const oldest = [...made].filter((m) => !m.draft).sort((a, b) => a.minute - b.minute)[0] as Made;
    const draft = made.find((m) => m.draft) as Made;
    const extra: Made[] = [
      // The newest story's id again, in a file that sorts before it (so the newest loses it), and after it.
      { ...newest, name: 'articles/0-first.md', content: newest.content.replace('title: "', 'title: "Early copy of ') },
      { ...newest, name: 'articles/zz-last.md', content: newest.content },
      // An old story's id on a new one, and a draft's.
      { ...oldest, name: 'articles/zz-old.md', content: oldest.content.replace(/date: .*/, 'date: 2025-03-02 23:59') },
      { ...draft, name: 'articles/zz-draft.md', content: draft.content.replace('draft: true\n', '') },
      // A record with an error.
      { ...oldest, name: 'articles/zz-bad.md', id: 'bad', content: '---\nid: bad\ntitle: Bad\ndate: 2025-13-40 99:99\n---\nBody.\n' },
    ];
    const { lean, full } = await both([...made, ...extra]);
    expect(lean.code).toBe(1);
    expect(full.code).toBe(1);
    expect(reported(lean.json)).toEqual(reported(full.json));
    expect((lean.json.diagnostics as { code: string }[]).filter((d) => d.code === 'E_ID_DUPLICATE')).toHaveLength(4);
  });

  // The worker needs a second core (and the bundle, which the CLI makes with esbuild).
  it.skipIf(availableParallelism() < 2)('holds the same articles when a worker thread reads part of the records (the bundled CLI)', async () => {
    const { execFile } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
    const made = records(31, 2100);
    const site = await makeSite(Object.fromEntries(made.map((m) => [m.name, m.content])), CONFIG);
    try {
      // DATELINE_WORKER=always: the worker takes its share however quickly the main thread reads.
      const bundled = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [bin, 'build', '--no-cache', '--json', '--out', 'lean'], { cwd: site.dir, env: { ...process.env, CI: '1', DATELINE_WORKER: 'always', DATELINE_DEBUG: '1' }, maxBuffer: 1 << 26 }, (e, stdout, stderr) =>
          resolve({ code: e === null ? 0 : Number((e as { code?: number }).code ?? 1), stdout, stderr }));
      });
      expect(bundled.code, bundled.stderr).toBe(0);
      expect(bundled.stderr).not.toMatch(/Error|    at /);
      const lean = JSON.parse(bundled.stdout);
      expect(lean.records.readInWorker).toBeGreaterThan(0);
      expect(lean.records.readInWorker).toBeLessThan(2100);
      const full = await build(site.dir, ['--cache', '.cache', '--out', 'full']);
      expect(full.code).toBe(0);
      expect(reported(lean)).toEqual(reported(full.json));
      expect(await filesOf(join(site.dir, 'lean'))).toEqual(await filesOf(join(site.dir, 'full')));
    } finally {
      await site.cleanup();
    }
  }, 120_000);
});
