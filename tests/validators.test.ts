/**
 * What the build records for servers (issue 4): strong ETags from the bytes, Last-Modified from the newest
 * item change, byte-stable .gz/.br siblings, the `_dateline.json` manifest, and files' mtimes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, loadArticles, loadConfig, main, resolveConfig, writeOutputs, type BuildResult, type CliIO, type Manifest } from '../src/index.js';
import { httpDate, strongEtag } from '../src/hosting/index.js';
import { makeSite, record, SITE_CONFIG } from './_helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const goldenDir = fileURLToPath(new URL('./golden/sample/', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
const FEEDS = ['atom.xml', 'feed.json', 'rss.xml'] as const;

/** The ETag format, computed independently of src/hosting. */
const etagOf = (bytes: Uint8Array): string => `"sha256-${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
const bytesOf = (v: string | Uint8Array | undefined): Buffer => {
  if (v === undefined) throw new Error('missing output');
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);
};

async function buildSample(): Promise<BuildResult> {
  const config = await loadConfig('dateline.config.json', root);
  const loaded = await loadArticles(config, root);
  expect(loaded.diagnostics).toEqual([]);
  return buildFeeds(loaded.articles, config);
}

async function quietMain(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  first = await buildSample();
  second = await buildSample();
});

describe('ETags', () => {
  it('are "sha256-" and 22 base64url characters of the SHA-256 of the bytes, quoted', () => {
    // sha256("hello") in base64url is LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ.
    expect(strongEtag(Buffer.from('hello'))).toBe('"sha256-LPJNul-wow4m6Dsqxbninh"');
    for (const f of FEEDS) {
      const etag = first.manifest.files[f]!.etag;
      expect(etag).toMatch(/^"sha256-[A-Za-z0-9_-]{22}"$/);
      expect(etag).toBe(etagOf(bytesOf(first.outputs.get(f))));
    }
  });

  it('are the same in two builds of the same records', () => {
    expect(second.manifest).toEqual(first.manifest);
  });

  it('match the golden feeds: the same on every machine that builds the sample site', async () => {
    for (const f of FEEDS) expect(first.manifest.files[f]!.etag, f).toBe(etagOf(await readFile(join(goldenDir, f))));
  });

  it('change when one byte changes, in the feed and in each of its compressed siblings', () => {
    const bytes = bytesOf(first.outputs.get('rss.xml'));
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 2) ^ 1, flipped.length - 2);
    expect(strongEtag(flipped)).not.toBe(strongEtag(bytes));

    // Through the build: a title gains a character.
    const { config } = resolveConfig(SITE_CONFIG, 'x', () => 1);
    const build = (title: string) =>
      buildFeeds(
        [{ id: 'a', title, url: 'https://news.example.com/a.html', published: new Date('2025-02-05T01:24:00Z'), tags: [], authors: [], contributors: [], draft: false, body: { kind: 'markdown', text: 'Body.' }, file: 'a.md' }],
        config!,
      ).manifest;
    const a = build('Talks resume');
    const b = build('Talks resume!');
    for (const f of FEEDS) {
      expect(b.files[f]!.etag, f).not.toBe(a.files[f]!.etag);
      expect(b.files[f]!.encodings.gzip!.etag, f).not.toBe(a.files[f]!.encodings.gzip!.etag);
      expect(b.files[f]!.encodings.br!.etag, f).not.toBe(a.files[f]!.encodings.br!.etag);
      // The newest item change did not move.
      expect(b.files[f]!.lastModified).toBe(a.files[f]!.lastModified);
    }
  });
});

describe('precompressed siblings', () => {
  it('decompress to exactly the feed bytes', () => {
    for (const f of FEEDS) {
      const feed = bytesOf(first.files.get(f));
      expect(feed.equals(bytesOf(first.outputs.get(f)))).toBe(true);
      expect(gunzipSync(bytesOf(first.files.get(`${f}.gz`))).equals(feed), `${f}.gz`).toBe(true);
      expect(brotliDecompressSync(bytesOf(first.files.get(`${f}.br`))).equals(feed), `${f}.br`).toBe(true);
    }
  });

  it('are byte-identical across builds, and each has its own ETag from its own bytes', () => {
    for (const f of FEEDS) {
      for (const [coding, suffix] of [['gzip', '.gz'], ['br', '.br']] as const) {
        const bytes = bytesOf(first.files.get(`${f}${suffix}`));
        expect(bytesOf(second.files.get(`${f}${suffix}`)).equals(bytes), `${f}${suffix}`).toBe(true);
        const variant = first.manifest.files[f]!.encodings[coding]!;
        expect(variant).toEqual({ file: `${f}${suffix}`, etag: etagOf(bytes), bytes: bytes.length });
        expect(variant.etag).not.toBe(first.manifest.files[f]!.etag);
      }
    }
  });

  it('gzip: no name, MTIME 0, OS byte fixed to Unix (3), so the header is the same on every platform', () => {
    for (const f of FEEDS) {
      const gz = bytesOf(first.files.get(`${f}.gz`));
      expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    }
  });

  it('are smaller than the feed', () => {
    for (const f of FEEDS) {
      const served = first.manifest.files[f]!;
      expect(served.encodings.gzip!.bytes).toBeLessThan(served.bytes / 2);
      expect(served.encodings.br!.bytes).toBeLessThan(served.encodings.gzip!.bytes);
    }
  });
});

describe('the manifest (_dateline.json)', () => {
  it('lists the main feed of the sample site with its validators, headers and siblings, and every other feed document', () => {
    const size = (name: string) => bytesOf(first.files.get(name)).length;
    const etag = (name: string) => etagOf(bytesOf(first.files.get(name)));
    const expected = (name: string, type: string): Manifest['files'][string] => ({
      type,
      etag: etag(name),
      // The sample's newest item change: the partial eclipse story, 2025-03-30 07:45 in Beijing.
      lastModified: 'Sat, 29 Mar 2025 23:45:00 GMT',
      bytes: size(name),
      maxAge: 900,
      encodings: {
        gzip: { file: `${name}.gz`, etag: etag(`${name}.gz`), bytes: size(`${name}.gz`) },
        br: { file: `${name}.br`, etag: etag(`${name}.br`), bytes: size(`${name}.br`) },
      },
      links: { self: `https://news.example.com/feeds/${name}` },
    });
    expect(first.manifest.files['atom.xml']).toEqual(expected('atom.xml', 'application/atom+xml; charset=utf-8'));
    expect(first.manifest.files['feed.json']).toEqual(expected('feed.json', 'application/feed+json; charset=utf-8'));
    expect(first.manifest.files['rss.xml']).toEqual(expected('rss.xml', 'application/rss+xml; charset=utf-8'));
    // Every feed document of the build, sorted by name, and nothing else.
    const documents = [...first.outputs.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(Object.keys(first.manifest.files)).toEqual(documents);
    expect(documents.filter((d) => !d.includes('/'))).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
    expect(documents).toContain('sections/欧洲/atom.xml');
    // Written as it is, as JSON with a final newline.
    const text = first.files.get('_dateline.json');
    expect(text).toBe(`${JSON.stringify(first.manifest, null, 2)}\n`);
    // Last-Modified is the feeds' own date: RSS lastBuildDate is the same instant.
    expect(first.outputs.get('rss.xml')).toContain('<lastBuildDate>Sat, 29 Mar 2025 23:45:00 GMT</lastBuildDate>');
  });

  it('max-age follows ttl, Link carries the hub when there is one', () => {
    const { config } = resolveConfig({ ...SITE_CONFIG, ttl: 60, hub: 'https://hub.example.com/' }, 'x', () => 1);
    const manifest = buildFeeds([], config!).manifest;
    expect(manifest.files['rss.xml']).toMatchObject({
      maxAge: 3600,
      links: { self: 'https://news.example.com/feeds/rss.xml', hub: 'https://hub.example.com/' },
      // An empty site is dated by the epoch, as its feeds are.
      lastModified: 'Thu, 01 Jan 1970 00:00:00 GMT',
    });
  });

  it('HTTP dates are IMF-fixdate in whole seconds, whatever the milliseconds', () => {
    expect(httpDate(new Date('2025-03-29T23:45:00.999Z'))).toBe('Sat, 29 Mar 2025 23:45:00 GMT');
    expect(httpDate(new Date('2025-02-05T01:24:09.001Z'))).toBe('Wed, 05 Feb 2025 01:24:09 GMT');
  });
});

describe('on disk', () => {
  const SITE = { 'articles/a.md': record('a', 'updated: 2025-02-06 08:00:30'), 'articles/b.md': record('b') };
  const SERVED = FEEDS.flatMap((f) => [f, `${f}.gz`, `${f}.br`]);

  it('every feed and sibling has its Last-Modified as mtime, after a build and after a no-change rebuild', async () => {
    const site = await makeSite(SITE);
    try {
      const dist = join(site.dir, 'dist');
      expect((await quietMain(['build'], site.dir)).code).toBe(0);
      const manifest = JSON.parse(await readFile(join(dist, '_dateline.json'), 'utf8')) as Manifest;
      const lastModified = Date.parse(manifest.files['rss.xml']!.lastModified);
      expect(new Date(lastModified).toISOString()).toBe('2025-02-06T00:00:30.000Z');
      for (const f of SERVED) expect((await stat(join(dist, f))).mtimeMs, f).toBe(lastModified);

      const inodes = new Map<string, number>();
      for (const f of SERVED) inodes.set(f, (await stat(join(dist, f))).ino);
      const r = await quietMain(['build'], site.dir);
      expect(r.stdout).toMatch(/ s: 0 files written to dist\/, \d+ unchanged\.\n$/);
      for (const f of SERVED) {
        const s = await stat(join(dist, f));
        expect(s.mtimeMs, f).toBe(lastModified);
        expect(s.ino, f).toBe(inodes.get(f));
      }

      // A copy that lost the mtimes (cp without -p, a checkout): the next build puts them back without
      // rewriting a byte.
      for (const f of SERVED) await utimes(join(dist, f), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
      const again = await quietMain(['build'], site.dir);
      expect(again.stdout).toMatch(/ s: 0 files written to dist\/, \d+ unchanged\.\n$/);
      for (const f of SERVED) {
        const s = await stat(join(dist, f));
        expect(s.mtimeMs, f).toBe(lastModified);
        expect(s.ino, f).toBe(inodes.get(f));
      }

      // A correction moves Last-Modified, and the mtimes with it.
      await writeFile(join(site.dir, 'articles/b.md'), record('b', 'updated: 2025-02-07 10:00'));
      expect((await quietMain(['build'], site.dir)).code).toBe(0);
      const moved = JSON.parse(await readFile(join(dist, '_dateline.json'), 'utf8')) as Manifest;
      expect(moved.files['atom.xml']!.lastModified).toBe('Fri, 07 Feb 2025 02:00:00 GMT');
      for (const f of SERVED) expect((await stat(join(dist, f))).mtimeMs, f).toBe(Date.parse('2025-02-07T02:00:00Z'));
    } finally {
      await site.cleanup();
    }
  });

  it('writeOutputs writes bytes as bytes and leaves no temporary file', async () => {
    const site = await makeSite({});
    try {
      const out = join(site.dir, 'out');
      const bytes = new Uint8Array([0, 255, 1, 254]);
      const when = new Date('2025-01-02T03:04:05Z');
      const written = await writeOutputs(out, new Map<string, string | Uint8Array>([['b.bin', bytes], ['t.txt', 'é']]), 'out', new Map([['b.bin', when]]));
      expect(written).toEqual([{ name: 'b.bin', bytes: 4, changed: true }, { name: 't.txt', bytes: 2, changed: true }]);
      expect([...(await readFile(join(out, 'b.bin')))]).toEqual([0, 255, 1, 254]);
      expect((await stat(join(out, 'b.bin'))).mtimeMs).toBe(when.getTime());
      expect((await readdir(out)).sort()).toEqual(['b.bin', 't.txt']);
    } finally {
      await site.cleanup();
    }
  });

  it('every output is byte-identical whatever TZ and locale the machine has', async () => {
    const site = await makeSite(SITE);
    try {
      const results: Map<string, Buffer>[] = [];
      for (const [i, TZ] of ['UTC', 'Pacific/Chatham', 'America/Los_Angeles'].entries()) {
        const out = join(site.dir, `out-${i}`);
        execFileSync(process.execPath, [BIN, 'build', '--out', out], {
          cwd: site.dir,
          env: { ...process.env, TZ, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const files = new Map<string, Buffer>();
        for (const f of (await readdir(out, { recursive: true })).sort()) {
          if ((await stat(join(out, f))).isFile()) files.set(f, await readFile(join(out, f)));
        }
        results.push(files);
        for (const f of SERVED) expect((await stat(join(out, f))).mtimeMs, `${f} TZ=${TZ}`).toBe(Date.parse('2025-02-06T00:00:30Z'));
      }
      expect([...results[0]!.keys()]).toHaveLength(16);
      for (const r of results.slice(1)) {
        expect([...r.keys()]).toEqual([...results[0]!.keys()]);
        for (const [f, bytes] of results[0]!) expect(r.get(f)!.equals(bytes), f).toBe(true);
      }
    } finally {
      await site.cleanup();
    }
  });
});
