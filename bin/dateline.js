#!/usr/bin/env node
// Runs Dateline from its TypeScript sources, with no compile step to remember. The first run after the
// sources change bundles them with esbuild (about 0.2 s) into node_modules/.cache/dateline/; every other
// run loads that bundle, which starts several times faster than compiling through tsx on each run. The
// bundle's name is a hash of the sources' paths, sizes and mtimes, so an edit is never run stale. If the
// bundle cannot be made (no esbuild, a read-only install), tsx runs the sources directly.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** Packages the bundle leaves to Node: large data the importers alone load, and the build tools. */
const UNBUNDLED = ['city-timezones', 'esbuild', 'tsx', 'fast-xml-parser'];
const src = join(root, 'src');

async function bundled() {
  const hash = createHash('sha256');
  // The sources, and this file (the bundle's options).
  const inputs = readdirSync(src, { recursive: true }).filter((n) => n.endsWith('.ts')).sort().map((f) => join(src, f));
  inputs.push(fileURLToPath(import.meta.url));
  // The bundle holds some dependencies (below): installing other versions must make a new one.
  inputs.push(join(root, 'node_modules', '.package-lock.json'));
  for (const f of inputs) {
    const st = statSync(f, { throwIfNoEntry: false });
    hash.update(`${f}\0${st?.size}\0${st?.mtimeMs}\n`);
  }
  const dir = join(root, 'node_modules', '.cache', 'dateline');
  const out = join(dir, `cli-${hash.digest('hex').slice(0, 16)}`);
  const file = join(out, 'cli.mjs');
  if (!existsSync(file)) {
    const { build } = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    // Split into chunks, so that what only some commands need (the importers' gazetteer, the server) is
    // loaded only when one of them runs. The libraries every build loads, made of many small modules,
    // are bundled in too, whitespace-minified: one file parses in about half the time Node's loader
    // takes for their hundreds (zod 66 → 26 ms, sanitize-html 60 → 28 ms). The rest stay packages.
    await build({
      entryPoints: [join(src, 'cli.ts')], outdir: tmp, bundle: true, splitting: true, platform: 'node', format: 'esm',
      target: 'node20', outExtension: { '.js': '.mjs' }, external: UNBUNDLED, logLevel: 'silent', legalComments: 'none',
      minifyWhitespace: true, minifySyntax: true,
      // The bundled CommonJS modules require Node's own modules, which ESM output does through this.
      banner: { js: "import { createRequire as __datelineRequire } from 'node:module'; const require = __datelineRequire(import.meta.url);" },
    });
    for (const old of readdirSync(dir)) if (old.startsWith('cli-') && join(dir, old) !== tmp) rmSync(join(dir, old), { recursive: true, force: true });
    renameSync(tmp, out);
  }
  return import(pathToFileURL(file).href);
}

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

// DATELINE_DEBUG=1 shows why the bundle was not used (the fallback is otherwise silent, and slower).
const { main } = await bundled().catch((e) => {
  if (process.env.DATELINE_DEBUG) console.error(e);
  return fromSources();
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  progress: process.stderr.isTTY === true && !process.env.CI,
});
