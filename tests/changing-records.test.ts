/**
 * Records that change while a build runs (an editor or `import --force` saving one, a desk deleting one):
 * a record is one version of its file, never one version's headline with another's body, and a file
 * deleted between the listing and its read is simply not a record.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { DatelineError, runBuild } from '../src/index.js';
import { makeSite, record, runCli, SITE_CONFIG, snapshotDir } from './_helpers.js';

const hooks = vi.hoisted(() => ({ beforeOpen: undefined as ((path: string) => void) | undefined }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    hooks.beforeOpen?.(String(path));
    return (real.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof real.openSync;
  return { ...real, default: { ...real, openSync }, openSync };
});

it('a record rewritten after it was read and before its body is rendered stops the build (E_RECORD_CHANGED), the output as it was', async () => {
  const site = await makeSite({ 'articles/a.md': record('a', '', 'First version of the body.'), 'articles/b.md': record('b') }, { ...SITE_CONFIG, feeds: { archives: true } });
  try {
    expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
    const before = await snapshotDir(join(site.dir, 'dist'));
    const error = await runBuild({
      cwd: site.dir,
      cacheDir: false,
      onProgress: (p) => {
        // Every record read; no feed rendered yet.
        if (p.phase === 'read' && p.done === p.total) fs.writeFileSync(join(site.dir, 'articles/a.md'), record('a', '', 'A second version of the body, saved while the build ran.').replace('Title of a', 'A new headline'));
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineError);
    expect((error as DatelineError).diagnostics.map((d) => [d.code, d.file])).toEqual([['E_RECORD_CHANGED', 'articles/a.md']]);
    expect((error as DatelineError).message).toMatch(/changed while the build was using it .*build again/);
    expect(await snapshotDir(join(site.dir, 'dist'))).toEqual(before);
    // The next build takes the new version whole.
    expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
    const rss = fs.readFileSync(join(site.dir, 'dist/rss.xml'), 'utf8');
    expect(rss).toContain('A new headline');
    expect(rss).toContain('A second version of the body');
  } finally {
    await site.cleanup();
  }
});

it('with the cache, a record saved again at the same size is noticed too, and one whose bytes are as they were is not', async () => {
  const body = 'First version of the body.';
  const site = await makeSite({ 'articles/a.md': record('a', '', body), 'articles/b.md': record('b') }, { ...SITE_CONFIG, feeds: { archives: true } });
  try {
    const path = join(site.dir, 'articles/a.md');
    for (const [label, change, changed] of [
      // The same bytes but for one letter, saved a second later.
      ['saved again', () => {
        const st = fs.statSync(path);
        fs.writeFileSync(path, record('a', '', body.replace('First', 'Fifth')));
        fs.utimesSync(path, st.atime, new Date(st.mtimeMs + 1000));
      }, true],
      // Another file of the same size renamed over it, its times set to the ones read.
      ['renamed over', () => {
        const st = fs.statSync(path);
        fs.writeFileSync(`${path}.tmp`, record('a', '', body.replace('First', 'Sixth')));
        fs.utimesSync(`${path}.tmp`, st.atime, st.mtime);
        fs.renameSync(`${path}.tmp`, path);
      }, true],
      // Its bytes as they were: a change of mode, a hard link made (a snapshot), the same bytes saved again.
      ['chmod', () => fs.chmodSync(path, 0o600), false],
      ['hard link', () => fs.linkSync(path, `${path}.bak`), false],
      ['the same bytes', () => fs.writeFileSync(path, fs.readFileSync(path)), false],
    ] as const) {
      fs.rmSync(`${path}.bak`, { force: true });
      fs.writeFileSync(path, record('a', '', body));
      fs.utimesSync(path, new Date(1_700_000_000_000), new Date(1_700_000_000_000));
      expect((await runCli(['build'], site.dir)).code, label).toBe(0);
      const before = await snapshotDir(join(site.dir, 'dist'));
      // The title changes, so the record is read again (and the main feed renders its body).
      fs.writeFileSync(path, record('a', '', body).replace('Title of a', 'Title of A'));
      fs.utimesSync(path, new Date(1_700_000_100_000), new Date(1_700_000_100_000));
      let done = false;
      const result = await runBuild({
        cwd: site.dir,
        onProgress: (p) => {
          if (p.phase === 'read' && p.done === p.total && !done) {
            done = true;
            change();
          }
        },
      }).catch((e: unknown) => e);
      if (!changed) {
        expect((result as { ok?: boolean }).ok, label).toBe(true);
        continue;
      }
      expect(result, label).toBeInstanceOf(DatelineError);
      const [d] = (result as DatelineError).diagnostics;
      expect([d?.code, d?.file, d?.message], label).toEqual(['E_RECORD_CHANGED', 'articles/a.md', expect.stringContaining('other bytes now, of the same size')]);
      expect(await snapshotDir(join(site.dir, 'dist')), label).toEqual(before);
    }
    fs.rmSync(`${path}.bak`, { force: true });
  } finally {
    await site.cleanup();
  }
});

it('a record deleted after the listing and before its read is no record, not an error', async () => {
  const site = await makeSite({ 'articles/a.md': record('a'), 'articles/b.md': record('b') });
  try {
    for (const args of [['build', '--no-cache'], ['build']]) {
      fs.writeFileSync(join(site.dir, 'articles/b.md'), record('b', '', `Body for ${args.length}.`));
      hooks.beforeOpen = (path) => {
        if (path.endsWith('articles/b.md')) fs.unlinkSync(path);
      };
      const r = await runCli([...args, '--json'], site.dir);
      hooks.beforeOpen = undefined;
      expect([r.code, r.stderr]).toEqual([0, '']);
      // Not counted either (QA: "from 2 records (1 published, 0 drafts)").
      expect((JSON.parse(r.stdout) as { records: { files: number; published: number } }).records).toMatchObject({ files: 1, published: 1 });
      const rss = fs.readFileSync(join(site.dir, 'dist/rss.xml'), 'utf8');
      expect(rss).toContain('Title of a');
      expect(rss).not.toContain('Title of b');
    }
  } finally {
    await site.cleanup();
  }
});
