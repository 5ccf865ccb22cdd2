/**
 * Incremental builds (issue 5): after any sequence of edits, a build with the cache leaves exactly the
 * tree a clean build makes (bytes, and the mtimes that are Last-Modified); it re-reads only the changed
 * records and rewrites only the changed feeds; a damaged, stale or deleted cache is ignored, never trusted.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/index.js';
import { codeVersionAt } from '../src/pipeline/version.js';
import { makeSite, record, rng, SITE_CONFIG } from './_helpers.js';

// Brotli at quality 4: these tests are about which bytes, not how small (quality 11 takes most of a build's time).
const CONFIG = { ...SITE_CONFIG, itemsPerFeed: 6, feeds: { sections: true, tags: { itemsPerFeed: 3 }, authors: true, archives: true, brotliQuality: 4 } };
const SECTIONS = ['World', 'Business', '国际新闻', 'Sports'];
const TAGS = ['Trade Talks', 'Energy', 'Rail', 'World News', 'world news'];
const PEOPLE = ['Li Wen', 'Mike Gu', 'Anna Berg'];

function article(n: number, r: () => number, variant = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const month = 1 + Math.floor(r() * 4);
  const day = 1 + Math.floor(r() * 27);
  const tags = [...new Set([pick(TAGS), pick(TAGS)])];
  return [
    '---',
    `id: a${n}`,
    `title: "Story ${n}, version ${variant}"`,
    `date: 2025-0${month}-${String(day).padStart(2, '0')} ${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`,
    `section: ${pick(SECTIONS)}`,
    `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`,
    `authors: [${pick(PEOPLE)}]`,
    ...(r() < 0.1 ? ['draft: true'] : []),
    '---',
    `Paragraph one of story ${n} (${variant}) with *emphasis* and a [link](https://example.com/${n}).`,
    '',
    `Paragraph two, ${'words '.repeat(Math.floor(r() * 20))}end.`,
    '',
  ].join('\n');
}

function cli(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, out: () => out, err: () => err };
}

/** Every file under `dir`: bytes, and the mtime of the files whose mtime is their Last-Modified. */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const manifest = JSON.parse(await readFile(join(dir, '_dateline.json'), 'utf8')) as { files: Record<string, { encodings: Record<string, { file: string }> }> };
  const timed = new Set(Object.entries(manifest.files).flatMap(([n, f]) => [n, ...Object.values(f.encodings).map((v) => v.file)]));
  for (const name of (await readdir(dir, { recursive: true })) as string[]) {
    const path = join(dir, name);
    const st = await stat(path);
    if (st.isDirectory()) {
      out.set(`${name}/`, 'dir');
      continue;
    }
    const bytes = await readFile(path);
    out.set(name, `${bytes.toString('base64')}${timed.has(name) ? ` @${st.mtimeMs}` : ''}`);
  }
  return out;
}

async function build(cwd: string, args: string[]): Promise<{ code: number; json: any; err: string }> {
  const io = cli(cwd);
  const code = await main(['build', '--json', ...args], io);
  return { code, json: io.out() === '' ? undefined : JSON.parse(io.out()), err: io.err() };
}

/** Clean build of the site as it is now into a fresh directory, compared with the incremental build's tree. */
async function expectSameAsClean(dir: string, label: string): Promise<void> {
  const clean = await mkdtemp(join(tmpdir(), 'dateline-clean-'));
  try {
    const r = await build(dir, ['--no-cache', '--out', clean]);
    expect(r.code, `${label}: ${r.err}`).toBe(0);
    const [a, b] = [await tree(join(dir, 'dist')), await tree(clean)];
    expect([...a.keys()].sort(), label).toEqual([...b.keys()].sort());
    for (const [name, value] of b) expect(a.get(name) === value, `${label}: ${name} differs`).toBe(true);
  } finally {
    await rm(clean, { recursive: true, force: true });
  }
}

/** A site whose records get distinct past mtimes (`settle`), so the cache may trust size and mtime (no racy re-reads). */
async function clockedSite(files: Record<string, string>): Promise<{ site: Awaited<ReturnType<typeof makeSite>>; settle: (name: string) => Promise<void> }> {
  const site = await makeSite(files, CONFIG);
  let clock = Date.UTC(2024, 0, 1) / 1000;
  const settle = async (name: string): Promise<void> => {
    clock += 7;
    await utimes(join(site.dir, name), clock, clock);
  };
  for (const name of Object.keys(files)) await settle(name);
  return { site, settle };
}

describe('incremental builds', () => {
  it('after random sequences of edits, adds and deletes, the tree equals a clean build every time', async () => {
    for (const seed of [1, 2, 3]) {
      const r = rng(seed);
      const files: Record<string, string> = {};
      for (let n = 0; n < 24; n++) files[`articles/a${n}.md`] = article(n, r);
      const { site, settle } = await clockedSite(files);
      try {
        let next = 24;
        let replanned = 0;
        const live = new Set(Object.keys(files));
        expect((await build(site.dir, [])).code).toBe(0);
        await expectSameAsClean(site.dir, `seed ${seed}, start`);
        for (let step = 0; step < 12; step++) {
          const names = [...live].sort();
          const target = names[Math.floor(r() * names.length)] ?? 'articles/a0.md';
          const op = Math.floor(r() * 5);
          let label = `seed ${seed}, step ${step}`;
          if (op === 0 && live.size > 4) {
            await unlink(join(site.dir, target));
            live.delete(target);
            label += `: delete ${target}`;
          } else if (op === 1) {
            const name = `articles/new${next}.md`;
            await writeFile(join(site.dir, name), article(100 + next, r));
            await settle(name);
            live.add(name);
            next += 1;
            label += `: add ${name}`;
          } else {
            const n = Number(/\d+/.exec(target)?.[0] ?? 0);
            await writeFile(join(site.dir, target), article(n, r, step + 1));
            await settle(target);
            label += `: edit ${target}`;
          }
          const result = await build(site.dir, []);
          expect(result.code, `${label}: ${result.err}`).toBe(0);
          expect(result.json.cache.used, label).toBe(true);
          expect(result.json.records.read, label).toBeLessThanOrEqual(1);
          // A record added or deleted: planned again from the cache's signatures, not from every article.
          if (/: (add|delete) /.test(label)) expect(result.json.cache.replanned, label).toBe(true);
          replanned += result.json.cache.replanned === true ? 1 : 0;
          await expectSameAsClean(site.dir, label);
          const clean = await build(site.dir, ['--no-cache', '--out', 'dist-clean']);
          expect(result.json.diagnostics, `${label}: the report`).toEqual(clean.json.diagnostics);
          expect(result.json.records, label).toEqual({ ...clean.json.records, read: result.json.records.read });
        }
        expect(replanned, `seed ${seed}`).toBeGreaterThan(0);
      } finally {
        await site.cleanup();
      }
    }
  }, 120_000);

  it('after edits that leave every feed membership alone, the previous plans are reused and tree and report equal a clean build', async () => {
    const codes = new Set<string>();
    for (const seed of [4, 5]) {
      const r = rng(seed);
      const files: Record<string, string> = {};
      for (let n = 0; n < 30; n++) files[`articles/a${n}.md`] = article(n, r);
      const { site, settle } = await clockedSite(files);
      try {
        expect((await build(site.dir, [])).code).toBe(0);
        let reused = 0;
        let spliced = 0;
        for (let step = 0; step < 12; step++) {
          const names = Object.keys(files).sort();
          const target = names[Math.floor(r() * names.length)] ?? 'articles/a0.md';
          const text = await readFile(join(site.dir, target), 'utf8');
          // Edits a desk makes to a published story: the copy, the headline, credits, a summary, and some
          // that draw warnings (markup the sanitiser removes, a control character stripped).
          const edits = [
            (t: string) => t.replace(/Paragraph two, /, `Paragraph two (rev ${step}), `),
            (t: string) => t.replace(/^title: .*$/m, `title: "Revised ${step}"`),
            (t: string) => t.replace(/^---\n/, `---\ncontributors: ["Reporter ${step} in Hong Kong"]\n`),
            (t: string) => t.replace(/^---\n/, `---\nsummary: "Summary ${step}"\n`),
            (t: string) => `${t}\n<script>alert(${step})</script><iframe src="x"></iframe>\n`,
            (t: string) => t.replace(/^title: "/m, `title: "\u0007`),
            // A correction's update time, and taking it back (the feeds' own `updated` moves both ways).
            (t: string) => (/^updated: /m.test(t) ? t.replace(/^updated: .*\n/m, '') : t.replace(/^---\n/, `---\nupdated: 2025-05-0${1 + (step % 9)} 10:00\n`)),
          ];
          // Every kind of edit at least once per seed, on a random record.
          const edit = edits[(step + seed) % edits.length] ?? ((t: string) => t);
          const label = `seed ${seed}, step ${step}: edit ${target}`;
          await writeFile(join(site.dir, target), edit(text));
          await settle(target);
          const result = await build(site.dir, []);
          expect(result.code, `${label}: ${result.err}`).toBe(0);
          expect(result.json.records.read, label).toBe(1);
          if (result.json.cache.plansReused === true) reused += 1;
          spliced += result.json.feeds.spliced;
          expect(result.json.feeds.rendered, label).toBeLessThan(result.json.feeds.total);
          await expectSameAsClean(site.dir, label);
          const clean = await build(site.dir, ['--no-cache', '--out', 'dist-clean']);
          expect(result.json.diagnostics, `${label}: the report`).toEqual(clean.json.diagnostics);
          expect(result.json.records, label).toEqual({ ...clean.json.records, read: 1, readInWorker: 0 });
          expect(result.json.mainFeedItems, label).toBe(clean.json.mainFeedItems);
          for (const d of result.json.diagnostics as { code: string }[]) codes.add(d.code);
        }
        expect(reused).toBe(12);
        expect(spliced).toBeGreaterThan(0);
        // A record saved again unchanged (new mtime, same bytes): read, found the same, nothing rendered.
        await settle('articles/a7.md');
        const touched = await build(site.dir, []);
        expect(touched.json.cache).toEqual({ used: true, plansReused: true, replanned: false });
        expect(touched.json.records.read).toBe(1);
        expect(touched.json.feeds.rendered).toBe(0);
        await expectSameAsClean(site.dir, `seed ${seed}: touched`);
        const again = await build(site.dir, []);
        expect(again.json.records.read).toBe(0);
      } finally {
        await site.cleanup();
      }
    }
    // The reports carried warnings of planning, of edited records, and of items rendered now and before.
    expect([...codes].sort()).toEqual(['W_CHARS_STRIPPED', 'W_SLUG_COLLISION', 'W_UNSAFE_MARKUP']);
  }, 120_000);

  it('stories from before 1970: feeds dated by their newest, files by the epoch, edits spliced to what a clean build writes', async () => {
    const old = (n: number, date: string, updated?: string): string =>
      ['---', `id: old${n}`, `title: "Archive story ${n}"`, `date: ${date}`, ...(updated === undefined ? [] : [`updated: ${updated}`]), 'section: World', 'tags: [Rail]', 'authors: [Li Wen]', '---', `Text of story ${n}.`, ''].join('\n');
    const files: Record<string, string> = {};
    for (let n = 0; n < 9; n++) files[`articles/old${n}.md`] = old(n, `1950-0${1 + (n % 3)}-1${n} 10:00`);
    const { site, settle } = await clockedSite(files);
    try {
      expect((await build(site.dir, [])).code).toBe(0);
      await expectSameAsClean(site.dir, 'start');
      const atom = readFileSync(join(site.dir, 'dist', 'sections', 'world', 'atom.xml'), 'utf8');
      // (The feed's own <updated> comes before its entries'.)
      expect(/<updated>([^<]*)<\/updated>/.exec(atom)?.[1]).toBe('1950-03-18T10:00:00+08:00');
      expect((await stat(join(site.dir, 'dist', 'sections', 'world', 'atom.xml'))).mtimeMs).toBe(0);
      // A correction of an old story, then one dated before every other: spliced, and a clean build's bytes.
      for (const [n, date, updated] of [[2, '1950-03-12 10:00', '1960-05-01 08:00'], [4, '1950-02-14 10:00', undefined], [7, '1901-01-01 00:00', undefined]] as const) {
        await writeFile(join(site.dir, `articles/old${n}.md`), old(n, date, updated));
        await settle(`articles/old${n}.md`);
        const r = await build(site.dir, []);
        expect(r.code, r.err).toBe(0);
        expect(r.json.cache.used).toBe(true);
        await expectSameAsClean(site.dir, `old${n}`);
      }
    } finally {
      await site.cleanup();
    }
  });

  it('re-reads only the changed record and rewrites only the feeds it is in', async () => {
    const r = rng(9);
    const files: Record<string, string> = {};
    for (let n = 0; n < 30; n++) files[`articles/a${n}.md`] = article(n, r);
    const site = await makeSite(files, CONFIG);
    try {
      for (const name of Object.keys(files)) await utimes(join(site.dir, name), 1_700_000_000, 1_700_000_000);
      const first = await build(site.dir, []);
      expect(first.code).toBe(0);
      expect(first.json.cache).toEqual({ used: false, reason: 'no cache yet' });
      expect(first.json.records.read).toBe(30);
      const same = await build(site.dir, []);
      expect(same.json.records.read).toBe(0);
      expect(same.json.feeds.rendered).toBe(0);
      expect(same.json.files.written).toBe(0);
      // Only the body of an old story changes: its archive month and the feeds that carry it, nothing else.
      const text = await readFile(join(site.dir, 'articles/a3.md'), 'utf8');
      await writeFile(join(site.dir, 'articles/a3.md'), text.replace('Paragraph one', 'Paragraph ONE'));
      await utimes(join(site.dir, 'articles/a3.md'), 1_700_000_100, 1_700_000_100);
      const edit = await build(site.dir, []);
      expect(edit.json.records.read).toBe(1);
      expect(edit.json.feeds.rendered).toBeGreaterThan(0);
      expect(edit.json.feeds.rendered).toBeLessThanOrEqual(6);
      expect(edit.json.feeds.reused).toBe(edit.json.feeds.total - edit.json.feeds.rendered);
      await expectSameAsClean(site.dir, 'one edit');
    } finally {
      await site.cleanup();
    }
  });

  it('feeds an edit touches are spliced from their previous documents, byte for byte what a clean build writes', async () => {
    // Twelve stories in March and one in February: the newest three are the main feed's, the other nine
    // March's archive (an aggregator reaches each story once), newest first.
    const story = (n: number, extra: string[] = [], body = `Copy of story ${n}.`): string => [
      '---',
      `id: s${n}`,
      `title: "${n % 3 === 0 ? `中国新闻 ${n}` : `Story ${n} & “quotes”`}"`,
      `date: 2025-03-${String(n).padStart(2, '0')} 09:${String(n).padStart(2, '0')}`,
      ...extra,
      '---',
      body,
      '',
      // Text that looks like the item boundaries the documents are split at, in every format.
      'Code that looks like markup:',
      '',
      '    <item>',
      '      <entry>',
      '    ,',
      '    {',
      '',
    ].join('\n');
    const files: Record<string, string> = { 'articles/old.md': story(1).replace('2025-03-01', '2025-02-14').replace('id: s1', 'id: old') };
    for (let n = 1; n <= 12; n++) files[`articles/s${n}.md`] = story(n);
    const site = await makeSite(files, { ...SITE_CONFIG, itemsPerFeed: 3, feeds: { archives: true, brotliQuality: 4 } });
    let clock = 1_700_000_000;
    const rewrite = async (name: string, text: string): Promise<void> => {
      await writeFile(join(site.dir, name), text);
      clock += 10;
      await utimes(join(site.dir, name), clock, clock);
    };
    const step = async (label: string, name: string, text: string, expected: { rendered: number; spliced: number }): Promise<void> => {
      await rewrite(name, text);
      const r = await build(site.dir, []);
      expect(r.code, `${label}: ${r.err}`).toBe(0);
      expect(r.json.cache.plansReused, label).toBe(true);
      expect({ rendered: r.json.feeds.rendered, spliced: r.json.feeds.spliced }, label).toEqual(expected);
      await expectSameAsClean(site.dir, label);
      const clean = await build(site.dir, ['--no-cache', '--out', 'dist-clean']);
      expect(r.json.diagnostics, `${label}: the report`).toEqual(clean.json.diagnostics);
      expect(r.json.records, label).toEqual({ ...clean.json.records, read: 1 });
    };
    try {
      for (const name of Object.keys(files)) await utimes(join(site.dir, name), clock, clock);
      expect((await build(site.dir, [])).code).toBe(0);
      // The archive's middle, its last item and its first. The edited record's data goes to the cache's
      // edits file; its month's data files are neither read nor written.
      const cacheDir = join(site.dir, '.dateline-cache');
      const months = async (): Promise<string[]> => {
        const names = ((await readdir(cacheDir)) as string[]).filter((n) => n.startsWith('data-')).sort();
        return Promise.all(names.map(async (n) => `${n} ${(await stat(join(cacheDir, n))).mtimeMs}`));
      };
      const monthsBefore = await months();
      await step('middle', 'articles/s6.md', story(6, [], 'Corrected copy, 更正.'), { rendered: 1, spliced: 1 });
      expect((await months()).filter((m) => !m.startsWith('data-edits.'))).toEqual(monthsBefore);
      expect((await months()).some((m) => m.startsWith('data-edits.json '))).toBe(true);
      await step('last item', 'articles/s1.md', story(1, ['contributors: ["Mike Gu in Hong Kong"]']), { rendered: 1, spliced: 1 });
      await step('first item', 'articles/s9.md', story(9, [], 'Copy with "quotes", \\ and </item> & more.'), { rendered: 1, spliced: 1 });
      // The main feed is made from the previous build's model of it (index.html needs all its items),
      // with the edited item rendered, and its documents written whole.
      await step('main feed', 'articles/s12.md', story(12, [], 'Main feed copy.'), { rendered: 1, spliced: 1 });
      // A warning drawn (a control character stripped) and gone again: the report follows.
      await step('warning', 'articles/s4.md', story(4).replace('title: "', 'title: "\u0007'), { rendered: 1, spliced: 1 });
      await step('warning gone', 'articles/s4.md', story(4), { rendered: 1, spliced: 1 });
      // A correction that updates a story moves the archive's own `updated` (its head changes too), and the
      // version of the main feed's prev-archive link (RFC 5005 §4.1: a client that will not read the archive
      // again must still see it), so the main feed is written again too, from its items as they were.
      await step('updated', 'articles/s5.md', story(5, ['updated: 2025-04-20 08:30']), { rendered: 2, spliced: 2 });
      const atom = await readFile(join(site.dir, 'dist/archive/2025-03/atom.xml'), 'utf8');
      expect(atom).toMatch(/^  <updated>2025-04-20T08:30:00\+08:00<\/updated>$/m);
      // Taken back: the story that gave the archive its `updated` is older now; the next of the latest
      // stories the cache lists for the archive gives it, and the archive is still spliced.
      await step('updated taken back', 'articles/s5.md', story(5), { rendered: 2, spliced: 2 });
      expect(await readFile(join(site.dir, 'dist/archive/2025-03/atom.xml'), 'utf8')).toMatch(/^  <updated>2025-03-09T09:09:00\+08:00<\/updated>$/m);
      // A previous document altered in place (same size, same mtime) is not copied from.
      const rss = join(site.dir, 'dist/archive/2025-03/rss.xml');
      const before = await stat(rss);
      const bytes = await readFile(rss);
      const at = bytes.indexOf('Story 4');
      bytes[at] = 'G'.charCodeAt(0);
      await writeFile(rss, bytes);
      await utimes(rss, before.atime, before.mtime);
      await step('altered document', 'articles/s7.md', story(7, [], 'Another correction.'), { rendered: 1, spliced: 0 });
      // A story added, the newest: the plans are made again from the cache's signatures, it goes to the
      // top of the main feed, whose oldest story goes to the top of March's archive (spliced in), and its
      // data joins the edits file. The next build with the cache still gives what a clean one does.
      await rewrite('articles/s13.md', story(13).replace('2025-03-13', '2025-03-28'));
      const added = await build(site.dir, []);
      expect(added.json.cache).toEqual({ used: true, plansReused: false, replanned: true });
      expect({ rendered: added.json.feeds.rendered, spliced: added.json.feeds.spliced, read: added.json.records.read }).toEqual({ rendered: 2, spliced: 2, read: 1 });
      expect((await months()).some((m) => m.startsWith('data-edits.'))).toBe(true);
      await expectSameAsClean(site.dir, 'added');
      await step('after planning again', 'articles/s6.md', story(6, [], 'Third correction.'), { rendered: 1, spliced: 1 });
      // An edit the archive does not show (its items are summaries, the lead paragraph, which stays): the
      // archive is spliced to the bytes it had, compared with the documents it was spliced from, and
      // nothing is written or touched.
      const archive = await Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map((f) => stat(join(site.dir, 'dist/archive/2025-03', f))));
      await step('summary unchanged', 'articles/s6.md', story(6, [], 'Third correction.\n\nA paragraph the summary does not reach.'), { rendered: 1, spliced: 1 });
      await rewrite('articles/s6.md', story(6, [], 'Third correction.\n\nAnother paragraph the summary does not reach.'));
      const same = await build(site.dir, []);
      expect({ rendered: same.json.feeds.rendered, spliced: same.json.feeds.spliced, written: same.json.files.written }).toEqual({ rendered: 1, spliced: 1, written: 0 });
      const after = await Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map((f) => stat(join(site.dir, 'dist/archive/2025-03', f))));
      expect(after.map((a) => [a.ino, a.mtimeMs])).toEqual(archive.map((a) => [a.ino, a.mtimeMs]));
      await expectSameAsClean(site.dir, 'summary unchanged');
    } finally {
      await site.cleanup();
    }
  });

  it('records published, unpublished and moved between feeds are planned from the signatures; tree and report equal a clean build', async () => {
    const story = (n: number, date: string, tags: string[], extra: string[] = []): string =>
      ['---', `id: p${n}`, `title: "Story ${n}"`, `date: ${date}`, 'section: World', `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`, 'authors: [Li Wen]', ...extra, '---', `Copy of story ${n}.`, ''].join('\n');
    const files: Record<string, string> = {};
    for (let n = 1; n <= 16; n++) files[`articles/p${n}.md`] = story(n, `2025-0${1 + (n % 3)}-${String(n).padStart(2, '0')} 08:00`, n % 2 === 0 ? ['Rail'] : ['Energy']);
    const { site, settle } = await clockedSite(files);
    const cacheDir = join(site.dir, '.dateline-cache');
    const step = async (label: string, change: () => Promise<void>, path: 'replanned' | 'reused' | 'full' = 'replanned'): Promise<any> => {
      await change();
      const r = await build(site.dir, []);
      const clean = await build(site.dir, ['--no-cache', '--out', 'dist-clean']);
      expect(r.code, `${label}: ${r.err}`).toBe(clean.code);
      expect(r.json.diagnostics, `${label}: the report`).toEqual(clean.json.diagnostics);
      expect(r.json.cache, label).toEqual({ used: true, plansReused: path === 'reused', replanned: path === 'replanned' });
      if (r.code === 0) {
        expect(r.json.records, label).toEqual({ ...clean.json.records, read: r.json.records.read });
        await expectSameAsClean(site.dir, label);
      }
      return r.json;
    };
    const write = (n: number, text: string) => async (): Promise<void> => {
      await writeFile(join(site.dir, `articles/p${n}.md`), text);
      await settle(`articles/p${n}.md`);
    };
    try {
      expect((await build(site.dir, [])).code).toBe(0);
      const base = await stat(join(cacheDir, 'signatures.json'));
      // Published, the newest: the main feed, its section, tag and author feeds and the archive it pushes
      // a story into are spliced (the main feed from its model); nothing else is written.
      const published = await step('published', write(20, story(20, '2025-04-01 08:00', ['Rail'])));
      expect(published.feeds.spliced).toBeGreaterThanOrEqual(4);
      expect(published.feeds.rendered).toBe(published.feeds.spliced);
      // Only the changes file is written; the columns stay as the first build wrote them.
      expect((await stat(join(cacheDir, 'signatures.json'))).mtimeMs).toBe(base.mtimeMs);
      expect(JSON.parse((await readFile(join(cacheDir, 'signature-changes.json'), 'utf8')).split('\n')[1] ?? '')).toHaveProperty(['articles/p20.md']);
      // Moved between tag feeds, and between monthly archives.
      await step('retagged', write(3, story(3, '2025-01-03 08:00', ['Rail', 'Ports'])));
      await step('redated', write(5, story(5, '2025-03-30 08:00', ['Energy'])));
      // Unpublished (a draft now), and published again.
      await step('made a draft', write(7, story(7, '2025-02-07 08:00', ['Energy'], ['draft: true'])));
      await step('published again', write(7, story(7, '2025-02-07 08:00', ['Energy'])));
      // A tag whose path another takes: the collision is reported as a clean build reports it.
      await step('colliding tag', write(21, story(21, '2025-02-21 08:00', ['rail'])));
      // Deleted: the story whose correction gave an archive its `updated` (the archive is rendered whole).
      // Corrected, in the oldest archive: the plans are kept, and the archive links' versions down to it are
      // new (RFC 5005 §4.1): the main feed and every archive from January up are spliced again, nothing else.
      const prevArchive = async (): Promise<string> => /<link rel="prev-archive" [^>]*href="([^"]+)"/.exec(await readFile(join(site.dir, 'dist/atom.xml'), 'utf8'))?.[1] ?? '';
      const linkBefore = await prevArchive();
      const corrected = await step('corrected', write(9, story(9, '2025-01-09 08:00', ['Energy'], ['updated: 2025-05-01 10:00'])), 'reused');
      expect(await prevArchive()).not.toBe(linkBefore);
      const archives = (await readdir(join(site.dir, 'dist/archive'))).length;
      // (Its section, tag and author feeds carry newer stories only.)
      expect(archives).toBeGreaterThan(1);
      expect([corrected.feeds.rendered, corrected.feeds.spliced]).toEqual([1 + archives, 1 + archives]);
      await step('deleted', async () => unlink(join(site.dir, 'articles/p9.md')));
      // Two stories with one newest change, ahead of the clock: W_DATE_FUTURE names the first in its
      // feeds, as a clean build does (the one spliced in comes before the one kept).
      await step('dated ahead', write(10, story(10, '2025-02-10 08:00', ['Rail'], ['updated: 2099-01-01 10:00'])), 'reused');
      await step('dated ahead, a tie', write(25, story(25, '2025-02-25 08:00', ['Rail'], ['updated: 2099-01-01 10:00'])));
      // The one that gives it now moved after the other, the tie kept: the other, first now, gives it.
      await step('the tie reordered', write(25, story(25, '2025-02-05 07:00', ['Rail'], ['updated: 2099-01-01 10:00'])));
      // An id another record has: the full path, which reports it; then put right.
      const duplicate = await step('duplicate id', write(22, story(22, '2025-02-22 08:00', ['Rail']).replace('id: p22', 'id: p2')), 'full');
      expect(duplicate.diagnostics.map((d: { code: string }) => d.code)).toContain('E_ID_DUPLICATE');
      // (The failed build wrote no cache: to the cache the record is new.)
      await step('duplicate put right', write(22, story(22, '2025-02-22 08:00', ['Rail'])));
      // Six at once, one with an id another record has (ids compared the other way when many are new).
      const many = async (duplicate: boolean): Promise<void> => {
        for (let n = 30; n < 36; n++) await write(n, story(n, `2025-03-${n - 10} 08:00`, ['Energy']).replace(`id: p${n}`, duplicate && n === 33 ? 'id: p4' : `id: p${n}`))();
      };
      const six = await step('six published, one a duplicate', () => many(true), 'full');
      expect(six.diagnostics.map((d: { code: string }) => d.code)).toContain('E_ID_DUPLICATE');
      await step('six published', () => many(false));
      // Damaged signatures: the full path, which writes them again; the build after plans from them.
      await writeFile(join(cacheDir, 'signature-changes.json'), 'garbage');
      await step('signatures damaged', write(23, story(23, '2025-02-23 08:00', ['Energy'])), 'full');
      await step('after the damage', write(24, story(24, '2025-02-24 08:00', ['Energy'])));
    } finally {
      await site.cleanup();
    }
  }, 60_000);

  it('a feed whose newest stories leave it one by one is spliced from its list of latest changes until the list runs out, then rendered whole', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 14; n++) files[`articles/m${n}.md`] = record(`m${n}`, `date: 2025-03-${String(n).padStart(2, '0')} 09:00`).replace('date: 2025-02-05 09:24\n', '');
    const site = await makeSite(files, { ...SITE_CONFIG, itemsPerFeed: 1, feeds: { archives: true, brotliQuality: 4 } });
    try {
      let clock = 1_700_000_000;
      for (const name of Object.keys(files)) await utimes(join(site.dir, name), clock, clock);
      expect((await build(site.dir, [])).code).toBe(0);
      // The newest goes each time: the next comes back from March's archive to the main feed, and the
      // archive loses its newest change. Its list of eight carries it through eight such builds.
      const archive: number[] = [];
      for (let n = 14; n >= 4; n--) {
        await unlink(join(site.dir, `articles/m${n}.md`));
        clock += 10;
        const r = await build(site.dir, []);
        expect(r.code, `m${n}: ${r.err}`).toBe(0);
        expect(r.json.cache.replanned, `m${n}`).toBe(true);
        archive.push(r.json.feeds.spliced - 1);
        await expectSameAsClean(site.dir, `m${n} unpublished`);
        const clean = await build(site.dir, ['--no-cache', '--out', 'dist-clean']);
        expect(r.json.diagnostics, `m${n}: the report`).toEqual(clean.json.diagnostics);
      }
      // Spliced (1) while the list lasts, then rendered whole (0), which lists eight again.
      expect(archive).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
    } finally {
      await site.cleanup();
    }
  }, 60_000);

  it('past 256 records edited since the plans were made, a build plans again and keeps that for the next', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 260; n++) files[`articles/e${n}.md`] = record(`e${n}`);
    const site = await makeSite(files, CONFIG);
    let clock = 1_700_000_000;
    try {
      for (const name of Object.keys(files)) await utimes(join(site.dir, name), clock, clock);
      expect((await build(site.dir, [])).code).toBe(0);
      // Every record retitled in one build: the fast path, all of them in the edits file.
      clock += 100;
      for (const name of Object.keys(files)) {
        await writeFile(join(site.dir, name), (files[name] as string).replace(/^title: .*$/m, 'title: Retitled'));
        await utimes(join(site.dir, name), clock, clock);
      }
      const edited = await build(site.dir, []);
      expect(edited.json.cache.plansReused).toBe(true);
      expect(edited.json.records.read).toBe(260);
      // Nothing changed since, but the edits file is over the limit: planning again, which is saved ...
      const again = await build(site.dir, []);
      expect(again.json.cache).toEqual({ used: true, plansReused: false, replanned: false });
      expect(again.json.records.read).toBe(0);
      expect(((await readdir(join(site.dir, '.dateline-cache'))) as string[]).some((f) => f.startsWith('data-edits.'))).toBe(false);
      // ... so the next build takes the fast path again.
      expect((await build(site.dir, [])).json.cache).toEqual({ used: true, plansReused: true, replanned: false });
      await expectSameAsClean(site.dir, 'after the limit');
    } finally {
      await site.cleanup();
    }
  }, 60_000);

  it('a directory put where a record was, with its size and mtime, is read, not taken for the record', async () => {
    const site = await makeSite({ 'articles/a.md': record('a'), 'articles/x.md': record('x') }, CONFIG);
    try {
      // The directory that will replace x.md, made elsewhere first: its size is what x.md's must be.
      const dir = join(site.dir, 'elsewhere-x.md');
      await mkdir(dir);
      await writeFile(join(dir, 'inner.md'), record('inner'));
      const size = (await stat(dir)).size;
      const text = record('x');
      await writeFile(join(site.dir, 'articles/x.md'), text.padEnd(size, '\n'));
      expect((await stat(join(site.dir, 'articles/x.md'))).size).toBe(size);
      await utimes(join(site.dir, 'articles/x.md'), 1_700_000_000, 1_700_000_000);
      expect((await build(site.dir, [])).json.records.files).toBe(2);
      await rm(join(site.dir, 'articles/x.md'));
      await rename(dir, join(site.dir, 'articles/x.md'));
      await utimes(join(site.dir, 'articles/x.md'), 1_700_000_000, 1_700_000_000);
      expect((await stat(join(site.dir, 'articles/x.md'))).size).toBe(size);
      const b = await build(site.dir, []);
      expect(b.code, b.err).toBe(0);
      expect(b.json.records.files).toBe(2);
      await expectSameAsClean(site.dir, 'directory in place of a record');
      expect(await readFile(join(site.dir, 'dist/feed.json'), 'utf8')).toContain('inner');
    } finally {
      await site.cleanup();
    }
  });

  it('an edit that keeps the size and the mtime, and two records swapped by renaming, are read again', async () => {
    const story = (id: string, title: string): string => ['---', `id: ${id}`, `title: ${title}`, 'date: 2025-02-01 10:00', 'section: World', '---', `Body of ${title}.`, ''].join('\n');
    const site = await makeSite({ 'articles/a.md': story('qa-a', 'Story A'), 'articles/b.md': story('qa-b', 'Story B') }, CONFIG);
    const past = async (name: string): Promise<void> => utimes(join(site.dir, name), 1_700_000_000, 1_700_000_000);
    try {
      await past('articles/a.md');
      await past('articles/b.md');
      expect((await build(site.dir, [])).code).toBe(0);
      // The title changed in place, same length; the mtime set back to what it was.
      const before = await stat(join(site.dir, 'articles/a.md'));
      await writeFile(join(site.dir, 'articles/a.md'), story('qa-a', 'Story Z'));
      await past('articles/a.md');
      const after = await stat(join(site.dir, 'articles/a.md'));
      expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
      const edited = await build(site.dir, []);
      expect(edited.code, edited.err).toBe(0);
      expect(edited.json.records.read).toBe(1);
      await expectSameAsClean(site.dir, 'same size and mtime');
      expect(await readFile(join(site.dir, 'dist/rss.xml'), 'utf8')).toContain('Story Z');
      // Two records of one size and mtime swap names (rename keeps each file's mtime): their URLs, which
      // come from the paths, swap with them.
      const tmp = join(site.dir, 'swap.tmp');
      await rename(join(site.dir, 'articles/a.md'), tmp);
      await rename(join(site.dir, 'articles/b.md'), join(site.dir, 'articles/a.md'));
      await rename(tmp, join(site.dir, 'articles/b.md'));
      const swapped = await build(site.dir, []);
      expect(swapped.code, swapped.err).toBe(0);
      expect(swapped.json.records.read).toBe(2);
      await expectSameAsClean(site.dir, 'swapped');
      // And a build after that reads nothing.
      expect((await build(site.dir, [])).json.records.read).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('on a file system whose clock runs behind this machine\'s, a record modified in the tick of the last build\'s read is read again', async () => {
    // A network share an hour behind: the cache's state.json gets that clock's mtime, as records do. A record
    // whose mtime is within two seconds before the last build began on that clock could have been edited
    // again, same size, in the same tick (its change time is of that tick too, on a share of whole seconds).
    const story = (title: string): string => ['---', 'id: lag', `title: ${title}`, 'date: 2025-02-01 10:00', '---', 'Body.', ''].join('\n');
    const site = await makeSite({ 'articles/a.md': story('Story A') }, CONFIG);
    const state = join(site.dir, '.dateline-cache/state.json');
    const HOUR = 3600;
    const behind = async (): Promise<void> => {
      const { savedAt } = JSON.parse(readFileSync(state, 'utf8').slice(readFileSync(state, 'utf8').indexOf('\n') + 1)) as { savedAt: number };
      await utimes(state, savedAt / 1000 - HOUR, savedAt / 1000 - HOUR);
    };
    try {
      const first = Date.now() / 1000;
      expect((await build(site.dir, [])).code).toBe(0);
      // The record as the share stamps it: modified just now on its clock (an hour back on this machine's).
      await utimes(join(site.dir, 'articles/a.md'), first - HOUR, first - HOUR);
      expect((await build(site.dir, [])).json.records.read).toBe(1);
      await behind();
      // Its stamp is unchanged, but it lies in the last build's tick on the share's clock: read again.
      expect((await build(site.dir, [])).json.records.read).toBe(1);
      // On a share whose clock agrees, the same stamp is an hour old: trusted.
      expect((await build(site.dir, [])).json.records.read).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('a damaged, foreign or stale cache is ignored and the build is clean', async () => {
    const r = rng(4);
    const files: Record<string, string> = {};
    for (let n = 0; n < 10; n++) files[`articles/a${n}.md`] = article(n, r);
    const site = await makeSite(files, CONFIG);
    const state = join(site.dir, '.dateline-cache/state.json');
    try {
      for (const name of Object.keys(files)) await utimes(join(site.dir, name), 1_700_000_000, 1_700_000_000);
      expect((await build(site.dir, [])).code).toBe(0);
      const good = await readFile(state, 'utf8');

      // One byte changed in every data file (the articles, by month): the checksum of the first one a
      // build needs catches it (here a story added: the feeds it joins take in stories from others,
      // rendered from their data; an edit that moves nothing would need none of them, its record's data
      // going to the edits file).
      const cacheDir = join(site.dir, '.dateline-cache');
      const listed = (await readdir(cacheDir)) as string[];
      expect(listed.filter((f) => f.startsWith('index-'))).toHaveLength(16);
      const data = listed.filter((f) => f.startsWith('data-')).sort();
      expect(data.length).toBeGreaterThan(1);
      for (const f of data) {
        const text = await readFile(join(cacheDir, f), 'utf8');
        if (text.includes('"title":"Story ')) await writeFile(join(cacheDir, f), text.replace(/"title":"Story (\d)/, '"title":"Story X$1'));
      }
      await writeFile(join(site.dir, 'articles/a10.md'), article(10, r));
      await utimes(join(site.dir, 'articles/a10.md'), 1_700_000_100, 1_700_000_100);
      let b = await build(site.dir, []);
      expect(b.json.cache).toEqual({ used: false, reason: 'the cache file is damaged (checksum mismatch)' });
      expect(b.json.records.read).toBe(11);
      await expectSameAsClean(site.dir, 'damaged');

      // An index file from another build (its own checksum is fine, but state.json names another).
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
      const index = ((await readdir(cacheDir)) as string[]).filter((f) => f.startsWith('index-'));
      const holder = index.find((f) => readFileSync(join(cacheDir, f), 'utf8').includes('"articles/a0.md"')) ?? '';
      const before = await readFile(join(cacheDir, holder), 'utf8');
      await writeFile(join(site.dir, 'articles/a0.md'), article(0, r, 99));
      await utimes(join(site.dir, 'articles/a0.md'), 1_700_000_500, 1_700_000_500);
      expect((await build(site.dir, [])).json.records.read).toBe(1);
      expect(await readFile(join(cacheDir, holder), 'utf8')).not.toBe(before);
      await writeFile(join(cacheDir, holder), before);
      expect((await build(site.dir, [])).json.cache).toEqual({ used: false, reason: 'the cache files do not belong together' });
      // The main feed's model damaged (read by every build with the cache).
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
      const main = await readFile(join(cacheDir, 'main.json'), 'utf8');
      await writeFile(join(cacheDir, 'main.json'), main.replace('"title":"Story ', '"title":"Xtory '));
      expect((await build(site.dir, [])).json.cache).toEqual({ used: false, reason: 'the cache file is damaged (checksum mismatch)' });
      await expectSameAsClean(site.dir, 'main model damaged');
      // An index file deleted.
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
      await rm(join(cacheDir, holder));
      expect((await build(site.dir, [])).json.cache).toEqual({ used: false, reason: 'a cache file is missing' });
      await expectSameAsClean(site.dir, 'index file missing');
      // Data files deleted: noticed by the first build that needs one. One that needs none does not look
      // (nothing changed; or a story added older than all the others, planned from the signatures and
      // rendered from its record: no other story moves); one that deletes a story writes its month's
      // data file again, so reads it.
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
      for (const f of ((await readdir(cacheDir)) as string[]).filter((n) => n.startsWith('data-'))) await rm(join(cacheDir, f));
      expect((await build(site.dir, [])).json.cache).toEqual({ used: true, plansReused: true, replanned: false });
      await writeFile(join(site.dir, 'articles/a11.md'), article(11, r).replace(/^date: .*$/m, 'date: 2024-01-01 00:01').replace(/^section: .*$/m, 'section: Weather'));
      await utimes(join(site.dir, 'articles/a11.md'), 1_700_000_200, 1_700_000_200);
      expect((await build(site.dir, [])).json.cache).toEqual({ used: true, plansReused: false, replanned: true });
      await expectSameAsClean(site.dir, 'data files missing, a story added');
      await unlink(join(site.dir, 'articles/a3.md'));
      expect((await build(site.dir, [])).json.cache).toEqual({ used: false, reason: 'a cache file is missing' });
      await expectSameAsClean(site.dir, 'data file missing');

      // Cut short, and garbage.
      await writeFile(state, good.slice(0, good.length / 2));
      expect((await build(site.dir, [])).json.cache.used).toBe(false);
      await writeFile(state, 'garbage\u0001\n{}');
      expect((await build(site.dir, [])).json.cache).toEqual({ used: false, reason: 'the cache file is not one this version writes' });
      // Emptied, cut inside its header, or zeroed (as a crash may leave it): damaged, not another version's (QA, review).
      for (const cut of ['', good.slice(0, 10), good.slice(0, good.indexOf('\n')), '\u0000'.repeat(good.length), '\u0000\u0001garbage']) {
        await writeFile(state, cut);
        expect((await build(site.dir, [])).json.cache).toEqual({ used: false, reason: 'the cache file is damaged (empty, cut short, or zeroed)' });
      }

      // Written for another configuration.
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
      await writeFile(join(site.dir, 'dateline.config.json'), JSON.stringify({ ...CONFIG, title: 'Renamed Desk' }));
      b = await build(site.dir, []);
      expect(b.json.cache).toEqual({ used: false, reason: 'the configuration changed since the cache was written' });
      await expectSameAsClean(site.dir, 'config changed');

      // The whole project copied elsewhere: not a configuration change, and the reason says so.
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
      const moved = `${site.dir}-moved`;
      execFileSync('cp', ['-a', site.dir, moved]);
      try {
        expect((await build(moved, [])).json.cache).toEqual({ used: false, reason: 'the articles directory is not where it was when the cache was written (the project moved?)' });
      } finally {
        await rm(moved, { recursive: true, force: true });
      }

      // Deleted: a clean build, and a new cache.
      await rm(join(site.dir, '.dateline-cache'), { recursive: true });
      b = await build(site.dir, []);
      expect(b.json.cache).toEqual({ used: false, reason: 'no cache yet' });
      expect((await build(site.dir, [])).json.cache.used).toBe(true);
    } finally {
      await site.cleanup();
    }
  });

  it('a feed file deleted or altered in the output is noticed and written again', async () => {
    const r = rng(5);
    const files: Record<string, string> = {};
    for (let n = 0; n < 10; n++) files[`articles/a${n}.md`] = article(n, r);
    const site = await makeSite(files, CONFIG);
    try {
      expect((await build(site.dir, [])).code).toBe(0);
      await unlink(join(site.dir, 'dist/rss.xml.br'));
      await writeFile(join(site.dir, 'dist/atom.xml'), 'tampered');
      const b = await build(site.dir, []);
      expect(b.json.feeds.rendered).toBe(1);
      await expectSameAsClean(site.dir, 'repaired');
    } finally {
      await site.cleanup();
    }
  });

  it('an output file put back with the size and mtime it had (an older copy, times kept) is noticed and written again', async () => {
    const story = (word: string): string => ['---', 'id: s1', 'title: Story', 'date: 2025-02-01 10:00', 'section: World', '---', `The ${word} body.`, ''].join('\n');
    const site = await makeSite({ 'articles/s1.md': story('first'), 'articles/s2.md': record('s2') }, CONFIG);
    // Records last changed well before each build (a record changed within two seconds is read anyway).
    const past = async (): Promise<void> => {
      for (const f of ['articles/s1.md', 'articles/s2.md']) await utimes(join(site.dir, f), 1_700_000_000, 1_700_000_000);
    };
    try {
      await past();
      expect((await build(site.dir, [])).code).toBe(0);
      const sections = join(site.dir, 'dist/sections/world');
      const old = await readFile(join(sections, 'rss.xml'));
      // The same length, and no `updated`: the feed's mtime (its Last-Modified) stays.
      await writeFile(join(site.dir, 'articles/s1.md'), story('fixed'));
      await past();
      expect((await build(site.dir, [])).code).toBe(0);
      const now = await stat(join(sections, 'rss.xml'));
      expect(now.size).toBe(old.length);
      // Put the older bytes back in place, as `cp -p` would: same inode, size and mtime.
      await writeFile(join(sections, 'rss.xml'), old);
      await utimes(join(sections, 'rss.xml'), now.atime, now.mtime);
      const back = await stat(join(sections, 'rss.xml'));
      expect([back.ino, back.size, back.mtimeMs]).toEqual([now.ino, now.size, now.mtimeMs]);
      const b = await build(site.dir, []);
      expect(b.code, b.err).toBe(0);
      expect(b.json.records.read).toBe(0);
      expect(b.json.feeds.rendered).toBe(1);
      await expectSameAsClean(site.dir, 'older copy put back');
      // And then nothing is rendered.
      expect((await build(site.dir, [])).json.feeds.rendered).toBe(0);
    } finally {
      await site.cleanup();
    }
  });

  it('the temporary files of a save killed outright are removed by the next save, those of a running one kept', async () => {
    const r = rng(7);
    const site = await makeSite({ 'articles/a0.md': article(0, r), 'articles/a1.md': article(1, r) }, CONFIG);
    const running = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      expect((await build(site.dir, [])).code).toBe(0);
      const cacheDir = join(site.dir, '.dateline-cache');
      // (They were never removed: 17 files and 764 KB after six kills, and growing.)
      await writeFile(join(cacheDir, '.index-00.json.4194999.tmp'), 'partial');
      await writeFile(join(cacheDir, '.main.json.4194998.tmp'), 'partial');
      await writeFile(join(cacheDir, `.state.json.${running.pid}.tmp`), 'being written');
      await writeFile(join(site.dir, 'articles/a1.md'), article(1, r, 1));
      expect((await build(site.dir, [])).code).toBe(0);
      expect((await readdir(cacheDir)).filter((n) => n.endsWith('.tmp'))).toEqual([`.state.json.${running.pid}.tmp`]);
    } finally {
      running.kill();
      await site.cleanup();
    }
  });

  it('a failed incremental build leaves the output and the cache as they were', async () => {
    const r = rng(6);
    const files: Record<string, string> = {};
    for (let n = 0; n < 8; n++) files[`articles/a${n}.md`] = article(n, r);
    const site = await makeSite(files, CONFIG);
    try {
      expect((await build(site.dir, [])).code).toBe(0);
      const before = await tree(join(site.dir, 'dist'));
      const cacheFiles = async (): Promise<Map<string, string>> => {
        const out = new Map<string, string>();
        for (const f of (await readdir(join(site.dir, '.dateline-cache'))) as string[]) out.set(f, await readFile(join(site.dir, '.dateline-cache', f), 'utf8'));
        return out;
      };
      const cache = await cacheFiles();
      await writeFile(join(site.dir, 'articles/bad.md'), '---\nid: a1\ntitle: Duplicate id\ndate: 2025-02-30 10:00\n---\nx\n');
      const b = await build(site.dir, []);
      expect(b.code).toBe(1);
      expect(b.json.ok).toBe(false);
      expect(b.json.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['E_DATE_FORMAT', 'E_ID_DUPLICATE']);
      expect(await tree(join(site.dir, 'dist'))).toEqual(before);
      expect(await cacheFiles()).toEqual(cache);
      await unlink(join(site.dir, 'articles/bad.md'));
      expect((await build(site.dir, [])).code).toBe(0);
      await expectSameAsClean(site.dir, 'after the failure');
    } finally {
      await site.cleanup();
    }
  });
});

describe('the code a cache belongs to', () => {
  it('changes when any file of the bundle changes, not only the chunk that computes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-bundle-'));
    try {
      await writeFile(join(dir, 'cli.mjs'), 'export const writers = 1;');
      await writeFile(join(dir, 'chunk-A.mjs'), 'export const version = 1;');
      const here = join(dir, 'chunk-A.mjs');
      const before = codeVersionAt(here);
      expect(codeVersionAt(here)).toBe(before);
      await writeFile(join(dir, 'cli.mjs'), 'export const writers = 2;');
      const after = codeVersionAt(here);
      expect(after).not.toBe(before);
      await writeFile(join(dir, 'chunk-B.mjs'), 'export {};');
      const third = codeVersionAt(here);
      expect(third).not.toBe(after);
      // A code cache V8 writes beside the bundle after a run is not code.
      await writeFile(join(dir, 'cli.cjs.build.2.v8cache'), 'bytes');
      expect(codeVersionAt(here)).toBe(third);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("takes a script's hash from the file bin/dateline.js wrote beside it, only while the script has that size and mtime", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-bundle-'));
    try {
      const script = join(dir, 'cli.cjs');
      await writeFile(script, 'exports.writers = 1;');
      const hashed = codeVersionAt(script);
      const st = statSync(script);
      const digest = createHash('sha256').update(readFileSync(script)).digest('base64url');
      await writeFile(`${script}.sha256`, `${st.size} ${st.mtimeMs} ${digest}\n`);
      // The same version as hashing the script.
      expect(codeVersionAt(script)).toBe(hashed);
      // A hash that is not the script's is used while the stamp matches (the file is trusted, as the bundle is)…
      await writeFile(`${script}.sha256`, `${st.size} ${st.mtimeMs} ${'A'.repeat(43)}\n`);
      expect(codeVersionAt(script)).not.toBe(hashed);
      // …but not once the script is changed (its size or mtime), nor when the file is not one.
      await writeFile(script, 'exports.writers = 22;');
      const changed = codeVersionAt(script);
      expect(changed).not.toBe(hashed);
      await writeFile(`${script}.sha256`, 'damaged');
      expect(codeVersionAt(script)).toBe(changed);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('from the sources (no bundle): changes when a source file or an installed package changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-sources-'));
    try {
      await mkdir(join(dir, 'src', 'pipeline'), { recursive: true });
      await mkdir(join(dir, 'node_modules'), { recursive: true });
      await writeFile(join(dir, 'src', 'pipeline', 'version.ts'), 'export {};');
      await writeFile(join(dir, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/marked":{"version":"15.0.0"}}}');
      const here = join(dir, 'src', 'pipeline', 'version.ts');
      const before = codeVersionAt(here);
      await writeFile(join(dir, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/marked":{"version":"15.0.1"}}}');
      const upgraded = codeVersionAt(here);
      expect(upgraded).not.toBe(before);
      // The same install at another path (a CI checkout) is the same code.
      const elsewhere = await mkdtemp(join(tmpdir(), 'dateline-sources-'));
      try {
        execFileSync('cp', ['-a', `${dir}/.`, elsewhere]);
        expect(codeVersionAt(join(elsewhere, 'src', 'pipeline', 'version.ts'))).toBe(upgraded);
      } finally {
        await rm(elsewhere, { recursive: true, force: true });
      }
      await writeFile(join(dir, 'src', 'x.ts'), 'export {};');
      expect(codeVersionAt(here)).not.toBe(upgraded);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('reading on two cores', () => {
  it('the bundled CLI reads thousands of records with a worker thread and builds exactly what one thread builds', async () => {
    const { execFile } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
    const r = rng(11);
    const files: Record<string, string> = {};
    // Thousands of files, with one bad record among them.
    for (let n = 0; n < 2100; n++) files[`articles/${String(n % 37).padStart(2, '0')}/a${n}.md`] = article(n, r);
    files['articles/zz/bad.md'] = '---\nid: a5\ntitle: Duplicate of a5\ndate: 2025-02-30 10:00\n---\nx\n';
    const site = await makeSite(files, { ...CONFIG, feeds: { ...CONFIG.feeds, brotliQuality: 1 } });
    const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        // DATELINE_WORKER=always: the worker takes its share however quickly the main thread reads.
        execFile(process.execPath, [bin, 'build', ...args], { cwd: site.dir, env: { ...process.env, CI: '1', DATELINE_WORKER: 'always', DATELINE_DEBUG: '1' }, maxBuffer: 1 << 26 }, (e, stdout, stderr) =>
          resolve({ code: e === null ? 0 : Number((e as { code?: number }).code ?? 1), stdout, stderr }));
      });
    try {
      const failed = await run(['--no-cache', '--json']);
      expect(failed.code).toBe(1);
      const inProcess = await build(site.dir, ['--no-cache']);
      expect(JSON.parse(failed.stdout).diagnostics).toEqual(inProcess.json.diagnostics);
      await unlink(join(site.dir, 'articles/zz/bad.md'));
      const bundled = await run(['--no-cache', '--json', '--out', 'dist-bundled']);
      expect(bundled.code, bundled.stderr).toBe(0);
      // DATELINE_DEBUG prints why bin/dateline.js fell back from the bundle to tsx: it must not have.
      expect(bundled.stderr).not.toMatch(/Error|    at /);
      const report = JSON.parse(bundled.stdout);
      expect(report.records.files).toBe(2100);
      expect(report.records.readInWorker).toBeGreaterThan(0);
      expect(report.records.readInWorker).toBeLessThan(2100);
      expect((await build(site.dir, ['--no-cache'])).code).toBe(0);
      const [a, b] = [await tree(join(site.dir, 'dist-bundled')), await tree(join(site.dir, 'dist'))];
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [name, value] of b) expect(a.get(name) === value, `${name} differs`).toBe(true);
    } finally {
      await site.cleanup();
    }
  }, 120_000);
});

describe('zone offsets kept in the cache (zones.json)', () => {
  it('a new process taught by zones.json builds what a clean build does; a damaged or foreign file is ignored', async () => {
    const { execFile } = await import('node:child_process');
    const { createHash } = await import('node:crypto');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
    // A desk in New York, datelines in zones with DST of their own, times near the 2025 changes.
    const zones = ['Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Shanghai'];
    const story = (n: number, date: string): string =>
      `---\nid: z${n}\ntitle: "Story ${n}"\ndate: ${date}\nsection: World\ndateline: { city: "City ${n}", timezone: ${zones[n % zones.length]} }\n---\nText of story ${n}.\n`;
    const dates = ['2025-03-09 01:59', '2025-03-09 03:00', '2025-03-30 00:30', '2025-04-06 01:00', '2025-10-26 23:30', '2025-11-02 03:00', '2025-07-04 12:00', '2025-01-01 00:00'];
    const files = Object.fromEntries(dates.map((d, n) => [`articles/z${n}.md`, story(n, d)]));
    const site = await makeSite(files, { ...CONFIG, timezone: 'America/New_York' });
    const run = (): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(process.execPath, [bin, 'build', '--json'], { cwd: site.dir, env: { ...process.env, CI: '1', DATELINE_DEBUG: '1' } }, (e, stdout, stderr) =>
          resolve({ code: e === null ? 0 : Number((e as { code?: number }).code ?? 1), stdout, stderr }));
      });
    const zonesFile = join(site.dir, '.dateline-cache', 'zones.json');
    const edit = async (n: number, date: string): Promise<void> => writeFile(join(site.dir, `articles/z${n}.md`), story(n, date));
    const sha = (text: string): string => createHash('sha256').update(text).digest('base64url');
    /** zones.json's header fields (format, tz database, code) and its body with every offset an hour off. */
    const forgery = async (): Promise<{ fields: string[]; body: string }> => {
      const [head, body] = (await readFile(zonesFile, 'utf8')).split('\n') as [string, string];
      const learnt = JSON.parse(body) as Record<string, number[]>;
      for (const runs of Object.values(learnt)) for (let i = 2; i < runs.length; i += 3) runs[i] = (runs[i] as number) + 3_600_000;
      return { fields: head.split(' ').slice(0, 3), body: JSON.stringify(learnt) };
    };
    try {
      const first = await run();
      expect(first.code, first.stderr).toBe(0);
      const [magic, tz, code] = (await readFile(zonesFile, 'utf8')).split(' ');
      expect(magic).toBe('dateline-cache/8');
      expect(tz).toBe(`${process.versions.tz}/${process.versions.icu}`);
      expect(code).toMatch(/^[\w-]{22}$/);
      await expectSameAsClean(site.dir, 'first build');

      // A new title: the record's times are resolved again, all of them taught, so the file stays as it was.
      const before = await readFile(zonesFile);
      const mtime = (await stat(zonesFile)).mtimeMs;
      await writeFile(join(site.dir, 'articles/z6.md'), story(6, dates[6] as string).replace('title: "Story 6"', 'title: "Story 6, revised"'));
      const retitled = await run();
      expect(retitled.code, retitled.stderr).toBe(0);
      await expectSameAsClean(site.dir, 'retitled');
      expect((await readFile(zonesFile)).equals(before)).toBe(true);
      expect((await stat(zonesFile)).mtimeMs).toBe(mtime);

      // Taught: edits move times onto others of the same days (and the file learns what it did not hold).
      await edit(0, '2025-03-09 03:30');
      await edit(5, '2025-11-02 00:59');
      const taught = await run();
      expect(taught.code, taught.stderr).toBe(0);
      await expectSameAsClean(site.dir, 'taught');

      // Damaged: the forged offsets under the header of the real ones (the checksum fails).
      const real = await readFile(zonesFile, 'utf8');
      const { fields, body } = await forgery();
      await writeFile(zonesFile, `${real.split('\n')[0]}\n${body}`);
      await edit(1, '2025-03-09 04:00');
      expect((await run()).code).toBe(0);
      await expectSameAsClean(site.dir, 'damaged');

      // Another tz database's, or another code's: not taught, even with a right checksum.
      for (const [label, header] of [['foreign tz', [fields[0], '1999z/00.0', fields[2]]], ['foreign code', [fields[0], fields[1], 'x'.repeat(22)]]] as const) {
        await writeFile(zonesFile, `${header.join(' ')} ${sha(body)}\n${body}`);
        await edit(2, `2025-03-30 00:${label === 'foreign tz' ? '45' : '50'}`);
        expect((await run()).code).toBe(0);
        await expectSameAsClean(site.dir, label);
      }

      // Control: the same forged offsets under this runtime's and this code's header are taught (the cases above meant something).
      await writeFile(zonesFile, `${fields.join(' ')} ${sha(body)}\n${body}`);
      await edit(3, '2025-04-06 01:10');
      expect((await run()).code).toBe(0);
      await expect(expectSameAsClean(site.dir, 'control')).rejects.toThrow();
    } finally {
      await site.cleanup();
    }
  }, 60_000);
});
