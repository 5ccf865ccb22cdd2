/**
 * Reading records on a second core. When Dateline runs from its bundle (bin/dateline.js) and a build has
 * thousands of files to read, a worker thread loads the same bundle and reads, parses and validates half
 * of them while the main thread does the other half; results come back by structured clone. Under tsx
 * (tests, development) the work stays on the main thread: same code, same results.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../types.js';
import { readTasks, type ReadMode, type ReadResult, type ReadTask } from './_read.js';

const TAG = 'dateline-read-records';
/** Below this many files a worker's start-up (loading the bundle, ~0.1 s) costs more than it saves. */
export const WORKER_MIN_FILES = 2000;

interface Job {
  tag: typeof TAG;
  tasks: ReadTask[];
  config: SiteConfig;
  mode: ReadMode;
}

// In the worker: do the job and hand the results back.
if (!isMainThread && (workerData as Partial<Job> | null)?.tag === TAG) {
  const job = workerData as Job;
  void readTasks(job.tasks, job.config, job.mode).then((results) => parentPort?.postMessage(results));
}

/** Whether this code can start a reading worker: it runs from the bundle, on a machine with a second core. */
export function canUseWorker(): boolean {
  return !fileURLToPath(import.meta.url).endsWith('.ts') && availableParallelism() > 1;
}

/** Reads `tasks` in a worker thread. */
export function readInWorker(tasks: ReadTask[], config: SiteConfig, mode: ReadMode): Promise<ReadResult[]> {
  return new Promise((resolve, reject) => {
    const job: Job = { tag: TAG, tasks, config, mode };
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (results: ReadResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the record-reading worker stopped with exit code ${code}`));
    });
  });
}
