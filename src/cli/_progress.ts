/**
 * Progress of a long build on a terminal: one line on stderr, redrawn at most ten times a second, with
 * what is being done, how far, the rate and the time left. Off when stderr is not a terminal, in CI, and
 * with --quiet or --json: there the build prints only its summary.
 */
import { grouped } from '../core/_numbers.js';
import type { Progress } from '../pipeline/build.js';

const PHASES = { read: 'Reading records', plan: 'Planning feeds', feeds: 'Writing feeds' } as const;
const REDRAW_MS = 100;

export interface ProgressLine {
  update: (p: Progress) => void;
  /** Clears the line (before the summary is printed); whether there was one to clear. */
  done: () => boolean;
}

/**
 * `write` prints to the terminal; `now` is the clock (ms), injectable for tests; `columns`, the terminal's
 * width when known: a line wider than the terminal wraps, and erasing it then erases its last row only, so
 * every redraw left a row behind (QA, at 40 columns). What does not fit is left out, the time left first.
 */
export function progressLine(write: (text: string) => void, now: () => number = () => performance.now(), columns: () => number | undefined = () => undefined): ProgressLine {
  let phase: Progress['phase'] | undefined;
  let phaseStart = 0;
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const t = now();
      if (p.phase !== phase) {
        phase = p.phase;
        phaseStart = t;
      }
      if (t - last < REDRAW_MS && p.done !== p.total && p.phase !== 'plan') return;
      last = t;
      shown = true;
      write(`\r\x1b[K${fitted(describeProgress(p, (t - phaseStart) / 1000), columns())}`);
    },
    done() {
      const was = shown;
      if (shown) write('\r\x1b[K');
      shown = false;
      return was;
    },
  };
}

/** `Reading records 5,120/10,000 (51%), 8,400/s, about 1 s left`. */
export function describeProgress(p: Progress, seconds: number): string {
  const n = grouped;
  // Planning has no count to give: it says what it does, and the line stays until the feeds are written.
  if (p.phase === 'plan') return `${PHASES.plan}…`;
  const pct = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
  const parts = [`${PHASES[p.phase]} ${n(p.done)}/${n(p.total)} (${pct}%)`];
  if (seconds > 0.2 && p.done > 0) {
    const rate = p.done / seconds;
    parts.push(`${n(Math.round(rate))}/s`);
    if (p.done < p.total) parts.push(`about ${Math.max(1, Math.ceil((p.total - p.done) / rate))} s left`);
  }
  return parts.join(', ');
}

/** The line as it fits in `columns` (one column kept free: a line that fills the last one wraps on some terminals), parts dropped from the end, then cut. */
function fitted(line: string, columns: number | undefined): string {
  if (columns === undefined || !(columns > 1)) return line;
  const room = columns - 1;
  let parts = line.split(', ');
  while ([...parts.join(', ')].length > room && parts.length > 1) parts = parts.slice(0, -1);
  const chars = [...parts.join(', ')];
  return chars.length <= room ? chars.join('') : `${chars.slice(0, Math.max(0, room - 1)).join('')}…`;
}
