/**
 * node:http glue for the handler, and nothing else: it turns a node request into a `Request`, streams the
 * `Response` back, and sets the limits that keep slow, stalled or oversized clients from holding the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createHandler, methodNotAllowed, settle, type Handler } from './handler.js';
import { directoryStore, type FeedStore } from './store.js';

export interface Limits {
  /** Time a client has to send the whole request head (node's `headersTimeout`); then 408 and close. */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request (node's `requestTimeout`); at least `headersTimeoutMs`. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic in either direction for this long is destroyed (a reader that stopped reading). */
  idleTimeoutMs: number;
  /** Largest request head in bytes; a larger one gets 431 (RFC 6585 §5). */
  maxHeaderSize: number;
}

export const DEFAULT_LIMITS: Limits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  maxHeaderSize: 16 * 1024,
};

export interface ServerOptions {
  /** Directory to serve (a build's output directory). */
  root: string;
  /** Default 127.0.0.1: previews stay on the machine unless asked otherwise. */
  host?: string;
  /** Default 8080; 0 picks a free port (see `url`). */
  port?: number;
  limits?: Partial<Limits>;
  /** Serves this store instead of `directoryStore(root)`. */
  store?: FeedStore;
  /**
   * Called when a request could not be answered for a fault of the server's own (the client gets 500, or
   * the connection is closed when the headers were sent), with the request's method and target. Without
   * it such faults pass silently.
   */
  onError?: (error: unknown, request: { method: string; target: string }) => void;
}

export interface RunningServer {
  /** Base URL, with the actual port, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** Stops accepting connections, closes idle ones, and resolves when every connection is closed. */
  close: () => Promise<void>;
}

/** Headers of a node request as a `Headers` (repeated fields combined with ", ", as fetch does). */
function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '');
  return headers;
}

async function respond(handler: Handler, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let request: Request | undefined;
  try {
    // The request target is put on our own origin: origin-form (`/path`) as it is, so `//x` stays a path
    // and is not read as a host; absolute-form (RFC 9112 §3.2.2) keeps only its path and query. The Host
    // header never reaches a URL.
    const raw = req.url ?? '/';
    const origin = base.slice(0, -1);
    const target = raw.startsWith('/') ? new URL(origin + raw) : new URL(raw);
    request = new Request(`${origin}${target.pathname}${target.search}`, { method: req.method ?? 'GET', headers: toHeaders(req) });
  } catch {
    request = undefined;
  }
  let response: Response;
  if (request !== undefined) response = await handler(request);
  else if (req.method !== 'GET' && req.method !== 'HEAD') response = methodNotAllowed(); // TRACE, CONNECT: not a fetch method
  else response = new Response('Bad Request\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  // A request with content we do not read (a POST to a feed) is not drained: the connection is closed instead.
  const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  if (hasBody) headers['connection'] = 'close';
  res.writeHead(response.status, headers);
  if (response.body === null || req.method === 'HEAD') {
    res.end();
    return;
  }
  // A client that goes away mid-body makes the pipeline reject; that is the client's business, not an error.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res).catch(() => undefined);
}

/** The answer to a request node's parser refused, by its code; any other gets 400. */
const CLIENT_ERRORS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_INVALID_METHOD: '501 Not Implemented',
};

/**
 * Starts serving `root`. Files are read per request (an atomic rename by a rebuild is picked up at once) and
 * the manifest is re-read when it changes.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? '127.0.0.1';
  const onError = options.onError;
  const handler = createHandler(options.store ?? directoryStore(options.root), onError === undefined ? {} : {
    onError: (e, req) => {
      const url = new URL(req.url);
      return onError(e, { method: req.method, target: `${url.pathname}${url.search}` });
    },
  });
  const server = createServer({
    maxHeaderSize: limits.maxHeaderSize,
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above on this interval (default 30 s); check often enough to honour them.
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  });
  // Without a 'timeout' listener, node destroys a socket idle for this long.
  server.setTimeout(limits.idleTimeoutMs);
  let base = 'http://localhost/';
  // The responses each connection owes, in order (pipelined requests queue behind the first): the first is
  // the one being sent, so that an error on the connection is answered as node answers one (review).
  const owed = new WeakMap<object, ServerResponse[]>();
  const sending = (socket: object): ServerResponse | undefined => owed.get(socket)?.[0];
  server.on('request', (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const queue = owed.get(req.socket) ?? [];
    queue.push(res);
    owed.set(req.socket, queue);
    res.on('close', () => {
      const at = queue.indexOf(res);
      if (at >= 0) queue.splice(at, 1);
      if (queue.length === 0) owed.delete(req.socket);
    });
    respond(handler, base, req, res).catch((e: unknown) => {
      try {
        settle(onError?.(e, { method: req.method ?? '', target: req.url ?? '' }));
      } catch {
        // (A hook that throws, or fails later, is no reason to leave the request unanswered.)
      }
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal Server Error\n');
      } else res.destroy();
    });
  });
  // CONNECT goes to 'connect', not 'request', and without a listener node closed the socket unanswered
  // (QA): 405 with Allow, as TRACE gets; closed, as before, behind a response still being sent on the
  // connection (its bytes must not be taken for that response's: review).
  server.on('connect', (_req, socket: Duplex) => {
    socket.on('error', () => undefined);
    if (sending(socket) !== undefined) socket.destroy();
    else socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  // What node's own clientError handling answers, when it would (no response on the connection has begun
  // to be sent: review): 400; 408 for the timeouts, 431 for maxHeaderSize; nothing to a client that reset
  // the connection. And 501 to a method its parser does not know (`FOO`; RFC 9110 §9.1), which it answered
  // 400 (QA).
  server.on('clientError', (e: NodeJS.ErrnoException, socket: Duplex) => {
    socket.on('error', () => undefined);
    if (socket.writable && sending(socket)?.headersSent !== true) {
      const status = CLIENT_ERRORS[e.code ?? ''] ?? '400 Bad Request';
      socket.write(`HTTP/1.1 ${status}\r\n${status.startsWith('501') ? 'Content-Length: 0\r\n' : ''}Connection: close\r\n\r\n`);
    }
    socket.destroy(e);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  base = `http://${shownHost}:${address.port}/`;

  let closing: Promise<void> | undefined;
  return {
    url: base,
    close: () => {
      closing ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeIdleConnections();
        // A response still streaming gets a moment to finish, then is cut.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}
