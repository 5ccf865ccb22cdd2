/**
 * Summary of a `node --cpu-prof` profile for bench/build.ts: the functions and the areas (a package, a
 * src/ directory, a node: module, the VM's own entries) with the most self time, as markdown tables.
 */
import { readFileSync } from 'node:fs';
import { ROOT as root } from './_runner.js';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export function summarise(file: string): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const cf = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    if (cf === undefined) return;
    const where = cf.url === '' ? '' : ` ${cf.url.replace(`file://${root}/`, '').replace(/^file:\/\/.*\/node_modules\//, 'node_modules/')}:${cf.lineNumber + 1}`;
    const key = `${cf.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    // Area: a package, a src/ directory (or the bundle), a node: module, or the VM's own entries.
    const url = cf.url.replace(`file://${root}/`, '');
    // bin/dateline.js runs an esbuild bundle of src/ from node_modules/.cache/dateline/.
    const area = url.startsWith('node_modules/.cache/dateline/') ? 'dateline (bundle of src/)'
      : url === '' ? (cf.functionName.startsWith('(') ? cf.functionName : '(native: fs and others)')
      : /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? /^(src\/[^/]+)/.exec(url)?.[1] ?? url.replace(/:.*$/, ':') + url.replace(/^node:(internal\/)?/, '').split('/')[0];
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
  });
  console.log(`${file.split('/').pop()}: ${(total / 1000).toFixed(0)} ms sampled`);
  console.log('| self ms | % | function |');
  console.log('|---:|---:|---|');
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} | \`${k}\` |`);
  }
  console.log('');
  console.log('| self ms | % | area |');
  console.log('|---:|---:|---|');
  for (const [k, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} | ${k} |`);
  }
}
