/**
 * Feed documents too large to make. A month of long stories in a full-content archive is one document of
 * hundreds of megabytes, and V8 aborted the process making it (FATAL ERROR: Reached heap limit) or
 * threw `RangeError: Invalid string length`. Now a document past the limit (a sixteenth of the heap, at
 * most the longest string; `maxDocumentBytes` sets it for a library caller) is E_DOCUMENT_TOO_LARGE,
 * once per feed, naming its documents and their sizes, on every path the build can take, with the output
 * and the cache left as they were. The sizes here are kilobytes: the limit is given, or the heap made small.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFeeds } from '../src/render/build.js';
import { documentBytesOf, documentsOf, PARTS } from '../src/render/site.js';
import { documentLimit, documentOver, largeDocuments, LARGE_DOCUMENT_BYTES, utf8Length } from '../src/render/size.js';
import { buildFeeds, DatelineError, formatDiagnostic, loadArticles, loadConfig, runBuild, type Diagnostic, type Format } from '../src/index.js';
import { makeSite, record, rng, runCli, SITE_CONFIG, snapshotDir } from './_helpers.js';

const ARCHIVES = { ...SITE_CONFIG, itemsPerFeed: 1, feeds: { archives: { content: 'full' } } };
const FORMATS: Format[] = ['rss', 'atom', 'json'];
const FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
const REMEDY = 'give archives "content": "summary" ("feeds": { "archives": { "content": "summary" } }), which leaves the bodies out of them';
const n = (x: number): string => x.toLocaleString('en-US');

/** About `chars` characters of Markdown paragraphs, with what escaping makes longer (`&`, `<`, quotes). */
function body(chars: number, seed: number): string {
  const words = ['markets', 'rose', 'after', 'the', 'minister', 'said', 'R&D', '"difficult"', 'talks', 'a < b', 'in', 'Beijing', 'grain'];
  const next = rng(seed);
  let out = '';
  while (out.length < chars) {
    const k = 40 + Math.floor(next() * 60);
    for (let i = 0; i < k; i++) out += `${words[Math.floor(next() * words.length)]} `;
    out += '*reported*.\n\n';
  }
  return out;
}

/** Four stories of February: three of `chars` in its archive, and the newest, short, in the main feed. */
function stories(chars: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let k = 0; k < 4; k++) files[`articles/s${k}.md`] = record(`s${k}`, '', body(k === 3 ? 500 : chars, k)).replace('2025-02-05 09:24', `2025-02-0${k + 2} 09:24`);
  return files;
}

const archiveSizes = (dir: string, out = 'dist'): Record<Format, number> =>
  Object.fromEntries(FORMATS.map((f) => [f, statSync(join(dir, out, 'archive/2025-02', FILES[f])).size])) as Record<Format, number>;

/** `check`, then `build --no-cache`, of the site at `dir` in a child process whose V8 heap is `heapMb` MiB. */
function checkAndBuildWithHeap(dir: string, heapMb: number): { command: string; code: number; err: string }[] {
  const probe = join(dir, 'probe.mjs');
  const cli = pathToFileURL(new URL('../src/cli.ts', import.meta.url).pathname).href;
  writeFileSync(probe, `const { main } = await import(${JSON.stringify(cli)});
    for (const command of [['check'], ['build', '--no-cache']]) {
      let err = '';
      const code = await main(command, { cwd: ${JSON.stringify(dir)}, stdout: () => {}, stderr: (t) => (err += t) });
      console.log(JSON.stringify({ command: command[0], code, err }));
    }`);
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', probe], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  return out.trim().split('\n').map((l) => JSON.parse(l) as { command: string; code: number; err: string });
}

describe('documents too large to make', () => {
  it('fails the build with one error for the feed, naming its documents past the limit and their sizes; the output and the cache stay as they were', async () => {
    const site = await makeSite(stories(20_000), ARCHIVES);
    try {
      expect((await runCli(['build'], site.dir)).code).toBe(0);
      const sizes = archiveSizes(site.dir);
      const before = await snapshotDir(site.dir);
      // Past the JSON Feed's size and under the XML documents': the text of the items is well under it.
      const limit = sizes.json + 1;
      expect(sizes.rss).toBeGreaterThan(limit);
      // Made again, and kept from the last build (the cache has their sizes): the same error.
      const report = await runBuild({ cwd: site.dir, cacheDir: false, maxDocumentBytes: limit });
      expect(report.ok).toBe(false);
      expect((await runBuild({ cwd: site.dir, maxDocumentBytes: limit })).diagnostics).toEqual(report.diagnostics);
      expect(report.diagnostics.map(formatDiagnostic)).toEqual([
        `dist/archive/2025-02/rss.xml: the document would be ${n(sizes.rss)} bytes (atom.xml ${n(sizes.atom)} bytes too), and this build makes documents of at most ${n(limit)} bytes: ${REMEDY} (E_DOCUMENT_TOO_LARGE)`,
      ]);
      expect(await snapshotDir(site.dir)).toEqual(before);
      // At the limit exactly, it is made (and the files are the ones the build made before).
      const at = await runBuild({ cwd: site.dir, maxDocumentBytes: Math.max(sizes.rss, sizes.atom) });
      expect(at.ok).toBe(true);
      expect(at.diagnostics).toEqual([]);
      expect(archiveSizes(site.dir)).toEqual(sizes);
    } finally {
      await site.cleanup();
    }
  });

  it('a failed build still reports the warnings of the feeds it made, as check does, and counts no feed as written', async () => {
    const files = stories(20_000);
    files['articles/unsafe.md'] = record('unsafe', '', 'Text <script>alert(1)</script> and more.').replace('2025-02-05 09:24', '2025-01-09 09:24');
    files['articles/later.md'] = record('later', '', 'Dated ahead.').replace('2025-02-05 09:24', '2099-01-01 09:24');
    const site = await makeSite(files, ARCHIVES);
    try {
      for (const cacheDir of [false, undefined] as const) {
        const report = await runBuild({ cwd: site.dir, ...(cacheDir === false ? { cacheDir } : {}), maxDocumentBytes: 30_000 });
        expect(report.ok).toBe(false);
        expect(report.diagnostics.map((d) => d.code).sort()).toEqual(['E_DOCUMENT_TOO_LARGE', 'W_DATE_FUTURE', 'W_UNSAFE_MARKUP']);
        expect([report.feeds.rendered, report.feeds.documents]).toEqual([0, 0]);
      }
    } finally {
      await site.cleanup();
    }
  });

  it('stops making the items once their text alone is past the limit, and names all three documents', async () => {
    const site = await makeSite(stories(20_000), ARCHIVES);
    try {
      expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
      // The archive's first item: what every format carries of it is its content, summary, title, id and URL.
      const first = JSON.parse(readFileSync(join(site.dir, 'dist/archive/2025-02/feed.json'), 'utf8')).items[0];
      const text = [first.content_html, first.summary ?? '', first.title, first.id, first.url].join('').length;
      const before = await snapshotDir(join(site.dir, 'dist'));
      const report = await runBuild({ cwd: site.dir, cacheDir: false, maxDocumentBytes: text - 1 });
      expect(report.diagnostics.map(formatDiagnostic)).toEqual([
        `dist/archive/2025-02/rss.xml: the document would be over ${n(text)} bytes, and so would atom.xml and feed.json (the text of its first 1 of 3 items alone comes to that), and this build makes documents of at most ${n(text - 1)} bytes: ${REMEDY} (E_DOCUMENT_TOO_LARGE)`,
      ]);
      expect(await snapshotDir(join(site.dir, 'dist'))).toEqual(before);
    } finally {
      await site.cleanup();
    }
  });

  it('names every feed past the limit in one run: the main feed and a section have their own remedies', async () => {
    const site = await makeSite(
      Object.fromEntries(Object.entries(stories(20_000)).map(([name, text]) => [name, text.replace('date:', 'section: World\ndate:')])),
      { ...ARCHIVES, itemsPerFeed: 2, feeds: { sections: true, archives: { content: 'full' } } },
    );
    try {
      const report = await runBuild({ cwd: site.dir, cacheDir: false, maxDocumentBytes: 25_000 });
      expect(report.diagnostics.map((d) => [d.file, d.code])).toEqual([
        ['dist/archive/2025-02/rss.xml', 'E_DOCUMENT_TOO_LARGE'],
        ['dist/rss.xml', 'E_DOCUMENT_TOO_LARGE'],
        ['dist/sections/world/rss.xml', 'E_DOCUMENT_TOO_LARGE'],
      ]);
      expect(report.diagnostics[1]?.message).toMatch(/: give the site a smaller "itemsPerFeed"$/);
      expect(report.diagnostics[2]?.message).toMatch(/: give sections "content": "summary" or a smaller "itemsPerFeed" \("feeds": \{ "sections": \{ … \} \}\)$/);
      // `check` finds the same, as errors.
      const config = await loadConfig(undefined, site.dir);
      const checked = checkFeeds((await loadArticles(config, site.dir)).articles, config, documentLimit(undefined, 25_000));
      const byFile = (ds: readonly { file?: string }[]): string[] => ds.map((d) => d.file ?? '').sort();
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      expect(byFile(errors)).toEqual(byFile(report.diagnostics));
      expect(new Set(errors.map(formatDiagnostic))).toEqual(new Set(report.diagnostics.map(formatDiagnostic)));
    } finally {
      await site.cleanup();
    }
  });

  it('an edit spliced into an archive is held to the limit as a clean build is, with the same error', async () => {
    const site = await makeSite(stories(20_000), ARCHIVES);
    try {
      expect((await runCli(['build'], site.dir)).code).toBe(0);
      // One story of the archive grows; what a clean build makes of it now, elsewhere.
      writeFileSync(join(site.dir, 'articles/s1.md'), record('s1', '', body(30_000, 1)).replace('2025-02-05 09:24', '2025-02-03 09:24'));
      expect((await runBuild({ cwd: site.dir, cacheDir: false, outDir: 'clean' })).ok).toBe(true);
      const sizes = archiveSizes(site.dir, 'clean');
      const limit = Math.max(sizes.rss, sizes.atom) - 1;
      const before = await snapshotDir(join(site.dir, 'dist'));
      const spliced = await runBuild({ cwd: site.dir, maxDocumentBytes: limit });
      expect(spliced.feeds.spliced).toBe(1);
      expect(spliced.diagnostics.map((d) => d.code)).toEqual(['E_DOCUMENT_TOO_LARGE']);
      expect(await snapshotDir(join(site.dir, 'dist'))).toEqual(before);
      const clean = await runBuild({ cwd: site.dir, cacheDir: false, maxDocumentBytes: limit });
      expect(clean.diagnostics).toEqual(spliced.diagnostics);
      // The cache was left as it was: the next build without the limit splices the edit in.
      const next = await runBuild({ cwd: site.dir });
      expect(next.ok).toBe(true);
      expect(next.feeds.spliced).toBe(1);
      expect(archiveSizes(site.dir)).toEqual(sizes);
    } finally {
      await site.cleanup();
    }
  });

  it('by default the limit is a sixteenth of V8\'s heap: with a small heap, build and check fail cleanly where the process used to abort', async () => {
    // 14 stories of 1 MB: an archive of about 16 MiB, which a 176 MiB heap cannot make (about 13 bytes of
    // heap a byte of document); its limit is 11 MiB.
    const files: Record<string, string> = {};
    for (let k = 0; k < 14; k++) files[`articles/s${k}.md`] = record(`s${k}`, '', body(1_000_000, k)).replace('2025-02-05 09:24', `2025-02-${String(k + 2).padStart(2, '0')} 09:24`);
    const site = await makeSite(files, ARCHIVES);
    try {
      const runs = checkAndBuildWithHeap(site.dir, 128);
      expect(runs.map((r) => [r.command, r.code])).toEqual([['check', 1], ['build', 1]]);
      for (const r of runs) {
        expect(r.err).toMatch(/^dist\/archive\/2025-02\/rss\.xml: the document would be (over )?[\d.]+ MiB.*, and a build makes documents of at most 11\.0 MiB with V8's heap of 176 MiB \(one takes up to 16 times its size in memory while it is made, with a margin: about 13.5 measured\): give archives "content": "summary".*, or give Node .*--max-old-space-size.* \(E_DOCUMENT_TOO_LARGE\)\n1 error in 1 file\n/);
      }
      expect(runs[1]?.err).toContain('Nothing was written.');
    } finally {
      await site.cleanup();
    }
  }, 60_000);

  it('when the records and items leave too little heap to join a feed\'s text, check and build make its documents as bytes, outside the heap', async () => {
    // 800 stories of 22 KB in one month: an archive of about 17.8 MiB, under the 19 MiB a heap of 304 MiB
    // allows. Joined as text, the three documents did not fit beside the records and items (V8 aborted;
    // later the feed was refused); joined as bytes, from each item's bytes, they are made.
    const files: Record<string, string> = {};
    const words = ['markets', 'rose', 'after', 'the', 'minister', 'said', 'talks', 'in', 'Beijing', 'grain'];
    for (let k = 0; k < 800; k++) {
      const next = rng(k + 1);
      let text = '';
      while (text.length < 22_000) text += `${Array.from({ length: 60 }, () => words[Math.floor(next() * words.length)]).join(' ')}\n\n`;
      files[`articles/s${k}.md`] = record(`s${k}`, '', text).replace('2025-02-05 09:24', `2025-02-${String(1 + (k % 27)).padStart(2, '0')} ${String(k % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}`);
    }
    const site = await makeSite(files, { ...SITE_CONFIG, itemsPerFeed: 20, feeds: { archives: { content: 'full' } } });
    try {
      const runs = checkAndBuildWithHeap(site.dir, 256);
      expect(runs.map((r) => [r.command, r.code, r.err])).toEqual([['check', 0, ''], ['build', 0, '']]);
      const sizes = archiveSizes(site.dir);
      for (const f of FORMATS) expect(sizes[f], f).toBeGreaterThan(17 * 2 ** 20);
      const archive = JSON.parse(readFileSync(join(site.dir, 'dist/archive/2025-02/feed.json'), 'utf8')) as { items: { content_html: string }[] };
      // (The newest 20 are the subscription feed's.)
      expect(archive.items).toHaveLength(780);
      expect(archive.items.every((i) => i.content_html.length > 20_000)).toBe(true);
    } finally {
      await site.cleanup();
    }
  }, 120_000);

  it('a feed whose documents the heap left could not hold is refused before they are joined, as text and as bytes', async () => {
    const site = await makeSite(stories(400_000), ARCHIVES);
    try {
      const config = await loadConfig(undefined, site.dir);
      const built = buildFeeds((await loadArticles(config, site.dir)).articles, config);
      const archive = built.feeds.find((f) => f.plan.kind === 'archive');
      if (archive === undefined) throw new Error('no archive');
      let collected = 0;
      const bounds = { limit: documentLimit(), outDir: 'dist', heap: { limit: 300 * 2 ** 20, left: (collect: boolean) => (collect ? ((collected += 1), 2 ** 20) : 2 ** 19) } };
      for (const make of [documentsOf, documentBytesOf]) {
        let message = '';
        try {
          make(archive.plan, archive.model, bounds);
        } catch (e) {
          message = formatDiagnostic((e as DatelineError).diagnostics[0] as Diagnostic);
        }
        expect(message, make.name).toMatch(/^dist\/archive\/2025-02\/(?:rss|atom)\.xml: the document would be [\d.]+ MiB.*too little of V8's heap of 300 MiB was left.*\(E_DOCUMENT_TOO_LARGE\)/);
      }
      // Asked again after a full collection, before refusing.
      expect(collected).toBe(2);
      // With the heap to spare, the same documents, as text and as bytes.
      const roomy = { ...bounds, heap: { limit: 300 * 2 ** 20, left: () => 200 * 2 ** 20 } };
      const text = documentsOf(archive.plan, archive.model, roomy);
      const bytes = documentBytesOf(archive.plan, archive.model, roomy);
      for (const [name, t] of text) expect(Buffer.concat(bytes.get(name) ?? []).equals(Buffer.from(t)), name).toBe(true);
    } finally {
      await site.cleanup();
    }
  });
});

describe('document sizes', () => {
  it('are worked out exactly from a document\'s parts, without joining it, in every format', async () => {
    const site = await makeSite({ ...stories(3_000), 'articles/zh.md': record('zh', 'language: zh', '北京新闻 😀 « » — ∑\n\n'.repeat(200)) }, ARCHIVES);
    try {
      const config = await loadConfig(undefined, site.dir);
      const built = buildFeeds((await loadArticles(config, site.dir)).articles, config);
      for (const feed of built.feeds) {
        for (const f of FORMATS) {
          const text = built.outputs.get(`${feed.plan.dir}${FILES[f]}`) ?? '';
          const bytes = Buffer.byteLength(text);
          expect(documentOver(PARTS[f](feed.model), feed.model.items, 0), `${feed.plan.dir}${f}`).toBe(bytes);
          expect(documentOver(PARTS[f](feed.model), feed.model.items, bytes)).toBeUndefined();
        }
      }
    } finally {
      await site.cleanup();
    }
  });

  it('count UTF-8 as the encoder does, lone surrogates as U+FFFD', () => {
    const next = rng(7);
    const units = [0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xfffd, 0xd83d, 0xde00, 0xdbff, 0xdc00];
    for (let k = 0; k < 500; k++) {
      const s = String.fromCharCode(...Array.from({ length: Math.floor(next() * 12) }, () => units[Math.floor(next() * units.length)] as number));
      expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).byteLength);
    }
  });

  it('a limit comes from the heap, up to the longest string; a warning names documents of 100 MiB and more', () => {
    expect(documentLimit(4144 * 2 ** 20)).toEqual({ bytes: 259 * 2 ** 20, by: 'heap', heap: 4144 * 2 ** 20 });
    expect(documentLimit(16 * 2 ** 30)).toEqual({ bytes: 2 ** 29 - 24, by: 'string' });
    expect(documentLimit()).toEqual({ bytes: 2 ** 29 - 24, by: 'string' });
    expect(documentLimit(4144 * 2 ** 20, 1000)).toEqual({ bytes: 1000, by: 'given' });
    const feed = { kind: 'archive', content: 'full' } as const;
    expect(largeDocuments([['dist/archive/2025-02/rss.xml', LARGE_DOCUMENT_BYTES - 1]], feed)).toEqual([]);
    expect(largeDocuments([['dist/archive/2025-02/rss.xml', 300_000_000], ['dist/archive/2025-02/atom.xml', 300_000_100], ['dist/archive/2025-02/feed.json', 90_000_000]], feed).map(formatDiagnostic)).toEqual([
      `dist/archive/2025-02/atom.xml: warning: the document is 286.1 MiB (rss.xml 286.1 MiB too): many feed readers and aggregators will not fetch a document this large; ${REMEDY} (W_DOCUMENT_LARGE)`,
    ]);
  });
});
