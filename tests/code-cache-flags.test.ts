/**
 * The launcher (bin/dateline.js) keeps V8's code cache of the bundle, made after the command ran; V8
 * refuses a cache made under other flags than the process loading it has. A build of 50,000 records or
 * more sets a heap flag for its duration (cli/build.ts, tuneForSize): the flag must be V8's default
 * again when the command returns, or every later start compiles the whole bundle again.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { record } from './_helpers.js';

const ROOT = new URL('..', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'dateline-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module under tsx (as the sources run without the bundle); what it prints. */
const node = (script: string): string => {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  return execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: ROOT.pathname }).trim();
};

it('a large build leaves V8 flags as it found them, so a code cache made after it is not refused', () => {
  const site = join(dir, 'site');
  mkdirSync(join(site, 'articles'), { recursive: true });
  writeFileSync(join(site, 'dateline.config.json'), JSON.stringify({ title: 'T', siteUrl: 'https://news.example.com/', description: 'D', language: 'en', idPrefix: 'tag:news.example.com,2025:', timezone: 'Asia/Shanghai' }));
  writeFileSync(join(site, 'articles', 'a.md'), record('a'));
  const cache = join(dir, 'probe.cache');
  const src = (p: string): string => pathToFileURL(new URL(p, ROOT).pathname).href;
  const probe = `const { Script } = await import('node:vm'); const source = 'function probe() { return 1 } probe();';`;
  const made = node(`${probe}
    const { writeFileSync } = await import('node:fs');
    const { tuneForSize } = await import(${JSON.stringify(src('src/cli/build.ts'))});
    const { main } = await import(${JSON.stringify(src('src/cli.ts'))});
    const script = new Script(source, { filename: 'probe.js' });
    script.runInThisContext();
    // What reading a 60,000-record site does, then a whole command.
    tuneForSize({ phase: 'read', done: 1, total: 60000 });
    const code = await main(['build', '--no-cache', '--quiet'], { cwd: ${JSON.stringify(site)}, stdout: () => {}, stderr: (t) => process.stderr.write(t) });
    writeFileSync(${JSON.stringify(cache)}, script.createCachedData());
    console.log(code);`);
  expect(made).toBe('0');
  const refused = node(`${probe}
    const { readFileSync } = await import('node:fs');
    console.log(new Script(source, { filename: 'probe.js', cachedData: readFileSync(${JSON.stringify(cache)}) }).cachedDataRejected);`);
  expect(refused).toBe('false');
}, 60_000);
