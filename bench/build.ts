/**
 * Full-build benchmark (issue 5 groundwork): Dateline against a naive feed+gray-matter+marked script and
 * Hugo, on the same synthetic newsroom corpus (bench/corpus.ts), main feed only.
 *
 * Run: npm run bench:build [-- --sizes 1000,10000 --runs 5 --seed 5 --profile --keep]
 *
 * Every build is a separate child process, started from a clean output directory; tools are interleaved
 * (the order rotates each round) after one untimed warm-up round, and the table gives the median wall time.
 * Peak RSS is the child's maximum resident set size from `/usr/bin/time -f %M` (for the whole process tree
 * it waits on; for Node tools without /usr/bin/time, process.resourceUsage().maxRSS reported at exit).
 *
 * Tools:
 *   dateline    `node bin/dateline.js build` in the corpus dir: the build as it is today (RSS, Atom, JSON
 *               Feed of the newest 50, plus index.html, hosting files and .gz/.br siblings).
 *   naive       bench/naive-build.mjs: gray-matter + marked on every file, sort, newest 50, feed@6 RSS.
 *   naive-lazy  the same, rendering Markdown only for the 50 items in the feed.
 *   hugo        `hugo --quiet` over the same records (home RSS only, newest 50, full content), if installed.
 * --runs 0 skips the timed rounds (e.g. `--sizes 10000 --runs 0 --tools dateline --profile`).
 * --profile runs Dateline once more on the largest corpus under `node --cpu-prof` and prints the functions
 * with the most self time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '5' },
    tools: { type: 'string', default: 'dateline,naive,naive-lazy,hugo' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATELINE_BIN = join(root, 'bin', 'dateline.js');
const NAIVE = join(root, 'bench', 'naive-build.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_HOOK = "--import=data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'))";

function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
const hugo = hugoVersion();

interface Tool {
  name: string;
  /** Directory to run in, relative to the corpus dir. */
  cwd: string;
  /** Output directories to delete before each run, relative to cwd. */
  clean: string[];
  node: boolean;
  args: string[];
  /** The feed file whose items are counted after the warm-up run. */
  feed: string;
}

const ALL_TOOLS: Tool[] = [
  { name: 'dateline', cwd: '.', clean: ['dist'], node: true, args: [DATELINE_BIN, 'build'], feed: 'dist/rss.xml' },
  { name: 'naive', cwd: '.', clean: ['naive-dist'], node: true, args: [NAIVE], feed: 'naive-dist/rss.xml' },
  { name: 'naive-lazy', cwd: '.', clean: ['naive-dist'], node: true, args: [NAIVE, '--lazy'], feed: 'naive-dist/rss.xml' },
  { name: 'hugo', cwd: 'hugo', clean: ['public', 'resources'], node: false, args: ['--quiet'], feed: 'public/index.xml' },
];
const wanted = new Set(values.tools.split(','));
const tools = ALL_TOOLS.filter((t) => wanted.has(t.name) && (t.name !== 'hugo' || hugo !== undefined));

interface Sample { seconds: number; rssKiB: number | undefined }

function runOnce(tool: Tool, corpus: string): Sample {
  const cwd = join(corpus, tool.cwd);
  for (const d of tool.clean) rmSync(join(cwd, d), { recursive: true, force: true });
  const exe = tool.node ? process.execPath : 'hugo';
  const args = tool.node && TIME === undefined ? [RSS_HOOK, ...tool.args] : tool.args;
  const [cmd, argv] = TIME !== undefined ? [TIME, ['-f', 'MAXRSS_KB %M', exe, ...args]] : [exe, args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${tool.name} failed (${r.status}) in ${cwd}:\n${r.stderr}\n${r.stdout}`);
  const m = /MAXRSS_KB (\d+)/.exec(r.stderr);
  return { seconds, rssKiB: m?.[1] !== undefined ? Number(m[1]) : undefined };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

console.log(`node ${process.version}; dateline ${pkgVersion('..')}; feed ${pkgVersion('feed')}, gray-matter ${pkgVersion('gray-matter')}, marked ${pkgVersion('marked')}; ${hugo ?? 'hugo: not installed, skipped'}`);
console.log(`peak RSS via ${TIME !== undefined ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (hugo: n/a)'}; ${runs} interleaved runs after 1 warm-up round; seed ${seed}`);

const rows: string[] = [];
const corpora: string[] = [];
for (const n of sizes) {
  const corpus = mkdtempSync(join(tmpdir(), `dateline-bench-${n}-`));
  corpora.push(corpus);
  const g0 = performance.now();
  const { bytes } = generateCorpus(corpus, n, seed);
  console.error(`corpus ${n}: ${(bytes / 1048576).toFixed(1)} MiB of records in ${corpus} (${((performance.now() - g0) / 1000).toFixed(1)} s)`);

  // Warm-up round (page cache, tsx's transform cache), then check each tool wrote a 50-item feed.
  for (const t of tools) {
    runOnce(t, corpus);
    const feed = readFileSync(join(corpus, t.cwd, t.feed), 'utf8');
    const items = feed.split('<item>').length - 1;
    if (items !== 50) throw new Error(`${t.name}: expected 50 items in ${t.feed}, found ${items}`);
  }
  const samples = new Map<string, Sample[]>(tools.map((t) => [t.name, []]));
  for (let r = 0; r < runs; r++) {
    const order = tools.map((_, i) => tools[(i + r) % tools.length]!);
    for (const t of order) {
      const s = runOnce(t, corpus);
      samples.get(t.name)!.push(s);
      console.error(`  ${n} ${t.name} run ${r + 1}: ${s.seconds.toFixed(2)} s, ${s.rssKiB !== undefined ? (s.rssKiB / 1024).toFixed(0) : '?'} MiB`);
    }
  }
  const base = median(samples.get('dateline')?.map((s) => s.seconds) ?? [NaN]);
  for (const t of runs > 0 ? tools : []) {
    const ss = samples.get(t.name)!;
    const secs = ss.map((s) => s.seconds);
    const rss = ss.map((s) => s.rssKiB).filter((x): x is number => x !== undefined);
    const med = median(secs);
    rows.push(`| ${n.toLocaleString('en')} | ${t.name} | ${med.toFixed(2)} | ${Math.min(...secs).toFixed(2)}–${Math.max(...secs).toFixed(2)} | ${rss.length > 0 ? (Math.max(...rss) / 1024).toFixed(0) : 'n/a'} | ${(med / base).toFixed(2)}× |`);
  }
}

console.log('');
console.log('| articles | tool | median s | min–max s | peak RSS MiB | time vs dateline |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const row of rows) console.log(row);

if (values.profile) {
  const corpus = corpora[corpora.length - 1]!;
  const dir = join(corpus, 'cpuprof');
  rmSync(join(corpus, 'dist'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, DATELINE_BIN, 'build'], { cwd: corpus, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`profiled build failed:\n${r.stderr}`);
  console.log('');
  console.log(`Profile: node --cpu-prof bin/dateline.js build, ${sizes[sizes.length - 1]} articles (${dir})`);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) summarise(join(dir, f));
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

function summarise(file: string): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const cf = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    if (cf === undefined) return;
    const where = cf.url === '' ? '' : ` ${cf.url.replace(`file://${root}/`, '').replace(/^file:\/\/.*\/node_modules\//, 'node_modules/')}:${cf.lineNumber + 1}`;
    const key = `${cf.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    // Area: a package, a src/ directory, a node: module, or the VM's own entries.
    const url = cf.url.replace(`file://${root}/`, '');
    const area = url === '' ? (cf.functionName.startsWith('(') ? cf.functionName : '(native: fs and others)')
      : /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? /^(src\/[^/]+)/.exec(url)?.[1] ?? url.replace(/:.*$/, ':') + url.replace(/^node:(internal\/)?/, '').split('/')[0];
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
  });
  console.log(`${file.split('/').pop()}: ${(total / 1000).toFixed(0)} ms sampled`);
  console.log('| self ms | % | function |');
  console.log('|---:|---:|---|');
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} | \`${k}\` |`);
  }
  console.log('');
  console.log('| self ms | % | area |');
  console.log('|---:|---:|---|');
  for (const [k, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} | ${k} |`);
  }
}

if (!values.keep) for (const c of corpora) rmSync(c, { recursive: true, force: true });
