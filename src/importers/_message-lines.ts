/**
 * Where a saved e-mail message's text is in its file. A message's text is decoded (quoted-printable,
 * base64, a flowed text's joined lines), so its lines are not the file's: this finds the line of each
 * header field and of each line of the part the text was read from, so that what the importer says of a
 * line names the file's line. Read from the file's lines as they are (Latin-1: one character a byte).
 */

export interface HeaderField {
  /** The field's name, in lower case. */
  name: string;
  /** Its value, unfolded (continuation lines joined), as written: not decoded. */
  value: string;
  /** The index of its first line. */
  at: number;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** The index of the first line of the body (past the blank line). */
  body: number;
}

/** A header field's first line: a name of printable characters but the colon, then a colon. */
const FIELD = /^([!-9;-~]+)[ \t]*:[ \t]*(.*)$/u;
/** At most this many lines in one header block: a message's is a few dozen (hundreds with its delivery trail). */
const MAX_HEADER_LINES = 2000;

/** The header block whose first line is `start`; undefined when a line before the blank one is neither a field nor a field's continuation. */
export function headerAt(lines: readonly string[], start: number, end = lines.length): HeaderBlock | undefined {
  const fields: HeaderField[] = [];
  for (let i = start; i < end && i - start < MAX_HEADER_LINES; i++) {
    const line = lines[i] ?? '';
    if (line === '') return { fields, body: i + 1 };
    const last = fields[fields.length - 1];
    if (/^[ \t]/u.test(line) && last !== undefined) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const m = FIELD.exec(line);
    if (m === null) return undefined;
    fields.push({ name: (m[1] ?? '').toLowerCase(), value: m[2] ?? '', at: i });
  }
  // (A part of nothing but header fields, at the end of its message, has an empty body.)
  return fields.length > 0 && start < end ? { fields, body: end } : undefined;
}

/** A field's value by name (the first one), or undefined. */
export const fieldOf = (block: HeaderBlock, name: string): string | undefined => block.fields.find((f) => f.name === name)?.value;

/** The part of a message a mail reader shows as its text. */
export interface TextPart {
  /** The index of its body's first line, and the index after its last. */
  body: number;
  end: number;
  /** Its transfer encoding, in lower case (`7bit` when none is named). */
  encoding: string;
  html: boolean;
  flowed: boolean;
}

/** A parameter of a header field's value (`boundary`, `format`), unquoted. */
export function parameter(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(value);
  return m === null ? undefined : (m[1] ?? m[2]);
}

/** A part of a message that holds no parts of its own (a message forwarded as an attachment is one). */
export interface Leaf {
  head: HeaderBlock;
  /** Its content type, in lower case, without parameters (`text/plain` when none is named). */
  type: string;
  /** The index of its body's first line, and the index after its last. */
  body: number;
  end: number;
}

/** The leaf parts of the message or part whose header's first line is `start` (`end`: the index after its last), in order. */
export function leafParts(lines: readonly string[], start: number, end: number, depth = 0): Leaf[] {
  const head = headerAt(lines, start, end);
  if (head === undefined || depth > 50) return [];
  const contentType = fieldOf(head, 'content-type') ?? 'text/plain';
  const type = (/^[^;\s]*/u.exec(contentType.trim())?.[0] ?? '').toLowerCase();
  if (!type.startsWith('multipart/')) return [{ head, type, body: head.body, end }];
  const boundary = parameter(contentType, 'boundary');
  return boundary === undefined ? [] : multipartParts(lines, head.body, end, boundary).flatMap(([from, to]) => leafParts(lines, from, to, depth + 1));
}

/**
 * The part whose text a reader shows: the first text/plain part that is not an attachment, looked for depth
 * first through the multipart parts, else the first text/html one.
 */
export function textPart(lines: readonly string[]): TextPart | undefined {
  const shown = leafParts(lines, 0, lines.length).filter((p) => !/^\s*attachment/iu.test(fieldOf(p.head, 'content-disposition') ?? ''));
  const part = shown.find((p) => p.type === 'text/plain') ?? shown.find((p) => p.type === 'text/html');
  if (part === undefined) return undefined;
  const html = part.type === 'text/html';
  return {
    body: part.body,
    end: part.end,
    encoding: (fieldOf(part.head, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
    html,
    flowed: !html && /^flowed$/iu.test(parameter(fieldOf(part.head, 'content-type') ?? '', 'format') ?? ''),
  };
}

/** The parts of a multipart body between `--boundary` lines: each part's first line and the index after its last. */
function multipartParts(lines: readonly string[], body: number, end: number, boundary: string): [number, number][] {
  const parts: [number, number][] = [];
  const open = `--${boundary}`;
  let from: number | undefined;
  for (let i = body; i < end; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (line !== open && line !== `${open}--`) continue;
    if (from !== undefined) parts.push([from, i]);
    if (line !== open) return parts;
    from = i + 1;
  }
  if (from !== undefined) parts.push([from, end]);
  return parts;
}

/**
 * The file's line (1-based) of each of the `count` lines of the text decoded from `part`: line for line when
 * it was sent as it reads, each decoded line at the line it starts on when quoted-printable's soft breaks or
 * a flowed text's joined its lines, and the part's first line for each line of base64 or of HTML read as
 * text (whose lines are not the file's). The same when the count differs from what the part's lines make.
 */
export function textLines(lines: readonly string[], part: TextPart, count: number): number[] {
  const first = Array.from({ length: count }, () => part.body + 1);
  const qp = part.encoding === 'quoted-printable';
  if (part.html || !(qp || ['7bit', '8bit', 'binary'].includes(part.encoding))) return first;
  const starts: number[] = [];
  let open = false;
  for (let i = part.body; i < part.end; i++) {
    const line = lines[i] ?? '';
    if (!open) starts.push(i + 1);
    const bare = qp ? line.replace(/[ \t]+$/u, '') : line;
    open = (qp && bare.endsWith('=')) || (part.flowed && line.endsWith(' ') && line !== '-- ');
  }
  // (The part's last line break belongs to the boundary after it; the decoded text may end without it.)
  return Math.abs(starts.length - count) <= 1 ? Array.from({ length: count }, (_, k) => starts[k] ?? part.end) : first;
}
