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
const src = join(root, 'src');

async function bundled() {
  const hash = createHash('sha256');
  // The sources, and this file (the bundle's options).
  const inputs = readdirSync(src, { recursive: true }).filter((n) => n.endsWith('.ts')).sort().map((f) => join(src, f));
  inputs.push(fileURLToPath(import.meta.url));
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
    // loaded only when one of them runs.
    await build({
      entryPoints: [join(src, 'cli.ts')], outdir: tmp, bundle: true, splitting: true, platform: 'node', format: 'esm',
      target: 'node20', outExtension: { '.js': '.mjs' }, packages: 'external', logLevel: 'silent', legalComments: 'none',
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

const { main } = await bundled().catch(fromSources);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  progress: process.stderr.isTTY === true && !process.env.CI,
});
