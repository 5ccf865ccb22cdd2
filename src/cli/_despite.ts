/** A run that its configuration's errors stop still reports the records' problems: every error in one run. */
import { Errors, printable } from '../errors.js';
import { recordsDespiteConfig, sortDiagnostics } from '../sources/index.js';
import type { Diagnostic } from '../types.js';
import { plural } from './_report.js';

/**
 * The configuration's problems and, when each is a key in error (E_CONFIG_INVALID: the file was read), the
 * records' problems, read with those keys set aside (`setAside`); `note` says so. Otherwise the
 * configuration's alone.
 */
export async function withRecordProblems(problems: Diagnostic[], file: string | undefined, cwd: string): Promise<{ diagnostics: Diagnostic[]; note?: string; setAside?: string[]; checked?: number }> {
  // (Warnings beside them, the configuration's W_TEXT_LOOKS_LIKE_HTML, stop nothing.)
  const errors = problems.filter((d) => d.severity === 'error');
  // (A syntax error is the configuration's: it is read before any record.)
  const syntax = errors.length > 0 && errors.every((d) => d.code === Errors.JsonSyntax.code);
  if (errors.length === 0 || !(syntax || errors.every((d) => d.code === Errors.ConfigInvalid.code))) return { diagnostics: problems };
  const records = await recordsDespiteConfig(file, cwd);
  if (records === undefined) {
    return syntax ? { diagnostics: problems, note: 'The records were not checked: the configuration cannot be read past its syntax error.' } : { diagnostics: problems };
  }
  const n = records.replaced.length;
  // (Named up to ten, escaped and cut as messages quote the desk's text: a file of unknown keys by the
  // thousand would make the line its length.)
  const named = records.replaced.slice(0, 10).map((k) => printable(JSON.stringify(k.length > 60 ? `${k.slice(0, 59)}…` : k))).join(', ') + (n > 10 ? ` and ${n - 10} more` : '');
  const keys = `${n === 1 ? 'key' : `${n} keys`} in error set aside (${named})`;
  const found = records.diagnostics.length === 0 ? ', no problems found in them' : '';
  const read = records.pastSyntax === undefined ? `the configuration's ${keys}` : `the configuration read past its syntax error${errors.length === 1 ? '' : 's'}${n === 0 ? '' : ` and its ${keys}`}`;
  const after = n === 0 ? 'the feeds are' : `what depends on ${n === 1 ? 'it' : 'them'}, and the feeds, are`;
  const config = records.pastSyntax?.configDiagnostics ?? [];
  return {
    diagnostics: [...sortDiagnostics([...problems, ...config]), ...sortDiagnostics(records.diagnostics)],
    note: `${plural(records.files, 'record')} checked with ${read}${found}; ${after} checked once the configuration is right.`,
    setAside: records.replaced,
    checked: records.files,
  };
}
