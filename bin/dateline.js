#!/usr/bin/env node
// Runs Dateline from its TypeScript sources, with no compile step to remember. The first run after the
// sources change bundles them with esbuild (about 0.3 s) into node_modules/.cache/dateline/; every other
// run loads that bundle, which starts several times faster than compiling through tsx on each run. The
// bundle's name is a hash of the sources' paths, sizes and mtimes, so an edit is never run stale. If the
// bundle cannot be made (no esbuild, a read-only install), tsx runs the sources directly.
//
// The bundle is one CommonJS file, compiled with V8's code cache: Node 20 keeps no compile cache for
// ES modules (22 has module.enableCompileCache), and compiling the bundle was a third of a small build's
// start. The cache is made after each of the first runs of each kind of command (load() below), so it
// holds the functions that run compiled too.
//
// It is CommonJS (bin/package.json says so): Node starts a CommonJS entry without its ES module loader,
// a few milliseconds of every run.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, sep } = require('node:path');
const { Script } = require('node:vm');
const { setFlagsFromString } = require('node:v8');

// V8 drops the bytecode of functions that have not run for a while: by the end of a build, the code that
// ran once at start-up (the libraries' module bodies, zod building its schemas) is gone, the code cache
// made then lacked it, and every later start compiled it again (start-up 0.11 s → 0.21 s).
setFlagsFromString('--no-flush-bytecode');

const root = dirname(__dirname);
/** Packages the bundle leaves to Node: large data the importers alone load, and the build tools. */
const UNBUNDLED = ['city-timezones', 'esbuild', 'tsx', 'fast-xml-parser', 'postal-mime'];
const src = join(root, 'src');

async function bundled() {
  const hash = createHash('sha256');
  // The sources, and this file (the bundle's options).
  const inputs = readdirSync(src, { recursive: true }).filter((n) => n.endsWith('.ts')).sort().map((f) => join(src, f));
  inputs.push(__filename);
  // The bundle holds some dependencies (below): installing other versions must make a new one. And
  // package.json, whose version it prints.
  // Installed as a dependency (…/node_modules/dateline), npm keeps the packages, and its record of them,
  // in the project's node_modules: an `overrides` entry or an upgrade there changes what is bundled.
  inputs.push(join(root, 'node_modules', '.package-lock.json'), join(root, 'package.json'));
  // Each node_modules above this package (a nested install, `node_modules/x/node_modules/dateline`, has
  // the record in the project's), with what npm, pnpm (`node_modules/.pnpm/…/node_modules/dateline`) and
  // Yarn keep there.
  const marker = `${sep}node_modules${sep}`;
  for (let at = root.indexOf(marker); at >= 0; at = root.indexOf(marker, at + 1)) {
    const modules = join(root.slice(0, at), 'node_modules');
    inputs.push(join(modules, '.package-lock.json'), join(modules, '.modules.yaml'), join(modules, '.pnpm', 'lock.yaml'), join(modules, '.yarn-state.yml'));
  }
  for (const f of inputs) {
    const st = statSync(f, { throwIfNoEntry: false });
    hash.update(`${f}\0${st?.size}\0${st?.mtimeMs}\n`);
  }
  const dir = join(root, 'node_modules', '.cache', 'dateline');
  const out = join(dir, `cli-${hash.digest('hex').slice(0, 16)}`);
  const file = join(out, 'cli.cjs');
  if (!existsSync(file)) {
    const { build } = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    // The libraries every build loads, made of many small modules, are bundled in too, whitespace-
    // minified: one file parses far faster than Node's loader takes for their hundreds (zod 66 → 26 ms,
    // sanitize-html 60 → 28 ms). The rest stay packages, loaded when a command needs them.
    await build({
      entryPoints: [join(src, 'cli.ts')], outfile: join(tmp, 'cli.cjs'), bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', external: UNBUNDLED, logLevel: 'silent', legalComments: 'none', minifyWhitespace: true, minifySyntax: true,
      // The sources are ES modules: their own URL, as CommonJS has it.
      define: { 'import.meta.url': '__datelineUrl' },
      // The module wrapper is in the file (load() below compiles the file's text as it is: with a wrapper
      // added, V8 copied the 4 MB of text into one string again). Run by Node's own loader (the worker
      // thread of `serve --watch`, src/cli/_rebuild.ts), it runs the bundle as Node's wrapper would.
      banner: { js: `${WRAP_HEAD}var __datelineUrl = require('node:url').pathToFileURL(__filename).href;` },
      footer: { js: WRAP_TAIL },
    });
    const script = join(tmp, 'cli.cjs');
    writeFileSync(script, asciiOnly(readFileSync(script, 'utf8')));
    // The bundle's SHA-256, for the build cache's code version (src/pipeline/version.ts), which hashed the
    // whole bundle in every build (10 ms), with the size and mtime it is valid for.
    const st = statSync(script);
    writeFileSync(`${script}.sha256`, `${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(script)).digest('base64url')}\n`);
    // Older bundles go; another run's bundle still being made (a .tmp of the last ten minutes) stays.
    for (const old of readdirSync(dir)) {
      const path = join(dir, old);
      if (!old.startsWith('cli-') || path === tmp || path === out) continue;
      if (old.endsWith('.tmp') && Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 600_000) continue;
      rmSync(path, { recursive: true, force: true });
    }
    try {
      renameSync(tmp, out);
    } catch (e) {
      // Another run made the same bundle first: use it.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(file)) throw e;
    }
  }
  return load(file);
}

/**
 * The bundle's text with every character outside ASCII written as a `\\u` escape. esbuild escapes those of
 * strings, but not those of regular expressions or of `String.raw` templates (whose text would change),
 * and a dozen such made V8 hold all 2 MB of the source as two-byte text: about 1,000 more pages touched on
 * every start. The escape means the same character in a string, a template, an identifier and a regular
 * expression, and in the text of a `String.raw` template given to `new RegExp`, which is the only use of
 * one with such characters in the sources (tests/bundle-ascii.test.ts imports copy in many scripts through
 * the bundle and through the sources, and compares). A character
 * escaped with a backslash already (`\\’`, the same character) loses that backslash. Beyond the Basic
 * Multilingual Plane it is a surrogate pair, which a regular expression with the `u` flag reads as one.
 */
function asciiOnly(text) {
  return text.replace(/(\\*)([^\0-\x7f])/gu, (_, slashes, ch) => {
    const cp = ch.codePointAt(0);
    const units = cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
  });
}

/** What the bundle is wrapped in: as a script, a function of Node's module wrapper's parameters; as a module, it calls that. */
const WRAP_HEAD = "(function (f) { return typeof module === 'object' && module !== null && typeof exports === 'object' ? f.call(exports, exports, require, module, __filename, __dirname) : f; })(function (exports, require, module, __filename, __dirname) {";
const WRAP_TAIL = '\n});';

/** Code caches made of each kind of command: each run until then makes one that adds what it compiled. */
const GENERATIONS = 3;

/**
 * The bundle compiled with its code cache for this kind of command. The first runs of a kind each make the
 * cache again (it holds what they compiled and what the cache they loaded held), since one run does not
 * compile everything its kind needs. Builds without a cache, builds whose cache has been saved (which
 * mostly take the fast path after a few edits) and other builds (a first build with a cache: the full
 * path) are kinds of their own: V8 reads a whole code cache at the start, and one that held the full
 * path's functions too (Markdown, HTML sanitising, schema validation: 1.7 MB, against 0.8 MB for the fast
 * path's) made each 10k build after an edit about 30 ms slower. A stale or foreign cache (V8 checks its
 * version and flags) starts over.
 */
function load(file) {
  const args = process.argv.slice(2);
  const command = ['build', 'check', 'serve', 'import'].includes(args[0] ?? '') ? args[0] : 'other';
  const kind = args.includes('--help') || args.includes('-h') ? 'help' : command === 'build' && args.includes('--no-cache') ? 'build-clean' : command === 'build' && cacheSaved(args) ? 'build-cached' : command;
  const cacheFile = (g) => `${file}.${kind}.${g}.v8cache`;
  let generation = GENERATIONS;
  while (generation > 0 && !existsSync(cacheFile(generation))) generation -= 1;
  const cachedData = generation > 0 ? readFileSync(cacheFile(generation)) : undefined;
  if (process.env.DATELINE_DEBUG) console.error(`dateline: code cache of ${kind} runs, generation ${generation}`);
  // (ASCII, asciiOnly above: read as Latin-1, which makes one-byte text without a UTF-8 decoding.)
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  const keep = () => {
    const next = cachedData === undefined || script.cachedDataRejected ? 1 : generation + 1;
    if (next > GENERATIONS) return;
    try {
      const tmp = `${cacheFile(next)}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile(next));
      for (let g = 1; g <= GENERATIONS; g++) if (g !== next) rmSync(cacheFile(g), { force: true });
    } catch {
      // A read-only install runs without the cache.
    }
  };
  return { main: module.exports.main, keep };
}

/**
 * Whether a build's cache has been saved (`--cache DIR`, `--cache=DIR`, or the default directory, as
 * src/cli/build.ts reads them): then the build most likely takes the fast path. (Only which code cache
 * to start from: a build that takes the other path compiles what it lacks.)
 */
function cacheSaved(args) {
  let dir = '.dateline-cache';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cache' && args[i + 1] !== undefined) dir = args[i + 1];
    else if (args[i].startsWith('--cache=')) dir = args[i].slice('--cache='.length);
  }
  return existsSync(join(process.cwd(), dir, 'state.json'));
}

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

// A reader that stops reading (`dateline build | head -1`) closes the pipe: what the command still has
// to say is dropped, as a shell's SIGPIPE would drop it, and the command finishes as it would have (the
// build is not cut short, and its exit code stays its own), without an EPIPE stack trace. (`dateline
// serve` goes on serving, silently, until it is stopped: a log reader going away does not stop a server.)
// Any other error on the streams is thrown, as before.
const open = { stdout: true, stderr: true };
for (const name of ['stdout', 'stderr']) {
  process[name].on('error', (e) => {
    if (e.code !== 'EPIPE' && !(e.code === 'ERR_STREAM_DESTROYED' && !open[name])) throw e;
    open[name] = false;
  });
}

// DATELINE_DEBUG=1 shows why the bundle was not used (the fallback is otherwise silent, and slower), and
// which code cache load() started from.
async function run() {
  const { main, keep } = await bundled().catch((e) => {
    if (process.env.DATELINE_DEBUG) console.error(e);
    return fromSources();
  });
  // CI=0 and CI=false say it is not CI (QA); a dumb terminal (TERM=dumb: an editor's shell buffer) cannot
  // redraw a line.
  const ci = !/^(?:|0|false|no)$/i.test(process.env.CI ?? '');
  const dumb = process.env.TERM === 'dumb';
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => void (open.stdout && process.stdout.write(text)),
    stderr: (text) => void (open.stderr && process.stderr.write(text)),
    cwd: process.cwd(),
    progress: process.stderr.isTTY === true && !ci && !dumb,
    columns: () => process.stderr.columns,
    terminal: process.stdout.isTTY === true && !ci,
    signals: true,
  });
  keep?.();
}

// As the ES module this file was (its top-level await): a failure is thrown as an uncaught exception
// (its stack printed, exit code 1, whatever --unhandled-rejections says), and a command that never
// finishes (a promise nothing settles) exits with 13, not 0.
let settled = false;
process.once('exit', (code) => {
  if (settled || code !== 0) return;
  process.stderr.write('dateline: the command stopped before it finished\n');
  process.exitCode = 13;
});
run().then(
  () => {
    settled = true;
    // The command succeeded (its files written, a server closed): exit now rather than after Node has torn
    // down the heap, which takes 10 ms after a 10,000-record build. Not after a failure or a signal, whose
    // handler may still be at work (removing a build's staged files), and only when the streams hold nothing
    // unwritten (pipes are asynchronous on macOS), so that no output is cut.
    if (process.exitCode === 0 && process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
  },
  (e) => {
    settled = true;
    process.nextTick(() => {
      throw e;
    });
  },
);
