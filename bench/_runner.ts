/**
 * Process plumbing for bench/build.ts: run one command as a child process and measure its wall time and
 * peak RSS, plus the small helpers the scenarios share (stats, output checks, tree comparison).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Without /usr/bin/time, a Node child reports its own peak RSS at exit. */
const RSS_HOOK = "--import=data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'))";

export interface Command {
  /** 'node' runs process.execPath. */
  exe: string;
  args: string[];
  cwd: string;
}

export interface Sample { seconds: number; rssKiB: number | undefined; stdout: string }

/** A failed build, or a failed check of what it wrote: the bench reports it and exits non-zero. */
export class BenchFailure extends Error {}

export function measure(label: string, c: Command): Sample {
  const node = c.exe === 'node';
  const exe = node ? process.execPath : c.exe;
  const args = node && TIME === undefined ? [RSS_HOOK, ...c.args] : c.args;
  const [cmd, argv] = TIME !== undefined ? [TIME, ['-f', 'MAXRSS_KB %M', exe, ...args]] : [exe, args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd: c.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (r.error !== undefined) throw new BenchFailure(`${label}: could not start ${exe}: ${r.error.message}`);
  if (r.status !== 0) {
    const shown = [c.exe, ...c.args].join(' ').replaceAll(`${ROOT}/`, '');
    const stderr = r.stderr.replace(/\n?MAXRSS_KB \d+\n?/, '\n').replace(/^Command (exited with non-zero status|terminated by signal) .*$/m, '').trim();
    throw new BenchFailure(`${label}: \`${shown}\` exited with ${r.status ?? r.signal} in ${c.cwd}\n${tail(stderr)}${r.stdout.trim() === '' ? '' : `\n(stdout) ${tail(r.stdout.trim())}`}`);
  }
  const m = /MAXRSS_KB (\d+)/.exec(r.stderr);
  return { seconds, rssKiB: m?.[1] !== undefined ? Number(m[1]) : undefined, stdout: r.stdout };
}

const tail = (s: string, lines = 25): string => s.split('\n').slice(-lines).join('\n');

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Fails unless the RSS file has exactly `want` items. */
export function checkItems(label: string, rssFile: string, want = 50): void {
  if (!existsSync(rssFile)) throw new BenchFailure(`${label}: ${rssFile} was not written`);
  const items = readFileSync(rssFile, 'utf8').split('<item>').length - 1;
  if (items !== want) throw new BenchFailure(`${label}: expected ${want} items in ${rssFile}, found ${items}`);
}

/** Every file under dir, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** Feeds on disk: the directories holding an rss.xml, atom.xml or feed.json. */
export function feedsOnDisk(dir: string): number {
  const dirs = new Set<string>();
  for (const f of listFiles(dir)) {
    const m = /^(?:(.*)\/)?(rss\.xml|atom\.xml|feed\.json)$/.exec(f);
    if (m !== null) dirs.add(m[1] ?? '');
  }
  return dirs.size;
}

/**
 * The number of feeds a `dateline build --json` summary reports, when it can be found: the shape is not
 * fixed, so this takes a `feeds` field that is a number, an array, or an object with a numeric
 * total/count, at any depth.
 */
export function feedsInJson(stdout: string): { parsed: boolean; feeds?: number; keys?: string[] } {
  let v: unknown;
  try {
    v = JSON.parse(stdout.trim());
  } catch {
    return { parsed: false };
  }
  const find = (o: unknown): number | undefined => {
    if (o === null || typeof o !== 'object') return undefined;
    for (const [k, x] of Object.entries(o)) {
      if (/^feeds?(count|total)?$/i.test(k)) {
        if (typeof x === 'number') return x;
        if (Array.isArray(x)) return x.length;
        if (x !== null && typeof x === 'object') {
          const t = (x as Record<string, unknown>)['total'] ?? (x as Record<string, unknown>)['count'];
          if (typeof t === 'number') return t;
        }
      }
    }
    for (const x of Object.values(o)) {
      const n = find(x);
      if (n !== undefined) return n;
    }
    return undefined;
  };
  const feeds = find(v);
  return feeds === undefined ? { parsed: true, keys: v !== null && typeof v === 'object' ? Object.keys(v) : [] } : { parsed: true, feeds };
}

/** Byte-for-byte comparison of two trees: the differences, at most `limit` of them (empty when equal). */
export function compareTrees(a: string, b: string, limit = 20): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const inB = new Set(fb);
  const inA = new Set(fa);
  const out: string[] = [];
  for (const f of fa) if (!inB.has(f)) out.push(`only in ${a}: ${f}`);
  for (const f of fb) if (!inA.has(f)) out.push(`only in ${b}: ${f}`);
  for (const f of fa) {
    if (!inB.has(f)) continue;
    const x = readFileSync(join(a, f));
    const y = readFileSync(join(b, f));
    if (!x.equals(y)) {
      let i = 0;
      while (i < x.length && i < y.length && x[i] === y[i]) i++;
      out.push(`differs: ${f} (${x.length} vs ${y.length} bytes, first difference at byte ${i})`);
    }
  }
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out;
}
