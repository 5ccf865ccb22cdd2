/**
 * Serves a build's output as web-standard `Request` → `Response`: the media types, validators, cache
 * lifetime and Link targets the build recorded in its manifest, conditional GET (304, and 412 for a failed
 * If-Match or If-Unmodified-Since), precompressed gzip/brotli siblings chosen by Accept-Encoding, and
 * nothing outside the store. It does no I/O of its own (the `FeedStore` does) and reads no environment;
 * the clock only through `HandlerOptions.now` (Date.now unless given). `serve/node.ts` puts it on a socket.
 *
 * @example
 *   const handle = createHandler(directoryStore('dist'));
 *   const res = await handle(new Request('http://localhost/rss.xml', { headers: { 'accept-encoding': 'br' } }));
 * @see https://www.rfc-editor.org/rfc/rfc9110 (HTTP Semantics); the section of each rule is cited where it is applied.
 */
import { isStrongEtag, strongEtag } from '../hosting/encode.js';
import { linkHeader, XML_FEED } from '../hosting/manifest.js';
import { browserEtag } from '../hosting/nginx.js';
import { escapeHtml } from '../core/_text.js';
import { FEED_TYPES, FORMAT_NAMES } from '../core/model.js';
import { FORMATS, type ServedFile } from '../types.js';
import { isServableName, parseHttpDate } from '../hosting/index.js';
import { acceptableCodings, ifMatchMatches, ifNoneMatchMatches, type Coding } from './_http.js';
import type { FeedStore, StoreEntry } from './store.js';

export interface HandlerOptions {
  /** Longest request target (path and query, in characters) that is served; a longer one gets 414. Default 2048. */
  maxUrlLength?: number;
  /** The clock (ms since the epoch), for Last-Modified: tests set it. Default Date.now. */
  now?: () => number;
  /** Called with what went wrong when a request is answered 500 (a fault of the handler's or the store's own). */
  onError?: (error: unknown, req: Request) => void;
}

export type Handler = (req: Request) => Promise<Response>;

/**
 * What a hook returned, settled quietly: a promise's failure is caught (a native one directly, since
 * Promise.resolve reads its constructor, which can throw; any other thenable, of another realm too,
 * through Promise.resolve), so that a failing async hook never ends the process.
 */
export function settle(result: unknown): void {
  if (result instanceof Promise) result.catch(() => undefined);
  else if (result !== null && (typeof result === 'object' || typeof result === 'function')) Promise.resolve(result).catch(() => undefined);
}

/** RFC 9110 §10.2.1 / §15.5.6: "The origin server MUST generate an Allow header field in a 405 response". */
const ALLOW = 'GET, HEAD';

const DEFAULT_MAX_URL = 2048;
const encoder = new TextEncoder();
/** How often a body whose length disagrees with the manifest is re-read (a rebuild renaming files in between). */
const CONSISTENCY_RETRIES = 2;

/** A short text response; HEAD gets the same headers and no body. */
function plain(status: number, text: string, head = false, extra: Record<string, string> = {}): Response {
  const body = encoder.encode(`${text}\n`);
  return new Response(head ? null : body, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(body.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });
}

/** 405 for any method but GET and HEAD. Exported for the node glue, whose `Request` cannot carry TRACE or CONNECT. */
export function methodNotAllowed(): Response {
  return plain(405, 'Method Not Allowed', false, { allow: ALLOW });
}

/**
 * The store name a URL path asks for ('' for the root), or the status that refuses it.
 *
 * The WHATWG URL parser has already removed dot segments (`..`, and their encoded forms `%2e%2e`) and
 * turned `\` into `/`, so a path reaching here cannot climb by itself. Each segment is then decoded once;
 * a decoded segment that would change the path's structure (an encoded `/` or `\`, NUL, control
 * characters, or a dot segment that survived) is a 400, and a dotfile, an empty segment or the manifest is
 * simply not there (404). The store checks the name again and resolves symlinks before it opens anything.
 */
function targetName(pathname: string): { name: string } | { status: 400 | 404 } {
  if (pathname === '/' || pathname === '') return { name: '' };
  if (pathname.includes('\\')) return { status: 400 };
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { status: 400 };
    }
    if (/[/\\\u0000-\u001f\u007f]/.test(seg) || seg === '.' || seg === '..') return { status: 400 };
    segments.push(seg);
  }
  const name = segments.join('/');
  return isServableName(name) ? { name } : { status: 404 };
}

/**
 * Whether a GET or HEAD is answered 412, per RFC 9110 §13.2.2 (the order preconditions are evaluated in):
 * step 1, "When recipient is the origin server and If-Match is present, evaluate the If-Match precondition:
 * if true, continue to step 3; if false, respond 412 (Precondition Failed) unless it can be determined that
 * the state-changing request has already succeeded"; step 2, "When recipient is the origin server, If-Match
 * is not present, and If-Unmodified-Since is present, evaluate the If-Unmodified-Since precondition". Both
 * apply to GET: §13.1.1, "An origin server that receives an If-Match header field MUST evaluate the
 * condition". §13.1.4: "A recipient MUST ignore If-Unmodified-Since if the request contains an If-Match
 * header field", or "if the received field value is not a valid HTTP-date", or "if the resource does not
 * have a modification date available"; otherwise the condition fails when "the selected representation's
 * last modification date is more recent than the date provided in the field value".
 *
 * `etag` and `lastModified` are those of the representation this request would get (the negotiated
 * coding's own ETag, and a browser's own for the application/xml one), as for If-None-Match. The caller
 * has already refused what would not be a 2xx (400, 404, 405, 406, 414): §13.2.1, "A server MUST ignore
 * all received preconditions if its response to the same request without those conditions, prior to
 * processing the request content, would have been a status code other than a 2xx (Successful) or 412
 * (Precondition Failed)".
 */
function preconditionFailed(req: Request, etag: string, lastModified: number | undefined): boolean {
  const im = req.headers.get('if-match');
  if (im !== null) return !ifMatchMatches(im, etag);
  const ius = req.headers.get('if-unmodified-since');
  if (ius === null || lastModified === undefined) return false;
  const since = parseHttpDate(ius);
  return since !== undefined && lastModified > since;
}

/**
 * The 412. Like the other refusals it is a short `no-store` text: RFC 9110 §15.5.13 asks for no header
 * fields, and the body is not the selected representation, so it carries no ETag or Last-Modified (which
 * would describe this message, not the feed). A feed's 412 carries the feed's Vary, as its 406 does: which
 * ETag was compared depends on Accept-Encoding.
 */
function preconditionFailedResponse(head: boolean, vary?: string): Response {
  return plain(412, 'Precondition Failed', head, vary === undefined ? {} : { vary });
}

/**
 * Whether a GET or HEAD is answered 304, per RFC 9110 §13.2.2 (the order preconditions are evaluated in):
 * step 3, "When If-None-Match is present, evaluate the If-None-Match precondition"; step 4, "When the method
 * is GET or HEAD, If-None-Match is not present, and If-Modified-Since is present, evaluate the
 * If-Modified-Since precondition". §13.1.3: "A recipient MUST ignore If-Modified-Since if the request
 * contains an If-None-Match header field", and the condition is false (so 304) when "the selected
 * representation's last modification date is earlier or equal to the date provided in the field value".
 */
function notModified(req: Request, etag: string | undefined, lastModified: number | undefined): boolean {
  const inm = req.headers.get('if-none-match');
  if (inm !== null) return ifNoneMatchMatches(inm, etag);
  const ims = req.headers.get('if-modified-since');
  if (ims === null || lastModified === undefined) return false;
  const since = parseHttpDate(ims);
  return since !== undefined && lastModified <= since;
}

/**
 * The headers a 304 keeps. RFC 9110 §15.4.5: "The server generating a 304 response MUST generate any of the
 * following header fields that would have been sent in a 200 (OK) response to the same request:
 * Content-Location, Date, ETag, and Vary; Cache-Control and Expires", and "a sender SHOULD NOT generate
 * representation metadata other than the above listed fields unless said metadata exists for the purpose
 * of guiding cache updates (e.g., Last-Modified might be useful if the response does not have an ETag
 * field)". Date is added by the server that sends the response (node:http does).
 */
/** The request fields a 412 or 304 is decided by. */
const CONDITIONS = ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since'];

const RETAINED_304_HEADERS = ['content-location', 'etag', 'vary', 'cache-control', 'expires'];

function notModifiedResponse(headers: Record<string, string>): Response {
  const kept: Record<string, string> = {};
  for (const h of RETAINED_304_HEADERS) if (headers[h] !== undefined) kept[h] = headers[h];
  if (kept['etag'] === undefined && headers['last-modified'] !== undefined) kept['last-modified'] = headers['last-modified'];
  return new Response(null, { status: 304, headers: kept });
}

/** A 200 carrying `bytes`, or its HEAD: RFC 9110 §9.3.2, "The server SHOULD send the same header fields in
 * response to a HEAD request as it would have sent if the request method had been GET", Content-Length included. */
function ok(head: boolean, headers: Record<string, string>, bytes: Uint8Array | number): Response {
  const length = typeof bytes === 'number' ? bytes : bytes.length;
  return new Response(head || typeof bytes === 'number' ? null : bytes, { status: 200, headers: { ...headers, 'content-length': String(length) } });
}

/** The formats' names by media type, for the page `GET /` gets without an index.html. */
const FORMAT_NAMES_BY_TYPE: Record<string, string> = Object.fromEntries(FORMATS.map((f) => [FEED_TYPES[f], FORMAT_NAMES[f]]));
const essence = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase();

/** The page `GET /` gets when the output has no index.html: the manifest's feeds, with autodiscovery links. */
function indexPage(files: Record<string, ServedFile>): string {
  const feeds = Object.entries(files)
    .filter(([, f]) => FORMAT_NAMES_BY_TYPE[essence(f.type)] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const href = (name: string): string => escapeHtml(name.split('/').map(encodeURIComponent).join('/'));
  const links = feeds.map(([n, f]) => `<link rel="alternate" type="${essence(f.type)}" title="${escapeHtml(FORMAT_NAMES_BY_TYPE[essence(f.type)] ?? n)}" href="${href(n)}">\n`);
  const items = feeds.map(([n, f]) => `<li><a href="${href(n)}">${escapeHtml(n)}</a> (${FORMAT_NAMES_BY_TYPE[essence(f.type)]}), updated ${escapeHtml(f.lastModified)}</li>\n`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Feeds</title>
${links.join('')}</head>
<body>
<h1>Feeds</h1>
${feeds.length > 0 ? `<ul>\n${items.join('')}</ul>` : '<p>No feeds have been built here yet.</p>'}
</body>
</html>
`;
}

/**
 * A browser shows `application/rss+xml` and `application/atom+xml` as plain text and never applies the
 * feed's `<?xml-stylesheet?>`; it applies it to XML types. So a request that asks for HTML and names no
 * feed type (a person following a link) gets the same bytes labelled `application/xml` and sees the
 * styled page; feed readers, which list the feed types or send no Accept, get the feed's own type.
 * Responses say `Vary: Accept` so that caches keep the two apart. The two are different representations
 * (RFC 9110 §8.8.3: a strong ETag is unique across them, and Content-Type is representation metadata), so
 * the application/xml one carries `browserEtag` of the recorded ETag (`"sha256-…-xml"`), for each coding,
 * and its preconditions compare against that: a cache revalidating one can never relabel the other
 * (RFC 9111 §4.3.4 updates every stored response with the validator of a 304).
 */
export function mediaType(feedType: string, accept: string | null): string {
  if (!XML_FEED.test(feedType) || accept === null) return feedType;
  const a = accept.toLowerCase();
  if (!a.includes('text/html') || /rss\+xml|atom\+xml|feed\+json/.test(a)) return feedType;
  return 'application/xml; charset=utf-8';
}

/**
 * Creates the request handler over a store.
 *
 * - GET and HEAD only; anything else is 405 with `Allow: GET, HEAD`.
 * - A request target longer than `maxUrlLength` is 414 (RFC 9110 §15.5.15).
 * - `GET /` serves `index.html` when the store has one, otherwise a generated list of the manifest's feeds.
 * - Files the manifest describes get its media type, ETag, Last-Modified, `Cache-Control: public,
 *   max-age`, `Link` rel=self/hub and `Vary: Accept-Encoding` (and `Accept` for RSS and Atom, which
 *   browsers get as application/xml with their own ETag, see `mediaType`), with 412 for a failed
 *   If-Match or (without one) an If-Unmodified-Since older than Last-Modified, then 304 for a matching
 *   If-None-Match or (without one) a not-newer If-Modified-Since, and the precompressed sibling the
 *   client prefers.
 * - Other files are served with a media type by extension, Last-Modified from the file and `no-cache`.
 */
export function createHandler(store: FeedStore, options: HandlerOptions = {}): Handler {
  const maxUrl = options.maxUrlLength ?? DEFAULT_MAX_URL;
  const now = options.now ?? Date.now;
  /**
   * The Last-Modified sent for a file's bytes (known by their ETag): the manifest's, which is its newest
   * item change (made from the content, so that every build of the same records is byte-identical), with
   * two corrections this server can make, having seen the bytes before:
   * - RFC 9110 §8.8.2.1: one "later than the server's time of message origination" MUST be replaced with
   *   that time. A story dated ahead (W_DATE_FUTURE) gives its feed such a date: the time these bytes were
   *   first served is sent instead, and stays so (QA: a moving one answered every If-Modified-Since with a
   *   200 and a new Last-Modified each second, the bytes unchanged).
   * - New bytes whose newest item change is no later than the one sent for the bytes before (a story
   *   taken down, a correction without `updated`, an older story added) are sent as changed when this server
   *   first served them: a client polling with If-Modified-Since alone got 304 for them (QA: 573 changed
   *   documents in a week of builds; a takedown unseen until a newer story came).
   * Kept per file name for the life of the server: a restarted one knows only the manifest (README).
   */
  const lastServed = new Map<string, { etag: string; at: number }>();
  const lastModifiedOf = (ms: number, name: string, etag: string): number => {
    const seen = lastServed.get(name);
    if (seen !== undefined && seen.etag === etag) return seen.at;
    const second = Math.floor(now() / 1000) * 1000;
    const at = seen !== undefined && Math.min(ms, second) <= seen.at ? Math.max(second, seen.at) : Math.min(ms, second);
    lastServed.set(name, { etag, at });
    return at;
  };

  async function serveBuilt(req: Request, name: string, served: ServedFile, attempt: number): Promise<Response> {
    const head = req.method === 'HEAD';
    const available = new Set<Coding>((['br', 'gzip'] as const).filter((c) => served.encodings[c] !== undefined));
    const codings = acceptableCodings(req.headers.get('accept-encoding'), available);
    // RFC 9110 §12.5.5: the choice among the siblings depends on Accept-Encoding, so every response says so,
    // identity and 304 included, and caches keep the variants apart.
    const type = mediaType(served.type, req.headers.get('accept'));
    // The ETag this request's representation carries: the recorded one, or the browser's own (see mediaType).
    // The recorded one still names the bytes, and is what a body is checked against.
    const tag = type === served.type ? (etag: string): string => etag : browserEtag;
    const vary = XML_FEED.test(served.type) ? 'Accept-Encoding, Accept' : 'Accept-Encoding';
    const shared: Record<string, string> = { vary, 'cache-control': `public, max-age=${served.maxAge}` };
    if (codings.length === 0) {
      // RFC 9110 §12.5.3: "If a non-empty Accept-Encoding header field is present in a request and none of the
      // available representations for the response have a content coding that is listed as acceptable, the
      // origin server SHOULD send a response without any content coding unless the identity coding is
      // indicated as unacceptable." Here identity is refused too (`identity;q=0`, or `*;q=0` without an
      // identity entry), and §12.1 leaves two choices: "honor the header field by sending a 406 (Not
      // Acceptable) response or disregard the header field". We honour it; §15.5.7 asks for the alternatives.
      const list = [...available, 'identity'].join(', ');
      return plain(406, `Not Acceptable: ${name} is available with the content codings ${list}`, head, { vary });
    }
    const representation = (coding: Coding): { file: string; etag: string; bytes: number; coding: Coding } => {
      const variant = coding === 'identity' ? undefined : served.encodings[coding];
      return variant === undefined ? { file: name, etag: served.etag, bytes: served.bytes, coding: 'identity' } : { ...variant, coding };
    };
    const stamped = parseHttpDate(served.lastModified);
    const lastModified = stamped === undefined ? undefined : lastModifiedOf(stamped, name, served.etag);
    const headersFor = (rep: { etag: string; coding: Coding }): Record<string, string> => {
      const h: Record<string, string> = {
        'content-type': type,
        etag: tag(rep.etag),
        'last-modified': lastModified === stamped ? served.lastModified : new Date(lastModified ?? 0).toUTCString(),
        ...shared,
        'x-content-type-options': 'nosniff',
      };
      if (rep.coding !== 'identity') h['content-encoding'] = rep.coding;
      const link = linkHeader(served.links);
      if (link !== undefined) h['link'] = link;
      return h;
    };

    // The representation a GET would send: the first acceptable coding whose sibling is there (a deploy that
    // left out the .br files sends gzip), so that a HEAD names it and a poller holding its ETag gets a 304.
    // Only asked for a HEAD or a conditional request; a GET's loop below finds out by reading.
    let first = representation(codings[0] ?? 'identity');
    if (store.has !== undefined && first.coding !== 'identity' && (head || CONDITIONS.some((c) => req.headers.has(c)))) {
      let found = false;
      for (const coding of codings) {
        first = representation(coding);
        found = coding === 'identity' || (await store.has(first.file));
        if (found) break;
      }
      // None of the acceptable codings is there (identity refused): a GET finds nothing to send either.
      if (!found) return plain(404, 'Not Found', head);
    }
    if (preconditionFailed(req, tag(first.etag), lastModified)) return preconditionFailedResponse(head, vary);
    if (notModified(req, tag(first.etag), lastModified)) return notModifiedResponse(headersFor(first));
    if (head) return ok(true, headersFor(first), first.bytes);
    // If-Match passed for `first`; the body sent must be one that it names. A missing sibling (another
    // coding is sent) or bytes that disagree with the manifest (served without validators) are checked
    // again against the tag of what is actually sent.
    const ifMatch = req.headers.get('if-match');
    const ifMatchFails = (etag: string): boolean => ifMatch !== null && !ifMatchMatches(ifMatch, tag(etag));

    for (const coding of codings) {
      const rep = representation(coding);
      const bytes = await store.read(rep.file);
      // A missing sibling is not fatal: the next acceptable coding (at worst identity) is tried.
      if (bytes === undefined) continue;
      // The bytes must be those the manifest's ETag names (a strong validator never labels two bodies): a
      // length alone misses a rebuild's new file of the same size. Hashing costs 0.04 ms for a 60 KB .br
      // and 0.17 ms for a 300 KB feed, on responses with a body only (304s answer from the manifest).
      if (bytes.length === rep.bytes && (!isStrongEtag(rep.etag) || strongEtag(bytes) === rep.etag)) {
        if (rep.coding !== first.coding && ifMatchFails(rep.etag)) return preconditionFailedResponse(false, vary);
        return ok(false, headersFor(rep), bytes);
      }
      // The bytes are not the ones the manifest describes: a rebuild renamed files between our reading the
      // manifest and the file. Look again; the manifest will have caught up.
      if (attempt < CONSISTENCY_RETRIES) {
        await new Promise((r) => setTimeout(r, 10 * (attempt + 1)));
        const again = await store.lookup(name);
        return again === undefined ? plain(404, 'Not Found', head) : serveEntry(req, again, attempt + 1);
      }
      // Still inconsistent: serve the bytes, but with no validator that could be wrong (and only if an
      // If-Match names these bytes, or is `*`).
      if (ifMatchFails(strongEtag(bytes))) return preconditionFailedResponse(false, vary);
      const h = headersFor(rep);
      delete h['etag'];
      delete h['last-modified'];
      return ok(false, { ...h, 'cache-control': 'no-cache' }, bytes);
    }
    return plain(404, 'Not Found', head);
  }

  async function serveStatic(req: Request, entry: Extract<StoreEntry, { kind: 'static' }>): Promise<Response> {
    const head = req.method === 'HEAD';
    // The file is read for HEAD and 304 too: its ETag is the hash of the bytes (these files are a few KB).
    // Last-Modified alone has whole seconds, so two builds in one second would answer a client holding the
    // first page 304 for the second; the ETag tells them apart, and If-None-Match is evaluated before it.
    const bytes = await store.read(entry.name);
    if (bytes === undefined) return plain(404, 'Not Found', head);
    const etag = strongEtag(bytes);
    const lastModified = lastModifiedOf(entry.lastModified.getTime(), entry.name, etag);
    const headers: Record<string, string> = {
      'content-type': entry.type,
      etag,
      'last-modified': new Date(lastModified).toUTCString(),
      // Plain files change with every build and are not in the manifest: revalidate each time.
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (preconditionFailed(req, etag, lastModified)) return preconditionFailedResponse(head);
    if (notModified(req, etag, lastModified)) return notModifiedResponse(headers);
    return ok(head, headers, bytes);
  }

  function serveEntry(req: Request, entry: StoreEntry, attempt = 0): Promise<Response> {
    return entry.kind === 'built' ? serveBuilt(req, entry.name, entry.served, attempt) : serveStatic(req, entry);
  }

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const head = req.method === 'HEAD';
    if (url.pathname.length + url.search.length > maxUrl) return plain(414, 'URI Too Long', head);
    if (req.method !== 'GET' && !head) return methodNotAllowed();
    const target = targetName(url.pathname);
    if ('status' in target) return plain(target.status, target.status === 400 ? 'Bad Request' : 'Not Found', head);
    if (target.name === '') {
      const index = await store.lookup('index.html');
      if (index !== undefined) return serveEntry(req, index);
      const page = encoder.encode(indexPage(await store.files()));
      const headers = {
        'content-type': 'text/html; charset=utf-8',
        etag: strongEtag(page),
        'cache-control': 'no-cache',
        'content-security-policy': "default-src 'none'",
        'x-content-type-options': 'nosniff',
      };
      if (preconditionFailed(req, headers.etag, undefined)) return preconditionFailedResponse(head);
      if (notModified(req, headers.etag, undefined)) return notModifiedResponse(headers);
      return ok(head, headers, page);
    }
    const entry = await store.lookup(target.name);
    return entry === undefined ? plain(404, 'Not Found', head) : serveEntry(req, entry);
  }

  return async (req) => {
    try {
      return await handle(req);
    } catch (e) {
      // The store turns I/O failures into "not there"; reaching this is a bug, and the client learns nothing of it.
      // (A hook that throws in turn, or an async one that fails, changes nothing for the client.)
      try {
        settle(options.onError?.(e, req));
      } catch {
        // passed over
      }
      return plain(500, 'Internal Server Error', req.method === 'HEAD');
    }
  };
}
