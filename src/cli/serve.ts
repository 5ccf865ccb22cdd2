/**
 * `dateline serve`: serves the output directory with `serve/node.ts`, and with --watch rebuilds it when the
 * articles or the configuration change, by running the `build` command itself (so a rebuild is exactly a
 * build: validated, written atomically, nothing written on an error). Runs until SIGINT/SIGTERM, or until
 * the `until` promise a caller (a test) passes settles.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatelineError, failureReason } from '../errors.js';
import { MANIFEST_FILE } from '../hosting/index.js';
import { overlaps } from '../apart.js';
import { releaseLocksLeftBy } from '../locks.js';
import { DEFAULT_CACHE_DIR } from '../pipeline/build.js';
import { startServer, type Limits, type RunningServer } from '../serve/node.js';
import { DEFAULT_CONFIG_FILE, display, loadConfig } from '../sources/index.js';
import type { SiteConfig } from '../types.js';
import { internalError, parseCommand, report, type CliIO } from './_report.js';
import type { Rebuilder } from './_rebuild.js';
import { fingerprint, type Fingerprint, watchForChanges, type WatchDir } from './_watch.js';

export interface ServeHooks {
  /**
   * Runs `dateline build` with these arguments and this io, returning its exit code. cli.ts passes its own
   * `main`, which this module cannot import without a cycle.
   */
  build: (args: string[], io: CliIO) => Promise<number>;
  /** The command stops when this settles; by default, on SIGINT or SIGTERM. */
  until?: Promise<unknown>;
  /** Called with the server's base URL once it listens (tests use port 0). */
  ready?: (url: string) => void;
  /** How soon --watch looks after a file event, in ms (default 300); a change is built once it has been still for one interval. */
  pollMs?: number;
  /** How often --watch looks with no event (`_watch.ts`: by default ten times a look's cost, and at least `pollMs`). */
  idlePollMs?: number;
  /** False: --watch without file events, looking every `pollMs`. */
  fileEvents?: boolean;
  /** How --watch watches a directory (tests: one that fails as a system at its limit of watches does). */
  watchDir?: WatchDir;
  limits?: Partial<Limits>;
  /**
   * Runs the builds off the server's thread (cli.ts passes one when run from the bundle: _rebuild.ts), so
   * that requests are answered while a build renders; without it `build` runs them on this thread.
   */
  rebuilder?: Rebuilder;
}

/** Resolves on the first SIGINT or SIGTERM; `dispose` removes the listeners. */
function untilSignal(): { promise: Promise<void>; dispose: () => void } {
  let done: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    done = r;
  });
  const on = (): void => done();
  process.once('SIGINT', on);
  process.once('SIGTERM', on);
  return { promise, dispose: () => (process.off('SIGINT', on), process.off('SIGTERM', on), undefined) };
}

/** Runs the command; returns its exit code: 0 after a clean stop, 1 nothing to serve or no port, 2 usage, 70 our bug. */
export async function serveCommand(args: readonly string[], io: CliIO, usage: string, hooks: ServeHooks): Promise<number> {
  try {
    return await run(args, io, usage, hooks);
  } catch (e) {
    return internalError(io, e);
  }
}

async function run(args: readonly string[], io: CliIO, usage: string, hooks: ServeHooks): Promise<number> {
  const parsed = parseCommand(io, usage, {
    args: [...args],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      dir: { type: 'string' },
      config: { type: 'string' },
      watch: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const portText = values.port ?? '8080';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    io.stderr(`--port expects a port number from 0 to 65535, got "${portText}".\n\n${usage}`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  const watch = values.watch === true;
  const configArg = values.config ?? DEFAULT_CONFIG_FILE;

  // The configuration is needed for the output directory (unless --dir names it) and for what --watch watches.
  // With --dir and no --watch it is read only to keep the articles from being served, if it can be.
  let config: SiteConfig | undefined;
  try {
    config = await loadConfig(configArg, io.cwd, { apart: false });
  } catch (e) {
    if (!(e instanceof DatelineError)) throw e;
    if (values.dir === undefined || watch) {
      report(io, e.diagnostics);
      return 1;
    }
  }
  const dirArg = values.dir ?? config?.outDir ?? 'dist';
  const root = resolve(io.cwd, dirArg);
  const dirShown = display(root, io.cwd);
  // The records, drafts included, are never served: a directory that holds them is refused.
  const articles = config === undefined ? undefined : resolve(io.cwd, config.articlesDir);
  if (articles !== undefined && overlaps(articles, root)) {
    io.stderr(`--dir: "${dirArg}" holds the articles directory "${config?.articlesDir}": the records (drafts too) would be served; serve the output directory ("${config?.outDir}").\n`);
    return 1;
  }

  // (--out only when --dir names another directory: a build's own outDir is named by its key and line, review.)
  const buildArgs = ['--config', configArg, ...(values.dir === undefined ? [] : ['--out', dirArg])];
  /** One rebuild: one line on stdout; on failure the build's diagnostics on stderr, and the old files stay served. */
  const rebuild = async (first = false): Promise<void> => {
    let out = '';
    let err = '';
    let code: number;
    try {
      if (hooks.rebuilder !== undefined) {
        const outcome = await hooks.rebuilder.build(buildArgs, io.cwd);
        ({ code, out, err } = outcome);
        // (Its locks name this process: the next build would wait for them for ever. Review.)
        // (The output directory the configuration names now, too: `outDir` edited under --watch. Review.)
        if (outcome.lost === true) releaseLocksLeftBy([root, resolve(io.cwd, DEFAULT_CACHE_DIR), ...(values.dir === undefined ? await outDirNow(configArg, io.cwd) : [])]);
      } else code = await hooks.build(buildArgs, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: io.cwd });
    } catch (e) {
      code = 70;
      err += `${(e as Error).stack ?? String(e)}\n`;
    }
    // The build names its output option --out; the person ran serve, whose option is --dir.
    if (err !== '') io.stderr(values.dir === undefined ? err : err.replace(/^--out: /gm, '--dir: '));
    if (code === 0) {
      // The build's summary line ("Built 44 feeds … written to dist/."; its io is no terminal), and what it
      // says of the hub after it, if anything.
      const lines = out.trimEnd().split('\n');
      const built = lines.find((l) => l.startsWith('Built '));
      const summary = built === undefined ? `${first ? 'Built' : 'Rebuilt'}: ${lines[lines.length - 1] ?? ''}` : `${first ? 'Built' : 'Rebuilt'} ${built.slice('Built '.length)}`;
      const hub = lines.find((l) => l.startsWith('The hub was not told'));
      io.stdout(`${summary}\n${hub === undefined ? '' : `${hub}\n`}`);
    } else io.stdout(`${first ? 'Build' : 'Rebuild'} failed (exit ${code}); ${first ? 'serving what is there' : 'still serving the previous files'}.\n`);
  };

  let watcher: { stop: () => Promise<void> } | undefined;
  let server: RunningServer | undefined;
  const signal = hooks.until === undefined ? untilSignal() : undefined;
  try {
    let last: Fingerprint | undefined;
    const articlesDir = resolve(io.cwd, config?.articlesDir ?? 'articles');
    const configFile = resolve(io.cwd, configArg);
    if (watch) {
      // Fingerprint first, so a change made during the first build is built too.
      last = await fingerprint(articlesDir, configFile);
      await rebuild(true);
    }
    const s = await stat(root).catch(() => undefined);
    if (s === undefined || !s.isDirectory()) {
      io.stderr(watch
        ? `Nothing to serve: ${dirShown}/ is not a directory, and the build did not make it.\n`
        : `Nothing to serve: ${dirShown}/ is not a directory. Run "dateline build" first, or serve with --watch.\n`);
      return 1;
    }
    if (!watch && (await stat(join(root, MANIFEST_FILE)).catch(() => undefined)) === undefined) {
      io.stderr(`Note: ${dirShown}/ has no ${MANIFEST_FILE}, so it is not a Dateline build: its files are served as they are, without the manifest's ETags and headers.\n`);
    }
    try {
      // A request the server could not answer (500) is a fault of Dateline's own: said, with its stack; serving goes on.
      const onError = (e: unknown, r: { method: string; target: string }): void =>
        io.stderr(`Internal error in Dateline answering ${r.method} ${r.target} with 500 (please report it):\n${(e as Error | undefined)?.stack ?? String(e)}\n`);
      server = await startServer({ root, host, port, onError, ...(hooks.limits !== undefined ? { limits: hooks.limits } : {}) });
    } catch (e) {
      const code = failureReason(e);
      io.stderr(`Cannot listen on ${host}:${port} (${code}).${code === 'EADDRINUSE' ? ' Choose another --port.' : ''}\n`);
      return 1;
    }
    const watching = watch ? `; rebuilding on changes to ${display(articlesDir, io.cwd)}/ and ${display(configFile, io.cwd)}` : '';
    io.stdout(`Serving ${dirShown}/ at ${server.url}${watching}. Press Ctrl-C to stop.\n`);
    hooks.ready?.(server.url);

    if (last !== undefined) {
      watcher = watchForChanges({
        articlesDir, configFile, last, rebuild,
        pollMs: hooks.pollMs ?? 300,
        onBlind: (dir, why) => io.stderr(`--watch: cannot watch ${display(dir, io.cwd)}/ for changes (${why}); looking every ${hooks.pollMs ?? 300} ms instead.\n`),
        ...(hooks.idlePollMs === undefined ? {} : { idlePollMs: hooks.idlePollMs }),
        ...(hooks.fileEvents === undefined ? {} : { fileEvents: hooks.fileEvents }),
        ...(hooks.watchDir === undefined ? {} : { watchDir: hooks.watchDir }),
      });
    }

    // A rejected `until` stops the server just the same.
    await Promise.resolve(hooks.until ?? signal?.promise).catch(() => undefined);
    return 0;
  } finally {
    signal?.dispose();
    await watcher?.stop();
    await hooks.rebuilder?.close();
    if (server !== undefined) {
      await server.close();
      io.stdout('Stopped.\n');
    }
  }
}

/** The output directory the configuration names now, if it can be read (none otherwise: the build said why). */
async function outDirNow(configArg: string, cwd: string): Promise<string[]> {
  try {
    return [resolve(cwd, (await loadConfig(configArg, cwd, { apart: false })).outDir)];
  } catch {
    return [];
  }
}
