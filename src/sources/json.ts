/** JSON records: the same fields as front matter, with the body as `content_html` or Markdown `body`. */
import type { Diagnostic, RawRecord } from '../types.js';
import { parseJson } from './_positions.js';

export function readJsonRecord(text: string, file: string, slugPath: string): { record?: RawRecord; diagnostics: Diagnostic[] } {
  // A CR alone ends a line (old Mac files): JSON reads it as a space between tokens, and raw in a string it is an
  // error either way, so as a line feed it reads the same, and counts lines as editors do. (QA: yaml, which gives
  // the lines, read such a file otherwise: a title printed with its quotes and escapes, with no warning.)
  const parsed = parseJson(lineFeeds(text.replace(/^\uFEFF/, '')), file, true);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  return { record: { file, kind: 'json', data: parsed.data, lineOf: parsed.lineOf, sourceOf: parsed.sourceOf, slugPath }, diagnostics: [] };
}

/** Text with each CR that ends a line alone (not before a LF) made a LF. */
export const lineFeeds = (text: string): string => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);
