/**
 * Real feed readers polling `dateline serve`'s server (issue 4): an unchanged feed costs them a 304, and
 * an added article reaches them once.
 *
 * - newsboat (Debian's package), run non-interactively (`newsboat -u URLS -c CACHE -C CONFIG -x reload
 *   print-unread`) with its home, XDG directories, urls, config and cache in a temporary directory. What it
 *   stored is read back from its SQLite cache with Python's standard sqlite3 module (/usr/bin/python3), so
 *   the test adds no SQLite dependency.
 * - Python's feedparser (Debian's python3-feedparser), through tests/support/conditional_get.py:
 *   feedparser.parse(url), then feedparser.parse(url, etag=..., modified=...) with what it was given.
 *
 * The site is built with `main(['build'])` and served by `startServer` on 127.0.0.1, port 0. The clients
 * talk to a small logging proxy, also on 127.0.0.1, in front of it, which records each request's
 * conditional headers and the status the server answered, so the assertions are about what went over
 * the wire. Children get a minimal environment (no http_proxy and friends, C.UTF-8 locale) and a timeout.
 *
 * newsboat 2.21 (Debian 12) does not store the validators of a feed's very first fetch (it updates the
 * feed's cache row before creating it: newsboat issue #2734), so its SECOND poll is unconditional and
 * gets a 200; it stores nothing twice all the same, and from the third poll on it sends If-None-Match
 * and If-Modified-Since and gets 304. The second poll is checked for consistency either way, so a
 * newsboat with that fixed passes too.
 *
 * Skipped when newsboat or /usr/bin/python3 with feedparser is missing; under CI (which installs both in
 * .ci/run) a missing one is a failure, not a skip.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main, startServer, type CliIO, type RunningServer } from '../src/index.js';
import { makeSite, record, SITE_CONFIG } from './_helpers.js';

const PYTHON = '/usr/bin/python3';
const CONDITIONAL_GET = fileURLToPath(new URL('./support/conditional_get.py', import.meta.url));
const CHILD_TIMEOUT_MS = 20_000;

const runs = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore', timeout: CHILD_TIMEOUT_MS }).status === 0;
const hasPython = existsSync(PYTHON) && runs(PYTHON, ['-I', '-c', 'import sqlite3']);
const hasFeedparser = hasPython && runs(PYTHON, ['-I', '-c', 'import feedparser']);
const hasNewsboat = runs('newsboat', ['--version']);

// Under CI these tests must run: a missing client there is a broken install step in .ci/run, not a skip.
it.runIf(process.env['CI'])('CI has newsboat and /usr/bin/python3 with feedparser and sqlite3 (installed by .ci/run)', () => {
  expect(hasNewsboat, 'newsboat --version failed; .ci/run should have installed newsboat').toBe(true);
  expect(hasPython, `${PYTHON} -I -c "import sqlite3" failed`).toBe(true);
  expect(hasFeedparser, `${PYTHON} -I -c "import feedparser" failed; .ci/run should have installed python3-feedparser`).toBe(true);
});

/** The environment children get: nothing from ours but PATH (no proxy variables, no user config). */
function childEnv(home?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  if (home !== undefined) {
    Object.assign(env, {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_STATE_HOME: join(home, '.local', 'state'),
    });
  }
  return env;
}

/** Runs a program to completion with a timeout; rejects with its output on a non-zero exit. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
      else resolve(stdout);
    });
  });
}

/** One request as the proxy saw it: what the client sent and what the server answered. */
interface Exchange {
  method: string;
  path: string;
  userAgent: string | null;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  acceptEncoding: string | null;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentEncoding: string | null;
  bodyBytes: number;
}

const one = (h: IncomingHttpHeaders, name: string): string | null => {
  const v = h[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
};

/** Hop-by-hop fields (RFC 9110 §7.6.1) are the proxy's own business and are not passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'upgrade', 'trailer']);
function endToEnd(h: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

/**
 * A logging reverse proxy on 127.0.0.1 in front of `upstream`: requests and responses pass through
 * unchanged (bar hop-by-hop fields), and each exchange is logged before its first body byte reaches the
 * client, so the log is complete by the time a client has its answer.
 */
async function loggingProxy(upstream: URL, log: Exchange[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const up = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: endToEnd(req.headers), agent: false, timeout: 10_000 },
      (upRes) => {
        const entry: Exchange = {
          method: req.method ?? '',
          path: req.url ?? '',
          userAgent: one(req.headers, 'user-agent'),
          ifNoneMatch: one(req.headers, 'if-none-match'),
          ifModifiedSince: one(req.headers, 'if-modified-since'),
          acceptEncoding: one(req.headers, 'accept-encoding'),
          status: upRes.statusCode ?? 0,
          etag: one(upRes.headers, 'etag'),
          lastModified: one(upRes.headers, 'last-modified'),
          contentEncoding: one(upRes.headers, 'content-encoding'),
          bodyBytes: 0,
        };
        log.push(entry);
        res.writeHead(upRes.statusCode ?? 502, endToEnd(upRes.headers));
        upRes.on('data', (chunk: Buffer) => {
          entry.bodyBytes += chunk.length;
          res.write(chunk);
        });
        upRes.on('end', () => res.end());
        upRes.on('error', () => res.destroy());
      },
    );
    up.on('timeout', () => up.destroy(new Error('upstream timed out')));
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const IDS = ['a', 'b', 'c'];
const guid = (id: string): string => `${SITE_CONFIG.idPrefix}${id}`;
/** The article added between polls: a day later than the others, so both validators change. */
const ADDED = record('d').replace('date: 2025-02-05', 'date: 2025-02-06');

/** A built, served site: the 3 records of IDS, `dist/` served by startServer behind the logging proxy (stopped and removed after the test). */
interface ServedSite {
  dir: string;
  /** The proxy's base URL, what clients are given. */
  url: string;
  log: Exchange[];
  /** Adds ADDED and rebuilds into the same dist/ (the build renames its files into place). */
  addArticle: () => Promise<void>;
}

async function build(dir: string): Promise<void> {
  let err = '';
  const io: CliIO = { stdout: () => undefined, stderr: (t) => (err += t), cwd: dir };
  expect(await main(['build'], io), err).toBe(0);
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serveSite(): Promise<ServedSite> {
  const site = await makeSite(Object.fromEntries(IDS.map((id) => [`articles/${id}.md`, record(id)])));
  cleanups.push(site.cleanup);
  await build(site.dir);
  const server: RunningServer = await startServer({ root: join(site.dir, 'dist'), host: '127.0.0.1', port: 0 });
  cleanups.push(() => server.close());
  const log: Exchange[] = [];
  const proxy = await loggingProxy(new URL(server.url), log);
  cleanups.push(proxy.close);
  return {
    dir: site.dir,
    url: proxy.url,
    log,
    addArticle: async () => {
      await writeFile(join(site.dir, 'articles', 'd.md'), ADDED);
      await build(site.dir);
    },
  };
}

/** Runs `poll` and returns the exchanges it caused. */
async function exchanges<T>(log: Exchange[], poll: () => Promise<T>): Promise<{ result: T; seen: Exchange[] }> {
  const before = log.length;
  const result = await poll();
  return { result, seen: log.slice(before) };
}

const FEEDS = ['rss.xml', 'atom.xml'] as const;

// ---------------------------------------------------------------------------------------------------------

/** A row of newsboat's rss_item table. */
interface StoredItem {
  id: number;
  guid: string;
  feedurl: string;
  title: string;
  deleted: number;
}

/** Reads newsboat's cache (read-only) with Python's standard sqlite3 module. */
const READ_CACHE = `
import json, pathlib, sqlite3, sys
con = sqlite3.connect(pathlib.Path(sys.argv[1]).as_uri() + "?mode=ro", uri=True)
rows = con.execute("SELECT id, guid, feedurl, title, deleted FROM rss_item ORDER BY id").fetchall()
print(json.dumps([dict(zip(["id", "guid", "feedurl", "title", "deleted"], r)) for r in rows]))
`;

/** One newsboat user subscribed to one feed, everything in a temporary directory. */
async function newsboatUser(feedUrl: string): Promise<{ poll: () => Promise<string>; stored: () => Promise<StoredItem[]> }> {
  const home = await mkdtemp(join(tmpdir(), 'dateline-newsboat-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  const urls = join(home, 'urls');
  const config = join(home, 'config');
  const cache = join(home, 'cache.db');
  await mkdir(join(home, '.config'), { recursive: true });
  await writeFile(urls, `${feedUrl}\n`);
  // Defaults throughout: the test is about what newsboat does out of the box.
  await writeFile(config, '# dateline tests/clients.test.ts: newsboat defaults\n');
  const env = childEnv(home);
  return {
    poll: () => run('newsboat', ['-u', urls, '-c', cache, '-C', config, '-x', 'reload', 'print-unread'], env),
    stored: async () => JSON.parse(await run(PYTHON, ['-I', '-c', READ_CACHE, cache], childEnv())) as StoredItem[],
  };
}

describe.skipIf(!hasNewsboat || !hasPython)('newsboat polling the served feeds', () => {
  it.each(FEEDS)('subscribed to %s: three polls store every item once and end in 304; an added article arrives once', async (feed) => {
    const site = await serveSite();
    const url = `${site.url}${feed}`;
    const user = await newsboatUser(url);
    const polls: Exchange[] = [];
    /** One `newsboat -x reload print-unread`: exactly one GET of the feed; returns it and the unread count. */
    const poll = async (): Promise<{ got: Exchange; unread: string }> => {
      const { result, seen } = await exchanges(site.log, user.poll);
      expect(seen.map((e) => `${e.method} ${e.path}`), 'one GET per reload').toEqual([`GET /${feed}`]);
      polls.push(seen[0]!);
      return { got: seen[0]!, unread: result.trim() };
    };
    const expectStored = async (ids: string[]): Promise<StoredItem[]> => {
      const items = await user.stored();
      const guids = items.map((i) => i.guid);
      expect(new Set(guids).size, `duplicates in newsboat's cache: ${guids.join(' ')}`).toBe(guids.length);
      expect([...guids].sort()).toEqual(ids.map(guid).sort());
      expect(items.every((i) => i.feedurl === url && i.deleted === 0)).toBe(true);
      return items;
    };

    // Poll 1: nothing to be conditional on yet; the whole feed.
    const p1 = await poll();
    expect(p1.got).toMatchObject({ ifNoneMatch: null, ifModifiedSince: null, status: 200 });
    expect(p1.got.bodyBytes).toBeGreaterThan(0);
    expect(p1.got.etag).toMatch(/^"sha256-[\w-]+"$/);
    expect(p1.got.lastModified).not.toBeNull();
    expect(p1.unread).toBe('3 unread articles');
    const first = await expectStored(IDS);

    // Poll 2: newsboat 2.21 has not stored poll 1's validators (issue #2734), so it asks unconditionally
    // and gets the feed again. Whatever it sends, the server's answer must fit it.
    const p2 = await poll();
    if (p2.got.ifNoneMatch !== null || p2.got.ifModifiedSince !== null) {
      expect(p2.got).toMatchObject({ ifNoneMatch: p1.got.etag, ifModifiedSince: p1.got.lastModified, status: 304, bodyBytes: 0 });
    } else {
      expect(p2.got).toMatchObject({ status: 200, etag: p1.got.etag, lastModified: p1.got.lastModified });
    }
    expect(p2.unread).toBe('3 unread articles');
    // The same rows: nothing re-inserted.
    expect(await expectStored(IDS)).toEqual(first);

    // Poll 3: conditional, with exactly the validators it was given, and answered 304 with no body.
    const p3 = await poll();
    expect(p3.got, JSON.stringify(polls, null, 1)).toMatchObject({
      ifNoneMatch: p1.got.etag,
      ifModifiedSince: p1.got.lastModified,
      status: 304,
      etag: p1.got.etag,
      bodyBytes: 0,
    });
    expect(p3.unread).toBe('3 unread articles');
    expect(await expectStored(IDS)).toEqual(first);

    // An article is added and the site rebuilt: the old validators no longer match, the feed comes whole.
    await site.addArticle();
    const p4 = await poll();
    expect(p4.got).toMatchObject({ ifNoneMatch: p1.got.etag, ifModifiedSince: p1.got.lastModified, status: 200 });
    expect(p4.got.etag).not.toBe(p1.got.etag);
    expect(p4.got.lastModified).not.toBe(p1.got.lastModified);
    expect(p4.got.bodyBytes).toBeGreaterThan(0);
    expect(p4.unread).toBe('4 unread articles');
    const after = await expectStored([...IDS, 'd']);
    expect(after.slice(0, 3), 'the three stored items are the same rows').toEqual(first);

    // And newsboat took the new validators: the next poll is a 304 again.
    const p5 = await poll();
    expect(p5.got).toMatchObject({ ifNoneMatch: p4.got.etag, ifModifiedSince: p4.got.lastModified, status: 304, bodyBytes: 0 });
    expect(p5.unread).toBe('4 unread articles');
    expect(await expectStored([...IDS, 'd'])).toEqual(after);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------------

/** What tests/support/conditional_get.py prints. */
interface FpResult {
  feedparser: string;
  status: number | null;
  etag: string | null;
  modified: string | null;
  version: string;
  bozo: boolean;
  bozo_exception: string | null;
  entries: (string | null)[];
}

async function feedparserGet(url: string, validators: { etag?: string | null; modified?: string | null } = {}): Promise<FpResult> {
  const args = ['-I', CONDITIONAL_GET, url];
  if (validators.etag != null) args.push('--etag', validators.etag);
  if (validators.modified != null) args.push('--modified', validators.modified);
  return JSON.parse(await run(PYTHON, args, childEnv())) as FpResult;
}

describe.skipIf(!hasFeedparser)('feedparser polling the served feeds with etag and modified', () => {
  it.each(FEEDS)('%s: 200 with validators, 304 when they are sent back, 200 with the new entry after a rebuild', async (feed) => {
    const site = await serveSite();
    const url = `${site.url}${feed}`;
    const version = feed === 'rss.xml' ? 'rss20' : 'atom10';

    // First fetch: the whole feed, and the validators to send next time.
    const one1 = await exchanges(site.log, () => feedparserGet(url));
    const r1 = one1.result;
    expect(one1.seen).toHaveLength(1);
    expect(one1.seen[0]).toMatchObject({ method: 'GET', path: `/${feed}`, ifNoneMatch: null, ifModifiedSince: null, status: 200 });
    expect(r1).toMatchObject({ status: 200, version, bozo: false, etag: one1.seen[0]!.etag, modified: one1.seen[0]!.lastModified });
    expect(r1.etag).toMatch(/^"sha256-[\w-]+"$/);
    expect([...r1.entries].sort()).toEqual(IDS.map(guid).sort());

    // Sent back unchanged: 304, nothing to parse.
    const one2 = await exchanges(site.log, () => feedparserGet(url, { etag: r1.etag, modified: r1.modified }));
    expect(one2.seen).toHaveLength(1);
    expect(one2.seen[0]).toMatchObject({ ifNoneMatch: r1.etag, ifModifiedSince: r1.modified, status: 304, bodyBytes: 0 });
    expect(one2.result).toMatchObject({ status: 304, entries: [] });

    // An article is added and the site rebuilt into the same dist/: the old validators get the new feed.
    await site.addArticle();
    const one3 = await exchanges(site.log, () => feedparserGet(url, { etag: r1.etag, modified: r1.modified }));
    const r3 = one3.result;
    expect(one3.seen).toHaveLength(1);
    expect(one3.seen[0]).toMatchObject({ ifNoneMatch: r1.etag, ifModifiedSince: r1.modified, status: 200 });
    expect(r3).toMatchObject({ status: 200, version, bozo: false });
    expect(r3.etag).not.toBe(r1.etag);
    expect(r3.modified).not.toBe(r1.modified);
    expect(r3.entries.filter((id) => id === guid('d'))).toHaveLength(1);
    expect([...r3.entries].sort()).toEqual([...IDS, 'd'].map(guid).sort());

    // And the new validators are good for a 304 again.
    const one4 = await exchanges(site.log, () => feedparserGet(url, { etag: r3.etag, modified: r3.modified }));
    expect(one4.seen[0]).toMatchObject({ ifNoneMatch: r3.etag, ifModifiedSince: r3.modified, status: 304, bodyBytes: 0 });
    expect(one4.result).toMatchObject({ status: 304, entries: [] });
  }, 60_000);
});
