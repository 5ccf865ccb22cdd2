/**
 * Child process of bench/serve.ts: Dateline's server (startServer, default limits) on 127.0.0.1 at a free
 * port, in a process of its own so that its memory and CPU time are its own. Talks to the parent over the
 * IPC channel only, so nothing is added to what the server serves:
 *   → { url }                        once listening
 *   ← 'mem'  → { mem: MemorySample }  memory now, then the heap after a full GC (run with --expose-gc)
 *   ← 'close'                         closes the server and exits
 * Usage (by bench/serve.ts): node --expose-gc --import tsx bench/serve-server.ts <dir>
 */
import { startServer } from '../src/index.js';

export interface MemorySample {
  /** Resident set size, bytes, as sampled (no GC first). */
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** heapUsed right after a full GC: what the server holds on to. */
  heapUsedAfterGc: number;
}

const root = process.argv[2];
if (root === undefined || process.send === undefined) {
  console.error('usage: node --expose-gc --import tsx bench/serve-server.ts <dir> (with an IPC channel)');
  process.exit(2);
}
const send = process.send.bind(process);
const server = await startServer({ root, host: '127.0.0.1', port: 0 });

process.on('message', (message) => {
  if (message === 'mem') {
    const m = process.memoryUsage();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const sample: MemorySample = { ...m, heapUsedAfterGc: gc === undefined ? NaN : process.memoryUsage().heapUsed };
    send({ mem: sample });
  } else if (message === 'close') {
    void server.close().then(() => process.exit(0));
  }
});
// The parent going away (a crash or Ctrl-C there) takes the server with it.
process.on('disconnect', () => process.exit(0));
send({ url: server.url });
