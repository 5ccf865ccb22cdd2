/** `dateline build --ping`: the hub hears of exactly the feeds whose bytes changed; a dead hub fails nothing. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSite, record, runCli, SITE_CONFIG } from './_helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function hub(status = 204): Promise<{ url: string; bodies: string[]; answer: { status: number } }> {
  const bodies: string[] = [];
  const answer = { status };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(`${req.method} ${req.headers['content-type']} ${body}`);
      // A busy hub asks to be tried again at once (Retry-After: 0), so retries cost no waiting here.
      res.writeHead(answer.status, answer.status === 429 ? { 'retry-after': '0' } : {}).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, bodies, answer };
}

/** A site with one record whose config names a hub answering `status`. */
async function siteWithHub(status: number): Promise<{ h: Awaited<ReturnType<typeof hub>>; dir: string }> {
  const h = await hub(status);
  const site = await makeSite({ 'articles/a.md': record('a') }, { ...SITE_CONFIG, hub: h.url });
  cleanups.push(site.cleanup);
  return { h, dir: site.dir };
}

/** A build with --ping after which nothing changed: the hub hears nothing. */
async function expectQuietPing(dir: string, h: Awaited<ReturnType<typeof hub>>): Promise<void> {
  h.bodies.length = 0;
  expect((await run(['build', '--ping'], dir)).stdout).toContain('No feed changed; the hub was not notified.');
  expect(h.bodies).toEqual([]);
}

const run = runCli;

describe('build --ping', () => {
  it('notifies the hub of each changed feed, once, and of nothing when nothing changed', async () => {
    const h = await hub();
    const site = await makeSite({ 'articles/a.md': record('a') }, { ...SITE_CONFIG, hub: h.url });
    cleanups.push(site.cleanup);
    const first = await run(['build', '--ping'], site.dir);
    expect(first.code).toBe(0);
    const feeds = ['atom.xml', 'feed.json', 'rss.xml'].map((f) => `https://news.example.com/feeds/${f}`);
    expect(h.bodies.sort()).toEqual(
      feeds.map((u) => `POST application/x-www-form-urlencoded hub.mode=publish&hub.url=${encodeURIComponent(u)}`).sort(),
    );
    for (const u of feeds) expect(first.stdout).toContain(`ping ${u}: ok`);

    h.bodies.length = 0;
    const again = await run(['build', '--ping'], site.dir);
    expect(again.stdout).toContain('No feed changed; the hub was not notified.');
    expect(h.bodies).toEqual([]);

    await writeFile(join(site.dir, 'articles/b.md'), record('b'));
    await run(['build', '--ping'], site.dir);
    expect(h.bodies).toHaveLength(3);
  });

  it('reports a hub that refuses, and the build still succeeds', async () => {
    const h = await hub(400);
    const site = await makeSite({ 'articles/a.md': record('a') }, { ...SITE_CONFIG, hub: h.url });
    cleanups.push(site.cleanup);
    const r = await run(['build', '--ping'], site.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("ping https://news.example.com/feeds/rss.xml: FAILED after 1 attempt: hub answered 400");
  });

  it('sends again, with the next build --ping, the pings that failed (the cache remembers them)', async () => {
    const { h, dir } = await siteWithHub(429);
    const failed = await run(['build', '--ping'], dir);
    expect(failed.code).toBe(0);
    expect(failed.stderr).toContain('(the next build --ping sends them again)');
    // The hub is back; nothing changed since, and the three feeds are sent again, once.
    h.answer.status = 204;
    h.bodies.length = 0;
    const again = await run(['build', '--ping'], dir);
    expect(again.stdout).toContain('Sending 3 pings an earlier build did not send.');
    expect(h.bodies).toHaveLength(3);
    for (const f of ['atom.xml', 'feed.json', 'rss.xml']) expect(again.stdout).toContain(`ping https://news.example.com/feeds/${f}: ok`);
    // Then nothing is pending.
    await expectQuietPing(dir, h);
  });

  it('says, with its own code, when the failed pings cannot be remembered (the cache directory cannot be written)', async () => {
    const { dir } = await siteWithHub(429);
    await writeFile(join(dir, 'not-a-dir'), 'a file\n');
    const r = await run(['build', '--ping', '--cache', 'not-a-dir'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^not-a-dir: warning: the cache could not be written \((EEXIST|ENOTDIR)\).* \(W_CACHE_NOT_SAVED\)$/m);
    expect(r.stderr).toMatch(/^ {2}not-a-dir: warning: could not remember the pings not sent \((EEXIST|ENOTDIR)\): the next build --ping will not send them \(W_PINGS_NOT_REMEMBERED\)$/m);
    // A build without --ping remembers the feeds it changed for the next --ping: the same warning when it cannot.
    await writeFile(join(dir, 'articles/b.md'), record('b'));
    const unsent = await run(['build', '--cache', 'not-a-dir', '--json'], dir);
    expect(unsent.code).toBe(0);
    expect(unsent.stderr).toMatch(/^not-a-dir: warning: could not remember the pings not sent \((EEXIST|ENOTDIR)\): the next build --ping will not send them \(W_PINGS_NOT_REMEMBERED\)$/m);
    // --json gives every diagnostic, this one too.
    expect(JSON.parse(unsent.stdout).diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['W_CACHE_NOT_SAVED', 'W_PINGS_NOT_REMEMBERED']);
    expect(r.stderr).not.toContain('sends them again');
    // The count at the end counts both warnings, the one the pings gave too (it was printed before them,
    // one short).
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('2 warnings');
    expect(unsent.stderr.trimEnd().split('\n').at(-1)).toBe('2 warnings');
  });

  // QA: a build without --ping (a preview, a `serve --watch` rebuild) wrote the changed feeds, and the next
  // build --ping found nothing changed: the hub never heard of them.
  it('remembers the feeds a build without --ping changed, and the next build --ping sends them', async () => {
    const { h, dir } = await siteWithHub(204);
    const built = await run(['build'], dir);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('The hub was not told of 3 changed feeds (no --ping): the next build --ping sends their pings.');
    expect(h.bodies).toEqual([]);
    const ping = await run(['build', '--ping'], dir);
    expect(ping.stdout).toContain('Sending 3 pings an earlier build did not send.');
    for (const f of ['atom.xml', 'feed.json', 'rss.xml']) expect(ping.stdout).toContain(`ping https://news.example.com/feeds/${f}: ok`);
    expect(h.bodies).toHaveLength(3);
    await expectQuietPing(dir, h);
    // Quietly too, and across several builds: each feed is pinged once.
    await writeFile(join(dir, 'articles/b.md'), record('b'));
    expect((await run(['build', '--quiet'], dir)).stdout).toBe('');
    await writeFile(join(dir, 'articles/c.md'), record('c'));
    await run(['build', '--json'], dir);
    h.bodies.length = 0;
    await run(['build', '--ping'], dir);
    expect(h.bodies).toHaveLength(3);
    await expectQuietPing(dir, h);
  });

  it('keeps what another build remembered while a build --ping was pinging (QA: its end wrote its own list over theirs)', async () => {
    // A hub that holds its answers until let go.
    const bodies: string[] = [];
    let letGo!: () => void;
    const gate = new Promise<void>((r) => (letGo = r));
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(decodeURIComponent(body));
        void gate.then(() => res.writeHead(204).end());
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const site = await makeSite({ 'articles/a.md': record('a') }, { ...SITE_CONFIG, hub: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
    cleanups.push(site.cleanup);
    expect((await run(['build'], site.dir)).code).toBe(0);
    // The first build's three feeds, pinged by a build --ping that waits for the hub…
    const pinging = run(['build', '--ping'], site.dir);
    while (bodies.length < 3) await new Promise((r) => setTimeout(r, 5));
    // …while another build changes them again and does not ping.
    await writeFile(join(site.dir, 'articles/b.md'), record('b'));
    expect((await run(['build'], site.dir)).stdout).toContain('The hub was not told of 3 changed feeds (no --ping)');
    letGo();
    expect((await pinging).code).toBe(0);
    // The hub heard of the first change; the second is still to be sent, and the next build --ping sends it.
    bodies.length = 0;
    const next = await run(['build', '--ping'], site.dir);
    expect(next.stdout).toContain('Sending 3 pings an earlier build did not send.');
    expect(bodies.sort()).toEqual(['atom.xml', 'feed.json', 'rss.xml'].map((f) => `hub.mode=publish&hub.url=https://news.example.com/feeds/${f}`));
    bodies.length = 0;
    expect((await run(['build', '--ping'], site.dir)).stdout).toContain('No feed changed; the hub was not notified.');
    expect(bodies).toEqual([]);
  });

  // Review: a preview build elsewhere wrote every feed there, and the next build --ping pinged all of them.
  it('does not remember the feeds of a build to another --out (a preview): nothing is published there', async () => {
    const { h, dir } = await siteWithHub(204);
    await run(['build', '--ping'], dir);
    h.bodies.length = 0;
    const preview = await run(['build', '--out', 'preview'], dir);
    expect(preview.code).toBe(0);
    expect(preview.stdout).not.toContain('The hub was not told');
    await expectQuietPing(dir, h);
    // The configured directory named with --out is the published one, and so is a link to it (review).
    await writeFile(join(dir, 'articles/b.md'), record('b'));
    expect((await run(['build', '--out', './dist/'], dir)).stdout).toContain('The hub was not told of 3 changed feeds');
    await symlink('dist', join(dir, 'pub'));
    await writeFile(join(dir, 'articles/c.md'), record('c'));
    expect((await run(['build', '--out', 'pub'], dir)).stdout).toContain('The hub was not told of 3 changed feeds');
  });

  it('says, without the cache, that a build without --ping leaves the hub untold', async () => {
    const { h, dir } = await siteWithHub(204);
    const r = await run(['build', '--no-cache'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The hub was not told of 3 changed feeds (no --ping) (without the cache nothing remembers them).');
    expect(h.bodies).toEqual([]);
  });

  it('does not keep a ping the hub refused (a 4xx other than 429), nor one for a feed that is gone', async () => {
    const { h, dir } = await siteWithHub(400);
    const refused = await run(['build', '--ping'], dir);
    expect(refused.stderr).toContain('FAILED after 1 attempt: hub answered 400');
    expect(refused.stderr).not.toContain('sends them again');
    h.answer.status = 204;
    await expectQuietPing(dir, h);
    // A pending ping for a feed under another base URL (the config changed) is dropped.
    await writeFile(join(dir, '.dateline-cache', 'pings.json'), JSON.stringify({ hub: h.url, urls: ['https://old.example.com/feeds/rss.xml'] }));
    await expectQuietPing(dir, h);
  });

  it('without the cache, says that failed pings are not remembered', async () => {
    const { dir } = await siteWithHub(429);
    const r = await run(['build', '--ping', '--no-cache'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('without the cache nothing remembers them');
  });

  it('--json carries what the hub was told: pings sent, accepted, and each failure', async () => {
    const ok = await siteWithHub(204);
    const good = JSON.parse((await run(['build', '--ping', '--json'], ok.dir)).stdout);
    expect(good.ping).toEqual({ hub: ok.h.url, sent: 3, accepted: 3, failed: [] });
    const refused = await siteWithHub(400);
    const bad = await run(['build', '--ping', '--json'], refused.dir);
    expect(bad.code).toBe(0);
    const json = JSON.parse(bad.stdout);
    expect(json.ok).toBe(true);
    expect(json.ping).toMatchObject({ hub: refused.h.url, sent: 3, accepted: 0 });
    expect(json.ping.failed).toHaveLength(3);
    expect(json.ping.failed[0]).toMatchObject({ status: 400, again: false });
  });

  it('--json counts as sent only the pings begun: those not begun once the hub failed are not (QA: 18 sent, 10 never were)', async () => {
    const h = await hub(503);
    const site = await makeSite({ 'articles/a.md': record('a', 'section: World\ntags: [One, Two]\nauthors: [Li Wen]') },
      { ...SITE_CONFIG, hub: h.url, feeds: { sections: true, tags: true, authors: true } });
    cleanups.push(site.cleanup);
    const json = JSON.parse((await run(['build', '--ping', '--json'], site.dir)).stdout);
    const notBegun = json.ping.failed.filter((f: { error?: string }) => f.error?.startsWith('not sent')).length;
    expect(json.ping.failed).toHaveLength(15);
    expect(notBegun).toBeGreaterThan(0);
    expect(json.ping.sent).toBe(15 - notBegun);
    expect(new Set(h.bodies).size).toBe(json.ping.sent);
  });

  it('past ten accepted pings, one line says how many', async () => {
    const h = await hub();
    const files: Record<string, string> = {};
    for (const t of ['a', 'b', 'c', 'd']) files[`articles/${t}.md`] = record(t, `tags: [${t}]`);
    const site = await makeSite(files, { ...SITE_CONFIG, hub: h.url, feeds: { tags: true } });
    cleanups.push(site.cleanup);
    const r = await run(['build', '--ping'], site.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`  ${h.url} accepted 15 pings.\n`);
    expect(r.stdout).not.toContain(': ok (');
  });

  it('says so when there is no hub to notify', async () => {
    const site = await makeSite({ 'articles/a.md': record('a') });
    cleanups.push(site.cleanup);
    const r = await run(['build', '--ping'], site.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--ping: there is no "hub" in the configuration, so there is nothing to notify.');
  });
});
