/**
 * `build --ping` stopped by a signal once its files are being put in place: the build finishes without
 * pinging, and the feeds it changed are remembered, so the next `build --ping` (which finds nothing
 * changed) still tells the hub of them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { main } from '../src/index.js';
import { makeSite, record, SITE_CONFIG } from './_helpers.js';

const signal = vi.hoisted(() => ({ on: false, twice: false, pending: undefined as string | undefined, watch: false }));
// The stage renames its files into place with renameSync (src/output/dist.ts).
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const renameSync = ((from: string, to: string) => {
    // The first rename into dist/: the stage is renaming. What the cache's pings.json holds then.
    if (signal.watch && String(to).includes('/dist/')) {
      signal.watch = false;
      const file = String(to).replace(/\/dist\/.*$/, '/.dateline-cache/pings.json');
      signal.pending = real.existsSync(file) ? real.readFileSync(file, 'utf8') : '';
    }
    if (signal.on && String(to).includes('/dist/')) {
      signal.on = false;
      process.emit('SIGTERM', 'SIGTERM');
      if (signal.twice) process.emit('SIGINT', 'SIGINT');
    }
    return real.renameSync(from, to);
  }) as typeof real.renameSync;
  return { ...real, default: { ...real, renameSync }, renameSync };
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, signals: true });
  return { code, stdout, stderr };
}

async function siteWithHub(atPing?: () => void): Promise<{ dir: string; pinged: string[] }> {
  const pinged: string[] = [];
  const server: Server = createServer((req, res) => {
    atPing?.();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      pinged.push(decodeURIComponent(body.replace(/^.*hub\.url=/, '')));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  const site = await makeSite({ 'articles/a.md': record('a') }, { ...SITE_CONFIG, hub: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  cleanups.push(site.cleanup);
  return { dir: site.dir, pinged };
}

const FEEDS = ['atom.xml', 'feed.json', 'rss.xml'].map((f) => `https://news.example.com/feeds/${f}`);

// A second signal during the renames exits at once, and a kill leaves no handler to run: what the hub is
// owed must be on disk before the first file is in place (it was remembered only after the build).
it('remembers the feeds a build changes as pings owed before the first of its files is in place, and forgets them once sent', async () => {
  const { dir, pinged } = await siteWithHub();
  for (const args of [['build', '--ping', '--quiet'], ['build', '--quiet']]) {
    await writeFile(join(dir, 'articles/a.md'), record('a', '', `A body for ${args.join(' ')}.`));
    signal.watch = true;
    expect((await run(args, dir)).code).toBe(0);
    expect(signal.watch).toBe(false);
    expect(JSON.parse(signal.pending ?? '').urls).toEqual(FEEDS);
  }
  // The --ping build sent them and forgot them (one ping each); the build without it left them for the next --ping.
  expect(pinged.sort()).toEqual(FEEDS);
  expect(JSON.parse(await readFile(join(dir, '.dateline-cache/pings.json'), 'utf8')).urls).toEqual(FEEDS);
  pinged.length = 0;
  expect((await run(['build', '--ping', '--quiet'], dir)).code).toBe(0);
  expect(pinged.sort()).toEqual(FEEDS);
  await expect(readFile(join(dir, '.dateline-cache/pings.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  // A build that changes no feed owes nothing.
  expect((await run(['build', '--quiet'], dir)).code).toBe(0);
  await expect(readFile(join(dir, '.dateline-cache/pings.json'), 'utf8')).rejects.toThrow(/ENOENT/);
});

it('the feeds a build stopped while renaming changed are pinged by the next build --ping', async () => {
  const { dir, pinged } = await siteWithHub();
  expect((await run(['build', '--ping', '--quiet'], dir)).code).toBe(0);
  pinged.length = 0;

  await writeFile(join(dir, 'articles/a.md'), record('a', '', 'A corrected body.'));
  signal.on = true;
  const stopped = await run(['build', '--ping', '--quiet'], dir);
  expect(stopped.code).toBe(143);
  expect(stopped.stderr).toContain('SIGTERM: the new files are being put in place');
  expect(stopped.stderr).toContain('--ping: stopped before the hub was told; the next build --ping sends 3 pings');
  expect(pinged).toEqual([]);

  const next = await run(['build', '--ping'], dir);
  expect(next.code).toBe(0);
  expect(next.stdout).toContain('Sending 3 pings an earlier build did not send.');
  expect(pinged.sort()).toEqual(FEEDS);
});

// A second signal exits at once, saying what the output directory holds (review: these wordings were untested).
// (process.exit is held here, so the build goes on to its end.)
it('a second signal during the renames says the output may hold a part of the new files; one after them that they are in place', async () => {
  const exits: (number | undefined)[] = [];
  const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => void exits.push(code)) as typeof process.exit);
  try {
    let atPing = false;
    const { dir } = await siteWithHub(() => {
      if (!atPing) return;
      atPing = false;
      process.emit('SIGTERM', 'SIGTERM');
      process.emit('SIGINT', 'SIGINT');
    });
    expect((await run(['build', '--quiet'], dir)).code).toBe(0);

    await writeFile(join(dir, 'articles/a.md'), record('a', '', 'A body renamed under two signals.'));
    signal.on = true;
    signal.twice = true;
    const renaming = await run(['build', '--quiet'], dir);
    signal.twice = false;
    expect(renaming.stderr).toContain('SIGINT: stopped at once; the output directory may hold a part of the new files, which the next build puts right.\n');
    expect(exits).toEqual([130]);

    await writeFile(join(dir, 'articles/a.md'), record('a', '', 'A body in place before two signals.'));
    atPing = true;
    const placed = await run(['build', '--ping', '--quiet'], dir);
    expect(placed.stderr).toContain('SIGTERM: the new files are in place; finishing the build, then stopping (again to stop at once).\n');
    expect(placed.stderr).toContain('SIGINT: stopped at once; the new files are in place (files the build had still to remove, and its cache, may be left as they were, which the next build puts right).\n');
    expect(exits).toEqual([130, 130]);
  } finally {
    exit.mockRestore();
  }
});
