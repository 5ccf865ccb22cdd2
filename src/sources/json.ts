/** JSON records: the same fields as front matter, with the body as `content_html` or Markdown `body`. */
import type { Diagnostic, RawRecord } from '../types.js';
import { parseJson } from './_positions.js';

export function readJsonRecord(text: string, file: string, slugPath: string): { record?: RawRecord; diagnostics: Diagnostic[] } {
  const parsed = parseJson(text.replace(/^\uFEFF/, ''), file);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  return { record: { file, kind: 'json', data: parsed.data, lineOf: parsed.lineOf, sourceOf: parsed.sourceOf, slugPath }, diagnostics: [] };
}
