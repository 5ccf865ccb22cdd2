/** Markdown records: YAML front matter between `---` lines, then the Markdown body. */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic, LineOf, RawRecord } from '../types.js';
import { mayHoldForbidden, stripForbidden } from '../core/_text.js';
import { parseYaml } from './_positions.js';
import { lineFeeds } from './json.js';

const FENCE = /^---[ \t]*$/;
/** What any markup validation looks for in a value starts with; and the text direction controls it closes (validate.ts). */
const MARKUP_CHARS = /[<&\u202A-\u202E\u2066-\u2069]/;
/** What closes front matter: a fence, or YAML's document end. */
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** `cleanBytes`: whether the file's bytes are known to hold no character XML forbids (readRecord). */
export function readMarkdownRecord(text: string, file: string, slugPath: string, cleanBytes?: () => boolean): { record?: RawRecord; diagnostics: Diagnostic[] } {
  // (A CR alone ends a line, as YAML and Markdown read it: QA, a file of old Mac line ends had "no front matter".)
  const lines = lineFeeds(text);
  return split(lines, file, slugPath, cleanBytes) ?? readLines(lines, file, slugPath);
}

/**
 * The common case without splitting the whole text into lines: no CR in it, front matter fenced and
 * closed. Gives what readLines gives (undefined for anything else, which readLines then reads).
 */
function split(text: string, file: string, slugPath: string, cleanBytes: (() => boolean) | undefined): { record?: RawRecord; diagnostics: Diagnostic[] } | undefined {
  const f = fenced(text);
  if (f === undefined) return undefined;
  const front = text.slice(f.open + 1, Math.max(f.open + 1, f.close - 1));
  const parsed = parseYaml(copyOf(front), file, 2);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  // (A file that ends with the closing fence has no body line: its warning points at the fence.)
  const body = text.slice(f.end + 1);
  const out = record(file, slugPath, parsed, body, body === '' ? f.line + 1 : f.line + 2);
  // No character XML forbids in the whole file (its bytes say so, or one scan of the text); YAML's
  // double-quoted escapes (`\x01`) are the one way to add one.
  const escapes = front.includes('\\');
  if (!escapes && (cleanBytes?.() === true || !mayHoldForbidden(text))) out.clean = true;
  if (!escapes && !MARKUP_CHARS.test(front)) out.noMarkup = true;
  return { record: out, diagnostics: [] };
}

/**
 * Where the front matter of `text` ends, in the layout `split` reads (no CR, fenced and closed): the end
 * of the opening fence's line, the start and end of the closing line, and that line's index (from 0).
 */
function fenced(text: string): { open: number; close: number; end: number; line: number } | undefined {
  if (text.indexOf('\r') >= 0) return undefined;
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = text.indexOf('\n', first);
  if (open < 0 || !FENCE.test(text.slice(first, open))) return undefined;
  let line = 1; // the line starting at `start`
  for (let start = open + 1; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(start);
    if ((c === 0x2d || c === 0x2e) && CLOSE.test(text.slice(start, end))) return { open, close: start, end, line };
    start = end + 1;
  }
  return undefined;
}

/**
 * The body of a Markdown record as validation gives it (forbidden characters stripped), found without
 * parsing the front matter: for a record already read and validated once, whose body a feed now renders.
 * Only the common layout `split` reads (no CR, fenced and closed); `undefined` for anything else.
 */
export function markdownBody(text: string): string | undefined {
  const f = fenced(text);
  return f === undefined ? undefined : stripForbidden(text.slice(f.end + 1)).text;
}

/**
 * A copy of a part of a string that holds only that part. V8 makes a long slice a view that keeps the
 * whole string alive, and every value read from the front matter would then keep the record's whole
 * file in memory (its body included) for as long as the article lives: 3.9 KB an article instead of the
 * few hundred bytes of its fields. Decoding the part's UTF-8 again makes a string of its own; a text
 * with surrogates goes through UTF-16 instead, which keeps an unpaired one (UTF-8 would make it U+FFFD,
 * and validation reports and strips it).
 */
function copyOf(part: string): string {
  const encoding = /[\ud800-\udfff]/.test(part) ? 'utf16le' : 'utf8';
  return Buffer.from(part, encoding).toString(encoding);
}

function record(file: string, slugPath: string, parsed: ReturnType<typeof parseYaml>, body: string, bodyLine: number): RawRecord {
  const lineOf: LineOf = (path) => (path.length === 1 && path[0] === 'body' ? bodyLine : parsed.lineOf(path));
  return { file, kind: 'markdown', data: parsed.data ?? {}, body, lineOf, sourceOf: parsed.sourceOf, slugPath };
}

function readLines(text: string, file: string, slugPath: string): { record?: RawRecord; diagnostics: Diagnostic[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    // What the desk sees: an empty file, or the fence below blank lines (it must be the first line).
    const fence = lines.findIndex((l) => l.trim() !== '');
    const why = fence < 0 ? 'the file is empty' : FENCE.test(lines[fence] ?? '') ? `the "---" that opens it must be the first line: take out the blank line${fence === 1 ? '' : 's'} above it` : undefined;
    return { diagnostics: [diagnostic(Errors.FrontMatterMissing, { file, line: 1 }, why)] };
  }
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close < 0) {
    // At the last line of fields under the opening "---" (QA: at the end of the file, lines of body below
    // where the "---" goes): up to the first blank line, or line that is no key, list item or indented value.
    let end = 1;
    while (end < lines.length && /^(?:[^\s:#][^:]*:(?:\s|$)|[ \t]+\S|-(?:\s|$)|#)/.test(lines[end] ?? '')) end += 1;
    return { diagnostics: [diagnostic(Errors.FrontMatterUnclosed, { file, line: end > 1 ? end : 1 }, end > 1)] };
  }
  const parsed = parseYaml(lines.slice(1, close).join('\n'), file, 2);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const body = lines.slice(close + 1).join('\n');
  return { record: record(file, slugPath, parsed, body, body === '' ? close + 1 : close + 2), diagnostics: [] };
}
