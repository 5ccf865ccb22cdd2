/**
 * Bodies that make Markdown parsers slow: how long one body takes to render and sanitise, as the body
 * grows. A time that quadruples when the body doubles is a quadratic case; a hostile or broken record
 * (a wire file cut mid-link, a pasted blob) would hold the build up for that long.
 * Run: npm run bench:hostile [-- --sizes 25000,50000,100000 --runs 3]
 * Prints the median time of each body at each size, in milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { renderBody } from '../src/core/content.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '25000,50000,100000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

/** Each body: a unit repeated to the size asked for. */
const BODIES: Record<string, string> = {
  'unclosed links `[a](`': '[a](',
  'unclosed link, then spaces `[](   …`': ' ',
  'images `![a](`': '![a](',
  'code marks `` `a ``': '`a',
  'emphasis `*a`': '*a',
  'emphasis `_a`': '_a',
  'emphasis, spaced `*a `': '*a ',
  'brackets `[`': '[',
  'angle brackets `<a`': '<a',
  'links `[link](x)`': '[link](x)',
  'plain prose': 'The talks resume in Doha this week, officials said. ',
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

console.log(`| body | ${sizes.map((s) => `${s / 1000} KB`).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
for (const [name, unit] of Object.entries(BODIES)) {
  const cells = sizes.map((size) => {
    const text = name.startsWith('unclosed link, then') ? `[](${unit.repeat(size - 3)}` : unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      renderBody({ kind: 'markdown', text }, 'https://news.example.com/a/');
      times.push(performance.now() - t);
    }
    return median(times).toFixed(0);
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
