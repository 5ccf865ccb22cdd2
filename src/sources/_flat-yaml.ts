/**
 * The quickest reader of front matter, for the shape nearly every record has: `key: value` lines, the
 * values quoted strings, plain words, dates, whole numbers, booleans, nulls, or a list or map of those on
 * one line (`tags: ["Energy", "Ports"]`, `dateline: { city: Lima, timezone: America/Lima }`); or, below a
 * key, a block map of such values, a block list of them, or a block list of such maps (`- name: Ana`).
 * It gives what the reference reader (yaml, core schema, unique keys) gives for such text, and undefined
 * for anything else, which then takes the general path (_positions.ts). It is several times faster than
 * js-yaml because it never has to ask what the text might mean: whatever could mean two things is
 * refused. tests/frontmatter-fast.test.ts compares it with the reference on generated text.
 */

/** Whole numbers read as numbers: no sign, no leading zero, exact as a double. */
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Dates and desk times, which the core schema leaves strings (`2025-02-05`, `2025-02-05 09:24`, `…T09:24:00+08:00`). */
const DATEISH = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$/;
/** Plain scalars the core schema reads as booleans and null. */
const KEYWORDS = new Map<string, boolean | null>([
  ...['true', 'True', 'TRUE'].map((k) => [k, true] as const),
  ...['false', 'False', 'FALSE'].map((k) => [k, false] as const),
  ...['~', 'null', 'Null', 'NULL'].map((k) => [k, null] as const),
]);
/** Characters that start something else than a plain scalar (or that the libraries read differently) at its start. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** Not read here: not a value at all (undefined would be ambiguous with a missing key). */
const NO = Symbol('not flat');
type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

/** The front matter as data, or undefined when it is not of the flat shape (or is empty). */
export function parseFlatYaml(text: string): Record<string, Value> | undefined {
  if (!plainText(text)) return undefined;
  const lines = new Lines(text);
  const out: Record<string, Value> = {};
  let keys = 0;
  for (let line = lines.peek(); line !== undefined; line = lines.peek()) {
    lines.take(line);
    if (line.start === line.end || text.charCodeAt(line.start) === 0x23) continue; // an empty line, a comment
    if (line.indent !== 0 || !entry(lines, line, out)) return undefined;
    keys++;
  }
  return keys === 0 ? undefined : out;
}

interface Line {
  start: number;
  end: number;
  /** Spaces before its first other character (the end for a line of spaces). */
  indent: number;
}

/** The text's lines, one after another. */
class Lines {
  private at = 0;
  constructor(readonly text: string) {}

  peek(): Line | undefined {
    if (this.at >= this.text.length) return undefined;
    let end = this.text.indexOf('\n', this.at);
    if (end < 0) end = this.text.length;
    let i = this.at;
    while (i < end && this.text.charCodeAt(i) === 0x20) i++;
    return { start: this.at, end, indent: i - this.at };
  }

  take(line: Line): void {
    this.at = line.end + 1;
  }
}

/**
 * `key: value` at `line.start + line.indent` into `out`; a key with nothing after it takes the block below
 * (a map, or a list of values or of maps). False when it is not of the flat shape.
 */
function entry(lines: Lines, line: Line, out: Record<string, Value>): boolean {
  const { text } = lines;
  const from = line.start + line.indent;
  const k = key(text, from, line.end);
  if (k === undefined || text.charCodeAt(k) !== 0x3a) return false;
  const name = text.slice(from, k);
  if (Object.hasOwn(out, name)) return false;
  let v = k + 1;
  while (text.charCodeAt(v) === 0x20 && v < line.end) v++;
  let value: Value | typeof NO;
  if (v === line.end) value = line.indent === 0 ? block(lines) : NO;
  else value = v > k + 1 ? topValue(text, v, line.end) : NO;
  if (value === NO) return false;
  out[name] = value;
  return true;
}

/** The value of a top-level key written on the lines below it. */
function block(lines: Lines): Value | typeof NO {
  const first = lines.peek();
  // Nothing below (null), a blank line or a comment first: the general path.
  if (first === undefined || first.indent === first.end - first.start || lines.text.charCodeAt(first.start + first.indent) === 0x23) return NO;
  if (isDash(lines.text, first)) return blockSeq(lines, first.indent);
  return first.indent > 0 ? blockMap(lines, first.indent, 0, {}) : NO;
}

/** A line that is a list entry: `-` then a space. */
function isDash(text: string, line: Line): boolean {
  const i = line.start + line.indent;
  return text.charCodeAt(i) === 0x2d && text.charCodeAt(i + 1) === 0x20;
}

/**
 * Whether the next line goes on at `indent` (true), ends the block (false: end of text, a blank line, a
 * line at the left margin or at `outer`, the indentation of the list the block is an entry of), or
 * cannot be read here (NO).
 */
function goesOn(lines: Lines, indent: number, outer: number): boolean | typeof NO {
  const line = lines.peek();
  if (line === undefined || line.start === line.end || line.indent === line.end - line.start) return false;
  if (lines.text.charCodeAt(line.start + line.indent) === 0x23) return NO; // comments in blocks: the general path
  if (line.indent === indent) return true;
  return line.indent === 0 || line.indent === outer ? false : NO;
}

/** `key: value` lines at `indent` (values on their line), into `out`. */
function blockMap(lines: Lines, indent: number, outer: number, out: Record<string, Value>): Value | typeof NO {
  for (let on = goesOn(lines, indent, outer); on === true; on = goesOn(lines, indent, outer)) {
    const line = lines.peek() as Line;
    if (isDash(lines.text, line)) return NO;
    lines.take(line);
    if (!entry(lines, line, out)) return NO;
  }
  return out;
}

/** `- value` lines at `indent`; an entry may be a map (`- name: Ana` and keys at indent + 2 below it). */
function blockSeq(lines: Lines, indent: number): Value | typeof NO {
  const { text } = lines;
  const out: Value[] = [];
  for (let on = goesOn(lines, indent, 0); on === true; on = goesOn(lines, indent, 0)) {
    const line = lines.peek() as Line;
    if (!isDash(text, line)) {
      if (indent === 0) break; // the next top-level key
      return NO;
    }
    lines.take(line);
    const from = line.start + line.indent + 2;
    if (text.charCodeAt(from) === 0x20) return NO;
    const k = key(text, from, line.end);
    if (k !== undefined && text.charCodeAt(k) === 0x3a && (k + 1 === line.end || text.charCodeAt(k + 1) === 0x20)) {
      const map: Record<string, Value> = {};
      if (!entry(lines, { start: line.start, end: line.end, indent: line.indent + 2 }, map)) return NO;
      const rest = blockMap(lines, indent + 2, indent, map);
      if (rest === NO) return NO;
      out.push(rest);
    } else {
      const value = topValue(text, from, line.end);
      if (value === NO) return NO;
      out.push(value);
    }
  }
  return out;
}

/**
 * Only printable characters YAML and both libraries agree on: no tabs, CRs, control characters, NEL,
 * line or paragraph separators, BOMs, non-characters, unpaired surrogates. (Exported for its test.)
 */
export function plainText(text: string): boolean {
  // A regular expression scans far faster than the loop, which only runs when it finds a suspect.
  if (!SUSPECT.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0x0a) continue;
    if (c < 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/** What plainText's loop may refuse (surrogates, paired or not, included). */
const SUSPECT = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** A key at `start` (letters, digits, `_`; not `__proto__`): the index after it, or undefined. */
function key(text: string, start: number, end: number): number | undefined {
  let i = start;
  for (; i < end && i - start < 64; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (!letter && !(i > start && c >= 0x30 && c <= 0x39)) break;
  }
  if (i === start) return undefined;
  // Keys the core schema reads as booleans or null (yaml names a null key ""), and one JS would not keep.
  const name = i - start <= 9 ? text.slice(start, i) : '';
  if (name === '__proto__' || KEYWORDS.has(name)) return undefined;
  return i;
}

/** What may follow a value on its line: spaces, then nothing or a comment. */
function restOfLine(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && text.charCodeAt(j) === 0x20) j++;
  return j === end || (j > i && text.charCodeAt(j) === 0x23);
}

function topValue(text: string, v: number, end: number): Value | typeof NO {
  if (v >= end) return NO; // a key whose value is on the next lines, or null: the general path
  const c = text.charCodeAt(v);
  if (c === 0x22 || c === 0x27 || c === 0x5b || c === 0x7b) { // " ' [ {
    const r = c === 0x5b ? flowSeq(text, v, end) : c === 0x7b ? flowMap(text, v, end) : quoted(text, v, end);
    return r !== undefined && restOfLine(text, r.next, end) ? r.value : NO;
  }
  let last = end;
  while (text.charCodeAt(last - 1) === 0x20) last--;
  return plain(text.slice(v, last), false);
}

/** A plain (unquoted) scalar, resolved as the core schema does; NO for anything it could be ambiguous about. */
function plain(s: string, flow: boolean): Value | typeof NO {
  if (s === '') return NO;
  const c = s.charCodeAt(0);
  if (INDICATORS.has(c)) return NO;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d === 0x23 || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d) return NO; // # [ ] { }
    if (d === 0x3a && (i === s.length - 1 || s.charCodeAt(i + 1) === 0x20)) return NO; // ": ", a final ":"
    if (flow && (d === 0x2c || d === 0x22 || d === 0x27)) return NO; // , " '
  }
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e) { // digits, + and . start numbers (and .inf, .nan)
    if (INTEGER.test(s)) return Number(s);
    return DATEISH.test(s) ? s : NO;
  }
  const keyword = KEYWORDS.get(s);
  return keyword === undefined ? s : keyword;
}

interface Read {
  value: Value;
  next: number;
}

/** A double- or single-quoted scalar that closes on its line; JSON's escapes only. */
function quoted(text: string, q: number, end: number): Read | undefined {
  const c = text.charCodeAt(q);
  let escaped = false;
  for (let i = q + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (c === 0x27) {
      if (d !== 0x27) continue;
      if (text.charCodeAt(i + 1) === 0x27 && i + 1 < end) {
        escaped = true;
        i++;
        continue;
      }
      const body = text.slice(q + 1, i);
      return { value: escaped ? body.replaceAll("''", "'") : body, next: i + 1 };
    }
    if (d === 0x22) return { value: escaped ? (JSON.parse(text.slice(q, i + 1)) as string) : text.slice(q + 1, i), next: i + 1 };
    if (d === 0x5c) {
      const e = text.charCodeAt(i + 1);
      if (e === 0x75) { // \uXXXX, not a surrogate
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex) || (parseInt(hex, 16) >= 0xd800 && parseInt(hex, 16) <= 0xdfff)) return undefined;
        i += 5;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x6e || e === 0x74) i++; // \" \\ \/ \n \t
      else return undefined;
      escaped = true;
    }
  }
  return undefined;
}

/** One value in a flow collection: a quoted scalar or a plain one (no nesting). */
function flowValue(text: string, i: number, end: number, closer: number): Read | undefined {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x27) return quoted(text, i, end);
  let j = i;
  while (j < end && text.charCodeAt(j) !== 0x2c && text.charCodeAt(j) !== closer) j++;
  let last = j;
  while (text.charCodeAt(last - 1) === 0x20) last--;
  const value = plain(text.slice(i, last), true);
  return value === NO ? undefined : { value, next: j };
}

function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === 0x20) i++;
  return i;
}

/** After a value in a flow collection: the index after its "," (and spaces), -1 at the closer, or undefined. */
function separator(text: string, i: number, end: number, closer: number): number | undefined {
  const j = skipSpaces(text, i);
  if (j >= end) return undefined;
  const c = text.charCodeAt(j);
  if (c === closer) return -1;
  if (c !== 0x2c) return undefined;
  const k = skipSpaces(text, j + 1);
  // No empty entry and no trailing comma: the libraries differ there.
  return k < end && text.charCodeAt(k) !== closer && text.charCodeAt(k) !== 0x2c ? k : undefined;
}

/** `[a, "b", 'c']` on one line. */
function flowSeq(text: string, open: number, end: number): Read | undefined {
  const out: Value[] = [];
  let i = skipSpaces(text, open + 1);
  if (text.charCodeAt(i) === 0x5d) return { value: out, next: i + 1 };
  for (;;) {
    const r = flowValue(text, i, end, 0x5d);
    if (r === undefined) return undefined;
    out.push(r.value);
    const next = separator(text, r.next, end, 0x5d);
    if (next === undefined) return undefined;
    if (next < 0) return { value: out, next: text.indexOf(']', r.next) + 1 };
    i = next;
  }
}

/** `{ key: a, key2: "b" }` on one line. */
function flowMap(text: string, open: number, end: number): Read | undefined {
  const out: Record<string, Value> = {};
  let i = skipSpaces(text, open + 1);
  if (text.charCodeAt(i) === 0x7d) return { value: out, next: i + 1 };
  for (;;) {
    const k = key(text, i, end);
    if (k === undefined || text.charCodeAt(k) !== 0x3a || text.charCodeAt(k + 1) !== 0x20) return undefined;
    const name = text.slice(i, k);
    if (Object.hasOwn(out, name)) return undefined;
    const r = flowValue(text, skipSpaces(text, k + 2), end, 0x7d);
    if (r === undefined) return undefined;
    out[name] = r.value;
    const next = separator(text, r.next, end, 0x7d);
    if (next === undefined) return undefined;
    if (next < 0) return { value: out, next: text.indexOf('}', r.next) + 1 };
    i = next;
  }
}
