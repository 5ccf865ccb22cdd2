/**
 * The node:http glue on one real server (127.0.0.1, port 0): the handler over a socket, and the limits that
 * keep misbehaving clients from holding it (short timeouts for the test). Loopback only; every wait is bounded.
 */
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ServedFile } from '../src/index.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Socket Desk</title>${'<item><title>Story</title></item>'.repeat(40)}</channel></rss>\n`;
const etagOf = (b: Uint8Array): string => `"sha256-${createHash('sha256').update(b).digest('base64url').slice(0, 22)}"`;

let dir: string;
let server: RunningServer;
let port: number;
let entry: ServedFile;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-serve-node-'));
  const bytes = Buffer.from(RSS);
  const gz = gzipSync(bytes);
  entry = {
    type: 'application/rss+xml; charset=utf-8',
    etag: etagOf(bytes),
    lastModified: 'Wed, 05 Feb 2025 01:24:00 GMT',
    bytes: bytes.length,
    maxAge: 900,
    encodings: { gzip: { file: 'rss.xml.gz', etag: etagOf(gz), bytes: gz.length } },
    links: { self: 'https://news.example.com/feeds/rss.xml' },
  };
  await writeFile(join(dir, 'rss.xml'), bytes);
  await writeFile(join(dir, 'rss.xml.gz'), gz);
  await writeFile(join(dir, '_dateline.json'), JSON.stringify({ version: 1, files: { 'rss.xml': entry } }));
  // Big enough that the kernel's socket buffers cannot take it all: the server is still writing when the client leaves.
  await writeFile(join(dir, 'big.bin'), Buffer.alloc(32 * 1024 * 1024, 7));
  server = await startServer({
    root: dir,
    host: '127.0.0.1',
    port: 0,
    limits: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 300, idleTimeoutMs: 3_000 },
  });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with node:http (no pooling, no automatic decompression), bounded by a timeout. */
function fetchRaw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`request to ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Opens a raw socket and resolves with it once connected. */
function rawSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.on('error', reject);
  });
}

/** Collects what a raw socket receives until it closes or `ms` pass; says which. */
function readUntilClose(s: Socket, ms: number): Promise<{ closed: boolean; data: string; afterMs: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    let data = '';
    s.on('data', (c: Buffer) => (data += c.toString('latin1')));
    s.on('error', () => undefined);
    const timer = setTimeout(() => resolve({ closed: false, data, afterMs: Date.now() - start }), ms);
    s.on('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, data, afterMs: Date.now() - start });
    });
  });
}

describe('over a socket', () => {
  it('GET: the manifest headers, a Date, and the bytes', async () => {
    const r = await fetchRaw('/rss.xml');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(r.headers['etag']).toBe(entry.etag);
    expect(r.headers['last-modified']).toBe(entry.lastModified);
    expect(r.headers['cache-control']).toBe('public, max-age=900');
    expect(r.headers['vary']).toBe('Accept-Encoding, Accept');
    expect(r.headers['link']).toBe('<https://news.example.com/feeds/rss.xml>; rel="self"');
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(RSS)));
    expect(r.headers['date']).toMatch(/GMT$/);
    expect(r.body.toString()).toBe(RSS);
  });

  it('conditional GET: 304 with ETag, Vary, Cache-Control and Date, and no body', async () => {
    const r = await fetchRaw('/rss.xml', { 'if-none-match': entry.etag });
    expect(r.status).toBe(304);
    expect(r.headers['etag']).toBe(entry.etag);
    expect(r.headers['vary']).toBe('Accept-Encoding, Accept');
    expect(r.headers['cache-control']).toBe('public, max-age=900');
    expect(r.headers['date']).toBeDefined();
    expect(r.headers['content-type']).toBeUndefined();
    expect(r.body.length).toBe(0);
    expect((await fetchRaw('/rss.xml', { 'if-modified-since': entry.lastModified })).status).toBe(304);
  });

  it('gzip, and HEAD with the same Content-Length and no body', async () => {
    const gz = await fetchRaw('/rss.xml', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(RSS);
    const head = await fetchRaw('/rss.xml', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(gz.body.length));
    expect(head.body.length).toBe(0);
  });

  it('other methods get 405 with Allow, TRACE included (which a fetch Request cannot even carry)', async () => {
    for (const method of ['POST', 'DELETE', 'TRACE']) {
      const r = await fetchRaw('/rss.xml', {}, method);
      expect([method, r.status, r.headers['allow']]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  it('CONNECT gets 405 with Allow too, and a method the parser does not know 501 (QA: CONNECT was closed unanswered, FOO got 400)', async () => {
    for (const [line, status] of [['CONNECT /rss.xml HTTP/1.1', 405], ['CONNECT 127.0.0.1:80 HTTP/1.1', 405], ['FOO /rss.xml HTTP/1.1', 501]] as const) {
      const s = await rawSocket();
      s.write(`${line}\r\nHost: x\r\n\r\n`);
      const r = await readUntilClose(s, 3_000);
      expect(r.data, line).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      if (status === 405) expect(r.data, line).toMatch(/\r\nAllow: GET, HEAD\r\n/);
    }
    expect((await fetchRaw('/rss.xml')).status).toBe(200);
  });

  it('a bad request after an answered one on a kept-alive connection is answered too, as node answers it (review: it was closed unanswered)', async () => {
    for (const [second, status] of [['FOO /rss.xml HTTP/1.1\r\nHost: x\r\n\r\n', 501], ['GET /rss.xml HTTP/1.1\r\nBad Header\r\n\r\n', 400], ['CONNECT /rss.xml HTTP/1.1\r\nHost: x\r\n\r\n', 405]] as const) {
      const s = await rawSocket();
      const closing = readUntilClose(s, 3_000);
      const first = new Promise<void>((r) => s.once('data', () => r()));
      s.write('HEAD /rss.xml HTTP/1.1\r\nHost: x\r\n\r\n');
      await first;
      await new Promise((r) => setTimeout(r, 50));
      s.write(second);
      const r = await closing;
      expect(r.data, second).toMatch(/^HTTP\/1\.1 200 /);
      expect(r.data, second).toMatch(new RegExp(`\r\n\r\nHTTP/1\\.1 ${status} `));
    }
  });

  it('raw traversal in the request line never leaves the directory', async () => {
    for (const target of ['/../../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', 'http://evil.example/../../etc/passwd', '//etc/passwd', '//rss.xml']) {
      const s = await rawSocket();
      s.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      const r = await readUntilClose(s, 3_000);
      expect(r.data, target).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(r.data, target).not.toContain('root:');
    }
  });
});

describe('misbehaving clients', () => {
  it('a stalled client (half a request line) is disconnected by the timeout, and does not hold up others', async () => {
    const stalled = await rawSocket();
    stalled.write('GET /rss.xml HT');
    let stalledOpen = true;
    const closing = readUntilClose(stalled, 8_000).finally(() => (stalledOpen = false));
    // While it stalls, a normal request is answered, well before the stalled one is cut off.
    const r = await fetchRaw('/rss.xml');
    expect(r.status).toBe(200);
    expect(stalledOpen).toBe(true);
    const end = await closing;
    expect(end.closed).toBe(true);
    expect(end.afterMs).toBeGreaterThanOrEqual(900);
    expect(end.afterMs).toBeLessThan(8_000);
    // Node answers the expired head with 408 before closing.
    expect(end.data).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a client that trickles its headers is cut off too (headers timeout, not just idleness)', async () => {
    const s = await rawSocket();
    const closing = readUntilClose(s, 8_000);
    s.write('GET /rss.xml HTTP/1.1\r\nHost: x\r\n');
    let n = 0;
    // One header line every 50 ms for up to 8 s: never idle, so only the headers timeout can end it.
    const drip = setInterval(() => {
      if (!s.destroyed && n < 160) s.write(`X-Drip-${n++}: y\r\n`);
    }, 50);
    const end = await closing;
    clearInterval(drip);
    expect(end.closed).toBe(true);
    expect(end.afterMs).toBeLessThan(6_000);
    expect(end.data).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a client that disconnects mid-response does not harm the server', async () => {
    const s = await rawSocket();
    s.on('error', () => undefined);
    const gotSome = new Promise<void>((resolve) => s.once('data', () => resolve()));
    s.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n');
    await gotSome;
    // Stop reading, then leave with most of the 32 MB unsent.
    s.pause();
    await new Promise((r) => setTimeout(r, 50));
    s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 3; i++) expect((await fetchRaw('/rss.xml')).status).toBe(200);
  });

  it('a 20 KB header gets 431', async () => {
    const s = await rawSocket();
    s.write(`GET /rss.xml HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    const r = await readUntilClose(s, 3_000);
    expect(r.data).toMatch(/^HTTP\/1\.1 431 /);
    expect((await fetchRaw('/rss.xml')).status).toBe(200);
  });

  it('an absolute-form request target is served by its path', async () => {
    const s = await rawSocket();
    s.write('GET http://elsewhere.example/rss.xml HTTP/1.1\r\nHost: elsewhere.example\r\nConnection: close\r\n\r\n');
    const r = await readUntilClose(s, 3_000);
    expect(r.data).toMatch(/^HTTP\/1\.1 200 /);
    expect(r.data.endsWith(RSS)).toBe(true);
  });

  it('a long URL that fits the header limit gets 414', async () => {
    expect((await fetchRaw(`/${'a'.repeat(4000)}`)).status).toBe(414);
  });

  it('a POST with a body is refused without reading it, and the connection is closed', async () => {
    const s = await rawSocket();
    s.write(`POST /rss.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n${'x'.repeat(1000)}`);
    const r = await readUntilClose(s, 3_000);
    expect(r.closed).toBe(true);
    expect(r.data).toMatch(/^HTTP\/1\.1 405 /);
    expect(r.data.toLowerCase()).toContain('connection: close');
  });
});

describe('lifecycle', () => {
  it('close() stops the server; a second close() is harmless', async () => {
    const other = await startServer({ root: dir, host: '127.0.0.1', port: 0 });
    const url = new URL(other.url);
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await other.close();
    await other.close();
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port: Number(url.port) });
      s.on('connect', () => (s.destroy(), resolve(false)));
      s.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('a request the server cannot answer (its store throws) gets 500, and onError hears of it with the request', async () => {
    const faults: [unknown, { method: string; target: string }][] = [];
    const broken = { lookup: () => Promise.reject(new Error('disk on fire')), read: async () => undefined, files: async () => ({}) };
    const other = await startServer({ root: dir, host: '127.0.0.1', port: 0, store: broken, onError: (e, r) => void faults.push([e, r]) });
    try {
      const res = await fetch(new URL('rss.xml?x=1', other.url));
      expect(res.status).toBe(500);
      expect(faults.map(([e, r]) => [(e as Error).message, r])).toEqual([['disk on fire', { method: 'GET', target: '/rss.xml?x=1' }]]);
    } finally {
      await other.close();
    }
  });

  it('a hook that throws, or an async one that fails, changes nothing: 500, and the server goes on', async () => {
    const broken = { lookup: () => Promise.reject(new Error('disk on fire')), read: async () => undefined, files: async () => ({}) };
    for (const onError of [() => { throw new Error('hook'); }, async () => { throw new Error('async hook'); }]) {
      const other = await startServer({ root: dir, host: '127.0.0.1', port: 0, store: broken, onError });
      try {
        expect((await fetch(new URL('rss.xml', other.url))).status).toBe(500);
        expect((await fetch(new URL('atom.xml', other.url))).status).toBe(500);
      } finally {
        await other.close();
      }
    }
  });

  it('listening on a port in use rejects with EADDRINUSE', async () => {
    await expect(startServer({ root: dir, host: '127.0.0.1', port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
