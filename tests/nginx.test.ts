/**
 * The generated `_config/nginx.conf`, served for real by Debian's nginx on loopback (issue 4): a built
 * dist/ as root, the snippet included in the server, and requests checking status, ETag, 304s,
 * Content-Type, Content-Encoding, Cache-Control and Link against the manifest, and the ETags against
 * Dateline's own server on the same directory. CI installs nginx (.ci/run); without /usr/sbin/nginx the
 * suite is skipped. With Debian's ngx_brotli static module installed, the snippet's commented brotli
 * lines are switched on in a second server and checked too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeeds, resolveConfig, startServer, writeOutputs, type BuildResult, type Manifest } from '../src/index.js';
import { BROTLI_MARK } from '../src/hosting/nginx.js';
import { SITE_CONFIG } from './_helpers.js';

const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const HAS_NGINX = existsSync(NGINX);
const HAS_BROTLI = HAS_NGINX && existsSync(BROTLI_MODULE);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request on its own connection, body as raw bytes (no decompression). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { connection: 'close', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/** `n` distinct free loopback ports: all are held open until each is known, then released for nginx. */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const s = createServer();
        s.on('error', reject);
        s.listen(0, '127.0.0.1', () => resolve(s));
      })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function waitForPort(port: number, nginx: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

describe.skipIf(!HAS_NGINX)('nginx serving dist/ with _config/nginx.conf', () => {
  let dir: string;
  let dist: string;
  let built: BuildResult;
  let manifest: Manifest;
  let port: number;
  let brotliPort: number;
  let nginx: ChildProcess | undefined;
  let stderr = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-nginx-'));
    dist = join(dir, 'dist');
    const { config } = resolveConfig({ ...SITE_CONFIG, hub: 'https://hub.example.com/' }, 'x', () => 1);
    built = buildFeeds(
      [1, 2, 3].map((n) => ({
        id: `story-${n}`,
        title: `Story ${n}`,
        url: `https://news.example.com/${n}.html`,
        published: new Date(Date.UTC(2025, 1, n, 1, 24)),
        updated: new Date(Date.UTC(2025, 1, n, 9, 30, 15)),
        tags: [],
        authors: [],
        contributors: [],
        draft: false,
        body: { kind: 'markdown' as const, text: `Paragraph ${n}. `.repeat(200) },
        file: `${n}.md`,
      })),
      config!,
    );
    await writeOutputs(dist, built.files, 'dist', built.mtimes);
    manifest = JSON.parse(await readFile(join(dist, '_dateline.json'), 'utf8')) as Manifest;

    [port, brotliPort] = (await freePorts(2)) as [number, number];
    const prefix = join(dir, 'nginx');
    await mkdir(join(prefix, 'logs'), { recursive: true });
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(prefix, t)};`).join('\n');
    // (With a header of the site's own, which the locations for people's pages must keep.)
    const servers = [`  server {\n    listen 127.0.0.1:${port};\n    root ${dist};\n    add_header X-Frame-Options DENY;\n    include ${join(dist, '_config/nginx.conf')};\n  }`];
    if (HAS_BROTLI) {
      const conf = (await readFile(join(dist, '_config/nginx.conf'), 'utf8')).replaceAll(BROTLI_MARK, '');
      await writeFile(join(prefix, 'nginx-brotli.conf'), conf);
      servers.push(`  server {\n    listen 127.0.0.1:${brotliPort};\n    root ${dist};\n    include ${join(prefix, 'nginx-brotli.conf')};\n  }`);
    }
    await writeFile(
      join(prefix, 'nginx.conf'),
      [
        ...(HAS_BROTLI ? [`load_module ${BROTLI_MODULE};`] : []),
        // One process, in the foreground, as the user running the tests: it can read the temp dist/.
        'daemon off;',
        'master_process off;',
        `pid ${join(prefix, 'nginx.pid')};`,
        `error_log ${join(prefix, 'logs/error.log')} warn;`,
        'events { worker_connections 64; }',
        'http {',
        '  access_log off;',
        temp,
        '  default_type application/octet-stream;',
        // What Debian's stock nginx.conf turns on; the snippet must not be thrown by it.
        '  gzip on;',
        '  charset utf-8;',
        // As busy servers have it: the snippet's marker check must not be answered from this cache (review).
        '  open_file_cache max=1000 inactive=60s;',
        '  open_file_cache_valid 60s;',
        ...servers,
        '}',
        '',
      ].join('\n'),
    );
    nginx = spawn(NGINX, ['-p', prefix, '-e', join(prefix, 'logs/error.log'), '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const log = () => `${stderr}${existsSync(join(prefix, 'logs/error.log')) ? readFileSync(join(prefix, 'logs/error.log'), 'utf8') : ''}`;
    await waitForPort(port, nginx, log);
    if (HAS_BROTLI) await waitForPort(brotliPort, nginx, log);
  }, 30_000);

  afterAll(async () => {
    if (nginx !== undefined && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGTERM');
      await exited;
    }
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  const FEEDS = [
    ['rss.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml; charset=utf-8'],
    ['feed.json', 'application/feed+json; charset=utf-8'],
  ] as const;

  it.each(FEEDS)('GET /feeds/%s: 200, the bytes, and the headers recorded in the manifest', async (name, type) => {
    const served = manifest.files[name]!;
    const r = await get(port, `/feeds/${name}`);
    expect(r.status).toBe(200);
    expect(r.body.equals(await readFile(join(dist, name)))).toBe(true);
    expect(r.headers['content-type']).toBe(type);
    expect(served.type).toBe(type);
    expect(r.headers['etag']).toBe(served.etag);
    expect(r.headers['last-modified']).toBe(served.lastModified);
    expect(r.headers['cache-control']).toBe(`public, max-age=${served.maxAge}`);
    expect(r.headers['link']).toBe(`<https://news.example.com/feeds/${name}>; rel="self", <https://hub.example.com/>; rel="hub"`);
    // RSS and Atom vary by Accept too: browsers get them as application/xml (below).
    expect(r.headers['vary']).toBe(name === 'feed.json' ? 'Accept-Encoding' : 'Accept-Encoding, Accept');
    expect(r.headers['content-encoding']).toBeUndefined();
  });

  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

  const READER = 'application/rss+xml, application/atom+xml, */*;q=0.1';
  /** The browser representation's ETag: the recorded one with `-xml` inside the quotes (README, nginx.ts browserEtag). */
  const xmlTag = (etag: string): string => `${etag.slice(0, -1)}-xml"`;

  it.each(['rss.xml', 'atom.xml'])("a browser's request for /feeds/%s gets the same bytes as application/xml, with its own ETags and 304s, as from dateline serve", async (name) => {
    const served = manifest.files[name]!;
    const r = await get(port, `/feeds/${name}`, { accept: BROWSER });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(r.headers['vary']).toBe('Accept-Encoding, Accept');
    expect(r.headers['etag']).toBe(xmlTag(served.etag));
    expect(r.body.equals(await readFile(join(dist, name)))).toBe(true);
    // Each coding's browser representation has its own tag, derived from that coding's recorded one; a reader
    // gets the recorded one. Each 304s only for its own tag (GET and HEAD), and its 304 names it.
    const codings: [string, number, string | undefined, string][] = [
      ['', port, undefined, served.etag],
      ['gzip', port, 'gzip', served.encodings.gzip!.etag],
      ...(HAS_BROTLI ? [['br', brotliPort, 'br', served.encodings.br!.etag] as [string, number, string, string]] : []),
    ];
    const own = await startServer({ root: dist, port: 0 });
    try {
      const ownPort = Number(new URL(own.url).port);
      for (const [ae, p, coding, recorded] of codings) {
        for (const [accept, type, mine, other] of [
          [BROWSER, 'application/xml; charset=utf-8', xmlTag(recorded), recorded],
          [READER, served.type, recorded, xmlTag(recorded)],
        ] as const) {
          const at = `${name} ${ae} ${accept === BROWSER ? 'browser' : 'reader'}`;
          const headers: Record<string, string> = { accept, ...(ae === '' ? {} : { 'accept-encoding': ae }) };
          const res = await get(p, `/feeds/${name}`, headers);
          expect([res.status, res.headers['content-type'], res.headers['content-encoding'], res.headers['etag'], res.headers['vary']], at).toEqual([200, type, coding, mine, 'Accept-Encoding, Accept']);
          for (const method of ['GET', 'HEAD']) {
            const hit = await get(p, `/feeds/${name}`, { ...headers, 'if-none-match': mine }, method);
            expect([hit.status, hit.headers['etag'], hit.headers['vary']], `${at} ${method} own tag`).toEqual([304, mine, 'Accept-Encoding, Accept']);
            const miss = await get(p, `/feeds/${name}`, { ...headers, 'if-none-match': other }, method);
            expect([miss.status, miss.headers['etag']], `${at} ${method} other tag`).toEqual([200, mine]);
          }
          // Dateline's own server says the same.
          const ours = await get(ownPort, `/${name}`, headers);
          expect([ours.headers['content-type'], ours.headers['etag'], ours.headers['vary'], ours.headers['cache-control'], ours.headers['content-encoding']], at)
            .toEqual([res.headers['content-type'], res.headers['etag'], res.headers['vary'], res.headers['cache-control'], res.headers['content-encoding']]);
          expect(ours.body.equals(res.body), at).toBe(true);
          for (const [tag, status] of [[mine, 304], [other, 200]] as const) {
            expect((await get(ownPort, `/${name}`, { ...headers, 'if-none-match': tag })).status, `${at} dateline serve ${tag}`).toBe(status);
          }
        }
      }
    } finally {
      await own.close();
    }
    // A reader that names the feed types keeps the feed's own type.
    expect((await get(port, `/feeds/${name}`, { accept: `application/${name === 'rss.xml' ? 'rss' : 'atom'}+xml, ${BROWSER}` })).headers['content-type']).toBe(served.type);
  });

  it('If-None-Match with the recorded ETag: 304 with the ETag and the caching headers, no body', async () => {
    const served = manifest.files['rss.xml']!;
    for (const inm of [served.etag, `W/${served.etag}`, `"other", ${served.etag}`, '*']) {
      const r = await get(port, '/feeds/rss.xml', { 'if-none-match': inm });
      expect(r.status, inm).toBe(304);
      expect(r.body.length).toBe(0);
      expect(r.headers['etag']).toBe(served.etag);
      expect(r.headers['cache-control']).toBe('public, max-age=900');
      expect(r.headers['vary']).toBe('Accept-Encoding, Accept');
    }
    // HEAD too.
    expect((await get(port, '/feeds/rss.xml', { 'if-none-match': served.etag }, 'HEAD')).status).toBe(304);
  });

  it('If-None-Match with another ETag: 200, whatever If-Modified-Since says', async () => {
    const served = manifest.files['rss.xml']!;
    for (const inm of ['"sha256-AAAAAAAAAAAAAAAAAAAAAA"', served.encodings.gzip!.etag, `${served.etag.slice(0, -2)}"`]) {
      const r = await get(port, '/feeds/rss.xml', { 'if-none-match': inm, 'if-modified-since': served.lastModified });
      expect(r.status, inm).toBe(200);
      expect(r.headers['etag']).toBe(served.etag);
    }
  });

  it('If-Modified-Since without If-None-Match: 304 at or after Last-Modified (the mtime), 200 before', async () => {
    const served = manifest.files['atom.xml']!;
    const lm = Date.parse(served.lastModified);
    expect((await get(port, '/feeds/atom.xml', { 'if-modified-since': served.lastModified })).status).toBe(304);
    expect((await get(port, '/feeds/atom.xml', { 'if-modified-since': new Date(lm + 3600_000).toUTCString() })).status).toBe(304);
    const before = await get(port, '/feeds/atom.xml', { 'if-modified-since': new Date(lm - 1000).toUTCString() });
    expect(before.status).toBe(200);
    expect(before.headers['etag']).toBe(served.etag);
  });

  it('Accept-Encoding: gzip gets the .gz sibling (gzip_static) with its own ETag, and 304s against that ETag', async () => {
    for (const [name, type] of FEEDS) {
      const served = manifest.files[name]!;
      const r = await get(port, `/feeds/${name}`, { 'accept-encoding': 'gzip, deflate' });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(r.headers['content-type']).toBe(type);
      expect(r.headers['etag']).toBe(served.encodings.gzip!.etag);
      expect(r.headers['vary']).toBe(name === 'feed.json' ? 'Accept-Encoding' : 'Accept-Encoding, Accept');
      expect(r.headers['last-modified']).toBe(served.lastModified);
      expect(r.body.equals(await readFile(join(dist, `${name}.gz`)))).toBe(true);
      expect(gunzipSync(r.body).equals(await readFile(join(dist, name)))).toBe(true);

      const again = await get(port, `/feeds/${name}`, { 'accept-encoding': 'gzip', 'if-none-match': served.encodings.gzip!.etag });
      expect(again.status).toBe(304);
      expect(again.headers['etag']).toBe(served.encodings.gzip!.etag);
      // The identity ETag does not validate the gzip representation.
      expect((await get(port, `/feeds/${name}`, { 'accept-encoding': 'gzip', 'if-none-match': served.etag })).status).toBe(200);
    }
  });

  it('gzip;q=0 and codings nginx has no file for get the identity representation', async () => {
    const served = manifest.files['feed.json']!;
    for (const ae of ['gzip;q=0', 'gzip; q=0.000, deflate', 'deflate', 'x-gzip-ish']) {
      const r = await get(port, '/feeds/feed.json', { 'accept-encoding': ae });
      expect(r.headers['content-encoding'], ae).toBeUndefined();
      expect(r.headers['etag'], ae).toBe(served.etag);
    }
    // Without ngx_brotli, br is not served: br-only clients get identity, gzip-and-br clients gzip.
    expect((await get(port, '/feeds/feed.json', { 'accept-encoding': 'br' })).headers['etag']).toBe(served.etag);
    expect((await get(port, '/feeds/feed.json', { 'accept-encoding': 'gzip, deflate, br' })).headers['etag']).toBe(served.encodings.gzip!.etag);
  });

  it('the page for people (index.html) is served at the feeds\' address, where its relative links work, and so is feed.xsl', async () => {
    const page = await readFile(join(dist, 'index.html'), 'utf8');
    for (const path of ['/feeds/', '/feeds/index.html']) {
      const r = await get(port, path);
      expect(r.status, path).toBe(200);
      // With its charset and revalidated on every use, as serve sends it (QA: nginx sent neither).
      expect(r.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control'], path).toBe('no-cache');
      // The server's own headers reach the page (review: an add_header here had kept them away).
      expect(r.headers['x-frame-options'], path).toBe('DENY');
      expect(r.body.toString('utf8'), path).toBe(page);
    }
    const xsl = await get(port, '/feeds/feed.xsl');
    expect(xsl.status).toBe(200);
    expect(xsl.headers['content-type']).toBe('application/xslt+xml; charset=utf-8');
    expect(xsl.headers['cache-control']).toBe('no-cache');
    expect(xsl.headers['x-frame-options']).toBe('DENY');
    // A method other than GET and HEAD is refused there too, with Allow.
    const post = await get(port, '/feeds/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });

  it("Dateline's own files are not served, nor a build's staged files", async () => {
    await mkdir(join(dist, '.dateline-stage-99999'), { recursive: true });
    await writeFile(join(dist, '.dateline-stage-99999', '0'), 'staged');
    await writeFile(join(dist, '.dateline-stage-99999-rss.xml'), 'staged');
    // (And the lock a build holds the directory with: QA found it served while a build ran.)
    await writeFile(join(dist, '.dateline-lock'), '{"pid":1}');
    try {
      for (const path of ['/_dateline.json', '/_headers', '/_config/nginx.conf', '/_dateline_xml/rss.xml', '/.dateline-stage-99999/0', '/.dateline-stage-99999-rss.xml', '/.dateline-lock']) {
        expect((await get(port, path)).status, path).toBe(404);
      }
    } finally {
      await rm(join(dist, '.dateline-stage-99999'), { recursive: true, force: true });
      await rm(join(dist, '.dateline-stage-99999-rss.xml'), { force: true });
      await rm(join(dist, '.dateline-lock'), { force: true });
    }
  });

  it('answers other methods than GET and HEAD with 405 and Allow, as dateline serve does (QA: nginx\'s own 405 had no Allow)', async () => {
    const own = await startServer({ root: dist, port: 0 });
    try {
      const ownPort = Number(new URL(own.url).port);
      for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/feeds/feed.xsl']) {
        for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
          const [ours, theirs] = await Promise.all([get(port, path, {}, method), get(ownPort, path.replace('/feeds', ''), {}, method)]);
          expect([path, method, ours.status, ours.headers['allow']]).toEqual([path, method, 405, 'GET, HEAD']);
          expect([path, method, theirs.status, theirs.headers['allow']]).toEqual([path, method, 405, 'GET, HEAD']);
        }
        // GET and HEAD as before.
        expect((await get(port, path, {}, 'HEAD')).status, path).toBe(200);
        expect((await get(port, path)).status, path).toBe(200);
      }
    } finally {
      await own.close();
    }
  });

  it("sends the same ETag as Dateline's own server (dateline serve) for each representation, a browser's included", async () => {
    const own = await startServer({ root: dist, port: 0 });
    try {
      const ownPort = Number(new URL(own.url).port);
      const cases: [string, number][] = [['', port], ['gzip', port], ...(HAS_BROTLI ? [['br', brotliPort] as [string, number]] : [])];
      for (const [name] of FEEDS) {
        for (const [ae, nginxPort] of cases) {
          // (And a reader that names JSON Feed beside HTML: a feed type, so neither server takes it for a browser.)
          for (const accept of ['', BROWSER, `application/feed+json, ${BROWSER}`]) {
            const headers: Record<string, string> = { ...(ae === '' ? {} : { 'accept-encoding': ae }), ...(accept === '' ? {} : { accept }) };
            const at = `${name} ${ae} ${accept}`;
            const ours = await get(ownPort, `/${name}`, headers);
            const theirs = await get(nginxPort, `/feeds/${name}`, headers);
            expect(ours.status, at).toBe(200);
            expect(theirs.headers['etag'], at).toBe(ours.headers['etag']);
            expect(theirs.headers['content-type'], at).toBe(ours.headers['content-type']);
            expect(theirs.headers['content-encoding'], at).toBe(ours.headers['content-encoding']);
            expect(theirs.body.equals(ours.body), at).toBe(true);
          }
        }
      }
    } finally {
      await own.close();
    }
  });

  /**
   * Accept-Encoding values that RFC 9110 and nginx read differently. The ETag must label the bytes nginx
   * sends, so the snippet decides as gzip_static (ngx_http_gzip_accept_encoding: the first "gzip" token,
   * q-values as ngx_http_gzip_quantity reads them) and brotli_static (the first "br" token; only a
   * lower-case "q=0" with at most three 0 decimals declines) decide. Expected representation without and
   * with ngx_brotli.
   */
  const UNUSUAL_AE: [string, 'identity' | 'gzip' | 'br', 'identity' | 'gzip' | 'br'][] = [
    ['gzip;q=2', 'identity', 'identity'],
    ['gzip;q=0.0001', 'identity', 'identity'],
    ['gzip;q=0.001', 'gzip', 'gzip'],
    ['gzip;q=1.000', 'gzip', 'gzip'],
    ['gzip;q=1.5', 'identity', 'identity'],
    ['gzip;q=0, gzip', 'identity', 'identity'],
    ['GZIP', 'gzip', 'gzip'],
    ['gzip;Q=0.5', 'gzip', 'gzip'],
    ['gzip; q=0.5', 'gzip', 'gzip'],
    ['gzip;q = 0.5', 'identity', 'identity'],
    ['gzip;q=0.5;level=1', 'identity', 'identity'],
    ['deflate,\tgzip', 'identity', 'identity'],
    ['x-gzip', 'identity', 'identity'],
    ['xgzipgzip', 'gzip', 'gzip'],
    ['br;q=0, br', 'identity', 'identity'],
    ['br;q=0, br, gzip', 'gzip', 'gzip'],
    ['br;Q=0, gzip', 'gzip', 'br'],
    ['br;q=2', 'identity', 'br'],
    ['br;q=0.0001, gzip', 'gzip', 'gzip'],
    ['br;q=0.001', 'identity', 'br'],
    ['brotli, br', 'identity', 'br'],
    ['gzip;q=0.5, br;q=0.1', 'gzip', 'br'],
  ];

  it.each(UNUSUAL_AE)('Accept-Encoding: %j: the ETag labels the bytes sent (%s; with ngx_brotli, %s)', async (ae, plain, withBrotli) => {
    const ports: [number, string][] = [[port, plain], ...(HAS_BROTLI ? [[brotliPort, withBrotli] as [number, string]] : [])];
    for (const name of ['rss.xml', 'feed.json']) {
      const served = manifest.files[name]!;
      const files = {
        identity: [await readFile(join(dist, name)), served.etag],
        gzip: [await readFile(join(dist, `${name}.gz`)), served.encodings.gzip!.etag],
        br: [await readFile(join(dist, `${name}.br`)), served.encodings.br!.etag],
      } as const;
      for (const [p, expected] of ports) {
        const r = await get(p, `/feeds/${name}`, { 'accept-encoding': ae });
        const at = `${name} ${ae} on ${p === port ? 'nginx' : 'nginx with ngx_brotli'}`;
        expect(r.status, at).toBe(200);
        const sent = (Object.keys(files) as (keyof typeof files)[]).find((k) => files[k][0].equals(r.body));
        expect(sent, at).toBe(expected);
        expect(r.headers['etag'], at).toBe(files[sent!][1]);
        expect(r.headers['content-encoding'], at).toBe(sent === 'identity' ? undefined : sent);
        // That ETag, sent back, validates the same representation.
        expect((await get(p, `/feeds/${name}`, { 'accept-encoding': ae, 'if-none-match': files[sent!][1] })).status, at).toBe(304);
      }
    }
  });

  it('If-None-Match lists with tabs (OWS) around the commas get 304, as from dateline serve; a field that is not a list gets 200', async () => {
    const own = await startServer({ root: dist, port: 0 });
    try {
      const ownPort = Number(new URL(own.url).port);
      const served = manifest.files['rss.xml']!;
      const gz = served.encodings.gzip!.etag;
      const cases: [string, Record<string, string>, number][] = [
        [`"x",\t${served.etag}`, {}, 304],
        [`"x"\t,${served.etag}`, {}, 304],
        [`"x" \t,\t W/${served.etag}\t, "y"`, {}, 304],
        [`${served.etag}\t`, {}, 304],
        [`\t${served.etag}`, {}, 304],
        [`"x",\t*`, {}, 304],
        [`"x",\t${gz}`, { 'accept-encoding': 'gzip' }, 304],
        [`"x",\t${gz}`, {}, 200],
        [`"x"\t${served.etag}`, {}, 200],
        [`x ${served.etag}`, {}, 200],
        [`${served.etag} x`, {}, 200],
      ];
      for (const [inm, extra, status] of cases) {
        const headers = { 'if-none-match': inm, ...extra };
        const r = await get(port, '/feeds/rss.xml', headers);
        expect(r.status, JSON.stringify(inm)).toBe(status);
        expect((await get(ownPort, '/rss.xml', headers)).status, `dateline serve: ${JSON.stringify(inm)}`).toBe(status);
      }
    } finally {
      await own.close();
    }
  });

  // Review: the snippet's 304 came before nginx evaluated If-Match and If-Unmodified-Since (RFC 9110 §13.2.2
  // puts them first), where dateline serve answers 412.
  it('a failing If-Match or If-Unmodified-Since gets 412 even beside a matching If-None-Match, as from dateline serve', async () => {
    const own = await startServer({ root: dist, port: 0 });
    try {
      const ownPort = Number(new URL(own.url).port);
      const served = manifest.files['rss.xml']!;
      for (const extra of [{ 'if-match': '"nope"' }, { 'if-unmodified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' }] as Record<string, string>[]) {
        const headers = { 'if-none-match': served.etag, ...extra };
        expect((await get(port, '/feeds/rss.xml', headers)).status, JSON.stringify(extra)).toBe(412);
        expect((await get(ownPort, '/rss.xml', headers)).status, `dateline serve: ${JSON.stringify(extra)}`).toBe(412);
      }
      // Without them, the matching If-None-Match still gets its 304.
      expect((await get(port, '/feeds/rss.xml', { 'if-none-match': served.etag })).status).toBe(304);
    } finally {
      await own.close();
    }
  });

  it.skipIf(!HAS_BROTLI)('with ngx_brotli and the [brotli] lines switched on: br gets the .br sibling with its own ETag', async () => {
    for (const [name, type] of FEEDS) {
      const served = manifest.files[name]!;
      const r = await get(brotliPort, `/feeds/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers['content-type']).toBe(type);
      expect(r.headers['etag']).toBe(served.encodings.br!.etag);
      expect(brotliDecompressSync(r.body).equals(await readFile(join(dist, name)))).toBe(true);
      expect((await get(brotliPort, `/feeds/${name}`, { 'accept-encoding': 'br', 'if-none-match': served.encodings.br!.etag })).status).toBe(304);
      // br;q=0 falls back to gzip, and no Accept-Encoding to identity.
      expect((await get(brotliPort, `/feeds/${name}`, { 'accept-encoding': 'br;q=0, gzip' })).headers['etag']).toBe(served.encodings.gzip!.etag);
      expect((await get(brotliPort, `/feeds/${name}`)).headers['etag']).toBe(served.etag);
    }
  });
  it('a Range request gets the whole feed (200, no Accept-Ranges), as from dateline serve: an If-Range date could join two builds\' bytes', async () => {
    const served = manifest.files['rss.xml']!;
    const whole = await readFile(join(dist, 'rss.xml'));
    for (const headers of [{ range: 'bytes=10-' }, { range: 'bytes=10-', 'if-range': served.lastModified }, { range: 'bytes=10-', 'if-range': served.etag }] as Record<string, string>[]) {
      const r = await get(port, '/feeds/rss.xml', headers);
      expect([r.status, r.headers['accept-ranges'], r.body.equals(whole)], JSON.stringify(headers)).toEqual([200, undefined, true]);
    }
  });

  it('a feed new since the last reload is served at its address with its type and no ETag', async () => {
    await mkdir(join(dist, 'sections', 'brand-new'), { recursive: true });
    await writeFile(join(dist, 'sections', 'brand-new', 'rss.xml'), '<rss version="2.0"/>');
    await writeFile(join(dist, 'sections', 'brand-new', 'feed.json'), '{}');
    try {
      const rss = await get(port, '/feeds/sections/brand-new/rss.xml');
      expect([rss.status, rss.headers['content-type'], rss.headers['etag'], rss.body.toString()]).toEqual([200, 'application/rss+xml; charset=utf-8', undefined, '<rss version="2.0"/>']);
      expect((await get(port, '/feeds/sections/brand-new/feed.json')).headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const put = await get(port, '/feeds/sections/brand-new/rss.xml', {}, 'PUT');
      expect([put.status, put.headers['allow']]).toEqual([405, 'GET, HEAD']);
      for (const path of ['/feeds/sections/.brand-new/rss.xml', '/feeds/sections/brand-new/other.xml', '/feeds/_dateline.json']) {
        expect((await get(port, path)).status, path).toBe(404);
      }
      // The feeds this snippet lists are as before.
      expect((await get(port, '/feeds/rss.xml')).headers['etag']).toBe(manifest.files['rss.xml']!.etag);
    } finally {
      await rm(join(dist, 'sections'), { recursive: true, force: true });
    }
  });

  // Last, as it builds into the directory nginx serves (and puts the first build back).
  it('between a build and the reload, the feeds go out with no ETag and no 304 (never new bytes under the old ETag), and with the old bytes back, with their ETags again', async () => {
    const conf = await readFile(join(dist, '_config/nginx.conf'), 'utf8');
    const marker = /_config\/etags-[0-9a-f]{16}/.exec(conf)?.[0];
    expect(marker).toBeDefined();
    expect(built.files.get(marker!)).toBeDefined();
    const old = manifest.files['rss.xml']!;
    // (QA: a story added, then retracted; a reader that polled between the first build and the reload kept
    // the story under the old ETag, which the retraction made current again: 304 for good.)
    const { config } = resolveConfig({ ...SITE_CONFIG, hub: 'https://hub.example.com/' }, 'x', () => 1);
    const added = buildFeeds([{
      id: 'story-4', title: 'Story 4', url: 'https://news.example.com/4.html', published: new Date(Date.UTC(2025, 1, 4, 1, 24)),
      tags: [], authors: [], contributors: [], draft: false, body: { kind: 'markdown' as const, text: 'Paragraph 4.' }, file: '4.md',
    }], config!);
    try {
      await writeOutputs(dist, added.files, 'dist', added.mtimes);
      expect(existsSync(join(dist, marker!))).toBe(false);
      for (const headers of [{}, { 'if-none-match': old.etag }, { 'if-none-match': old.etag, 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
        const r = await get(port, '/feeds/rss.xml', headers);
        expect([r.status, r.headers['etag']], JSON.stringify(headers)).toEqual([200, undefined]);
        const body = r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;
        expect(body.toString()).toContain('Story 4');
      }
      // A browser's twin location too.
      expect((await get(port, '/feeds/rss.xml', { accept: BROWSER })).headers['etag']).toBeUndefined();
    } finally {
      await writeOutputs(dist, built.files, 'dist', built.mtimes);
    }
    // The first build's bytes are back, and so is its marker: its ETags and 304s, which label them again.
    expect(existsSync(join(dist, marker!))).toBe(true);
    const back = await get(port, '/feeds/rss.xml');
    expect([back.status, back.headers['etag'], back.body.equals(await readFile(join(dist, 'rss.xml')))]).toEqual([200, old.etag, true]);
    expect((await get(port, '/feeds/rss.xml', { 'if-none-match': old.etag })).status).toBe(304);
  });
});
