/** Markdown records: YAML front matter between `---` lines, then the Markdown body. */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic, LineOf, RawRecord } from '../types.js';
import { parseYaml } from './_positions.js';

const FENCE = /^---[ \t]*$/;

export function readMarkdownRecord(text: string, file: string, slugPath: string): { record?: RawRecord; diagnostics: Diagnostic[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return { diagnostics: [diagnostic(Errors.FrontMatterMissing, { file, line: 1 })] };
  const close = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  // The last line of the file (a final newline leaves an empty string after it, which is no line).
  const last = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  if (close < 0) return { diagnostics: [diagnostic(Errors.FrontMatterUnclosed, { file, line: last })] };
  const parsed = parseYaml(lines.slice(1, close).join('\n'), file, 2);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const bodyLine = close + 2;
  const lineOf: LineOf = (path) => (path.length === 1 && path[0] === 'body' ? bodyLine : parsed.lineOf(path));
  return {
    record: { file, kind: 'markdown', data: parsed.data ?? {}, body: lines.slice(close + 1).join('\n'), lineOf, slugPath },
    diagnostics: [],
  };
}
