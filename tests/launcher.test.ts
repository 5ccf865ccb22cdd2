/**
 * bin/dateline.js as a project installs it (…/node_modules/dateline, its dependencies beside it in the
 * project's node_modules): a change of those packages (an upgrade, an `overrides` entry) makes a new
 * bundle, as in a checkout.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'dateline-installed-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

it('an installed copy bundles again when the project\'s packages change', () => {
  const modules = join(project, 'node_modules');
  const pkg = join(modules, 'dateline');
  mkdirSync(pkg, { recursive: true });
  for (const part of ['bin', 'src', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  // The dependencies, hoisted into the project's node_modules as npm installs them.
  for (const name of readdirSync(join(ROOT, 'node_modules'))) if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  const bundles = (): string[] => readdirSync(join(pkg, 'node_modules', '.cache', 'dateline')).filter((n) => n.startsWith('cli-') && !n.endsWith('.tmp'));
  const run = (): string => execFileSync(process.execPath, [join(pkg, 'bin', 'dateline.js'), '--version'], { encoding: 'utf8' }).trim();
  writeFileSync(join(modules, '.package-lock.json'), '{"packages":{"node_modules/marked":{"version":"17.0.6"}}}');
  expect(run()).toMatch(/^dateline \d/);
  const first = bundles();
  expect(first).toHaveLength(1);
  expect(run()).toMatch(/^dateline \d/);
  expect(bundles()).toEqual(first);
  writeFileSync(join(modules, '.package-lock.json'), '{"packages":{"node_modules/marked":{"version":"17.0.5"}}}');
  expect(run()).toMatch(/^dateline \d/);
  expect(bundles()).toHaveLength(1);
  expect(bundles()).not.toEqual(first);
}, 60_000);

it.each([
  ['a nested install (node_modules/x/node_modules/dateline)', ['node_modules', 'x', 'node_modules', 'dateline'], ['node_modules', '.package-lock.json']],
  ['a pnpm install (node_modules/.pnpm/dateline@0.1.0/node_modules/dateline)', ['node_modules', '.pnpm', 'dateline@0.1.0', 'node_modules', 'dateline'], ['node_modules', '.modules.yaml']],
])('%s bundles again when the project\'s record of its packages changes', (_label, at, record) => {
  const root = mkdtempSync(join(tmpdir(), 'dateline-layout-'));
  try {
    const pkg = join(root, ...at);
    mkdirSync(pkg, { recursive: true });
    for (const part of ['bin', 'src', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    // The dependencies beside the package, as both layouts put them.
    const beside = join(pkg, '..');
    for (const name of readdirSync(join(ROOT, 'node_modules'))) if (!name.startsWith('.') && name !== 'dateline') symlinkSync(join(ROOT, 'node_modules', name), join(beside, name));
    const bundles = (): string[] => readdirSync(join(pkg, 'node_modules', '.cache', 'dateline')).filter((n) => n.startsWith('cli-') && !n.endsWith('.tmp'));
    const run = (): string => execFileSync(process.execPath, [join(pkg, 'bin', 'dateline.js'), '--version'], { encoding: 'utf8' }).trim();
    writeFileSync(join(root, ...record), 'first\n');
    expect(run()).toMatch(/^dateline \d/);
    const first = bundles();
    expect(first).toHaveLength(1);
    expect(run()).toMatch(/^dateline \d/);
    expect(bundles()).toEqual(first);
    writeFileSync(join(root, ...record), 'second, after an upgrade\n');
    expect(run()).toMatch(/^dateline \d/);
    expect(bundles()).not.toEqual(first);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);
