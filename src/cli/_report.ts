/** What every command shares for talking to the terminal: the injected io, and the diagnostics report. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { grouped } from '../core/_numbers.js';
import { closest } from '../core/_paths.js';
import { formatDiagnostic } from '../errors.js';
import { locateFields } from '../sources/locate.js';
import type { Diagnostic } from '../types.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stderr is a terminal that can show a live progress line (and this is not CI). */
  progress?: boolean;
  /** The width of that terminal, when known: the progress line is kept to it. */
  columns?: () => number | undefined;
  /**
   * Whether stdout is a terminal a person reads (and this is not CI): a build's report in a few lines; else
   * (piped, CI) in one. Left out, `progress` says.
   */
  terminal?: boolean;
  /**
   * Whether the command owns the process's SIGINT, SIGTERM and SIGHUP (the `dateline` program; not a build that
   * `serve --watch` runs): a build then stops on them cleanly, its output directory as it was.
   */
  signals?: boolean;
}

export const plural = (n: number, word: string): string =>
  `${grouped(n)} ${n === 1 ? word : word.endsWith('y') && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;

/**
 * Prints every diagnostic (with the lines of those the core could not locate: locateFields), then a count
 * unless `count` is false (a command that may add diagnostics later prints it with `countDiagnostics`
 * at its end); returns the number of errors.
 */
export function report(io: CliIO, diagnostics: Diagnostic[], count = true): number {
  locateFields(diagnostics, io.cwd);
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  if (count) countDiagnostics(io, diagnostics);
  return diagnostics.filter((d) => d.severity === 'error').length;
}

/** The count line: `2 errors in 1 file, 3 warnings`, or `3 warnings`; nothing when there are none. */
export function countDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  if (errors.length > 0) {
    const files = new Set(errors.filter((d) => !fromOption(d)).map((d) => d.file)).size;
    io.stderr(`${plural(errors.length, 'error')}${files > 0 ? ` in ${plural(files, 'file')}` : ''}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}\n`);
  } else if (warnings > 0) io.stderr(`${plural(warnings, 'warning')}\n`);
}

/** A problem with a command-line option (`--out: …`), not with a file. */
const fromOption = (d: Diagnostic): boolean => d.file?.startsWith('--') === true;

/** The exit code for errors: 2 when every one is an option's (a usage error), else 1. */
export const errorExit = (diagnostics: readonly Diagnostic[]): number =>
  diagnostics.every((d) => d.severity !== 'error' || fromOption(d)) ? 2 : 1;


/** A fault of Dateline's own (not the input's): its stack, and the exit code 70 (EX_SOFTWARE). */
export function internalError(io: CliIO, e: unknown): number {
  io.stderr(`Internal error in Dateline (please report it with the input that caused it):\n${(e as Error | undefined)?.stack ?? String(e)}\n`);
  return 70;
}

/**
 * Parses a command's arguments (strictly: unknown options are usage errors). Returns the parsed values, or
 * the exit code when the command is done already: 0 after printing the usage for --help, 2 after printing
 * the problem and the usage.
 */
/**
 * A command line that cannot be run: what was wrong and the usage on stderr, status 2; with `--json`, also
 * an object on stdout, for a pipeline that parses it (QA: stdout was empty).
 */
export function usageError(io: CliIO, usage: string, message: string, json: boolean): number {
  io.stderr(`${message}\n\n${usage}`);
  if (json) io.stdout(`${JSON.stringify({ ok: false, usage: message, diagnostics: [] })}\n`);
  return 2;
}

export function parseCommand<T extends ParseArgsConfig>(io: CliIO, usage: string, config: T): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    // Node's words for `--port -1` send the reader to `--port=-XYZ`: say what was wrong, with the value given.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec((e as Error).message);
    const args = (config.args ?? []) as string[];
    const at = ambiguous === null ? -1 : args.findIndex((a, i) => a === ambiguous[1] && args[i + 1]?.startsWith('-') === true);
    const value = at < 0 ? undefined : args[at + 1];
    // An option misspelt: the one meant (`--jsno`: `--json`).
    const unknown = /^Unknown option '--([\w-]+)'/.exec((e as Error).message)?.[1];
    const meant = unknown === undefined ? undefined : closest(unknown, Object.keys(config.options ?? {}));
    const json = config.options?.['json'] !== undefined && args.some((a) => a === '--json' || a.startsWith('--json='));
    // (Node's hint that a file named like an option goes after `--` (import) is for a name no option is close to.)
    const message = meant === undefined ? (e as Error).message : (e as Error).message.replace(/\. To specify a positional argument[^]*$/, '');
    return usageError(io, usage, ambiguous === null || value === undefined
      ? `${message.replace(/\.$/, '')}${meant === undefined ? '' : `. Did you mean '--${meant}'?`}`
      : value.startsWith('--')
        ? `Option '${ambiguous[1]}' needs a value.`
        : `Option '${ambiguous[1]}' needs a value; "${value}" starts with a dash, so it reads as an option (write ${ambiguous[1]}=${value} if it is the value).`, json);
  }
  if ((parsed.values as Record<string, unknown>)['help'] === true) {
    io.stdout(usage);
    return 0;
  }
  // `--out=` names no directory: taken as "", it would be the working directory.
  const empty = Object.entries(parsed.values as Record<string, unknown>).find(([, v]) => v === '');
  if (empty !== undefined) {
    return usageError(io, usage, `Option '--${empty[0]}' needs a value, not an empty one.`, (parsed.values as Record<string, unknown>)['json'] === true);
  }
  return parsed;
}
