/**
 * `serve --watch`'s builds on a thread of their own. A build renders for seconds at a stretch without
 * giving the event loop a turn, and on the server's thread every request waited for it (QA: requests
 * timed out after 20 s during a 59 s rebuild, where README promises that a poll gets the old feed or the
 * new). Run from the bundle (bin/dateline.js), one worker thread loads the same bundle once and runs each
 * build it is sent with the `build` command's own code, handing back its exit code and output; it stays
 * for the next build, warm. Under tsx (tests, development) there is no bundle to load: `offThreadBuilder`
 * gives undefined, and serve builds on its own thread as before.
 *
 * DATELINE_WORKER=never keeps the builds on the server's thread (as for reading records: _workers.ts).
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildCommand, untuneForSize } from './build.js';

const TAG = 'dateline-rebuild';

interface Request {
  args: string[];
  cwd: string;
  usage: string;
}

export interface BuildOutcome {
  code: number;
  out: string;
  err: string;
  /** The thread stopped during the build (out of memory): the locks it held are the caller's to release. */
  lost?: true;
}

// In the worker: each message is one build; the reply its outcome.
if (!isMainThread && (workerData as { tag?: string } | null)?.tag === TAG) {
  parentPort?.on('message', (request: Request) => {
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: request.cwd };
    void buildCommand(request.args, io, request.usage).catch((e: unknown) => {
      err += `Internal error in Dateline (please report it with the input that caused it):\n${(e as Error | undefined)?.stack ?? String(e)}\n`;
      return 70;
    }).then((code) => {
      // (As main() does after a build: a large build's heap flags are the process's, and stay otherwise: review.)
      untuneForSize();
      parentPort?.postMessage({ code, out, err } satisfies BuildOutcome);
    });
  });
}

export interface Rebuilder {
  /** Runs `dateline build ARGS` in `cwd` on the worker (started on first use), one build at a time. */
  build(args: string[], cwd: string): Promise<BuildOutcome>;
  /** Ends the worker (after the build it runs, which the caller awaits first). */
  close(): Promise<void>;
}

/** A builder on a worker thread, or undefined where there is no bundle to load in one (tsx) or DATELINE_WORKER=never. */
export function offThreadBuilder(usage: string): Rebuilder | undefined {
  const file = fileURLToPath(import.meta.url);
  if (file.endsWith('.ts') || process.env['DATELINE_WORKER'] === 'never') return undefined;
  let worker: Worker | undefined;
  let pending: ((outcome: BuildOutcome) => void) | undefined;
  /** A worker that stops (out of memory, an error of its own) ends its build as an internal error; the next build starts another. */
  const lost = (why: string): void => {
    worker = undefined;
    const settle = pending;
    pending = undefined;
    settle?.({ code: 70, out: '', err: `Internal error in Dateline: the build's thread stopped (${why}).\n`, lost: true });
  };
  const start = (): Worker => {
    const w = new Worker(file, { workerData: { tag: TAG } });
    w.on('message', (outcome: BuildOutcome) => {
      const settle = pending;
      pending = undefined;
      settle?.(outcome);
    });
    w.on('error', (e) => lost(e.message));
    w.on('exit', (code) => {
      if (worker === w) lost(`exit ${code}`);
    });
    return w;
  };
  return {
    build(args, cwd) {
      worker ??= start();
      const w = worker;
      return new Promise<BuildOutcome>((resolve) => {
        pending = resolve;
        w.postMessage({ args, cwd, usage } satisfies Request);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
