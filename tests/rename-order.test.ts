/**
 * The order in which a build puts its files in place: the feeds first, then `_config/nginx.conf`, then
 * the manifest. Both name the feeds' ETags, so a server that reads either while the renames run (or
 * after a build killed among them) pairs an old ETag with new bytes, which heals, and never a new ETag
 * with old bytes, which a client's If-None-Match would keep answered 304.
 */
import { relative } from 'node:path';
import { expect, it, vi } from 'vitest';
import { makeSite, record, runCli } from './_helpers.js';

const renames = vi.hoisted(() => ({ targets: [] as string[] }));
// The stage renames its files into place with renameSync (src/output/dist.ts).
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const renameSync = ((from: string, to: string) => {
    renames.targets.push(String(to));
    return real.renameSync(from, to);
  }) as typeof real.renameSync;
  return { ...real, default: { ...real, renameSync }, renameSync };
});

it('renames the feeds, then nginx.conf, then the manifest, then nginx.conf\'s marker (hosting/nginx.ts)', async () => {
  const site = await makeSite({ 'articles/a.md': record('a', 'section: World\ntags: [Trade]') }, { ...(await import('./_helpers.js')).SITE_CONFIG, feeds: { sections: true, tags: true } });
  try {
    expect((await runCli(['build', '--no-cache'], site.dir)).code).toBe(0);
    const order = renames.targets.map((t) => relative(`${site.dir}/dist`, t)).filter((t) => !t.startsWith('..'));
    expect(order.length).toBeGreaterThan(10);
    expect(order.slice(-3)).toEqual(['_config/nginx.conf', '_dateline.json', expect.stringMatching(/^_config\/etags-[0-9a-f]{16}$/)]);
    expect(order).toEqual(expect.arrayContaining(['rss.xml', 'sections/world/atom.xml', 'tags/trade/feed.json']));
  } finally {
    await site.cleanup();
  }
});
