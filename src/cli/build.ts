/**
 * `dateline build`: runs the pipeline, prints what it did (or, with --json, one JSON object), notifies the
 * WebSub hub with --ping. Exit codes as in cli.ts.
 */
import { relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { grouped } from '../core/_numbers.js';
import type { GroupSummary } from '../core/feeds.js';
import { withRecordProblems } from './_despite.js';
import { DatelineError, diagnostic, Errors, failureReason, formatDiagnostic } from '../errors.js';
import { committedStages, interruptStages, stagesRenaming } from '../output/dist.js';
import type { OnWait } from '../locks.js';
import { realPath } from '../paths.js';
import { DEFAULT_CACHE_DIR, runBuild, type BuildReport, type Progress } from '../pipeline/build.js';
import type { Diagnostic, SiteConfig } from '../types.js';
import { changedFeedUrls } from '../websub/changed.js';
import { addPending, readPending, settlePending } from '../websub/pending.js';
import { describePing, hubUnavailable, pingHub } from '../websub/ping.js';
import { countDiagnostics, errorExit, parseCommand, plural, report, usageError, type CliIO } from './_report.js';
import { progressLine, type ProgressLine } from './_progress.js';

/** Builds with more files than this print counts instead of one line per file. */
const LIST_LIMIT = 60;

/**
 * From this many record files, the process asks V8 to grow its heap by at most 30% of what a full
 * collection leaves live (by default it lets the heap nearly double first). Measured on the 100k bench
 * corpus with all feeds: peak RSS 1,537 MiB → 1,255 MiB at 50%, at the same time (29 s). A first build
 * with the cache, which keeps every record for the next one, peaked at 1,495 MiB at 50% and 1,375 MiB at
 * 30% (26.5 → 27.3 s; 20% gave 1,306 MiB in 29.2 s). At 10k it would cost a tenth of the time for memory
 * nobody misses, so smaller builds keep V8's default. V8 reads the flag at every collection, so setting
 * it once reading has begun takes effect; it is the CLI's to set, since it owns the process (the library
 * never changes V8's flags).
 */
const LARGE_BUILD = 50_000;
const LARGE_BUILD_HEAP_GROWTH = '--heap-growing-percent=30';
let tunedForLargeBuild = false;

/**
 * A build with the cache keeps V8's young generation at its first size (1 MB a semi-space) while it
 * reads the cache and stats the records, and, when it reads few records (a build after a few edits),
 * to its end. By default V8 doubled the young generation after each scavenge that most of it survived:
 * the cache's index, read into it, grew it to 16 MB a semi-space, and on these machines each page a
 * process touches first costs it about 17 µs (a fault), 100 ms of a 10k build after an edit (bench/RESULTS.md).
 * A build that reads more records than this lets it grow again (V8's default): its garbage is a full
 * build's, whose scavenges a small young generation would multiply. V8 reads the factor at each growth.
 */
const READS_TO_GROW = 1000;
const YOUNG_FIXED = '--semi-space-growth-factor=1';
const YOUNG_DEFAULT = '--semi-space-growth-factor=2';
let youngFixed = false;

/** At the start of a build with the cache (see above). */
export function tuneForCache(): void {
  if (youngFixed) return;
  youngFixed = true;
  setFlagsFromString(YOUNG_FIXED);
}

/** Once the records are stat'ed: many to read, and the young generation grows as V8 would have it. */
export function tuneForReading(files: number): void {
  if (!youngFixed || files <= READS_TO_GROW) return;
  youngFixed = false;
  setFlagsFromString(YOUNG_DEFAULT);
}

export function tuneForSize(p: Progress): void {
  if (tunedForLargeBuild || p.phase !== 'read' || p.total < LARGE_BUILD) return;
  tunedForLargeBuild = true;
  setFlagsFromString(LARGE_BUILD_HEAP_GROWTH);
}

/**
 * V8's default again, once the command is done (cli.ts). The launcher (bin/dateline.js) makes its code
 * cache after the command, and V8 refuses a cache made under other flags: after a large build every
 * later start compiled the whole bundle again (about 70 ms) and wrote a new cache that was refused too.
 */
export function untuneForSize(): void {
  if (youngFixed) {
    youngFixed = false;
    setFlagsFromString(YOUNG_DEFAULT);
  }
  if (!tunedForLargeBuild) return;
  tunedForLargeBuild = false;
  setFlagsFromString('--heap-growing-percent=0');
}

export async function buildCommand(args: string[], io: CliIO, usage: string): Promise<number> {
  const parsed = parseCommand(io, usage, {
    args,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      ping: { type: 'boolean' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'allow-empty': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values as BuildValues;
  if (v.cache !== undefined && v['no-cache'] === true) {
    return usageError(io, usage, '--cache and --no-cache cannot be used together.', v.json === true);
  }
  const quiet = v.quiet === true || v.json === true;
  const progress = io.progress === true && !quiet ? progressLine(io.stderr, undefined, io.columns) : undefined;
  const interrupt = io.signals === true ? stopOnSignals(io, progress, v.json === true) : undefined;
  try {
    const code = await buildAndReport(v, io, progress, () => interrupt?.code);
    // Stopped once its files were in place: the build finished (its report printed) and says so.
    return interrupt?.code ?? code;
  } finally {
    interrupt?.dispose();
  }
}

type BuildValues = { config?: string; out?: string; ping?: boolean; cache?: string; 'no-cache'?: boolean; 'allow-empty'?: boolean; quiet?: boolean; json?: boolean };

/** `interrupted`: the exit code of a signal received, when one was (no --ping then). */
async function buildAndReport(v: BuildValues, io: CliIO, progress: ProgressLine | undefined, interrupted: () => number | undefined): Promise<number> {
  const quiet = v.quiet === true || v.json === true;
  const started = performance.now();
  let r: BuildReport;
  if (v['no-cache'] !== true) tuneForCache();
  try {
    r = await runBuild({
      cwd: io.cwd,
      ...(v.config === undefined ? {} : { configFile: v.config }),
      ...(v.out === undefined ? {} : { outDir: v.out }),
      cacheDir: v['no-cache'] === true ? false : (v.cache ?? DEFAULT_CACHE_DIR),
      ...(v['allow-empty'] === true ? { allowEmpty: true } : {}),
      // (Said with --quiet too: a build that waits without a word looks hung.)
      onWait: waiting(io),
      // Before its files are in place (a second signal, or a kill, after that loses nothing): see below.
      rememberPings: v.ping === true ? 'always' : 'published',
      onProgress: (p) => {
        tuneForSize(p);
        progress?.update(p);
      },
      onReading: tuneForReading,
    });
  } catch (e) {
    progress?.done();
    // Stopped by a signal while staging: the signal's handler says so, and exits.
    if (e instanceof DatelineError && interrupted() !== undefined && e.diagnostics.every((d) => d.code === Errors.Interrupted.code)) return interrupted() ?? 1;
    if (e instanceof DatelineError) {
      const { diagnostics, note, setAside, checked } = await withRecordProblems(e.diagnostics, v.config, io.cwd);
      report(io, diagnostics, false);
      if (note !== undefined && v.quiet !== true) io.stderr(`${note}\n`);
      countDiagnostics(io, diagnostics);
      if (v.json === true) {
        // The keys a build's summary starts with, as far as they are known (QA: no durationMs), then why it stopped.
        const known = { ok: false, durationMs: Math.round(performance.now() - started), ...(checked === undefined ? {} : { records: { files: checked } }) };
        io.stdout(`${JSON.stringify({ ...known, diagnostics, ...(setAside === undefined ? {} : { setAside }) })}\n`);
      }
      // (As after the records' errors: QA found it missing after the configuration's. E_WRITE_FAILED says
      // the previous output is untouched itself.)
      if ((v.quiet !== true || v.json === true) && !diagnostics.some((d) => d.code === Errors.WriteFailed.code)) io.stderr('Nothing was written.\n');
      return errorExit(diagnostics);
    }
    throw e;
  }
  progress?.done();
  const ms = Math.round(performance.now() - started);
  // The count waits for the pings on success: a ping that could not be remembered is a warning too.
  const errors = report(io, r.diagnostics, false);
  if (errors > 0) countDiagnostics(io, r.diagnostics);
  if (v.json === true && errors > 0) io.stdout(`${JSON.stringify(summary(r, ms))}\n`);
  if (errors > 0) {
    if (!quiet || v.json === true) io.stderr('Nothing was written.\n');
    return errorExit(r.diagnostics);
  }
  if (!quiet) printReport(io, r, ms);
  let pinged: PingSummary | undefined;
  const cacheDir = v['no-cache'] === true ? undefined : resolve(io.cwd, v.cache ?? DEFAULT_CACHE_DIR);
  // Feeds changed and the hub not told now (no --ping, a `serve --watch` rebuild, or stopped by a signal
  // once the files were in place): the next --ping tells it, which would otherwise find nothing changed,
  // and the hub would never hear of these. Without --ping, only for a build of the configured output
  // directory: a preview elsewhere (`--out preview`) "changes" every feed it writes there, and none is
  // published (review: the next build --ping then pinged every feed of the site).
  // (By real path, as the build resolves its output: `--out pub`, a link to dist, builds dist.)
  const published = (): boolean => v.out === undefined || realPath(resolve(io.cwd, v.out)) === realPath(resolve(io.cwd, r.config?.outDir ?? v.out));
  if (r.config?.hub !== undefined && ((v.ping !== true && published()) || (v.ping === true && interrupted() !== undefined))) {
    const changed = changedFeedUrls(r.config.feedBaseUrl, r.written);
    if (changed.length > 0) await remember(io, r.config.hub, changed, cacheDir, v.ping === true ? 'signal' : quiet ? 'quiet' : 'no-ping', r);
  }
  if (v.ping === true && r.config !== undefined && interrupted() === undefined) {
    // Every feed this build has (pending pings for feeds that are gone, or under an old base URL, are dropped).
    const feeds = changedFeedUrls(r.config.feedBaseUrl, r.written.map((w) => ({ ...w, changed: true })));
    pinged = await ping(io, r.config.hub, changedFeedUrls(r.config.feedBaseUrl, r.written), feeds, quiet, cacheDir, r.diagnostics);
  }
  countDiagnostics(io, r.diagnostics);
  // (After the pings, so that a pipeline sees whether the hub was told.)
  if (v.json === true) io.stdout(`${JSON.stringify({ ...summary(r, ms), ...(pinged === undefined ? {} : { ping: pinged }) })}\n`);
  return 0;
}

/**
 * SIGINT (Ctrl-C), SIGTERM or SIGHUP (a closed terminal) during a build. While files are staged, the
 * stage is stopped (its temporary files removed) and the process exits with 128 + the signal's number,
 * the output directory as it was;
 * so it does while records are read (nothing written yet). Once the files are being put in place, or are,
 * the build finishes (renames take moments, and stopping midway would pair new feeds with the old
 * manifest; the cache is saved), skips --ping (remembering the feeds it changed for the next one), and
 * exits with the signal's code. A second signal exits at once.
 */
function stopOnSignals(io: CliIO, progress: ProgressLine | undefined, json: boolean): { dispose: () => void; code: number | undefined } {
  const state: { dispose: () => void; code: number | undefined } = { dispose: () => undefined, code: undefined };
  const before = committedStages();
  /**
   * Said on a line of its own: the progress line erased (QA: it stayed on the screen above the message), or,
   * on a terminal without one, after the `^C` it echoed; in a log, as a line like any other.
   */
  const say = (text: string): void => {
    const shown = progress?.done() === true;
    io.stderr(`${!shown && io.progress === true ? '\n' : ''}${text}\n`);
  };
  /** For a pipeline reading --json: one object however the build ends (QA: stdout was empty). */
  const stopped = (signal: NodeJS.Signals): void => {
    if (json) io.stdout(`${JSON.stringify({ ok: false, interrupted: signal, diagnostics: [] })}\n`);
  };
  const on = (signal: NodeJS.Signals): void => {
    const code = signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143;
    if (state.code !== undefined) {
      // What the output directory holds, said as it is (review: "a part of the new files" when none was in place).
      const held = stagesRenaming()
        ? 'the output directory may hold a part of the new files, which the next build puts right'
        : committedStages() > before
          ? 'the new files are in place (files the build had still to remove, and its cache, may be left as they were, which the next build puts right)'
          : "none of the new files was put in place (a staging directory left behind is removed by the next build)";
      say(`${signal}: stopped at once; ${held}.`);
      stopped(signal);
      process.exit(code);
    }
    state.code = code;
    void interruptStages().then((stage) => {
      const found = stage === 'idle' && committedStages() > before ? 'written' : stage;
      if (found === 'renaming' || found === 'written') {
        const where = found === 'renaming' ? 'being put in place' : 'in place';
        say(`${signal}: the new files are ${where}; finishing the build, then stopping (again to stop at once).`);
        return;
      }
      say(`${signal}: build stopped; nothing was written (the output directory is as it was).`);
      stopped(signal);
      process.exit(code);
    });
  };
  // (SIGHUP: the terminal closed under a build. Review: it left the stage's temporary files.)
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, on);
  state.dispose = () => {
    for (const s of signals) process.off(s, on);
  };
  return state;
}

const FAMILY = { section: ['Sections', 'sections'], tag: ['Tags', 'tags'], author: ['Authors', 'authors'] } as const;

/**
 * For each family of feeds whose limits left names without a feed: `Tags: 40 of 1,234 names have feeds
 * (1,180 have fewer than 3 stories, "minArticles"; 14 are beyond "max": 40).`
 */
export function leftOut(groups: readonly GroupSummary[], config: SiteConfig | undefined): string[] {
  const n = grouped;
  const out: string[] = [];
  for (const g of groups) {
    if (g.belowMinimum + g.beyondMax === 0) continue;
    const [title, key] = FAMILY[g.kind];
    const settings = config?.feeds[key];
    const why: string[] = [];
    if (g.belowMinimum > 0) why.push(`${n(g.belowMinimum)} ${g.belowMinimum === 1 ? 'has' : 'have'} fewer than ${plural(settings?.minArticles ?? 0, 'story')}, "minArticles"`);
    if (g.beyondMax > 0) why.push(`${n(g.beyondMax)} ${g.beyondMax === 1 ? 'is' : 'are'} beyond "max": ${n(settings?.max ?? g.feeds)}`);
    out.push(`${title}: ${n(g.feeds)} of ${plural(g.names, 'name')} ${g.feeds === 1 ? 'has a feed' : 'have feeds'} (${why.join('; ')}).`);
  }
  return out;
}

/**
 * What a build did. On a terminal (stdout's), a few lines (and each file, for a small site); piped or in
 * CI, where a log collects a line for every build, one line.
 */
function printReport(io: CliIO, r: BuildReport, ms: number): void {
  const n = grouped;
  const fromCache = r.records.files - r.records.read;
  // (A caller of `main` that sets only `progress`, as before `terminal` was, gets the report it got.)
  if ((io.terminal ?? io.progress) !== true) {
    const same = r.written.filter((w) => !w.changed).length;
    const feeds = r.feeds.total > 1 ? `${n(r.feeds.total)} feeds (${n(r.feeds.documents)} documents, ${n(r.feeds.rendered)} rendered)` : `the main feed`;
    const records = `${plural(r.records.files, 'record')} (${n(r.records.published)} published, ${plural(r.records.drafts, 'draft')}${fromCache > 0 ? `, ${n(fromCache)} not read again` : ''})`;
    const files = `${plural(r.written.length - same, 'file')} written to ${r.outDir.replace(/\/+$/, '')}/${same > 0 ? `, ${n(same)} unchanged` : ''}${r.removed.length > 0 ? `, ${n(r.removed.length)} removed` : ''}`;
    // (What the limits left without a feed, in short: `check`, --json and a terminal say why.)
    const left = r.feeds.groups.filter((g) => g.belowMinimum + g.beyondMax > 0).map((g) => `${n(g.belowMinimum + g.beyondMax)} of ${n(g.names)} ${g.names === 1 ? g.kind : FAMILY[g.kind][1]}`);
    const limits = left.length === 0 ? '' : `; the limits left ${left.join(', ')} without a feed`;
    io.stdout(`Built ${feeds} from ${records} in ${(ms / 1000).toFixed(2)} s: ${files}${limits}.\n`);
    return;
  }
  io.stdout(`Read ${plural(r.records.files, 'record')} from ${r.config?.articlesDir ?? ''}/: ${n(r.records.published)} published, ${plural(r.records.drafts, 'draft')}${
    fromCache > 0 ? `; ${n(fromCache)} unchanged since the last build (not read again)` : ''}.\n`);
  // (For the main feed alone too, in short: it is where the time is said. QA.)
  io.stdout(r.feeds.total > 1
    ? `Feeds: ${n(r.feeds.total)} (${n(r.feeds.documents)} documents), ${n(r.feeds.rendered)} rendered, ${n(r.feeds.reused)} kept from the last build; ${(ms / 1000).toFixed(2)} s.\n`
    : `Feeds: the main feed (${n(r.feeds.documents)} documents); ${(ms / 1000).toFixed(2)} s.\n`);
  for (const line of leftOut(r.feeds.groups, r.config)) io.stdout(`${line}\n`);
  if (r.written.length <= LIST_LIMIT) {
    const feedFiles = new Set(r.written.filter((w) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(w.name) && !w.name.includes('/')).map((w) => w.name));
    for (const w of r.written) {
      const what = feedFiles.has(w.name) ? `${plural(r.mainItems, 'item')}, ${w.bytes} bytes` : `${w.bytes} bytes`;
      io.stdout(`  ${r.outDir}/${w.name}  ${what}${w.changed ? '' : ' (unchanged)'}\n`);
    }
  }
  if (r.removed.length > 0) io.stdout(`Removed ${plural(r.removed.length, 'file')} an earlier build wrote and this one no longer makes.\n`);
  // Rendered is not written: a feed rendered again to the same bytes is left as it is on disk.
  const same = r.written.filter((w) => !w.changed).length;
  io.stdout(`Wrote ${plural(r.written.length - same, 'file')} to ${r.outDir.replace(/\/+$/, '')}/${same > 0 ? ` (${n(same)} already held the same bytes)` : ''}.\n`);
}

/** The machine-readable summary of `--json`. */
function summary(r: BuildReport, ms: number): Record<string, unknown> {
  return {
    ok: r.ok && !r.diagnostics.some((d) => d.severity === 'error'),
    outDir: r.outDir,
    durationMs: ms,
    records: r.records,
    feeds: r.feeds,
    files: { total: r.written.length, written: r.written.filter((w) => w.changed).length, unchanged: r.written.filter((w) => !w.changed).length, removed: r.removed.length },
    mainFeedItems: r.mainItems,
    cache: {
      ...(r.cacheIgnored === undefined ? { used: true, plansReused: r.plansReused, replanned: r.replanned } : { used: false, reason: r.cacheIgnored }),
      ...(r.cacheNotSaved === undefined ? {} : { saved: false, saveError: r.cacheNotSaved }),
    },
    diagnostics: r.diagnostics,
  };
}

/** What `--json` says of `--ping`: the hub, how many pings were sent and accepted, and each failure. */
interface PingSummary {
  hub?: string;
  sent: number;
  accepted: number;
  failed: { url: string; status?: number; error?: string; again: boolean }[];
}

/** What a build says while another holds a directory it needs (the output, the cache: its pings too). */
const waiting = (io: CliIO): OnWait => ({ pid, host }, dir) => {
  const shown = relative(io.cwd, dir) || '.';
  const who = host === undefined ? `process ${pid}` : `process ${pid} on ${host}; its lock is taken over a minute after it stops touching it`;
  io.stderr(`Waiting for another build (${who}) to finish with ${shown}; if none is running, delete ${shown}/.dateline-lock\n`);
};

/**
 * The feeds that changed, when the hub is not told now, are pinged by the next --ping (with those still
 * pending): after a signal (`signal`, said on stderr), or a build without --ping (said with the report,
 * unless `quiet`; a failure to remember them is always said, and added to `diagnostics`, which `--json` gives).
 */
async function remember(io: CliIO, hub: string, changed: readonly string[], cacheDir: string | undefined, why: 'signal' | 'no-ping' | 'quiet', r: BuildReport): Promise<void> {
  const n = plural(changed.length, 'ping');
  const what = why === 'signal' ? '--ping: stopped before the hub was told' : `The hub was not told of ${plural(changed.length, 'changed feed')} (no --ping)`;
  if (cacheDir === undefined) {
    if (why !== 'quiet') (why === 'signal' ? io.stderr : io.stdout)(`${what} (${why === 'signal' ? `${n} not sent; ` : ''}without the cache nothing remembers them).\n`);
    return;
  }
  // The build remembered them before it put its files in place (`rememberPings`: a second signal or a
  // kill after that loses none); had it not, they are remembered now.
  const error = r.remembered !== undefined ? r.remembered.error : await addPending(cacheDir, hub, changed, waiting(io)).then(() => undefined, failureReason);
  if (error === undefined) {
    if (why === 'signal') io.stderr(`${what}; the next build --ping sends ${n}\n`);
    else if (why === 'no-ping') io.stdout(`${what}: the next build --ping sends ${changed.length === 1 ? 'its ping' : 'their pings'}.\n`);
    return;
  }
  const d = diagnostic(Errors.PingsNotRemembered, { file: relative(io.cwd, cacheDir) || '.' }, error);
  r.diagnostics.push(d);
  io.stderr(`${what}.\n${formatDiagnostic(d)}\n`);
}

/** Successes listed one a line up to this many; past it, one line says how many. */
const PING_LIST_LIMIT = 10;

/** WebSub publish pings for the feeds whose bytes changed; failures are reported, never fatal (a failure to remember them goes to `diagnostics` too). */
async function ping(io: CliIO, hub: string | undefined, changed: string[], feeds: readonly string[], quiet: boolean, cacheDir: string | undefined, diagnostics: Diagnostic[]): Promise<PingSummary> {
  if (hub === undefined) {
    io.stderr('--ping: there is no "hub" in the configuration, so there is nothing to notify.\n');
    return { sent: 0, accepted: 0, failed: [] };
  }
  // Pings that failed last time (websub/pending.ts) go again, with the feeds that changed now.
  const now = new Set(changed);
  const exists = new Set(feeds);
  const read = cacheDir === undefined ? new Map<string, string>() : readPending(cacheDir, hub);
  const pending = [...read.keys()].filter((u) => !now.has(u) && exists.has(u));
  if (pending.length > 0 && !quiet) io.stdout(`Sending ${plural(pending.length, 'ping')} an earlier build did not send.\n`);
  const urls = [...changed, ...pending];
  const summary: PingSummary = { hub, sent: urls.length, accepted: 0, failed: [] };
  if (urls.length === 0) {
    if (!quiet) io.stdout('No feed changed; the hub was not notified.\n');
    return summary;
  }
  const failed: string[] = [];
  const results = await pingHub({ hub, urls });
  // (Those not begun once the hub failed are not sent: QA counted 18 sent of which 10 never were.)
  summary.sent = results.filter((x) => x.attempts > 0).length;
  const accepted = results.filter((x) => x.ok);
  summary.accepted = accepted.length;
  for (const result of results) {
    if (!result.ok) {
      // Kept for the next --ping when the hub could not be reached or was unavailable (no answer, 429,
      // 5xx); a hub that refused the request (another 4xx) would refuse it again.
      const again = hubUnavailable(result);
      if (again) failed.push(result.url);
      summary.failed.push({ url: result.url, ...(result.status === undefined ? {} : { status: result.status }), ...(result.error === undefined ? {} : { error: result.error }), again: again && cacheDir !== undefined });
      io.stderr(`  ${describePing(result)}\n`);
    } else if (!quiet && accepted.length <= PING_LIST_LIMIT) io.stdout(`  ${describePing(result)}\n`);
  }
  if (!quiet && accepted.length > PING_LIST_LIMIT) io.stdout(`  ${hub} accepted ${plural(accepted.length, 'ping')}${results.length > accepted.length ? ` of ${results.length}` : ''}.\n`);
  if (cacheDir === undefined) {
    if (failed.length > 0) io.stderr(`  (without the cache nothing remembers them: the next build --ping sends only what changes then)\n`);
    return summary;
  }
  try {
    // What was read and is dealt with: sent (again, if it failed), or for a feed the site no longer has.
    const done = new Set([...urls, ...[...read.keys()].filter((u) => !exists.has(u))]);
    await settlePending(cacheDir, hub, read, done, failed, waiting(io));
    if (failed.length > 0) io.stderr(`  (the next build --ping sends ${failed.length === 1 ? 'it' : 'them'} again)\n`);
  } catch (e) {
    for (const f of summary.failed) f.again = false;
    if (failed.length > 0) {
      const d = diagnostic(Errors.PingsNotRemembered, { file: relative(io.cwd, cacheDir) || '.' }, failureReason(e));
      diagnostics.push(d);
      io.stderr(`  ${formatDiagnostic(d)}\n`);
    }
  }
  return summary;
}
