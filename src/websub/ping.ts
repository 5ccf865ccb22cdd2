/**
 * WebSub publisher notification (W3C WebSub §5, and the "publish" ping hubs such as Google's and
 * Superfeedr accept): one `POST hub` per changed feed, form-encoded `hub.mode=publish&hub.url=<feed>`.
 * A 2xx answer (hubs send 202 or 204) is success. Network errors, timeouts, 429 and 5xx are retried with
 * backoff (a `Retry-After` in seconds wins, capped); any other answer is final. Nothing here throws: each
 * URL gets a result, so a failed ping can be reported without failing a build.
 */

export interface PingOptions {
  /** The hub's URL (the config's `hub`, the one the feeds announce). */
  hub: string;
  /** Absolute URLs of the feeds that changed; duplicates are pinged once. */
  urls: readonly string[];
  /** Injectable for tests; the global fetch unless told. */
  fetch?: typeof globalThis.fetch;
  /** Retries after the first attempt, so at most `retries + 1` requests per URL. */
  retries?: number;
  /** Wait before retry n (1-based) is `backoffMs[n - 1]`, or the last entry when there are fewer. */
  backoffMs?: readonly number[];
  /** Longest wait a `Retry-After` may ask for. */
  maxRetryAfterMs?: number;
  /** Time allowed for one request, response headers included. */
  timeoutMs?: number;
  /** Stops waiting and retrying; the results say `aborted`. */
  signal?: AbortSignal;
  /** Injectable for tests; resolves early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How many pings are in flight at once (a change of configuration pings every feed of the site). */
  concurrency?: number;
}

export interface PingResult {
  url: string;
  ok: boolean;
  /** HTTP status of the last answer, when there was one. */
  status?: number;
  /** Requests made (0 when none could be). */
  attempts: number;
  error?: string;
}

type Outcome =
  | { kind: 'ok'; status: number }
  | { kind: 'final'; status?: number; error: string }
  | { kind: 'retry'; status?: number; error: string; retryAfterMs?: number };

const DEFAULT_BACKOFF = [500, 2000, 8000] as const;

export async function pingHub(options: PingOptions): Promise<PingResult[]> {
  const urls = [...new Set(options.urls)];
  let hub: URL;
  try {
    hub = new URL(options.hub);
    if (hub.protocol !== 'https:' && hub.protocol !== 'http:') throw new TypeError('not http(s)');
  } catch {
    return urls.map((url) => ({ url, ok: false, attempts: 0, error: `invalid hub URL ${JSON.stringify(options.hub)}` }));
  }
  // A few at a time, not all at once (QA: a configuration change sent 762 pings together, as many
  // connections to the hub, which a hub or its firewall may take for an attack and refuse).
  // Once one ping has had all its tries and the hub still did not answer, or was unavailable (429, 5xx),
  // the pings not begun are not sent: each would wait out its own tries (with 8 at a time, a hub that hangs
  // would hold a build for an hour over 762 feeds). Their results say so, with no status: remembered, as
  // any ping the hub did not take, for the next build --ping.
  const results = new Array<PingResult>(urls.length);
  let next = 0;
  let down: string | undefined;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < urls.length; i = next++) {
      const url = urls[i] as string;
      if (down !== undefined) {
        results[i] = { url, ok: false, attempts: 0, error: `not sent: ${down}` };
        continue;
      }
      const r = await pingOne(hub.href, url, options);
      if (r.attempts > 0 && hubUnavailable(r) && !options.signal?.aborted) {
        down ??= `the hub did not take the ping of ${url} (${r.error ?? 'no answer'})`;
      }
      results[i] = r;
    }
  };
  await Promise.all(Array.from({ length: Math.min(urls.length, Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY))) }, worker));
  return results;
}

const DEFAULT_CONCURRENCY = 8;

/** A ping the hub did not take because it could not be reached or was unavailable (no answer, 429, 5xx): worth sending again. */
export const hubUnavailable = (r: PingResult): boolean => !r.ok && (r.status === undefined || r.status === 429 || r.status >= 500);

async function pingOne(hub: string, url: string, o: PingOptions): Promise<PingResult> {
  const retries = Math.max(0, Math.floor(o.retries ?? 3));
  const backoff = o.backoffMs ?? DEFAULT_BACKOFF;
  const sleep = o.sleep ?? defaultSleep;
  let attempts = 0;
  let status: number | undefined;
  let error = 'aborted';
  for (;;) {
    if (o.signal?.aborted) return result(url, false, attempts, status, attempts === 0 ? 'aborted' : `${error}; aborted`);
    attempts += 1;
    const outcome = await attempt(hub, url, o);
    status = outcome.status;
    if (outcome.kind === 'ok') return result(url, true, attempts, status);
    error = outcome.error;
    if (outcome.kind === 'final' || attempts > retries) return result(url, false, attempts, status, error);
    const planned = backoff[Math.min(attempts, backoff.length) - 1] ?? 0;
    const wait = outcome.retryAfterMs === undefined ? planned : Math.min(outcome.retryAfterMs, o.maxRetryAfterMs ?? 60_000);
    await sleep(Math.max(0, wait), o.signal);
  }
}

function result(url: string, ok: boolean, attempts: number, status: number | undefined, error?: string): PingResult {
  const r: PingResult = { url, ok, attempts };
  if (status !== undefined) r.status = status;
  if (error !== undefined) r.error = error;
  return r;
}

async function attempt(hub: string, url: string, o: PingOptions): Promise<Outcome> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = o.signal === undefined ? timeout : AbortSignal.any([o.signal, timeout]);
  const body = new URLSearchParams([['hub.mode', 'publish'], ['hub.url', url]]).toString();
  let res: Response;
  try {
    res = await (o.fetch ?? globalThis.fetch)(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Dateline (WebSub publisher)' },
      body,
      signal,
      // A 301/302 would turn the POST into a GET and a page's 200 would pass for success: a moved hub is a
      // configuration error to report, not to follow.
      redirect: 'manual',
    });
  } catch (e) {
    if (o.signal?.aborted) return { kind: 'final', error: 'aborted' };
    if (timeout.aborted) return { kind: 'retry', error: `no answer within ${timeoutMs} ms` };
    return { kind: 'retry', error: networkError(e) };
  }
  const s = res.status;
  if (s >= 200 && s < 300) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'ok', status: s };
  }
  const detail = await answerText(res);
  const error = `hub answered ${s}${detail === '' ? '' : `: ${detail}`}`;
  if (s === 429 || s >= 500) {
    const retryAfterMs = retryAfter(res.headers.get('retry-after'));
    return retryAfterMs === undefined ? { kind: 'retry', status: s, error } : { kind: 'retry', status: s, error, retryAfterMs };
  }
  if (s >= 300 && s < 400) {
    const to = res.headers.get('location');
    return { kind: 'final', status: s, error: `hub redirected${to === null ? '' : ` to ${to}`}; set \`hub\` to the hub's current URL` };
  }
  return { kind: 'final', status: s, error };
}

/** `Retry-After` as delay-seconds (RFC 9110 §10.2.3); an HTTP-date is left to the backoff plan. */
function retryAfter(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value.trim()) * 1000;
}

/** The first line of the hub's explanation, short: hubs say why they refused (unknown topic, bad mode…). */
async function answerText(res: Response): Promise<string> {
  try {
    const text = await res.text();
    return (text.trim().split(/\r?\n/)[0] ?? '').slice(0, 200);
  } catch {
    return '';
  }
}

function networkError(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return e instanceof Error ? e.message : String(e);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** One line per result, for the build's report: `  ping https://…/rss.xml: ok (204, 1 attempt)`. */
export function describePing(r: PingResult): string {
  const tries = `${r.attempts} ${r.attempts === 1 ? 'attempt' : 'attempts'}`;
  if (r.ok) return `ping ${r.url}: ok (${r.status ?? '?'}, ${tries})`;
  if (r.attempts === 0) return `ping ${r.url}: FAILED: ${r.error ?? 'unknown error'}`;
  return `ping ${r.url}: FAILED after ${tries}: ${r.error ?? 'unknown error'}`;
}
