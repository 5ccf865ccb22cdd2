/**
 * Full-build benchmark (issue 5): Dateline against a naive feed+gray-matter+marked script and Hugo, on the
 * same synthetic newsroom corpus (bench/corpus.ts), with Dateline's full, all-feeds and incremental builds.
 *
 * Run: npm run bench [-- --sizes 1000,10000,100000 --runs 5 --runs-large 2 --seed 5 --only LIST
 *                        --profile [--profile-scenario NAME] --keep]
 * (`npm run bench:build` is an alias, so the command in bench/RESULTS.md still runs.)
 *
 * Scenarios (bench/_scenarios.ts; --only takes a comma list of these names):
 *   dateline main, dateline all, dateline incremental, dateline publish, dateline no-change, naive, naive-lazy, hugo,
 *   hugo all
 * (the hugo ones only when installed). Every build is a separate child process; the full builds start from a clean
 * output directory. Per size: each scenario's setup, one untimed warm-up round that checks the output
 * (a 50-item main feed; for Dateline the number of feeds on disk, and what `--json` reports if the CLI
 * has it), then the timed rounds with the order rotating each round; the table gives the median wall time.
 * After the runs the incremental output must equal a clean build byte for byte.
 *
 * --runs N        timed rounds per size (default 5); 0 skips them (e.g. with --profile).
 * --runs-large N  timed rounds for sizes of 50,000 or more (default 2: a 100k round takes minutes).
 * Peak RSS is the child's maximum resident set size from `/usr/bin/time -f %M` (without /usr/bin/time,
 * process.resourceUsage().maxRSS reported at exit by Node children; n/a for hugo).
 * Corpora are generated under os.tmpdir(), one record at a time (100k: 390 MB of records, ~1.1 GB on disk
 * with the Hugo copy), and each is deleted when its size is done unless --keep.
 * --profile runs one more build on the largest size under `node --cpu-prof` (default scenario:
 * `dateline all`; --profile-scenario to choose) and prints the functions with the most self time.
 * --dateline PATH runs another checkout's bin/dateline.js (e.g. a `git archive` of the last commit, with
 * this node_modules linked in), to compare before and after on the same corpora.
 * Exits 1 when any build or check failed (the table says which), 2 on bad options.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';
import { summarise } from './_profile.js';
import { BenchFailure, measure, median, ROOT, TIME, type Sample } from './_runner.js';
import { DATELINE, datelineBuildOptions, SCENARIO_NAMES, scenarios, type Scenario } from './_scenarios.js';

/** Sizes from which --runs-large applies. */
const LARGE = 50_000;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '5' },
    'runs-large': { type: 'string', default: '2' },
    seed: { type: 'string', default: '5' },
    only: { type: 'string', default: SCENARIO_NAMES.join(',') },
    profile: { type: 'boolean', default: false },
    'profile-scenario': { type: 'string', default: 'dateline all' },
    keep: { type: 'boolean', default: false },
    dateline: { type: 'string', default: DATELINE },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const runsLarge = Number(values['runs-large']);
const seed = Number(values.seed);
const dateline = resolve(values.dateline);
const only = new Set(values.only.split(',').map((s) => s.trim()).filter((s) => s !== ''));
const usageError = (msg: string): never => {
  console.error(msg);
  process.exit(2);
};
for (const name of [...only, values['profile-scenario']]) {
  if (!SCENARIO_NAMES.includes(name)) usageError(`Unknown scenario "${name}". Scenarios: ${SCENARIO_NAMES.join(', ')}`);
}
if (sizes.some((n) => !Number.isInteger(n) || n < 50)) usageError('--sizes takes whole numbers of 50 or more (the main feed has 50 items).');
if (![runs, runsLarge, seed].every((x) => Number.isInteger(x) && x >= 0)) usageError('--runs, --runs-large and --seed take whole numbers.');
if (values.profile && values['profile-scenario'].startsWith('hugo')) usageError('--profile-scenario: hugo is not a Node process.');

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
const pkgVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const hugoRun = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hugo = hugoRun.status === 0 ? hugoRun.stdout.trim() : undefined;

// Which `dateline build` options exist today: a scenario needing a missing one fails with a clear message.
const wantsDateline = [...only].some((s) => s.startsWith('dateline')) || values.profile;
const buildOptions = wantsDateline ? datelineBuildOptions(dateline) : new Set<string>();
const jsonSupported = buildOptions?.has('--json') ?? false;
const missing = (s: Scenario): string | undefined => {
  if (s.needs.length === 0) return undefined;
  if (buildOptions === undefined) return `${s.name}: \`node ${dateline.replace(`${ROOT}/`, '')} build --help\` failed, so Dateline cannot run`;
  const absent = s.needs.filter((o) => !buildOptions.has(o));
  return absent.length === 0 ? undefined : `${s.name}: \`dateline build\` has no ${absent.join(', ')} option${absent.length > 1 ? 's' : ''} yet (not in \`dateline build --help\`)`;
};

console.log(`node ${process.version}; dateline ${pkgVersion('..')}${dateline === DATELINE ? '' : ` (${dateline})`}; feed ${pkgVersion('feed')}, gray-matter ${pkgVersion('gray-matter')}, marked ${pkgVersion('marked')}; ${hugo ?? 'hugo: not installed, skipped'}`);
console.log(`peak RSS via ${TIME !== undefined ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (hugo: n/a)'}; ${runs} interleaved runs after 1 warm-up round (${runsLarge} from ${LARGE.toLocaleString('en')} articles); seed ${seed}`);

let current: string | undefined;
process.on('SIGINT', () => {
  if (current !== undefined && !values.keep) rmSync(current, { recursive: true, force: true });
  process.exit(130);
});

const rows: string[] = [];
const failures: string[] = [];
let profile: { dir: string; title: string } | undefined;
for (const n of sizes) {
  const nRuns = n >= LARGE ? runsLarge : runs;
  const corpus = mkdtempSync(join(tmpdir(), `dateline-bench-${n}-`));
  current = corpus;
  try {
    const g0 = performance.now();
    const { bytes } = generateCorpus(corpus, n, seed);
    log(`corpus ${n}: ${(bytes / 1048576).toFixed(1)} MiB of records in ${corpus} (${((performance.now() - g0) / 1000).toFixed(1)} s)`);
    const every = scenarios(corpus, dateline, jsonSupported, log);
    const chosen = every.filter((s) => only.has(s.name) && (!s.name.startsWith('hugo') || hugo !== undefined));
    const failed = new Map<string, string>();
    const fail = (s: Scenario, e: unknown): void => {
      if (!(e instanceof BenchFailure)) throw e;
      const msg = e.message.startsWith(s.name) ? e.message : `${s.name}: ${e.message}`;
      failed.set(s.name, msg);
      failures.push(`${n.toLocaleString('en')} articles, ${msg}`);
      log(`  FAILED ${msg}`);
    };
    const live = (): Scenario[] => chosen.filter((s) => !failed.has(s.name));
    for (const s of chosen) {
      const why = missing(s);
      if (why !== undefined) fail(s, new BenchFailure(why));
    }

    // Setup and warm-up (page cache, the CLI's bundle), checking what each scenario wrote.
    for (const s of live()) {
      try {
        s.setup?.();
        s.prepare();
        const json = jsonSupported && s.name.startsWith('dateline');
        s.check(measure(`${s.name} (warm-up)`, s.command(json)), json);
      } catch (e) {
        fail(s, e);
      }
      await tick();
    }

    const samples = new Map<string, Sample[]>(chosen.map((s) => [s.name, []]));
    for (let r = 0; r < nRuns; r++) {
      const ss = live();
      for (const s of ss.map((_, i) => ss[(i + r) % ss.length]!)) {
        if (failed.has(s.name)) continue;
        try {
          s.prepare();
          const x = measure(s.name, s.command(false));
          samples.get(s.name)!.push(x);
          log(`  ${n} ${s.name} run ${r + 1}: ${x.seconds.toFixed(2)} s, ${x.rssKiB !== undefined ? (x.rssKiB / 1024).toFixed(0) : '?'} MiB`);
        } catch (e) {
          fail(s, e);
        }
        await tick();
      }
    }
    for (const s of live()) {
      try {
        s.verify?.();
      } catch (e) {
        fail(s, e);
      }
    }

    const med = (name: string): number => median(samples.get(name)?.map((x) => x.seconds) ?? []);
    const ratio = (base: number, x: number): string => (Number.isFinite(base) && Number.isFinite(x) ? `${(base / x).toFixed(2)}×` : '');
    for (const s of nRuns > 0 ? chosen : []) {
      const label = `| ${n.toLocaleString('en')} | ${s.name} |`;
      if (failed.has(s.name)) {
        rows.push(`${label} failed | | | | | | |`);
        continue;
      }
      const ss = samples.get(s.name)!;
      const secs = ss.map((x) => x.seconds);
      const rss = ss.map((x) => x.rssKiB).filter((x): x is number => x !== undefined);
      const m = median(secs);
      const all = med('dateline all');
      const pct = s.name.startsWith('dateline') && s.name !== 'dateline all' && Number.isFinite(all) ? `${((100 * m) / all).toFixed(1)}%` : '';
      rows.push(`${label} ${m.toFixed(2)} | ${Math.min(...secs).toFixed(2)}–${Math.max(...secs).toFixed(2)} | ${rss.length > 0 ? (Math.max(...rss) / 1024).toFixed(0) : 'n/a'} | ${ratio(med('naive'), m)} | ${ratio(med('hugo'), m)} | ${ratio(med('hugo all'), m)} | ${pct} |`);
    }

    if (values.profile && n === Math.max(...sizes)) {
      const s = every.find((x) => x.name === values['profile-scenario'])!;
      try {
        const why = missing(s);
        if (why !== undefined) throw new BenchFailure(why);
        s.setup?.();
        s.prepare();
        const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-cpuprof-'));
        const c = s.command(false);
        measure(`${s.name} (profile)`, { ...c, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...c.args] });
        profile = { dir, title: `Profile: \`node --cpu-prof ${c.args.join(' ').replaceAll(`${ROOT}/`, '')}\` (${s.name}), ${n.toLocaleString('en')} articles (${dir})` };
      } catch (e) {
        fail(s, e);
      }
    }
  } finally {
    if (values.keep) log(`kept ${corpus}`);
    else rmSync(corpus, { recursive: true, force: true });
    current = undefined;
  }
}

console.log('');
console.log('| articles | scenario | median s | min–max s | peak RSS MiB | naive ÷ this | hugo ÷ this | hugo all ÷ this | % of dateline all |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log('');
console.log('naive ÷ this, hugo ÷ this, hugo all ÷ this: the baseline\'s median over this row\'s (above 1 means faster than the baseline; '
  + 'hugo is the home RSS alone, hugo all the feeds of dateline.all.json). '
  + '% of dateline all: this row\'s median as a share of the all-feeds clean build of the same size.');
if (profile !== undefined) {
  console.log('');
  console.log(profile.title);
  for (const f of readdirSync(profile.dir).filter((x) => x.endsWith('.cpuprofile'))) summarise(join(profile.dir, f));
  if (!values.keep) rmSync(profile.dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log('');
  console.log(`FAILED (${failures.length}):`);
  for (const f of failures) console.log(`- ${f.replaceAll('\n', '\n  ')}`);
  process.exitCode = 1;
}
