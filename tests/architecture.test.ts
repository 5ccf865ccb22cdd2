/**
 * The layout is part of the design: a pure core with I/O at the edges, and no import cycles.
 * These checks read the import statements of src/ and fail when a change breaks either rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));

/** Module → the modules and packages it imports (type-only imports included: they still couple). */
const graph = new Map<string, string[]>(
  files.map((f) => {
    const text = readFileSync(join(src, f), 'utf8');
    const specs = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
    const deps = specs.map((s) => (s.startsWith('.') ? relative(src, resolve(dirname(join(src, f)), s)).replace(/\.js$/, '.ts').split('\\').join('/') : s));
    return [f, deps];
  }),
);

describe('architecture', () => {
  it('reads the import graph', () => {
    expect(graph.get('render/site.ts')).toEqual(expect.arrayContaining(['formats/rss.ts', 'core/model.ts', 'types.ts']));
  });

  it('the core is pure and knows nothing around it: records → the neutral feed model, no node: modules, no clock', () => {
    for (const [file, deps] of graph) {
      if (!file.startsWith('core/')) continue;
      // Only the core itself, the shared types and the error catalogue; packages, but not Node's own modules.
      // The one exception: core/_lazy.ts loads the core's own packages on first use (node:module's
      // createRequire, where the sources run as ES modules): loading code, no input or output of a site's.
      const lazyLoader = (d: string): boolean => file === 'core/_lazy.ts' && d === 'node:module';
      // (Node's modules with or without `node:`: `fs` is `node:fs`. Review.)
      const outside = deps.filter((d) => ((d.startsWith('node:') || builtinModules.includes(d)) && !lazyLoader(d)) || (d.endsWith('.ts') && !d.startsWith('core/') && d !== 'types.ts' && d !== 'errors.ts'));
      expect(outside, file).toEqual([]);
      const text = readFileSync(join(src, file), 'utf8');
      expect(text, file).not.toMatch(/\bDate\.now\(|new Date\(\)|process\./);
      // What it loads by `require` (core/_lazy.ts: a package, when first used) is a package too (review).
      const required = [...text.matchAll(/\b(?:require|load)\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
      expect(required.filter((r) => r.startsWith('node:') || builtinModules.includes(r) || r.startsWith('.') || r.startsWith('/')), file).toEqual([]);
    }
  });

  it('render/ (the model through the writers, and the files servers need) is pure too: no node: modules, sources, output, CLI or clock', () => {
    const render = [...graph.keys()].filter((f) => f.startsWith('render/'));
    expect(render).toEqual(expect.arrayContaining(['render/site.ts', 'render/build.ts']));
    for (const file of render) {
      const deps = graph.get(file) ?? [];
      expect(deps.filter((d) => d.startsWith('node:') || /^(sources|output|cli|pipeline|cache|serve|websub|importers)\//.test(d) || d === 'cli.ts'), file).toEqual([]);
      expect(readFileSync(join(src, file), 'utf8'), file).not.toMatch(/\bDate\.now\(|new Date\(\)|process\./);
    }
  });

  it('format writers depend only on the model, the core helpers and their shared XML module', () => {
    for (const [file, deps] of graph) {
      if (!file.startsWith('formats/')) continue;
      for (const d of deps.filter((x) => x.endsWith('.ts'))) expect(d.startsWith('core/_') || d.startsWith('formats/') || d === 'types.ts', `${file} imports ${d}`).toBe(true);
    }
  });

  it('hosting/ (what the build writes for servers, called by render/) is computation only: hashing and zlib, no fs, no clock', () => {
    const hosting = [...graph.keys()].filter((f) => f.startsWith('hosting/'));
    expect(hosting).toContain('hosting/index.ts');
    for (const file of hosting) {
      for (const d of graph.get(file) ?? []) {
        const ok = ['node:crypto', 'node:zlib', 'types.ts'].includes(d) || d.startsWith('hosting/') || d.startsWith('core/');
        expect(ok, `${file} imports ${d}`).toBe(true);
      }
      expect(readFileSync(join(src, file), 'utf8'), file).not.toMatch(/\bDate\.now\(|new Date\(\)|process\./);
    }
  });

  it('the `feed` package is never imported by the product (it is a test reference only)', () => {
    for (const [file, deps] of graph) expect(deps.includes('feed'), file).toBe(false);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const d of graph.get(f) ?? []) if (graph.has(d)) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
