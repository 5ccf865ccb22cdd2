/**
 * Serving benchmark (issue 4): Dateline's server against nginx with the generated `_config/nginx.conf`,
 * both serving the same build of the sample site, on loopback.
 * Run: npm run bench:serve [-- --amount 10000 --connections 100 --rounds 3 --nginx-workers 1]
 *
 * - The sample site (dateline.config.json, articles/) is built into a temporary directory.
 * - Dateline's server runs in a child process (bench/serve-server.ts), so its memory and CPU time are
 *   measured apart from the load generator; memory comes over IPC, nothing is added to what it serves.
 * - nginx (/usr/sbin/nginx) runs in the foreground from a temporary prefix, with a master and
 *   `--nginx-workers` worker processes (default 1: one core for the server, like Node's one thread, and
 *   the other core for autocannon), `access_log off` (Dateline's server logs nothing either) and Debian's
 *   stock `sendfile on; tcp_nopush on; gzip on;`.
 * - Scenarios, all on the RSS feed: 200 (no conditional headers, no Accept-Encoding), 304 (If-None-Match
 *   with the ETag recorded in _dateline.json) and gzip (Accept-Encoding: gzip: the .gz sibling).
 * - Each run is autocannon with `amount` requests over `connections` keep-alive connections. One warm-up
 *   round, then `rounds` measured rounds; within a round every scenario runs on both servers back to back,
 *   the order alternating between rounds (Dateline first, then nginx first). The table gives medians.
 * - Checks: one raw request per server and scenario is checked in full (status, ETag, Content-Encoding,
 *   body); every response in the runs, warm-up included, must then have that status and exactly that size.
 *   Any error, timeout, reset or unexpected response, or Dateline's RSS growing by more than 50% from the
 *   warm state to the end, fails the run (exit code 1).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { cpus, loadavg, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildFeeds, loadArticles, loadConfig, writeOutputs, DEFAULT_CONFIG_FILE, type Manifest } from '../src/index.js';
import type { MemorySample } from './serve-server.js';

const { values } = parseArgs({
  options: {
    amount: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    'nginx-workers': { type: 'string', default: '1' },
  },
});
const AMOUNT = Number(values.amount);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);
const NGINX_WORKERS = Number(values['nginx-workers']);
/** Largest allowed growth of Dateline's RSS from the warm state to the end. */
const MAX_RSS_GROWTH = 0.5;
const NGINX = '/usr/sbin/nginx';
const FEED = 'rss.xml';
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(HERE);
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// ----- Processes: CPU time and memory from /proc (Linux) -----

/** User + system CPU seconds of a process. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime (14th), stime (15th)
}

/** A `kB` line of /proc/<pid>/status (VmRSS, VmHWM), in bytes. */
function procStatus(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
  return Number(line?.match(/(\d+)/)?.[1] ?? NaN) * 1024;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port: number, alive: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`server exited before listening on ${port}:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (up) return;
    await sleep(50);
  }
  throw new Error(`nothing listening on ${port}:\n${log()}`);
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
}

// ----- The servers -----

interface Server {
  name: 'dateline' | 'nginx';
  port: number;
  /** URL path of the RSS feed on this server. */
  path: string;
  /** The process doing the serving (nginx: the worker; with several workers, their sum is used). */
  pids: () => number[];
  close: () => Promise<void>;
}

interface DatelineServer extends Server {
  mem: () => Promise<MemorySample>;
}

async function startDateline(dir: string): Promise<DatelineServer> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(HERE, 'serve-server.ts'), dir], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Dateline's server exited with ${code}`)));
    child.on('message', (m: { url?: string }) => {
      if (m.url !== undefined) resolve(m.url);
    });
  });
  const pid = child.pid!;
  return {
    name: 'dateline',
    port: Number(new URL(url).port),
    path: `/${FEED}`, // `dateline serve` serves dist/ at the root
    pids: () => [pid],
    mem: () =>
      new Promise((resolve) => {
        const on = (m: { mem?: MemorySample }) => {
          if (m.mem === undefined) return;
          child.off('message', on);
          resolve(m.mem);
        };
        child.on('message', on);
        child.send('mem');
      }),
    close: async () => {
      if (child.connected) child.send('close');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5_000)]);
      await stop(child, 'SIGKILL');
    },
  };
}

async function startNginx(work: string, dist: string, feedPath: string): Promise<Server> {
  const port = await freePort();
  const prefix = join(work, 'nginx');
  await mkdir(join(prefix, 'logs'), { recursive: true });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(prefix, t)};`);
  await writeFile(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      // As root, workers would switch to nobody, who cannot read the temporary dist/.
      ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
      `worker_processes ${NGINX_WORKERS};`,
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs/error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...temp,
      '  default_type application/octet-stream;',
      // Debian's stock nginx.conf.
      '  sendfile on;',
      '  tcp_nopush on;',
      '  gzip on;',
      '  charset utf-8;',
      '  server {',
      `    listen 127.0.0.1:${port};`,
      `    root ${dist};`,
      `    include ${join(dist, '_config/nginx.conf')};`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  let stderr = '';
  const child = spawn(NGINX, ['-p', prefix, '-e', join(prefix, 'logs/error.log'), '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const log = () => `${stderr}${existsSync(join(prefix, 'logs/error.log')) ? readFileSync(join(prefix, 'logs/error.log'), 'utf8') : ''}`;
  await waitForPort(port, () => child.exitCode === null, log);
  const master = child.pid!;
  let workers: number[] = [];
  for (let i = 0; i < 100 && workers.length < NGINX_WORKERS; i++) {
    workers = childrenOf(master);
    if (workers.length < NGINX_WORKERS) await sleep(20);
  }
  if (workers.length !== NGINX_WORKERS) throw new Error(`expected ${NGINX_WORKERS} nginx workers, found ${workers.length}`);
  return { name: 'nginx', port, path: feedPath, pids: () => workers, close: () => stop(child) };
}

// ----- Scenarios -----

interface Scenario {
  name: '200' | '304' | 'gzip';
  headers: Record<string, string>;
  status: number;
  etag: string;
  encoding: string | undefined;
  /** The body a 200 must carry (checked once per server before the runs). */
  body: Buffer | undefined;
}

/**
 * One request on a fresh connection, byte for byte what autocannon sends (its request line, Host,
 * `Connection: keep-alive`, then the scenario's headers), and the raw response read to its end. Checks
 * status, ETag, Content-Encoding and the body; returns the response's size in bytes, headers included.
 * Every response in the runs must then have this status and exactly this size (the Date header has a fixed
 * length), which no other representation or error page has.
 */
function probe(server: Server, s: Scenario): Promise<number> {
  const head = [`GET ${server.path} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, 'Connection: keep-alive', ...Object.entries(s.headers).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`${server.name} ${s.name}: ${why}`));
    };
    socket.setTimeout(5_000, () => fail('timeout'));
    socket.on('error', (e) => fail(e.message));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine = '', ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers.get('content-length') ?? 0);
      if (buf.length < end + 4 + length) return;
      socket.destroy();
      const body = buf.subarray(end + 4, end + 4 + length);
      const problems: string[] = [];
      const status = Number(statusLine.split(' ')[1]);
      if (status !== s.status) problems.push(`status ${status}, expected ${s.status}`);
      if (headers.get('etag') !== s.etag) problems.push(`ETag ${String(headers.get('etag'))}, expected ${s.etag}`);
      if (headers.get('content-encoding') !== s.encoding) problems.push(`Content-Encoding ${String(headers.get('content-encoding'))}, expected ${String(s.encoding)}`);
      if (s.body !== undefined && !body.equals(s.body)) problems.push(`body of ${body.length} bytes differs from the ${s.body.length} built`);
      if (s.body === undefined && body.length !== 0) problems.push(`304 with a body of ${body.length} bytes`);
      if (buf.length !== end + 4 + length) problems.push(`${buf.length - end - 4 - length} bytes after the response`);
      if (problems.length > 0) reject(new Error(`${server.name} ${s.name}: ${problems.join('; ')}`));
      else resolve(buf.length);
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
  });
}

interface Run {
  server: Server['name'];
  scenario: Scenario['name'];
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Server CPU time per request, microseconds. */
  cpuUs: number;
  /** Server CPU use over the run, % of one core (all its threads). */
  serverCpu: number;
  /** Load generator's CPU use over the run, % of one core. */
  clientCpu: number;
  /** Bytes received per response, headers included. */
  bytes: number;
  errors: number;
  unexpected: number;
  statuses: string;
}

async function load(server: Server, s: Scenario, size: number): Promise<Run> {
  const pids = server.pids();
  const serverCpu = () => pids.reduce((t, p) => t + cpuSeconds(p), 0);
  const cpuBefore = serverCpu();
  const clientBefore = process.cpuUsage();
  const start = performance.now();
  // autocannon delivers its result at the next whole-second tick after the last response, so the run is
  // timed here, from the start to the last response. The same listener checks each response.
  let answered = 0;
  let unexpected = 0;
  let end = { at: NaN, client: { user: NaN, system: NaN }, cpu: NaN };
  const instance = autocannon({
    // The path goes in the URL: autocannon takes it from there and ignores a `path` option.
    url: `http://127.0.0.1:${server.port}${server.path}`,
    connections: CONNECTIONS,
    amount: AMOUNT,
    timeout: 10,
    method: 'GET',
    headers: s.headers,
  });
  instance.on('response', (_client, status, bytes) => {
    if (status !== s.status || bytes !== size) unexpected++;
    if (++answered === AMOUNT) end = { at: performance.now(), client: process.cpuUsage(clientBefore), cpu: serverCpu() };
  });
  const result = await instance;
  if (Number.isNaN(end.at)) end = { at: performance.now(), client: process.cpuUsage(clientBefore), cpu: serverCpu() };
  const seconds = (end.at - start) / 1000;
  const completed = result.requests.total;
  return {
    server: server.name,
    scenario: s.name,
    reqPerSec: completed / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs: ((end.cpu - cpuBefore) / completed) * 1e6,
    serverCpu: ((end.cpu - cpuBefore) / seconds) * 100,
    clientCpu: ((end.client.user + end.client.system) / 1e6 / seconds) * 100,
    bytes: result.throughput.total / completed,
    errors: result.errors + result.timeouts + result.resets + result.mismatches + Math.max(0, AMOUNT - completed),
    unexpected,
    statuses: Object.entries(result.statusCodeStats).map(([code, { count }]) => `${code}×${count}`).join(' '),
  };
}

// ----- Main -----

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mib = (b: number): string => (b / 1024 / 1024).toFixed(1);

const work = await mkdtemp(join(tmpdir(), 'dateline-bench-serve-'));
const servers: Server[] = [];
let failed = false;
try {
  // The sample site, built as `dateline build` would.
  const dist = join(work, 'dist');
  const config = await loadConfig(DEFAULT_CONFIG_FILE, REPO);
  const loaded = await loadArticles(config, REPO);
  const built = buildFeeds(loaded.articles, config);
  const errors = [...loaded.diagnostics, ...built.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the sample site does not build:\n${errors.map((d) => d.message).join('\n')}`);
  await writeOutputs(dist, built.files, dist, built.mtimes);
  const manifest = JSON.parse(await readFile(join(dist, '_dateline.json'), 'utf8')) as Manifest;
  const served = manifest.files[FEED];
  const gzip = served?.encodings.gzip;
  if (served === undefined || gzip === undefined) throw new Error(`${FEED} or its gzip sibling is not in the manifest`);

  const scenarios: Scenario[] = [
    { name: '200', headers: {}, status: 200, etag: served.etag, encoding: undefined, body: await readFile(join(dist, FEED)) },
    { name: '304', headers: { 'if-none-match': served.etag }, status: 304, etag: served.etag, encoding: undefined, body: undefined },
    { name: 'gzip', headers: { 'accept-encoding': 'gzip' }, status: 200, etag: gzip.etag, encoding: 'gzip', body: await readFile(join(dist, gzip.file)) },
  ];

  const dateline = await startDateline(dist);
  servers.push(dateline);
  const nginx = await startNginx(work, dist, new URL(FEED, config.feedBaseUrl).pathname);
  servers.push(nginx);
  const sizes = new Map<string, number>();
  for (const server of servers) for (const s of scenarios) sizes.set(`${server.name} ${s.name}`, await probe(server, s));

  const nginxV = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim();
  console.log(`node ${process.version}, ${nginxV}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  console.log(`${FEED}: ${served.bytes} bytes, gzip ${gzip.bytes} bytes; ${AMOUNT} requests over ${CONNECTIONS} connections per run;`
    + ` 1 warm-up round + ${ROUNDS} measured rounds; nginx: ${NGINX_WORKERS} worker process(es)`);

  const load1 = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load1()}`);
  const cold = await dateline.mem();
  const runs: Run[] = [];
  const warmUp: Run[] = [];
  const memAfter: { label: string; mem: MemorySample }[] = [];
  let warm: MemorySample | undefined;
  let nginxWarmRss = NaN;
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? [dateline, nginx] : [nginx, dateline];
    for (const s of scenarios) {
      for (const server of order) {
        const run = await load(server, s, sizes.get(`${server.name} ${s.name}`)!);
        (round > 0 ? runs : warmUp).push(run);
        const tag = round === 0 ? 'warm-up' : `round ${round}`;
        console.error(`${tag}: ${run.server} ${run.scenario}: ${run.reqPerSec.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms,`
          + ` ${run.cpuUs.toFixed(0)} µs CPU/req, server ${run.serverCpu.toFixed(0)}%, client ${run.clientCpu.toFixed(0)}%, ${run.statuses}, errors ${run.errors}, unexpected ${run.unexpected}`);
        if (server === dateline && round > 0) memAfter.push({ label: `round ${round} ${s.name}`, mem: await dateline.mem() });
      }
    }
    if (round === 0) {
      warm = await dateline.mem();
      nginxWarmRss = nginx.pids().reduce((t, p) => t + procStatus(p, 'VmRSS'), 0);
    }
  }
  await sleep(1_000);
  const end = await dateline.mem();
  const peak = procStatus(dateline.pids()[0]!, 'VmHWM');
  const nginxEndRss = nginx.pids().reduce((t, p) => t + procStatus(p, 'VmRSS'), 0);

  console.log(`load average after: ${load1()}`);
  console.log('');
  console.log(`| server | scenario | req/s | p50 ms | p99 ms | server CPU µs/req | server CPU | client CPU | bytes/resp | failed | unexpected |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of scenarios) {
    for (const name of ['dateline', 'nginx'] as const) {
      const rs = runs.filter((r) => r.server === name && r.scenario === s.name);
      const m = (f: (r: Run) => number) => median(rs.map(f));
      const sum = (f: (r: Run) => number) => rs.reduce((t, r) => t + f(r), 0);
      console.log(`| ${name} | ${s.name} | ${m((r) => r.reqPerSec).toFixed(0)} | ${m((r) => r.p50)} | ${m((r) => r.p99)} | ${m((r) => r.cpuUs).toFixed(0)}`
        + ` | ${m((r) => r.serverCpu).toFixed(0)}% | ${m((r) => r.clientCpu).toFixed(0)}% | ${m((r) => r.bytes).toFixed(0)} | ${sum((r) => r.errors)} | ${sum((r) => r.unexpected)} |`);
    }
  }
  console.log('');
  console.log('| scenario | nginx req/s ÷ Dateline req/s | Dateline CPU/req ÷ nginx CPU/req |');
  console.log('|---|---:|---:|');
  for (const s of scenarios) {
    const m = (name: string, f: (r: Run) => number) => median(runs.filter((r) => r.server === name && r.scenario === s.name).map(f));
    console.log(`| ${s.name} | ${(m('nginx', (r) => r.reqPerSec) / m('dateline', (r) => r.reqPerSec)).toFixed(1)}× | ${(m('dateline', (r) => r.cpuUs) / m('nginx', (r) => r.cpuUs)).toFixed(1)}× |`);
  }

  if (warm === undefined) throw new Error('no warm-up round');
  const growth = end.rss / warm.rss - 1;
  console.log('');
  console.log(`Dateline's server (MiB): RSS cold ${mib(cold.rss)}, warm ${mib(warm.rss)}, end ${mib(end.rss)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%), peak ${mib(peak)};`
    + ` heap after GC cold ${mib(cold.heapUsedAfterGc)}, warm ${mib(warm.heapUsedAfterGc)}, end ${mib(end.heapUsedAfterGc)}`);
  console.log(`RSS after each measured run (MiB): ${memAfter.map((a) => `${a.label} ${mib(a.mem.rss)}`).join(', ')}`);
  console.log(`nginx worker RSS (MiB): warm ${mib(nginxWarmRss)}, end ${mib(nginxEndRss)}`);

  const totalFailed = [...warmUp, ...runs].reduce((t, r) => t + r.errors, 0);
  const totalUnexpected = [...warmUp, ...runs].reduce((t, r) => t + r.unexpected, 0);
  if (totalFailed > 0 || totalUnexpected > 0) {
    console.error(`FAIL: ${totalFailed} failed and ${totalUnexpected} unexpected responses`);
    failed = true;
  }
  if (growth > MAX_RSS_GROWTH) {
    console.error(`FAIL: Dateline's RSS grew ${(growth * 100).toFixed(1)}% from warm to end (limit ${MAX_RSS_GROWTH * 100}%)`);
    failed = true;
  }
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  for (const server of servers.reverse()) await server.close();
  await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
