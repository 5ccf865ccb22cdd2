/** How a build looks alive: the progress line on a terminal, one summary when piped, --quiet and --json. */
import { describe, expect, it } from 'vitest';
import { describeProgress, progressLine } from '../src/cli/_progress.js';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_CACHE_DIR, main, runBuild, type CliIO } from '../src/index.js';
import { makeSite, record, SITE_CONFIG } from './_helpers.js';

function cli(cwd: string, progress = false): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, progress, terminal: progress, out: () => out, err: () => err };
}

describe('the progress line', () => {
  it('says what is being done, how far, the rate and the time left', () => {
    expect(describeProgress({ phase: 'read', done: 5120, total: 10000 }, 0.64)).toBe('Reading records 5,120/10,000 (51%), 8,000/s, about 1 s left');
    expect(describeProgress({ phase: 'feeds', done: 30, total: 253 }, 3)).toBe('Writing feeds 30/253 (11%), 10/s, about 23 s left');
    // Too early for a rate, and nothing left at the end.
    expect(describeProgress({ phase: 'read', done: 3, total: 10 }, 0.1)).toBe('Reading records 3/10 (30%)');
    expect(describeProgress({ phase: 'feeds', done: 10, total: 10 }, 2)).toBe('Writing feeds 10/10 (100%), 5/s');
    // Between reading and writing: planning, which has no count.
    expect(describeProgress({ phase: 'plan', done: 0, total: 1 }, 3)).toBe('Planning feeds…');
  });

  it('says the feeds are being planned once the records are read (not "Reading records 100%" for seconds)', () => {
    const writes: string[] = [];
    let now = 0;
    const line = progressLine((t) => writes.push(t), () => now);
    line.update({ phase: 'read', done: 10, total: 10 });
    now += 1;
    line.update({ phase: 'plan', done: 0, total: 1 });
    expect(writes).toEqual(['\r\x1b[KReading records 10/10 (100%)', '\r\x1b[KPlanning feeds…']);
  });

  it('redraws at most ten times a second (and always at the end of a phase), and clears itself', () => {
    const writes: string[] = [];
    let now = 0;
    const line = progressLine((t) => writes.push(t), () => now);
    for (let done = 1; done <= 1000; done++) {
      now += 1; // one file a millisecond
      line.update({ phase: 'read', done, total: 1000 });
    }
    expect(writes.length).toBeGreaterThanOrEqual(10);
    expect(writes.length).toBeLessThanOrEqual(12);
    expect(writes.every((w) => w.startsWith('\r\x1b[K'))).toBe(true);
    // The phase started with the first file, at 1 ms: 1,000 files in 0.999 s.
    expect(writes.at(-1)).toBe('\r\x1b[KReading records 1,000/1,000 (100%), 1,001/s');
    expect(line.done()).toBe(true);
    expect(writes.at(-1)).toBe('\r\x1b[K');
    expect(line.done()).toBe(false);
  });

  it('keeps to the terminal\'s width: the time left goes first, then the rate, then the words are cut (QA: at 40 columns every redraw left a row behind)', () => {
    const at = (columns: number | undefined): string => {
      const writes: string[] = [];
      let now = 0;
      const line = progressLine((t) => writes.push(t), () => now, () => columns);
      line.update({ phase: 'feeds', done: 0, total: 253 });
      now = 3000;
      line.update({ phase: 'feeds', done: 30, total: 253 });
      return (writes.at(-1) ?? '').replace('\r\x1b[K', '');
    };
    expect(at(undefined)).toBe('Writing feeds 30/253 (11%), 10/s, about 23 s left');
    expect(at(80)).toBe('Writing feeds 30/253 (11%), 10/s, about 23 s left');
    expect(at(50)).toBe('Writing feeds 30/253 (11%), 10/s, about 23 s left');
    expect(at(49)).toBe('Writing feeds 30/253 (11%), 10/s');
    expect(at(40)).toBe('Writing feeds 30/253 (11%), 10/s');
    expect(at(30)).toBe('Writing feeds 30/253 (11%)');
    expect(at(20)).toBe('Writing feeds 30/2…');
    expect(at(0)).toBe('Writing feeds 30/253 (11%), 10/s, about 23 s left');
    for (const columns of [2, 5, 20, 33, 41]) expect([...at(columns)].length).toBeLessThan(columns);
  });
});

it('runBuild reports reading, then planning, then writing', async () => {
  const site = await makeSite({ 'articles/a.md': record('a'), 'articles/b.md': record('b') }, { ...SITE_CONFIG, feeds: { archives: true } });
  try {
    const phases: string[] = [];
    const report = await runBuild({ cwd: site.dir, cacheDir: false, onProgress: (p) => phases.push(p.phase) });
    expect(report.ok).toBe(true);
    const order = phases.filter((p, i) => p !== phases[i - 1]);
    expect(order).toEqual(['read', 'plan', 'feeds']);
  } finally {
    await site.cleanup();
  }
});

it('runBuild reports a second reading when the cache\'s data turns out damaged, then planning again', async () => {
  const site = await makeSite({ 'articles/a.md': record('a'), 'articles/b.md': record('b') }, { ...SITE_CONFIG, feeds: { archives: true } });
  try {
    expect((await runBuild({ cwd: site.dir })).ok).toBe(true);
    const cacheDir = join(site.dir, DEFAULT_CACHE_DIR);
    for (const name of await readdir(cacheDir)) if (name.startsWith('data-')) await writeFile(join(cacheDir, name), 'damaged');
    // Into another directory every feed is rendered: every data file is loaded, found damaged, and every
    // record is read again.
    const phases: string[] = [];
    const report = await runBuild({ cwd: site.dir, outDir: 'elsewhere', onProgress: (p) => phases.push(p.phase) });
    expect(report.ok).toBe(true);
    expect(report.cacheIgnored).toBe('the cache file is not one this version writes');
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(['read', 'plan', 'read', 'plan', 'feeds']);
  } finally {
    await site.cleanup();
  }
});

describe('build output', () => {
  const files = { 'articles/a.md': record('a', 'section: World'), 'articles/b.md': record('b', 'summary: "<b>Bold</b> summary"') };
  const config = { ...SITE_CONFIG, feeds: { sections: true } };

  it('on a terminal: the progress line on stderr, cleared before the summary', async () => {
    const site = await makeSite(files, config);
    try {
      const io = cli(site.dir, true);
      expect(await main(['build', '--no-cache'], io)).toBe(0);
      expect(io.err()).toContain('\r\x1b[KReading records 2/2 (100%)');
      expect(io.err()).toContain('\r\x1b[KWriting feeds 2/2 (100%)');
      expect(io.out()).toContain('Wrote ');
    } finally {
      await site.cleanup();
    }
  });

  it('check on a terminal: the progress line too, cleared before the summary; none with --quiet or --json, nor piped (QA)', async () => {
    const site = await makeSite(files, config);
    try {
      const io = cli(site.dir, true);
      expect(await main(['check'], io)).toBe(0);
      expect(io.err()).toContain('\r\x1b[KPlanning feeds…');
      // Erased before the warnings are printed.
      expect(io.err()).toContain('Planning feeds…\r\x1b[Karticles/b.md:5: summary: warning:');
      expect(io.out()).toMatch(/^Read 2 records from articles\/: 2 published, 0 drafts\.\n/);
      for (const [args, terminal] of [[['check', '--quiet'], true], [['check', '--json'], true], [['check'], false]] as const) {
        const other = cli(site.dir, terminal);
        expect(await main([...args], other)).toBe(0);
        expect(other.err(), args.join(' ')).not.toContain('\r');
      }
    } finally {
      await site.cleanup();
    }
  });

  it('piped (no terminal): no progress, one summary line', async () => {
    const site = await makeSite(files, config);
    try {
      const io = cli(site.dir, false);
      expect(await main(['build', '--no-cache'], io)).toBe(0);
      expect(io.err()).not.toContain('\r');
      expect(io.out()).toMatch(/^Built 2 feeds \(6 documents, 2 rendered\) from 2 records \(2 published, 0 drafts\) in \d+\.\d\d s: \d+ files written to dist\/\.\n$/);
      // Piped with stderr on a terminal (`dateline build | tee log`): the progress line there, the one line here (README audit).
      const tee = { ...cli(site.dir, true), terminal: false };
      expect(await main(['build', '--no-cache'], tee)).toBe(0);
      expect(tee.err()).toContain('\r\x1b[KReading records');
      expect(tee.out()).toMatch(/^Built 2 feeds .* written to dist\/, \d+ unchanged\.\n$/);
      // A caller of `main` that sets `progress` alone (as before `terminal` was) gets the report of a few lines.
      let older = '';
      expect(await main(['build', '--no-cache'], { stdout: (t) => (older += t), stderr: () => undefined, cwd: site.dir, progress: true })).toBe(0);
      expect(older).toMatch(/^Read 2 records from articles\/: 2 published, 0 drafts\.\n/);
      // Again, with the cache and nothing changed: what was kept, in the same line. (Records saved within
      // a moment of the last build are read again, whatever their stamps say.)
      expect(await main(['build'], io)).toBe(0);
      const again = cli(site.dir, false);
      expect(await main(['build'], again)).toBe(0);
      expect(again.out()).toMatch(/^Built 2 feeds \(6 documents, 0 rendered\) from 2 records \(2 published, 0 drafts(, \d not read again)?\) in \d+\.\d\d s: 0 files written to dist\/, \d+ unchanged\.\n$/);
    } finally {
      await site.cleanup();
    }
  });

  it('--quiet prints only warnings; --json one object on stdout', async () => {
    const site = await makeSite(files, config);
    try {
      const quiet = cli(site.dir, true);
      expect(await main(['build', '--quiet', '--no-cache'], quiet)).toBe(0);
      expect(quiet.out()).toBe('');
      expect(quiet.err()).toMatch(/^articles\/b\.md:5: summary: .*\(W_TEXT_LOOKS_LIKE_HTML\)\n1 warning\n$/);
      const json = cli(site.dir, true);
      expect(await main(['build', '--json'], json)).toBe(0);
      const report = JSON.parse(json.out());
      expect(report).toMatchObject({
        ok: true,
        outDir: 'dist',
        records: { files: 2, read: 2, readInWorker: 0, published: 2, drafts: 0 },
        feeds: { total: 2, rendered: 2, reused: 0, documents: 6 },
        files: { written: 0, removed: 0 },
        mainFeedItems: 2,
        cache: { used: false, reason: 'no cache yet' },
      });
      expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['W_TEXT_LOOKS_LIKE_HTML']);
      expect(typeof report.durationMs).toBe('number');
      expect(json.err()).not.toContain('\r');
      expect(await main(['build', '--cache', 'x', '--no-cache'], cli(site.dir))).toBe(2);
    } finally {
      await site.cleanup();
    }
  });
});
