/**
 * The serving handler in-process (no sockets): `new Request(...)` against `createHandler(directoryStore(dir))`
 * over a temporary directory with a hand-made manifest, feeds and .gz/.br siblings, so these tests do not
 * depend on what the build writes. Conditional GET, content negotiation, HEAD/405, and path safety.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, directoryStore, type FeedStore, type Handler, type Manifest, type ServedFile } from '../src/index.js';
import { strongEtag } from '../src/hosting/index.js';

const SECRET = 'TOP SECRET: outside the served directory';
const RSS = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Test Desk</title>${'<item><title>Story</title></item>'.repeat(50)}</channel></rss>\n`;
const ATOM = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Desk</title>${'<entry><title>Story</title></entry>'.repeat(50)}</feed>\n`;
const JSONFEED = `${JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test Desk', items: [] })}\n`;
const LAST_MODIFIED = 'Wed, 05 Feb 2025 01:24:00 GMT';

const etagOf = (bytes: Uint8Array): string => `"sha256-${createHash('sha256').update(bytes).digest('base64url')}"`;

/** A manifest entry for `text`, with the bytes of the file and its siblings added to `files`. */
function servedFile(name: string, text: string, type: string, siblings: ('gzip' | 'br')[], files: Map<string, Buffer>): ServedFile {
  const bytes = Buffer.from(text, 'utf8');
  files.set(name, bytes);
  const entry: ServedFile = {
    type,
    etag: etagOf(bytes),
    lastModified: LAST_MODIFIED,
    bytes: bytes.length,
    maxAge: 900,
    encodings: {},
    links: { self: `https://news.example.com/feeds/${name}`, hub: 'https://hub.example.com/' },
  };
  for (const s of siblings) {
    const packed = s === 'gzip' ? gzipSync(bytes) : brotliCompressSync(bytes);
    const file = `${name}.${s === 'gzip' ? 'gz' : 'br'}`;
    files.set(file, packed);
    entry.encodings[s] = { file, etag: etagOf(packed), bytes: packed.length };
  }
  return entry;
}

let tmp: string;
let root: string;
let manifest: Manifest;
let handle: Handler;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dateline-serve-'));
  root = join(tmp, 'dist');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(tmp, 'outside-secret.txt'), SECRET);
  await writeFile(join(tmp, 'secret'), SECRET);
  const files = new Map<string, Buffer>();
  manifest = {
    version: 1,
    files: {
      'rss.xml': servedFile('rss.xml', RSS, 'application/rss+xml; charset=utf-8', ['gzip', 'br'], files),
      'atom.xml': servedFile('atom.xml', ATOM, 'application/atom+xml; charset=utf-8', ['gzip'], files),
      'feed.json': servedFile('feed.json', JSONFEED, 'application/feed+json; charset=utf-8', [], files),
    },
  };
  for (const [name, bytes] of files) await writeFile(join(root, name), bytes);
  await writeFile(join(root, '_dateline.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(root, '.hidden'), SECRET);
  await writeFile(join(root, '_headers'), '/rss.xml\n  X-Secret: server config\n');
  await mkdir(join(root, '_config'));
  await writeFile(join(root, '_config', 'nginx.conf'), 'location = /rss.xml { }\n');
  await writeFile(join(root, 'style.xsl'), '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n');
  await writeFile(join(root, 'page.css'), 'body { margin: 0 }\n');
  await writeFile(join(root, 'data.json'), '{}\n');
  await writeFile(join(root, 'blob.bin'), Buffer.from([0, 1, 2, 3]));
  await writeFile(join(root, 'sub', 'note.txt'), 'inside\n');
  await symlink(join(tmp, 'outside-secret.txt'), join(root, 'link-out.txt'));
  await symlink(join(tmp), join(root, 'dir-out'));
  await symlink(join(root, 'page.css'), join(root, 'link-in.css'));
  // Links inside the root to what is never served: a dotfile, a build's stage directory.
  await writeFile(join(root, '.env'), SECRET);
  await symlink('.env', join(root, 'env-link.txt'));
  await mkdir(join(root, '.dateline-stage-1'));
  await writeFile(join(root, '.dateline-stage-1', '0'), SECRET);
  await symlink('.dateline-stage-1', join(root, 'stage-link'));
  handle = createHandler(directoryStore(root));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
  handle(new Request(`http://localhost${path}`, { method, headers }));

const bodyBytes = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());
const served = (name: string): ServedFile => manifest.files[name] as ServedFile;

describe('200 with the manifest headers', () => {
  it('GET /rss.xml carries the media type, validators, cache lifetime, Link and Vary', async () => {
    const res = await get('/rss.xml');
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toEqual({
      'content-type': 'application/rss+xml; charset=utf-8',
      'content-length': String(Buffer.byteLength(RSS)),
      etag: served('rss.xml').etag,
      'last-modified': LAST_MODIFIED,
      'cache-control': 'public, max-age=900',
      vary: 'Accept-Encoding, Accept',
      link: '<https://news.example.com/feeds/rss.xml>; rel="self", <https://hub.example.com/>; rel="hub"',
      'x-content-type-options': 'nosniff',
    });
    expect((await bodyBytes(res)).toString('utf8')).toBe(RSS);
  });

  it.each([
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
  ])('%s is %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('a query string does not change what is served', async () => {
    expect((await bodyBytes(await get('/rss.xml?utm_source=reader'))).toString()).toBe(RSS);
  });
});

describe('conditional GET', () => {
  const etag = (): string => served('rss.xml').etag;

  it.each<[string, () => string]>([
    ['the exact ETag', () => etag()],
    ['the weak form W/"…" (weak comparison)', () => `W/${etag()}`],
    ['a list containing it', () => `"other", ${etag()}, "third"`],
    ['a list whose other tags contain commas', () => `"a,b", W/"c,d",${etag()}`],
    ['*', () => '*'],
  ])('If-None-Match with %s → 304 with only the headers RFC 9110 §15.4.5 keeps', async (_, value) => {
    const res = await get('/rss.xml', { 'if-none-match': value() });
    expect(res.status).toBe(304);
    expect(Object.fromEntries(res.headers)).toEqual({ etag: etag(), vary: 'Accept-Encoding, Accept', 'cache-control': 'public, max-age=900' });
    expect((await bodyBytes(res)).length).toBe(0);
  });

  it.each<[string, () => string]>([
    ['another tag', () => '"sha256-somethingelse"'],
    ['the tag in upper case (opaque-tags compare character by character)', () => etag().toUpperCase()],
    ['the tag unquoted', () => etag().slice(1, -1)],
    ['the tag with a lower-case w/ (the weak prefix is case-sensitive)', () => `w/${etag()}`],
    ['the tag inside a field that does not parse', () => `junk ${etag()}`],
    ['a tag with a space (not an etagc) before ours', () => `"a b", ${etag()}`],
  ])('If-None-Match with %s → 200', async (_, value) => {
    expect((await get('/rss.xml', { 'if-none-match': value() })).status).toBe(200);
  });

  it.each([
    ['equal to Last-Modified', LAST_MODIFIED],
    ['later than Last-Modified', 'Thu, 06 Feb 2025 00:00:00 GMT'],
    ['later, in the obsolete RFC 850 form', 'Thursday, 06-Feb-25 00:00:00 GMT'],
    ['equal, in the obsolete asctime form', 'Wed Feb  5 01:24:00 2025'],
  ])('If-Modified-Since %s → 304', async (_, value) => {
    const res = await get('/rss.xml', { 'if-modified-since': value });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag());
    expect(res.headers.get('last-modified')).toBeNull();
  });

  it.each([
    ['earlier than Last-Modified', 'Wed, 05 Feb 2025 01:23:59 GMT'],
    ['not a date', 'yesterday'],
    ['a bare year (Date.parse would take it)', '2030'],
    ['a list of two dates', 'Thu, 06 Feb 2025 00:00:00 GMT, Fri, 07 Feb 2025 00:00:00 GMT'],
    ['an impossible day', 'Sun, 31 Feb 2030 00:00:00 GMT'],
    ['lower-case (HTTP-date is case-sensitive)', 'thu, 06 feb 2025 00:00:00 gmt'],
  ])('If-Modified-Since %s → 200', async (_, value) => {
    expect((await get('/rss.xml', { 'if-modified-since': value })).status).toBe(200);
  });

  it('If-None-Match that does not match wins over an If-Modified-Since that would (RFC 9110 §13.1.3)', async () => {
    const res = await get('/rss.xml', { 'if-none-match': '"stale"', 'if-modified-since': 'Thu, 06 Feb 2030 00:00:00 GMT' });
    expect(res.status).toBe(200);
    expect((await bodyBytes(res)).toString()).toBe(RSS);
  });

  it('each encoding has its own ETag: the gzip tag validates the gzip response, not the identity one', async () => {
    const gz = served('rss.xml').encodings.gzip?.etag ?? '';
    expect((await get('/rss.xml', { 'accept-encoding': 'gzip', 'if-none-match': gz })).status).toBe(304);
    expect((await get('/rss.xml', { 'accept-encoding': 'gzip', 'if-none-match': etag() })).status).toBe(200);
    expect((await get('/rss.xml', { 'if-none-match': gz })).status).toBe(200);
  });

  it('HEAD is conditional too', async () => {
    expect((await get('/rss.xml', { 'if-none-match': etag() }, 'HEAD')).status).toBe(304);
  });
});

describe('preconditions: If-Match and If-Unmodified-Since (RFC 9110 §13.1.1, §13.1.4, §13.2.2)', () => {
  const etag = (): string => served('rss.xml').etag;
  const gzEtag = (): string => served('rss.xml').encodings.gzip?.etag ?? '';
  const brEtag = (): string => served('rss.xml').encodings.br?.etag ?? '';

  /** A 412 is a short no-store text, like the other refusals, with the feed's Vary and no validators. */
  async function expectPreconditionFailed(res: Response, vary: string | null = 'Accept-Encoding, Accept'): Promise<void> {
    expect(res.status).toBe(412);
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String('Precondition Failed\n'.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (vary !== null) headers['vary'] = vary;
    expect(Object.fromEntries(res.headers)).toEqual(headers);
    expect(await res.text()).toBe('Precondition Failed\n');
  }

  it.each<[string, () => string]>([
    ['the current ETag', () => etag()],
    ['*', () => '*'],
    ['a list containing the current ETag', () => `"other", ${etag()}, "third"`],
    ['a list whose other tags contain commas', () => `"a,b", W/"c,d",${etag()}`],
  ])('If-Match with %s → 200 with the feed', async (_, value) => {
    const res = await get('/rss.xml', { 'if-match': value() });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etag());
    expect(await res.text()).toBe(RSS);
  });

  it.each<[string, () => string]>([
    ['another tag', () => '"nope"'],
    ['the current tag as a weak one (strong comparison: a weak tag never matches)', () => `W/${etag()}`],
    ['a list of other tags', () => '"a", "b"'],
    ['the tag in upper case', () => etag().toUpperCase()],
    ['the tag unquoted', () => etag().slice(1, -1)],
    ['the tag inside a field that does not parse', () => `junk ${etag()}`],
    ['"*" inside a list (invalid syntax, matches nothing)', () => '"other", *'],
    ['an empty value', () => ''],
  ])('If-Match with %s → 412', async (_, value) => {
    await expectPreconditionFailed(await get('/rss.xml', { 'if-match': value() }));
  });

  it('If-Match is compared with the ETag of the negotiated coding, as If-None-Match is', async () => {
    const gz = await get('/rss.xml', { 'accept-encoding': 'gzip', 'if-match': gzEtag() });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('etag')).toBe(gzEtag());
    expect(gunzipSync(await bodyBytes(gz)).toString()).toBe(RSS);
    // The identity ETag names other bytes than the gzip response's.
    await expectPreconditionFailed(await get('/rss.xml', { 'accept-encoding': 'gzip', 'if-match': etag() }));
    // And the other way round; brotli is preferred when both are acceptable.
    await expectPreconditionFailed(await get('/rss.xml', { 'if-match': gzEtag() }));
    await expectPreconditionFailed(await get('/rss.xml', { 'accept-encoding': 'gzip, br', 'if-match': gzEtag() }));
    expect((await get('/rss.xml', { 'accept-encoding': 'gzip, br', 'if-match': brEtag() })).status).toBe(200);
    // A list naming every coding's tag matches whichever is negotiated.
    const all = `${etag()}, ${gzEtag()}, ${brEtag()}`;
    for (const ae of ['identity', 'gzip', 'br']) expect((await get('/rss.xml', { 'accept-encoding': ae, 'if-match': all })).status).toBe(200);
  });

  it.each([
    ['one second earlier than Last-Modified', 'Wed, 05 Feb 2025 01:23:59 GMT'],
    ['earlier, in the obsolete asctime form', 'Wed Feb  5 01:23:59 2025'],
    ['a year earlier', 'Mon, 05 Feb 2024 01:24:00 GMT'],
  ])('If-Unmodified-Since %s → 412', async (_, value) => {
    await expectPreconditionFailed(await get('/rss.xml', { 'if-unmodified-since': value }));
  });

  it.each([
    ['equal to Last-Modified', LAST_MODIFIED],
    ['equal, in the obsolete RFC 850 form', 'Wednesday, 05-Feb-25 01:24:00 GMT'],
    ['later than Last-Modified', 'Thu, 06 Feb 2025 00:00:00 GMT'],
    ['not a date (ignored)', 'yesterday'],
    ['a bare year (ignored)', '1990'],
    ['a list of dates (ignored)', 'Fri, 01 Jan 1990 00:00:00 GMT, Sat, 02 Jan 1990 00:00:00 GMT'],
    ['lower-case (ignored: HTTP-date is case-sensitive)', 'fri, 01 jan 1990 00:00:00 gmt'],
    ['an impossible day (ignored)', 'Sat, 31 Feb 1990 00:00:00 GMT'],
  ])('If-Unmodified-Since %s → 200', async (_, value) => {
    const res = await get('/rss.xml', { 'if-unmodified-since': value });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(RSS);
  });

  it('If-Unmodified-Since is ignored when If-Match is present (RFC 9110 §13.1.4)', async () => {
    const old = 'Fri, 01 Jan 1990 00:00:00 GMT';
    expect((await get('/rss.xml', { 'if-match': etag(), 'if-unmodified-since': old })).status).toBe(200);
    expect((await get('/rss.xml', { 'if-match': '*', 'if-unmodified-since': old })).status).toBe(200);
    // If-Match alone decides, in the other direction too.
    await expectPreconditionFailed(await get('/rss.xml', { 'if-match': '"nope"', 'if-unmodified-since': 'Thu, 06 Feb 2030 00:00:00 GMT' }));
  });

  it('If-Match and If-Unmodified-Since come before If-None-Match and If-Modified-Since (RFC 9110 §13.2.2)', async () => {
    // A true If-Match goes on to If-None-Match.
    expect((await get('/rss.xml', { 'if-match': etag(), 'if-none-match': etag() })).status).toBe(304);
    expect((await get('/rss.xml', { 'if-unmodified-since': LAST_MODIFIED, 'if-modified-since': LAST_MODIFIED })).status).toBe(304);
    // A false one is 412 whatever If-None-Match or If-Modified-Since would say.
    await expectPreconditionFailed(await get('/rss.xml', { 'if-match': '"nope"', 'if-none-match': etag() }));
    await expectPreconditionFailed(await get('/rss.xml', { 'if-unmodified-since': 'Fri, 01 Jan 1990 00:00:00 GMT', 'if-modified-since': LAST_MODIFIED }));
  });

  it('HEAD is evaluated as GET is: the same status and headers, no body', async () => {
    const cases: Record<string, string>[] = [
      { 'if-match': etag() },
      { 'if-match': '"nope"' },
      { 'if-match': `W/${etag()}` },
      { 'if-match': '*' },
      { 'accept-encoding': 'gzip', 'if-match': gzEtag() },
      { 'accept-encoding': 'gzip', 'if-match': etag() },
      { 'if-unmodified-since': 'Fri, 01 Jan 1990 00:00:00 GMT' },
      { 'if-unmodified-since': LAST_MODIFIED },
      { 'if-match': etag(), 'if-unmodified-since': 'Fri, 01 Jan 1990 00:00:00 GMT' },
    ];
    for (const headers of cases) {
      const g = await get('/rss.xml', headers);
      const h = await get('/rss.xml', headers, 'HEAD');
      expect([h.status, JSON.stringify(headers)]).toEqual([g.status, JSON.stringify(headers)]);
      expect(Object.fromEntries(h.headers)).toEqual(Object.fromEntries(g.headers));
      expect(h.body).toBeNull();
    }
    expect((await get('/rss.xml', { 'if-match': '"nope"' }, 'HEAD')).status).toBe(412);
  });

  it('preconditions are not evaluated when the answer would not be 2xx (RFC 9110 §13.2.1)', async () => {
    const failing = { 'if-match': '"nope"', 'if-unmodified-since': 'Fri, 01 Jan 1990 00:00:00 GMT' };
    expect((await get('/missing.xml', failing)).status).toBe(404);
    expect((await get('/missing.xml', { 'if-match': '*' })).status).toBe(404);
    expect((await get('/missing.xml', failing, 'HEAD')).status).toBe(404);
    expect((await get('/.hidden', failing)).status).toBe(404);
    expect((await get('/a%2fb', failing)).status).toBe(400);
    expect((await get('/rss.xml', { ...failing, 'accept-encoding': 'identity;q=0' })).status).toBe(406);
    expect((await get('/rss.xml', failing, 'POST')).status).toBe(405);
  });

  it('plain files are evaluated against their own ETag and Last-Modified', async () => {
    const full = await get('/page.css');
    const tag = full.headers.get('etag') ?? '';
    const lm = Date.parse(full.headers.get('last-modified') ?? '');
    expect((await get('/page.css', { 'if-match': tag })).status).toBe(200);
    expect((await get('/page.css', { 'if-match': '*' })).status).toBe(200);
    await expectPreconditionFailed(await get('/page.css', { 'if-match': '"nope"' }), null);
    await expectPreconditionFailed(await get('/page.css', { 'if-match': `W/${tag}` }), null);
    await expectPreconditionFailed(await get('/page.css', { 'if-unmodified-since': new Date(lm - 1000).toUTCString() }), null);
    expect((await get('/page.css', { 'if-unmodified-since': new Date(lm).toUTCString() })).status).toBe(200);
    expect((await get('/page.css', { 'if-match': '"nope"' }, 'HEAD')).status).toBe(412);
  });

  it('the generated root page is evaluated against its ETag; it has no Last-Modified, so If-Unmodified-Since is ignored', async () => {
    const tag = (await get('/')).headers.get('etag') ?? '';
    expect((await get('/', { 'if-match': tag })).status).toBe(200);
    await expectPreconditionFailed(await get('/', { 'if-match': '"nope"' }), null);
    expect((await get('/', { 'if-unmodified-since': 'Fri, 01 Jan 1990 00:00:00 GMT' })).status).toBe(200);
  });

  it('a body sent in place of the negotiated one must be named by If-Match too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-ifmatch-'));
    try {
      // The .br sibling is missing, so a request preferring br gets gzip.
      const files = new Map<string, Buffer>();
      const entry = servedFile('rss.xml', RSS, 'application/rss+xml; charset=utf-8', ['gzip', 'br'], files);
      for (const [name, bytes] of files) if (name !== 'rss.xml.br') await writeFile(join(dir, name), bytes);
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({ version: 1, files: { 'rss.xml': entry } }));
      const h = createHandler(directoryStore(dir));
      const req = (ifMatch: string): Promise<Response> => h(new Request('http://localhost/rss.xml', { headers: { 'accept-encoding': 'br, gzip', 'if-match': ifMatch } }));
      // The br tag names bytes that are not what would be sent.
      await expectPreconditionFailed(await req(entry.encodings.br?.etag ?? ''));
      const any = await req('*');
      expect([any.status, any.headers.get('content-encoding')]).toEqual([200, 'gzip']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('bytes that never agree with the manifest are sent for If-Match: * only, not for the tag the manifest names', async () => {
    const described = Buffer.from('<rss>one</rss>');
    const onDisk = Buffer.from('<rss>two, longer</rss>');
    const entry: ServedFile = { type: 'application/rss+xml; charset=utf-8', etag: strongEtag(described), lastModified: LAST_MODIFIED, bytes: described.length, maxAge: 60, encodings: {}, links: {} };
    const stuck: FeedStore = {
      lookup: async (name) => (name === 'rss.xml' ? { kind: 'built', name, served: entry } : undefined),
      read: async () => onDisk,
      files: async () => ({}),
    };
    const h = createHandler(stuck);
    const req = (ifMatch: string): Promise<Response> => h(new Request('http://localhost/rss.xml', { headers: { 'if-match': ifMatch } }));
    // The manifest's tag passes the first check, but the bytes sent are not the ones it names.
    await expectPreconditionFailed(await req(entry.etag));
    const any = await req('*');
    expect([any.status, await any.text(), any.headers.get('etag')]).toEqual([200, '<rss>two, longer</rss>', null]);
  });

  it('a feed whose bytes change under the same newest item date (a takedown) is sent as changed when first served (QA: If-Modified-Since alone got 304)', async () => {
    let bytes = Buffer.from('<rss>two stories</rss>');
    const entry = (): ServedFile => ({ type: 'application/rss+xml; charset=utf-8', etag: strongEtag(bytes), lastModified: LAST_MODIFIED, bytes: bytes.length, maxAge: 60, encodings: {}, links: {} });
    const store: FeedStore = {
      lookup: async (name) => (name === 'rss.xml' ? { kind: 'built', name, served: entry() } : undefined),
      read: async () => bytes,
      files: async () => ({}),
    };
    let clock = Date.parse(LAST_MODIFIED) + 86_400_000;
    const h = createHandler(store, { now: () => clock });
    const since = (date: string): Promise<Response> => h(new Request('http://localhost/rss.xml', { headers: { 'if-modified-since': date } }));
    expect((await h(new Request('http://localhost/rss.xml'))).headers.get('last-modified')).toBe(LAST_MODIFIED);
    expect((await since(LAST_MODIFIED)).status).toBe(304);
    // The older story taken down: the newest item's date is the same, the bytes are not.
    clock += 60_000;
    bytes = Buffer.from('<rss>one story</rss>');
    const changed = await since(LAST_MODIFIED);
    expect([changed.status, changed.headers.get('last-modified'), await changed.text()]).toEqual([200, new Date(clock).toUTCString(), '<rss>one story</rss>']);
    // And stays that date while the bytes do.
    clock += 60_000;
    expect((await since(new Date(clock - 60_000).toUTCString())).status).toBe(304);
  });

  it('If-Unmodified-Since is compared with the Last-Modified sent, which is never later than the clock', async () => {
    const clock = Date.parse(LAST_MODIFIED) - 3_600_000;
    const h = createHandler(directoryStore(root), { now: () => clock });
    const req = (date: number): Promise<Response> => h(new Request('http://localhost/rss.xml', { headers: { 'if-unmodified-since': new Date(date).toUTCString() } }));
    expect((await req(clock)).status).toBe(200);
    await expectPreconditionFailed(await req(clock - 1000));
  });
});

describe('Accept-Encoding', () => {
  it.each<[string | undefined, 'br' | 'gzip' | 'identity']>([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, br, zstd', 'br'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['*;q=0, identity', 'identity'],
    ['identity', 'identity'],
    ['identity;q=0, gzip', 'gzip'],
    ['identity;q=0.9, gzip;q=0.5', 'identity'],
    ['gzip;q=0.5', 'gzip'],
    ['deflate', 'identity'],
    ['x-gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['gzip; Q=0.7, br;q=0.6', 'gzip'],
    ['br;q=1.5, gzip', 'gzip'],
    ['br;q=abc, gzip;q=0.1', 'gzip'],
  ])('%j → %s', async (ae, coding) => {
    const res = await get('/rss.xml', ae === undefined ? {} : { 'accept-encoding': ae });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
    const body = await bodyBytes(res);
    if (coding === 'identity') {
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('etag')).toBe(served('rss.xml').etag);
      expect(body.toString()).toBe(RSS);
    } else {
      const variant = served('rss.xml').encodings[coding];
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('etag')).toBe(variant?.etag);
      expect(res.headers.get('content-length')).toBe(String(variant?.bytes));
      expect((coding === 'gzip' ? gunzipSync(body) : brotliDecompressSync(body)).toString()).toBe(RSS);
    }
    // The media type is the feed's whatever the coding.
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
  });

  it.each(['identity;q=0', '*;q=0', 'zstd, identity;q=0'])('%j refuses every coding we have → 406 (identity is refused too)', async (ae) => {
    const res = await get('/rss.xml', { 'accept-encoding': ae });
    expect(res.status).toBe(406);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
    expect(await res.text()).toContain('br, gzip, identity');
  });

  it('a feed with only a gzip sibling serves gzip or identity', async () => {
    expect((await get('/atom.xml', { 'accept-encoding': 'br' })).headers.get('content-encoding')).toBeNull();
    expect((await get('/atom.xml', { 'accept-encoding': 'br, gzip;q=0.1' })).headers.get('content-encoding')).toBe('gzip');
    expect((await get('/feed.json', { 'accept-encoding': 'br, gzip' })).headers.get('content-encoding')).toBeNull();
    expect((await get('/feed.json', { 'accept-encoding': 'br, gzip' })).headers.get('vary')).toBe('Accept-Encoding');
  });

  it('Vary names Accept-Encoding on every feed response (200, 304, HEAD, 406), and Accept for the XML feeds', async () => {
    const responses = [
      await get('/rss.xml'),
      await get('/rss.xml', { 'accept-encoding': 'gzip' }),
      await get('/rss.xml', { 'if-none-match': '*' }),
      await get('/rss.xml', {}, 'HEAD'),
      await get('/rss.xml', { 'accept-encoding': 'identity;q=0' }),
    ];
    expect(responses.map((r) => r.headers.get('vary'))).toEqual(Array(responses.length).fill('Accept-Encoding, Accept'));
    expect((await get('/feed.json')).headers.get('vary')).toBe('Accept-Encoding');
  });

  it.each([
    // A browser following a link: the same bytes as XML, so it applies the feed's stylesheet.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', '/rss.xml', 'application/xml; charset=utf-8'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', '/atom.xml', 'application/xml; charset=utf-8'],
    // Feed readers name the feed types (feedparser's Accept), or send none, or */*: the feed's own type.
    ['application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1', '/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['text/html, application/rss+xml', '/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['*/*', '/rss.xml', 'application/rss+xml; charset=utf-8'],
    // JSON Feed has no stylesheet: always its own type.
    ['text/html,*/*;q=0.8', '/feed.json', 'application/feed+json; charset=utf-8'],
  ])('Accept %j on %s → %s', async (accept, path, type) => {
    const res = await get(path, { accept });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });
});

describe('the browser representation (application/xml) has its own ETag for each coding', () => {
  // RFC 9110 §8.8.3: a strong ETag is unique across a resource's representations, and Content-Type is part
  // of one; with a shared tag, a cache revalidating the browser's copy could relabel a reader's (RFC 9111 §4.3.4).
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
  const READER = 'application/rss+xml, application/atom+xml, */*;q=0.1';
  /** The documented derivation, spelled out here rather than imported: `-xml` inside the quotes. */
  const xmlTag = (etag: string): string => `${etag.slice(0, -1)}-xml"`;
  const cases: [string, string, string | undefined, () => string][] = [
    ['/rss.xml', 'identity', undefined, () => served('rss.xml').etag],
    ['/rss.xml', 'gzip', 'gzip', () => served('rss.xml').encodings.gzip!.etag],
    ['/rss.xml', 'br', 'br', () => served('rss.xml').encodings.br!.etag],
    ['/atom.xml', 'identity', undefined, () => served('atom.xml').etag],
    ['/atom.xml', 'gzip', 'gzip', () => served('atom.xml').encodings.gzip!.etag],
  ];

  it.each(cases)('%s with Accept-Encoding: %s: the browser gets the derived ETag, a reader the recorded one, each 304 only for its own', async (path, ae, coding, recorded) => {
    const reader = recorded();
    const browser = xmlTag(reader);
    expect(browser).toMatch(/^"sha256-[A-Za-z0-9_-]+-xml"$/);
    for (const [accept, type, own, other] of [
      [BROWSER, 'application/xml; charset=utf-8', browser, reader],
      [READER, served(path.slice(1)).type, reader, browser],
      [undefined, served(path.slice(1)).type, reader, browser],
    ] as const) {
      const headers: Record<string, string> = { 'accept-encoding': ae, ...(accept === undefined ? {} : { accept }) };
      const res = await get(path, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-encoding')).toBe(coding ?? null);
      expect(res.headers.get('etag')).toBe(own);
      expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
      // HEAD: the same headers.
      expect(Object.fromEntries((await get(path, headers, 'HEAD')).headers)).toEqual(Object.fromEntries(res.headers));
      for (const method of ['GET', 'HEAD']) {
        const mine = await get(path, { ...headers, 'if-none-match': own }, method);
        expect(mine.status, `${method} ${accept} If-None-Match own`).toBe(304);
        expect(mine.headers.get('etag')).toBe(own);
        expect(mine.headers.get('vary')).toBe('Accept-Encoding, Accept');
        // The other representation's tag does not validate this one, whatever If-Modified-Since says.
        const theirs = await get(path, { ...headers, 'if-none-match': other, 'if-modified-since': LAST_MODIFIED }, method);
        expect(theirs.status, `${method} ${accept} If-None-Match other`).toBe(200);
        expect(theirs.headers.get('etag')).toBe(own);
        // If-Match (strong comparison) likewise: its own tag → 200, the other's → 412.
        expect((await get(path, { ...headers, 'if-match': own }, method)).status).toBe(200);
        expect((await get(path, { ...headers, 'if-match': other }, method)).status).toBe(412);
      }
    }
  });

  it('a list naming both tags matches either representation; JSON Feed, served one way, keeps its one tag', async () => {
    const reader = served('rss.xml').etag;
    const both = `${reader}, ${xmlTag(reader)}`;
    expect((await get('/rss.xml', { accept: BROWSER, 'if-none-match': both })).status).toBe(304);
    expect((await get('/rss.xml', { 'if-none-match': both })).status).toBe(304);
    const json = await get('/feed.json', { accept: BROWSER });
    expect(json.headers.get('etag')).toBe(served('feed.json').etag);
    expect((await get('/feed.json', { accept: BROWSER, 'if-none-match': served('feed.json').etag })).status).toBe(304);
  });
});

describe('methods', () => {
  it.each([
    ['/rss.xml', {}],
    ['/rss.xml', { 'accept-encoding': 'br' }],
    ['/page.css', {}],
    ['/', {}],
  ])('HEAD %s %j: the GET headers (Content-Length included), no body', async (path, headers) => {
    const g = await get(path, headers);
    const h = await get(path, headers, 'HEAD');
    expect(h.status).toBe(200);
    expect(Object.fromEntries(h.headers)).toEqual(Object.fromEntries(g.headers));
    expect(h.headers.get('content-length')).toBe(String((await bodyBytes(g)).length));
    expect(h.body).toBeNull();
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s → 405 with Allow: GET, HEAD', async (method) => {
    const res = await get('/rss.xml', {}, method);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('only files under the served directory are reachable', () => {
  it.each<[string, number | 'any']>([
    ['/../etc/passwd', 404],
    ['/../outside-secret.txt', 404],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/%2e%2e/outside-secret.txt', 404],
    ['/.%2e/outside-secret.txt', 404],
    ['/..%2fsecret', 400],
    ['/..%2f..%2foutside-secret.txt', 400],
    ['/%2e%2e%2foutside-secret.txt', 400],
    ['/sub/..%2f..%2foutside-secret.txt', 400],
    ['/a%5c..%5csecret', 400],
    ['/%5c..%5coutside-secret.txt', 400],
    ['/a\\..\\..\\outside-secret.txt', 404],
    ['/%00', 400],
    ['/rss.xml%00.html', 400],
    ['/%0d%0aX-Injected:%201', 400],
    ['/%E0%A4%A', 400],
    ['/.hidden', 404],
    ['/%2ehidden', 404],
    ['/_dateline.json', 404],
    ['/_DATELINE.JSON', 404],
    ['/%5fdateline.json', 404],
    ['/_headers', 404],
    ['/_config/nginx.conf', 404],
    ['/link-out.txt', 404],
    ['/dir-out/outside-secret.txt', 404],
    ['/dir-out/secret', 404],
    ['//etc/passwd', 404],
    ['/sub/', 404],
    ['/sub', 404],
    ['/nope.xml', 404],
  ])('%s → %s, and never a byte from outside', async (path, status) => {
    for (const method of ['GET', 'HEAD']) {
      const res = await get(path, {}, method);
      expect(res.status, method).toBe(status);
      const text = (await bodyBytes(res)).toString();
      expect(text).not.toContain('TOP SECRET');
    }
  });

  it('a symlink to a dotfile or into a hidden directory inside the root is not followed', async () => {
    for (const path of ['/env-link.txt', '/stage-link/0']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('TOP SECRET');
    }
  });

  it('a symlink that stays inside the root is followed', async () => {
    const res = await get('/link-in.css');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('body { margin: 0 }\n');
  });

  it('files in subdirectories are served', async () => {
    expect(await (await get('/sub/note.txt')).text()).toBe('inside\n');
  });

  it.each([
    ['/' + 'a'.repeat(2100), 414],
    ['/rss.xml?' + 'x'.repeat(2100), 414],
    ['/' + 'a'.repeat(2047), 404],
  ])('a request target of %#: length %s', async (path, status) => {
    expect((await get(path)).status).toBe(status);
    expect((await get(path, {}, 'HEAD')).status).toBe(status);
  });
});

describe('plain files and the root', () => {
  it.each([
    ['/style.xsl', 'application/xslt+xml; charset=utf-8'],
    ['/page.css', 'text/css; charset=utf-8'],
    ['/data.json', 'application/json'],
    ['/blob.bin', 'application/octet-stream'],
    ['/rss.xml.gz', 'application/gzip'],
  ])('%s is served as %s, with an ETag of its bytes, Last-Modified and no-cache', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    expect(res.headers.get('etag')).toBe(strongEtag(new Uint8Array(await res.arrayBuffer())));
  });

  it('a plain file answers a not-newer If-Modified-Since with 304, carrying its ETag', async () => {
    const first = await get('/page.css');
    const lm = first.headers.get('last-modified') ?? '';
    const res = await get('/page.css', { 'if-modified-since': lm });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(first.headers.get('etag'));
    expect((await get('/page.css', { 'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status).toBe(200);
  });

  it('a plain file answers its ETag in If-None-Match with 304, and HEAD carries the same ETag and length', async () => {
    const full = await get('/page.css');
    const etag = full.headers.get('etag') ?? '';
    expect(etag).toBe(strongEtag(Buffer.from('body { margin: 0 }\n')));
    const head = await get('/page.css', {}, 'HEAD');
    expect(head.headers.get('etag')).toBe(etag);
    expect(head.headers.get('content-length')).toBe(full.headers.get('content-length'));
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('/page.css', { 'if-none-match': inm });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      // RFC 9110 §15.4.5: with an ETag, a 304 need not carry Last-Modified.
      expect(res.headers.get('last-modified')).toBeNull();
    }
    expect((await get('/page.css', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  // (Its Last-Modified moves to when this server first served the new bytes: QA, a client polling with
  // If-Modified-Since alone got 304 for a story taken down, the newest item change being the same.)
  it('a page rewritten under the same date is told apart by its ETag, and by Last-Modified for a client sending that alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-static-'));
    try {
      const at = new Date('2025-02-05T01:24:00Z');
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>Desk</title>\n');
      await utimes(join(dir, 'index.html'), at, at);
      const handle = createHandler(directoryStore(dir));
      const first = await handle(new Request('http://localhost/'));
      const etag = first.headers.get('etag') ?? '';
      const lm = first.headers.get('last-modified') ?? '';
      expect(etag).toBe(strongEtag(Buffer.from('<!doctype html><title>Desk</title>\n')));
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>Desk, rebuilt</title>\n');
      await utimes(join(dir, 'index.html'), at, at);
      const again = await handle(new Request('http://localhost/', { headers: { 'if-none-match': etag, 'if-modified-since': lm } }));
      expect(again.status).toBe(200);
      expect(await again.text()).toBe('<!doctype html><title>Desk, rebuilt</title>\n');
      expect(again.headers.get('etag')).not.toBe(etag);
      const moved = again.headers.get('last-modified') ?? '';
      expect(Date.parse(moved)).toBeGreaterThan(Date.parse(lm));
      const since = await handle(new Request('http://localhost/', { headers: { 'if-modified-since': lm } }));
      expect(since.status).toBe(200);
      expect((await handle(new Request('http://localhost/', { headers: { 'if-modified-since': moved } }))).status).toBe(304);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('GET / without index.html lists the manifest feeds with autodiscovery links', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="RSS 2.0" href="rss.xml">');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Atom 1.0" href="atom.xml">');
    expect(html).toContain('<link rel="alternate" type="application/feed+json" title="JSON Feed 1.1" href="feed.json">');
    expect(html).toContain(`<a href="rss.xml">rss.xml</a> (RSS 2.0), updated ${LAST_MODIFIED}`);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toBe(strongEtag(Buffer.from(html)));
    const again = await get('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await get('/', {}, 'HEAD')).headers.get('etag')).toBe(etag);
  });

  it('GET / serves index.html when the output has one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-index-'));
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>Desk</title>\n');
      const res = await createHandler(directoryStore(dir))(new Request('http://localhost/'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe('<!doctype html><title>Desk</title>\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the manifest on disk', () => {
  it('is re-read when it changes (a rebuild renames a new one into place)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-reload-'));
    try {
      const write = async (text: string): Promise<ServedFile> => {
        const bytes = Buffer.from(text);
        const entry: ServedFile = { type: 'application/rss+xml; charset=utf-8', etag: etagOf(bytes), lastModified: LAST_MODIFIED, bytes: bytes.length, maxAge: 60, encodings: {}, links: {} };
        // As the build does: temporary names, then renames.
        await writeFile(join(dir, '.rss.xml.tmp'), bytes);
        await writeFile(join(dir, '._dateline.json.tmp'), JSON.stringify({ version: 1, files: { 'rss.xml': entry } }));
        await rename(join(dir, '._dateline.json.tmp'), join(dir, '_dateline.json'));
        await rename(join(dir, '.rss.xml.tmp'), join(dir, 'rss.xml'));
        return entry;
      };
      const h = createHandler(directoryStore(dir));
      const first = await write('<rss>one</rss>');
      const r1 = await h(new Request('http://localhost/rss.xml'));
      expect([r1.headers.get('etag'), await r1.text()]).toEqual([first.etag, '<rss>one</rss>']);
      const second = await write('<rss>second</rss>');
      const r2 = await h(new Request('http://localhost/rss.xml'));
      expect([r2.headers.get('etag'), await r2.text()]).toEqual([second.etag, '<rss>second</rss>']);
      // The old validator no longer matches.
      expect((await h(new Request('http://localhost/rss.xml', { headers: { 'if-none-match': first.etag } }))).status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('never labels a body with an ETag that is not its own: a rebuilt file of the same size before the manifest is renamed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-samesize-'));
    try {
      const old = Buffer.from('<rss>one</rss>');
      // ETags as the build makes them, which the bytes can be checked against.
      const entry: ServedFile = { type: 'application/rss+xml; charset=utf-8', etag: strongEtag(old), lastModified: LAST_MODIFIED, bytes: old.length, maxAge: 60, encodings: {}, links: {} };
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({ version: 1, files: { 'rss.xml': entry } }));
      await writeFile(join(dir, 'rss.xml'), old);
      const before = await createHandler(directoryStore(dir))(new Request('http://localhost/rss.xml'));
      expect([before.headers.get('etag'), await before.text()]).toEqual([entry.etag, '<rss>one</rss>']);
      // The build has renamed the new feed into place (same length); the new manifest is not there yet.
      const now = Buffer.from('<rss>two</rss>');
      expect(now.length).toBe(old.length);
      await writeFile(join(dir, 'rss.xml'), now);
      const res = await createHandler(directoryStore(dir))(new Request('http://localhost/rss.xml'));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('<rss>two</rss>');
      // Served without a validator rather than with the old one.
      expect(res.headers.get('etag')).not.toBe(entry.etag);
      expect([res.headers.get('etag'), res.headers.get('cache-control')]).toEqual([null, 'no-cache']);
      // The same for a precompressed sibling of the same size.
      const oldBr = Buffer.from('br-bytes-one');
      const newBr = Buffer.from('br-bytes-two');
      const withBr: ServedFile = { ...entry, etag: strongEtag(now), bytes: now.length, encodings: { br: { file: 'rss.xml.br', etag: strongEtag(oldBr), bytes: oldBr.length } } };
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({ version: 1, files: { 'rss.xml': withBr } }));
      await writeFile(join(dir, 'rss.xml.br'), newBr);
      const br = await createHandler(directoryStore(dir))(new Request('http://localhost/rss.xml', { headers: { 'accept-encoding': 'br' } }));
      expect(br.headers.get('etag')).not.toBe(strongEtag(oldBr));
      expect(Buffer.from(await br.arrayBuffer()).equals(newBr) || br.headers.get('content-encoding') !== 'br').toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without a usable manifest the files are still served, as plain files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-nomanifest-'));
    try {
      await writeFile(join(dir, 'rss.xml'), RSS);
      await writeFile(join(dir, '_dateline.json'), '{ not json');
      const res = await createHandler(directoryStore(dir))(new Request('http://localhost/rss.xml'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(await res.text()).toBe(RSS);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an entry with an unsafe value (a header-breaking ETag, a name outside the root) is left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-badentry-'));
    try {
      await writeFile(join(dir, 'rss.xml'), RSS);
      const good = { ...served('rss.xml'), encodings: {} };
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({
        version: 1,
        files: { 'rss.xml': { ...good, etag: '"x"\r\nSet-Cookie: a=b' }, '../secret': good, 'atom.xml': { ...good, encodings: { gzip: { file: '../secret', etag: '"g"', bytes: 1 } } } },
      }));
      const h = createHandler(directoryStore(dir));
      const res = await h(new Request('http://localhost/rss.xml'));
      expect(res.status).toBe(200);
      // Served as a plain file: the ETag is the hash of its bytes, not the entry's.
      expect(res.headers.get('etag')).toBe(strongEtag(Buffer.from(RSS)));
      expect(res.headers.get('set-cookie')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a missing sibling falls back to the next acceptable coding', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-serve-nosibling-'));
    try {
      const files = new Map<string, Buffer>();
      const entry = servedFile('rss.xml', RSS, 'application/rss+xml; charset=utf-8', ['gzip', 'br'], files);
      for (const [name, bytes] of files) if (name !== 'rss.xml.br') await writeFile(join(dir, name), bytes);
      await writeFile(join(dir, '_dateline.json'), JSON.stringify({ version: 1, files: { 'rss.xml': entry } }));
      const h = createHandler(directoryStore(dir));
      const req = (headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
        h(new Request('http://localhost/rss.xml', { method, headers: { 'accept-encoding': 'br, gzip', ...headers } }));
      const res = await req();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(await bodyBytes(res)).toString()).toBe(RSS);
      const gzip = entry.encodings.gzip!;
      // A HEAD names what a GET sends (QA: it named br, from the manifest), and a poller holding the gzip
      // ETag it was sent gets its 304 (it got the whole feed on every poll); the br ETag is not current.
      const head = await req({}, 'HEAD');
      expect([head.status, head.headers.get('content-encoding'), head.headers.get('etag'), head.headers.get('content-length')]).toEqual([200, 'gzip', gzip.etag, String(gzip.bytes)]);
      const revalidated = await req({ 'if-none-match': gzip.etag });
      expect([revalidated.status, revalidated.headers.get('etag')]).toEqual([304, gzip.etag]);
      expect((await req({ 'if-none-match': entry.encodings.br!.etag })).status).toBe(200);
      // Only br acceptable, and not there: HEAD and a conditional GET answer as the GET does, 404.
      for (const method of ['HEAD', 'GET']) {
        expect((await req({ 'accept-encoding': 'br, identity;q=0', 'if-none-match': '"x"' }, method)).status, method).toBe(404);
      }
      expect((await req({ 'accept-encoding': 'br, identity;q=0' })).status).toBe(404);
      // With the sibling back, br is sent again.
      await writeFile(join(dir, 'rss.xml.br'), files.get('rss.xml.br')!);
      expect((await req({}, 'HEAD')).headers.get('content-encoding')).toBe('br');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a store that changes under the handler', () => {
  /** An in-memory store whose file is replaced by a "rebuild" after the first read. */
  function racingStore(): FeedStore {
    const oldBytes = Buffer.from('<rss>old</rss>');
    const newBytes = Buffer.from('<rss>new, longer</rss>');
    const entry = (b: Buffer): ServedFile => ({ type: 'application/rss+xml; charset=utf-8', etag: etagOf(b), lastModified: LAST_MODIFIED, bytes: b.length, maxAge: 60, encodings: {}, links: {} });
    let rebuilt = false;
    return {
      // The manifest seen first is the old one...
      lookup: async (name) => (name === 'rss.xml' ? { kind: 'built', name, served: entry(rebuilt ? newBytes : oldBytes) } : undefined),
      // ...but the file read is already the new one.
      read: async () => {
        rebuilt = true;
        return newBytes;
      },
      files: async () => ({}),
    };
  }

  it('bytes that disagree with the manifest are re-checked, and served with the validators that describe them', async () => {
    const res = await createHandler(racingStore())(new Request('http://localhost/rss.xml'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<rss>new, longer</rss>');
    expect(res.headers.get('etag')).toBe(etagOf(Buffer.from('<rss>new, longer</rss>')));
  });

  it('a store that fails unexpectedly gives a bare 500', async () => {
    const broken: FeedStore = {
      lookup: async () => {
        throw new Error('disk on fire at /secret/path');
      },
      read: async () => undefined,
      files: async () => ({}),
    };
    const res = await createHandler(broken)(new Request('http://localhost/rss.xml'));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
  });
});

describe('a Last-Modified ahead of the clock (a story dated in the future)', () => {
  it('is sent as the time of the response, and no If-Modified-Since from before a change gets 304 for it', async () => {
    // The manifest says 5 Feb 2025 01:24; the clock here reads an hour earlier.
    const clock = Date.parse(LAST_MODIFIED) - 3_600_000;
    const h = createHandler(directoryStore(root), { now: () => clock + 250 });
    const res = await h(new Request('http://localhost/rss.xml'));
    expect(res.status).toBe(200);
    expect(res.headers.get('last-modified')).toBe(new Date(clock).toUTCString());
    // A client that saw the file before (its If-Modified-Since earlier than now) gets the body.
    const earlier = await h(new Request('http://localhost/rss.xml', { headers: { 'if-modified-since': new Date(clock - 60_000).toUTCString() } }));
    expect(earlier.status).toBe(200);
    // The ETag still validates.
    const etag = res.headers.get('etag')!;
    expect((await h(new Request('http://localhost/rss.xml', { headers: { 'if-none-match': etag } }))).status).toBe(304);
    // With the clock past it, the manifest's own date again.
    const later = createHandler(directoryStore(root), { now: () => Date.parse(LAST_MODIFIED) + 1000 });
    expect((await later(new Request('http://localhost/rss.xml'))).headers.get('last-modified')).toBe(LAST_MODIFIED);
  });

  it('stays the time the bytes were first served, so a poller sending it back gets 304 while they are the same (QA: a 200 each second)', async () => {
    let clock = Date.parse(LAST_MODIFIED) - 3_600_000;
    const h = createHandler(directoryStore(root), { now: () => clock });
    const first = await h(new Request('http://localhost/rss.xml'));
    const sent = first.headers.get('last-modified')!;
    expect(sent).toBe(new Date(clock).toUTCString());
    for (const step of [1000, 60_000, 600_000]) {
      clock += step;
      const again = await h(new Request('http://localhost/rss.xml', { headers: { 'if-modified-since': sent } }));
      expect(again.status).toBe(304);
    }
    expect((await h(new Request('http://localhost/rss.xml', { method: 'HEAD' }))).headers.get('last-modified')).toBe(sent);
  });
});
