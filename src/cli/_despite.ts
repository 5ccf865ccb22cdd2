/** A run that its configuration's errors stop still reports the records' problems: every error in one run. */
import { Errors } from '../errors.js';
import { recordsDespiteConfig, sortDiagnostics } from '../sources/index.js';
import type { Diagnostic } from '../types.js';
import { plural } from './_report.js';

/**
 * The configuration's problems and, when each is a key in error (E_CONFIG_INVALID: the file was read), the
 * records' problems, read with those keys set aside; `note` says so. Otherwise the configuration's alone.
 */
export async function withRecordProblems(problems: Diagnostic[], file: string | undefined, cwd: string): Promise<{ diagnostics: Diagnostic[]; note?: string }> {
  if (problems.length === 0 || !problems.every((d) => d.code === Errors.ConfigInvalid.code)) return { diagnostics: problems };
  const records = await recordsDespiteConfig(file, cwd);
  if (records === undefined) return { diagnostics: problems };
  const keys = records.replaced.map((k) => `"${k}"`).join(', ');
  const found = records.diagnostics.length === 0 ? ': nothing else to fix' : '';
  // (In UTC, no time is skipped or repeated by the clocks.)
  const zone = records.replaced.includes('timezone') ? '; desk times the clocks skip or repeat are found once the time zone is right' : '';
  return {
    diagnostics: [...problems, ...sortDiagnostics(records.diagnostics)],
    note: `${plural(records.files, 'record')} checked with the configuration's ${records.replaced.length === 1 ? 'key' : `${records.replaced.length} keys`} in error set aside (${keys})${found}${zone}.`,
  };
}
