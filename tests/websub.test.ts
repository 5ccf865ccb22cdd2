/**
 * WebSub publish pings against a hub running on loopback inside the test (node:http on 127.0.0.1, port 0).
 * Sleeps are injected and recorded, so the backoff plan is checked without waiting for it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFeedUrls } from '../src/websub/changed.js';
import { describePing, pingHub, type PingResult } from '../src/websub/ping.js';

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

interface Hub {
  url: string;
  seen: Seen[];
  close: () => Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A hub that answers its n-th request with `answers[n]` (the last one from then on). */
async function startHub(answers: Answer[] = [{ status: 204 }]): Promise<Hub> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = answers[Math.min(seen.length, answers.length) - 1] ?? { status: 204 };
      if (a === 'hang') return;
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hub`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

/** A loopback port with nothing listening: connections to it are refused. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function recorder(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const FEEDS = ['https://news.example.com/feeds/rss.xml', 'https://news.example.com/feeds/atom.xml', 'https://news.example.com/feeds/feed.json'];

describe('pingHub', () => {
  it('POSTs one form-encoded publish notification per feed URL, and only those', async () => {
    const hub = await startHub([{ status: 204 }]);
    const { sleep, waits } = recorder();
    const results = await pingHub({ hub: hub.url, urls: FEEDS, sleep });
    expect(results).toEqual(FEEDS.map((url) => ({ url, ok: true, status: 204, attempts: 1 })));
    expect(hub.seen).toHaveLength(3);
    for (const r of hub.seen) {
      expect(r.method).toBe('POST');
      expect(r.path).toBe('/hub');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect([...new URLSearchParams(r.body)]).toEqual([['hub.mode', 'publish'], ['hub.url', expect.any(String)]]);
    }
    expect(hub.seen.map((r) => new URLSearchParams(r.body).get('hub.url')).sort()).toEqual([...FEEDS].sort());
    expect(hub.seen.find((r) => r.body.includes('rss.xml'))?.body).toBe('hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.com%2Ffeeds%2Frss.xml');
    expect(waits).toEqual([]);
  });

  it('sends a few pings at a time, not all at once, and gives the results in the order of the URLs (QA: 762 at once on a configuration change)', async () => {
    let inFlight = 0;
    let most = 0;
    const server = createServer((req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      req.resume();
      req.on('end', () => setTimeout(() => {
        inFlight -= 1;
        res.writeHead(204).end();
      }, 5));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const urls = Array.from({ length: 40 }, (_, i) => `https://news.example.com/feeds/tags/t${i}/rss.xml`);
    const results = await pingHub({ hub: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, urls });
    expect(results.map((r) => [r.url, r.ok])).toEqual(urls.map((u) => [u, true]));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
    most = 0;
    await pingHub({ hub: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, urls: urls.slice(0, 10), concurrency: 1 });
    expect(most).toBe(1);
  });

  it('once a ping has had all its tries and the hub is still unavailable, sends none of those not begun: they fail without a status, to be sent again later', async () => {
    const hub = await startHub([{ status: 503 }]);
    const { sleep } = recorder();
    const urls = Array.from({ length: 20 }, (_, i) => `https://news.example.com/feeds/tags/t${i}/rss.xml`);
    const results = await pingHub({ hub: hub.url, urls, sleep, retries: 1 });
    const begun = results.filter((r) => r.attempts > 0);
    expect(begun).toHaveLength(8);
    expect(begun.every((r) => r.status === 503 && r.attempts === 2)).toBe(true);
    const left = results.filter((r) => r.attempts === 0);
    expect(left).toHaveLength(12);
    expect(left.every((r) => !r.ok && r.status === undefined && /^not sent: the hub did not take the ping of \S+ \(hub answered 503\)$/.test(r.error ?? ''))).toBe(true);
    expect(hub.seen).toHaveLength(16);
  });

  it('takes 202 Accepted as success, pings each URL once, and sends nothing for no URLs', async () => {
    const hub = await startHub([{ status: 202 }]);
    const rss = FEEDS[0]!;
    expect(await pingHub({ hub: hub.url, urls: [rss, rss] })).toEqual([{ url: rss, ok: true, status: 202, attempts: 1 }]);
    expect(await pingHub({ hub: hub.url, urls: [] })).toEqual([]);
    expect(hub.seen).toHaveLength(1);
  });

  it('retries 503s with the backoff plan: 503, 503, 204 is ok after 3 attempts', async () => {
    const hub = await startHub([{ status: 503 }, { status: 503 }, { status: 204 }]);
    const { sleep, waits } = recorder();
    expect(await pingHub({ hub: hub.url, urls: [FEEDS[0]!], sleep })).toEqual([{ url: FEEDS[0], ok: true, status: 204, attempts: 3 }]);
    expect(waits).toEqual([500, 2000]);
    expect(hub.seen).toHaveLength(3);
    expect(new Set(hub.seen.map((r) => r.body)).size).toBe(1);
  });

  it('gives up after `retries` retries and reports the last answer', async () => {
    const hub = await startHub([{ status: 500, body: 'hub is down\nstack trace…' }]);
    const { sleep, waits } = recorder();
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[0]!], sleep, retries: 2, backoffMs: [5] });
    expect(r).toEqual({ url: FEEDS[0], ok: false, status: 500, attempts: 3, error: 'hub answered 500: hub is down' });
    expect(waits).toEqual([5, 5]);
  });

  it('does not retry a 400, and reports what the hub said', async () => {
    const hub = await startHub([{ status: 400, body: 'unknown topic' }]);
    const { sleep, waits } = recorder();
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[1]!], sleep });
    expect(r).toEqual({ url: FEEDS[1], ok: false, status: 400, attempts: 1, error: 'hub answered 400: unknown topic' });
    expect(hub.seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not follow a redirect (a POST turned GET would look like success)', async () => {
    const hub = await startHub([{ status: 302, headers: { location: 'https://elsewhere.example/' } }, { status: 200 }]);
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[0]!], sleep: recorder().sleep });
    expect(r).toMatchObject({ ok: false, status: 302, attempts: 1 });
    expect(r?.error).toContain('https://elsewhere.example/');
    expect(hub.seen).toHaveLength(1);
  });

  it('honours Retry-After seconds on 429 and 503, capped; an HTTP-date falls back to the plan', async () => {
    const hub = await startHub([
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 503, headers: { 'retry-after': '86400' } },
      { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } },
      { status: 204 },
    ]);
    const { sleep, waits } = recorder();
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[0]!], sleep, maxRetryAfterMs: 30_000 });
    expect(r).toEqual({ url: FEEDS[0], ok: true, status: 204, attempts: 4 });
    expect(waits).toEqual([7000, 30_000, 8000]);
  });

  it('reports a refused connection after its retries, and never throws', async () => {
    const port = await closedPort();
    const { sleep, waits } = recorder();
    const results = await pingHub({ hub: `http://127.0.0.1:${port}/hub`, urls: FEEDS.slice(0, 2), sleep });
    expect(results).toEqual(FEEDS.slice(0, 2).map((url) => ({ url, ok: false, attempts: 4, error: 'ECONNREFUSED' })));
    // The two URLs are pinged side by side, so their waits interleave.
    expect([...waits].sort((a, b) => a - b)).toEqual([500, 500, 2000, 2000, 8000, 8000]);
  });

  it('times out a hub that never answers, and retries it', async () => {
    const hub = await startHub(['hang']);
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[0]!], sleep: recorder().sleep, retries: 1, timeoutMs: 100 });
    expect(r).toEqual({ url: FEEDS[0], ok: false, attempts: 2, error: 'no answer within 100 ms' });
    expect(hub.seen).toHaveLength(2);
  });

  it('waits for real without an injected sleep (short plan)', async () => {
    const hub = await startHub([{ status: 503 }, { status: 204 }]);
    const started = performance.now();
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[0]!], backoffMs: [30] });
    expect(r).toEqual({ url: FEEDS[0], ok: true, status: 204, attempts: 2 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('stops when aborted: before the first request, or while waiting to retry', async () => {
    const hub = await startHub([{ status: 503 }]);
    const before = new AbortController();
    before.abort();
    expect(await pingHub({ hub: hub.url, urls: [FEEDS[0]!], signal: before.signal })).toEqual([{ url: FEEDS[0], ok: false, attempts: 0, error: 'aborted' }]);
    expect(hub.seen).toHaveLength(0);

    const during = new AbortController();
    const started = performance.now();
    setTimeout(() => during.abort(), 50);
    const [r] = await pingHub({ hub: hub.url, urls: [FEEDS[0]!], signal: during.signal, backoffMs: [60_000] });
    expect(r).toEqual({ url: FEEDS[0], ok: false, status: 503, attempts: 1, error: 'hub answered 503; aborted' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports an unusable hub URL for every feed without sending anything', async () => {
    for (const hub of ['not a url', 'ftp://hub.example/']) {
      const results = await pingHub({ hub, urls: FEEDS.slice(0, 2) });
      expect(results.map((r) => [r.ok, r.attempts])).toEqual([[false, 0], [false, 0]]);
      expect(results[0]?.error).toContain('invalid hub URL');
    }
  });

  it('uses an injected fetch', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push([String(input), init]);
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    expect(await pingHub({ hub: 'https://hub.example/', urls: [FEEDS[2]!], fetch })).toEqual([{ url: FEEDS[2], ok: true, status: 204, attempts: 1 }]);
    expect(calls.map(([u, i]) => [u, i?.method, i?.body])).toEqual([['https://hub.example/', 'POST', 'hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.com%2Ffeeds%2Ffeed.json']]);
  });
});

describe('describePing', () => {
  it('says what happened, in one line', () => {
    const ok: PingResult = { url: FEEDS[0]!, ok: true, status: 204, attempts: 1 };
    const failed: PingResult = { url: FEEDS[1]!, ok: false, attempts: 4, error: 'ECONNREFUSED' };
    expect(describePing(ok)).toBe('ping https://news.example.com/feeds/rss.xml: ok (204, 1 attempt)');
    expect(describePing(failed)).toBe('ping https://news.example.com/feeds/atom.xml: FAILED after 4 attempts: ECONNREFUSED');
  });
});

describe('changedFeedUrls', () => {
  const base = 'https://news.example.com/feeds/';
  it('gives the URLs of the feed documents whose bytes changed, and nothing else', () => {
    expect(FEEDS.slice(0, 3)).toEqual([`${base}rss.xml`, `${base}atom.xml`, `${base}feed.json`]);
    const written = [
      { name: 'atom.xml', bytes: 1, changed: true },
      { name: 'atom.xml.gz', bytes: 1, changed: true },
      { name: 'feed.json', bytes: 1, changed: false },
      { name: 'index.html', bytes: 1, changed: true },
      { name: 'rss.xml', bytes: 1, changed: true },
    ];
    expect(changedFeedUrls(base, written)).toEqual([FEEDS[0], FEEDS[1]]);
    expect(changedFeedUrls(base, written.map((w) => ({ ...w, changed: false })))).toEqual([]);
  });

  it('covers section, tag, author and archive feeds, feed by feed', () => {
    const written = [
      { name: 'tags/trade/feed.json', bytes: 1, changed: true },
      { name: 'sections/国际/rss.xml', bytes: 1, changed: true },
      { name: 'tags/trade/rss.xml', bytes: 1, changed: true },
      { name: 'tags/trade/rss.xml.br', bytes: 1, changed: true },
      { name: 'archive/2025-01/atom.xml', bytes: 1, changed: true },
    ];
    expect(changedFeedUrls(base, written)).toEqual([
      `${base}archive/2025-01/atom.xml`,
      `${base}sections/%E5%9B%BD%E9%99%85/rss.xml`,
      `${base}tags/trade/rss.xml`,
      `${base}tags/trade/feed.json`,
    ]);
  });
});
