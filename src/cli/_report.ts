/** What every command shares for talking to the terminal: the injected io, and the diagnostics report. */
import { formatDiagnostic } from '../errors.js';
import type { Diagnostic } from '../types.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const plural = (n: number, word: string): string =>
  `${n} ${n === 1 ? word : word.endsWith('y') && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;

/** Prints every diagnostic, then a count; returns the number of errors. */
export function report(io: CliIO, diagnostics: Diagnostic[]): number {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  if (errors.length > 0) {
    const files = new Set(errors.map((d) => d.file)).size;
    io.stderr(`${plural(errors.length, 'error')} in ${plural(files, 'file')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}\n`);
  } else if (warnings > 0) io.stderr(`${plural(warnings, 'warning')}\n`);
  return errors.length;
}

