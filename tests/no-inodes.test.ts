/**
 * A disk with no inodes left: Node's asynchronous `mkdir -p` then says ENOENT (it could not make a parent,
 * and reports the path it wanted), where the synchronous one says ENOSPC. The build's error must name the
 * real cause. (Seen on a tmpfs mounted with nr_inodes=3; here the two calls behave as they do there.)
 */
import { expect, it, vi } from 'vitest';
import { makeSite, record, runCli, SITE_CONFIG } from './_helpers.js';

const full = (path: unknown): boolean => String(path).includes('/dist/sections');
const errno = (code: string, path: unknown): NodeJS.ErrnoException => Object.assign(new Error(`${code}: mkdir '${String(path)}'`), { code });

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const mkdir = (async (path: string, options?: unknown) => {
    if (full(path)) throw errno('ENOENT', path);
    return real.mkdir(path, options as never);
  }) as typeof real.mkdir;
  return { ...real, default: { ...real, mkdir }, mkdir };
});
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const mkdirSync = ((path: string, options?: unknown) => {
    if (full(path)) throw errno('ENOSPC', path);
    return real.mkdirSync(path, options as never);
  }) as typeof real.mkdirSync;
  return { ...real, default: { ...real, mkdirSync }, mkdirSync };
});

it('a directory that cannot be made for want of inodes fails the build with ENOSPC, not ENOENT', async () => {
  const site = await makeSite({ 'articles/a.md': record('a', 'section: World') }, { ...SITE_CONFIG, feeds: { sections: true } });
  try {
    const r = await runCli(['build', '--no-cache'], site.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the output: sections\/world\/[a-z.]+: ENOSPC \(no space left on the device, or no inodes\);/);
    expect(r.stderr).not.toContain('ENOENT');
  } finally {
    await site.cleanup();
  }
});
