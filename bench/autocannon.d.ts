/**
 * The part of autocannon@8's API that bench/serve.ts uses (autocannon ships no types). Shapes from its
 * README and lib/run.js, lib/aggregateResult.js.
 */
declare module 'autocannon' {
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    /** Called with each response; header names as the server sent them. */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Total requests to make, spread over the connections; the run ends when all are answered. */
    amount?: number;
    pipelining?: number;
    /** The request, when every request is the same (`requests` makes autocannon do per-request work); its path is the URL's. */
    method?: string;
    headers?: Record<string, string>;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
    requests?: Request[];
  }

  /** Percentiles are keyed p0_001 … p99_999 (p50, p90, p97_5, p99 among them). */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  export interface Result {
    /** Seconds, rounded to 0.01. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    resets: number;
    /** Responses outside 200–299 (a 304 counts here). */
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds, recorded at 1 ms resolution. */
    latency: Histogram;
    /** Per-second samples; `total` is the number of completed requests. */
    requests: Histogram & { sent: number };
    /** Per-second samples of bytes received; `total` is every byte received. */
    throughput: Histogram;
  }

  /** What `autocannon(options)` returns without a callback: a tracker that is also the result's promise. */
  export interface Instance extends PromiseLike<Result> {
    /** Each response as it arrives: its status, bytes received and time taken (ms). */
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: 'start' | 'done' | 'tick', listener: (...args: unknown[]) => void): this;
  }

  /**
   * Note: without `duration`, the run ends and the result is delivered at the first 1-second sampling tick
   * after the last response, so `duration` and the per-second `requests` samples are quantised to seconds.
   */
  export default function autocannon(options: Options): Instance;
}
