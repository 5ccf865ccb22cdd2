/**
 * A cache that cannot be saved (a full disk): the build succeeds with a warning, and the partial
 * temporary files go, rather than filling the disk further on every build.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { makeSite, record, runCli } from './_helpers.js';

const full = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const open = (async (path: string, ...rest: unknown[]) => {
    const handle = await (real.open as (...a: unknown[]) => Promise<fsp.FileHandle>)(path, ...rest);
    if (!full.on || !String(path).includes('.dateline-cache') || !String(path).endsWith('.tmp')) return handle;
    // Writes part of the bytes, then finds the disk full.
    const writev = (async (buffers: Buffer[]) => {
      await handle.write(buffers[0]?.subarray(0, 10) ?? Buffer.alloc(0));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof handle.writev;
    return new Proxy(handle, { get: (target, key) => (key === 'writev' ? writev : Reflect.get(target, key, target)) });
  }) as typeof real.open;
  return { ...real, default: { ...real, open }, open };
});

it('a cache save that fails on a full disk leaves no temporary files behind', async () => {
  const site = await makeSite({ 'articles/a.md': record('a'), 'articles/b.md': record('b') });
  try {
    full.on = true;
    const r = await runCli(['build'], site.dir);
    full.on = false;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\.dateline-cache: warning: the cache could not be written \(ENOSPC\).* \(W_CACHE_NOT_SAVED\)$/m);
    // (A first build made the directory to hold its lock; left empty, it is removed with the lock.)
    const left = (await fsp.readdir(join(site.dir, '.dateline-cache'), { recursive: true }).catch(() => [])).filter((n) => n.endsWith('.tmp'));
    expect(left).toEqual([]);
    // The next build, with room, saves it.
    expect((await runCli(['build'], site.dir)).code).toBe(0);
    const saved = await fsp.readdir(join(site.dir, '.dateline-cache'));
    expect(saved.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(saved).toContain('state.json');
  } finally {
    await site.cleanup();
  }
});
