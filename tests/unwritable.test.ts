/**
 * An output directory the build cannot write into (no permission, a read-only mount): the build fails
 * while staging, before any file is renamed into place, and the output is what it was, byte for byte.
 * (Root may write anywhere, and CI runs as root: `access` is made to refuse one directory here.)
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { makeSite, record, runCli, snapshotDir } from './_helpers.js';

const lock = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const access = (async (path: fsp.FileHandle | string, mode?: number) => {
    if (lock.on && String(path).endsWith('sections/locked-by-test') && mode !== undefined && (mode & 2) !== 0) throw Object.assign(new Error(`EACCES: permission denied, access '${String(path)}'`), { code: 'EACCES' });
    return real.access(path as string, mode);
  }) as typeof real.access;
  // A stale feed that cannot be removed (an immutable file, a read-only mount).
  const rm = (async (path: string, options?: Parameters<typeof real.rm>[1]) => {
    if (lock.on && String(path).includes('sections/stuck/')) throw Object.assign(new Error(`EPERM: operation not permitted, unlink '${String(path)}'`), { code: 'EPERM' });
    return real.rm(path, options);
  }) as typeof real.rm;
  return { ...real, default: { ...real, access, rm }, access, rm };
});

it('a feed directory that cannot be written into fails the build before anything is replaced', async () => {
  const site = await makeSite({
    'articles/a.md': record('a', 'section: locked-by-test'),
    'articles/b.md': record('b', 'section: World'),
  }, { ...(await import('./_helpers.js')).SITE_CONFIG, feeds: { sections: true } });
  try {
    expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
    const before = await snapshotDir(join(site.dir, 'dist'));
    // Every feed changes: the main feed, and both sections'.
    for (const id of ['a', 'b']) {
      const path = join(site.dir, 'articles', `${id}.md`);
      await fsp.writeFile(path, (await fsp.readFile(path, 'utf8')).replace('title: T', 'title: Edited'));
    }
    lock.on = true;
    const r = await runCli(['build', '--no-cache'], site.dir);
    lock.on = false;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the output: sections\/locked-by-test\/[a-z.]+: EACCES \(no permission\); the previous output is untouched \(E_WRITE_FAILED\)/);
    expect(await snapshotDir(join(site.dir, 'dist'))).toEqual(before);
  } finally {
    await site.cleanup();
  }
});

it('a stale feed that cannot be removed is said (W_STALE_KEPT), not forgotten, and the build succeeds', async () => {
  const site = await makeSite({
    'articles/a.md': record('a', 'section: stuck'),
    'articles/b.md': record('b', 'section: World'),
  }, { ...(await import('./_helpers.js')).SITE_CONFIG, feeds: { sections: true } });
  try {
    expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
    await fsp.rm(join(site.dir, 'articles/a.md'));
    lock.on = true;
    const r = await runCli(['build', '--no-cache', '--json'], site.dir);
    lock.on = false;
    expect(r.code).toBe(0);
    const kept = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'W_STALE_KEPT');
    // (Section feeds have precompressed siblings: each document three files.)
    const files = ['atom.xml', 'feed.json', 'rss.xml'].flatMap((f) => [f, `${f}.br`, `${f}.gz`]).map((f) => `dist/sections/stuck/${f}`).sort();
    expect(kept.map((d: { file: string }) => d.file).sort()).toEqual(files);
    expect(kept[0].message).toContain('(it could not be removed: EPERM)');
  } finally {
    await site.cleanup();
  }
});
