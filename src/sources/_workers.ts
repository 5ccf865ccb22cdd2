/**
 * Reading records on a second core. When Dateline runs from its bundle (bin/dateline.js) and a build has
 * thousands of files to read, a worker thread loads the same bundle and reads, parses and validates
 * records alongside the main thread. The files are taken in chunks from one shared counter, so each
 * thread reads as many as it can: the worker starts a few tenths of a second late (loading the bundle),
 * and neither waits for the other at the end. Results come back by structured clone, a chunk at a time.
 * Under tsx (tests, development) the work stays on the main thread: same code, same results.
 *
 * DATELINE_WORKER=never keeps all reading on the main thread; =always starts the worker for any number
 * of files and lets the main thread begin only once the worker has (for tests, and for comparing).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../types.js';
import { readTask, readTasks, type ReadMode, type ReadResult, type ReadTask } from './_read.js';

const TAG = 'dateline-read-records';
/**
 * Below this many files the worker costs more than it saves: its start-up (loading the bundle, ~0.25 s),
 * and on these 2-core machines two busy threads each run ~1.5x slower (10k files: 1.2 s alone, 1.5 s
 * with the worker; 30k: even; 100k: 8.0 s alone, 5.0 s with it).
 */
const WORKER_MIN_FILES = 20_000;
/** Files taken at a time from the shared counter. */
const CHUNK = 64;

interface Job {
  tag: typeof TAG;
  tasks: ReadTask[];
  config: SiteConfig;
  mode: ReadMode;
  /** One Int32: the next chunk to take. */
  next: SharedArrayBuffer;
}

type FromWorker = { kind: 'started' } | { kind: 'read'; results: ReadResult[] } | { kind: 'done' };

/** The next chunk of `tasks` to read, or undefined when all are taken. */
function take(counter: Int32Array, tasks: readonly ReadTask[]): readonly ReadTask[] | undefined {
  const from = Atomics.add(counter, 0, 1) * CHUNK;
  return from < tasks.length ? tasks.slice(from, from + CHUNK) : undefined;
}

// In the worker: take chunks until none are left, handing back each one's results.
if (!isMainThread && (workerData as Partial<Job> | null)?.tag === TAG) {
  const job = workerData as Job;
  const counter = new Int32Array(job.next);
  const post = (m: FromWorker): void => parentPort?.postMessage(m);
  post({ kind: 'started' });
  for (let chunk = take(counter, job.tasks); chunk !== undefined; chunk = take(counter, job.tasks)) {
    post({ kind: 'read', results: chunk.map((t) => readTask(t, job.config, job.mode)) });
  }
  post({ kind: 'done' });
}

type WorkerUse = 'never' | 'always' | 'auto';

function workerUse(): WorkerUse {
  const v = process.env['DATELINE_WORKER'];
  return v === 'never' || v === 'always' ? v : 'auto';
}

/** Whether this code can start a reading worker: it runs from the bundle, on a machine with a second core. */
function canUseWorker(): boolean {
  return workerUse() !== 'never' && !fileURLToPath(import.meta.url).endsWith('.ts') && availableParallelism() > 1;
}

/**
 * Reads every task, on this thread and (when it pays and can be done) a worker; results in any order,
 * each handed to `onEach` as it comes. `inWorker` counts the files the worker read. A worker that fails
 * (out of memory, killed) costs only time: whatever it took and did not hand back is read here.
 */
export async function readShared(tasks: ReadTask[], config: SiteConfig, mode: ReadMode, onEach?: (r: ReadResult) => void): Promise<{ results: ReadResult[]; inWorker: number }> {
  const use = workerUse();
  if (!canUseWorker() || (use === 'auto' && tasks.length < WORKER_MIN_FILES)) return { results: await readTasks(tasks, config, mode, onEach), inWorker: 0 };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const results: ReadResult[] = [];
  let inWorker = 0;
  const job: Job = { tag: TAG, tasks, config, mode, next: counter.buffer as SharedArrayBuffer };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  let started!: () => void;
  const startedOrGone = new Promise<void>((resolve) => (started = resolve));
  const finished = new Promise<void>((resolve) => {
    worker.on('message', (m: FromWorker) => {
      if (m.kind === 'started') started();
      else if (m.kind === 'done') resolve();
      else {
        results.push(...m.results);
        inWorker += m.results.length;
        if (onEach !== undefined) for (const r of m.results) onEach(r);
      }
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  void finished.then(started);
  if (use === 'always') await startedOrGone;
  for (let chunk = take(counter, tasks); chunk !== undefined; chunk = take(counter, tasks)) {
    for (const t of chunk) {
      const r = readTask(t, config, mode);
      results.push(r);
      onEach?.(r);
    }
    // A turn for the event loop: the worker's results come in, a server's requests are answered.
    await new Promise((r) => setImmediate(r));
  }
  await finished;
  worker.removeAllListeners('message');
  void worker.terminate();
  if (results.length < tasks.length) {
    const have = new Set(results.map((r) => r.index));
    results.push(...(await readTasks(tasks.filter((t) => !have.has(t.index)), config, mode, onEach)));
  }
  return { results, inWorker };
}
