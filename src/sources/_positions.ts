/**
 * Parses YAML (front matter) or JSON text into plain data plus a `lineOf(path)` that finds the line of a
 * key, so every message can point at the line to fix.
 *
 * The reference reader is the `yaml` package (core schema, unique keys) with a LineCounter: it gives the
 * data, the syntax errors and the lines. It is slow, and lines are only wanted when there is something to
 * report, so there is a fast path that gives exactly the same results:
 * - YAML that uses nothing where js-yaml and yaml are known to disagree (see `yamlFastPathSafe`) is read by
 *   js-yaml (CORE_SCHEMA, so `2025-02-05 09:24` stays a string); if js-yaml throws, yaml reads it again so
 *   errors keep their messages and lines.
 * - JSON is read by JSON.parse; a scan finds what yaml would read differently (duplicate keys, lone CRs, a
 *   key whose colon is on a later line) and sends that text to yaml, and notes the line of each top-level key.
 * In both, `lineOf` parses with yaml on first use (memoised), except for what it can answer without it.
 * tests/frontmatter-fast.test.ts compares the two paths.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node, Pair } from 'yaml';

/** The yaml library, loaded on first use: only errors and line numbers need it, and loading it costs start-up time. */
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
import { fieldName } from '../core/_paths.js';
import { diagnostic, Errors } from '../errors.js';
import { parseFlatYaml } from './_flat-yaml.js';
import { jsonProblem } from './_json-errors.js';
import { yamlProblem } from './_yaml-errors.js';
import type { Diagnostic, LineOf, SourceOf } from '../types.js';

export interface Parsed {
  data: unknown;
  lineOf: LineOf;
  /** The text of the scalar at `path` as written (`007`, `1.50`), for messages. */
  sourceOf: SourceOf;
  diagnostics: Diagnostic[];
}

/**
 * How many texts took each path, and how many times yaml parsed a text (slow path, or lines asked of a
 * fast one). A hook for tests; nothing reads it otherwise.
 */
export const parseStats = { flat: 0, fast: 0, slow: 0, yamlParses: 0 };

/** `firstLine` is the file line on which `text` starts (front matter starts on line 2). */
export function parseYaml(text: string, file: string, firstLine: number): Parsed {
  const flat = parseFlatYaml(text);
  if (flat !== undefined) {
    parseStats.flat++;
    return { data: flat, ...lazyPositions(text, firstLine), diagnostics: [] };
  }
  if (yamlFastPathSafe(text)) {
    let data: unknown;
    let ok = true;
    try {
      data = load(text, { schema: CORE_SCHEMA, json: false });
    } catch {
      ok = false;
    }
    if (ok) {
      parseStats.fast++;
      // js-yaml reads an empty text (or only comments) as undefined, yaml as null.
      return { data: data === undefined ? null : data, ...lazyPositions(text, firstLine), diagnostics: [] };
    }
  }
  parseStats.slow++;
  return parseYamlSlow(text, file, firstLine);
}

/** `record`: the text is a record's (which could have been Markdown), for the advice of a syntax error. */
export function parseJson(text: string, file: string, record = false): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return jsonSyntaxError(e, text, file, record);
  }
  // Strict JSON is YAML 1.2: yaml reads it (data, errors, lines) unless the scan finds nothing it reads differently.
  const scan = scanJson(text);
  if (scan === undefined) {
    parseStats.slow++;
    return parseYamlSlow(text, file, 1, true);
  }
  parseStats.fast++;
  const slow = lazyPositions(text, 1);
  const lineOf: LineOf = (path) => {
    // What yaml's lineOf answers here: the line of a top-level key, or line 1 when there is no such key.
    if (path.length === 0) return 1;
    if (path.length === 1 && typeof path[0] === 'string') return scan.top?.get(path[0]) ?? 1;
    return slow.lineOf(path);
  };
  return { data, lineOf, sourceOf: slow.sourceOf, diagnostics: [] };
}

/** The reference reader for YAML: yaml with a LineCounter, for data, errors and lines at once (tests compare). */
export function parseYamlSlow(text: string, file: string, firstLine: number, json = false): Parsed {
  const { doc, lineAt, lineOf, sourceOf } = positions(text, firstLine);
  // (JSON that JSON.parse took can still hold a key twice, which yaml finds: a JSON error all the same.)
  // (One mistake can give two errors that say the same once in our words: said once.)
  const said = new Set<string>();
  const diagnostics = doc.errors.flatMap((e) => {
    const problem = yamlProblem(e, text);
    // (A key given twice is named as a field is, for `--json` and editors: QA.)
    const field = e.code === 'DUPLICATE_KEY' ? keyAt(doc, e.pos[0]) : undefined;
    const detail = field === undefined ? problem.detail : 'the key is given twice';
    const d = diagnostic(json ? Errors.JsonSyntax : Errors.YamlSyntax, { file, line: lineAt(problem.offset), ...(field === undefined ? {} : { field }) }, detail);
    const key = `${d.line}\0${d.message}`;
    if (said.has(key)) return [];
    said.add(key);
    return [d];
  });
  if (diagnostics.length > 0) return { data: undefined, lineOf, sourceOf, diagnostics };
  try {
    return { data: doc.toJS(), lineOf, sourceOf, diagnostics };
  } catch (e) {
    const problem = aliasProblem(e, doc, text);
    if (problem === undefined) throw e;
    return { data: undefined, lineOf, sourceOf, diagnostics: [diagnostic(json ? Errors.JsonSyntax : Errors.YamlSyntax, { file, line: lineAt(problem.offset) }, problem.detail)] };
  }
}

/**
 * What yaml's `toJS` refuses, as an error of the file's rather than an internal one (QA: exit 70): more
 * aliases than it expands (a "billion laughs" front matter), at the first alias; an alias (`*a`) with no
 * anchor (`&a`) before it, at that alias. Anything else is not the file's, and is thrown on.
 */
function aliasProblem(e: unknown, doc: Document.Parsed, text: string): { offset: number; detail: string } | undefined {
  if (!(e instanceof ReferenceError)) return undefined;
  if (/^Excessive alias count/.test(e.message)) {
    const at = text.search(/(?:^|[\s[{,:-])\*[^\s,\]}]/m);
    return { offset: Math.max(0, at), detail: 'too many aliases (*name) to expand: write the values out' };
  }
  if (!/^Unresolved alias/.test(e.message)) return undefined;
  let found: { offset: number; detail: string } | undefined;
  yaml().visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      found = { offset: node.range?.[0] ?? 0, detail: `the alias *${node.source} names no anchor: write &${node.source} on a value before it, or write the value out` };
      return yaml().visit.BREAK;
    },
  });
  return found ?? { offset: 0, detail: 'an alias (*name) names no anchor before it' };
}

/** The reference reader for JSON: JSON.parse to check it, then yaml for everything (tests compare). */
export function parseJsonSlow(text: string, file: string): Parsed {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonSyntaxError(e, text, file);
  }
  return parseYamlSlow(text, file, 1, true);
}

function jsonSyntaxError(e: unknown, text: string, file: string, record = false): Parsed {
  // Where and what, from jsonc-parser (`_json-errors.ts`); JSON.parse's own message only where it finds nothing.
  const found = jsonProblem(text, record);
  if (found !== undefined) {
    const before = text.slice(0, found.offset);
    const line = before.split('\n').length;
    const column = found.offset - before.lastIndexOf('\n');
    return { data: undefined, lineOf: () => line, sourceOf: () => undefined, diagnostics: [diagnostic(Errors.JsonSyntax, { file, line }, `${found.detail} (column ${column})`)] };
  }
  const message = e instanceof Error ? e.message : String(e);
  const position = /position (\d+)/.exec(message)?.[1];
  // "Unexpected end of JSON input" has no position: the text stops short, so point at its last line.
  const line = position === undefined ? (/end of JSON input/.test(message) ? text.trimEnd().split('\n').length : undefined)
    : text.slice(0, Number(position)).split('\n').length;
  // (V8 quotes the text around the token, line breaks and all: `Unexpected token ']', ..."B"},\n]" is not valid JSON`.)
  const detail = message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '').replace(/, (?:\.\.\.)?".*$/s, '');
  return { data: undefined, lineOf: () => line ?? 1, sourceOf: () => undefined, diagnostics: [diagnostic(Errors.JsonSyntax, { file, line: line ?? 1 }, detail)] };
}

function positions(text: string, firstLine: number): { doc: Document.Parsed; lineAt: (offset: number) => number; lineOf: LineOf; sourceOf: SourceOf } {
  parseStats.yamlParses++;
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = yaml();
  const counter = new LineCounter();
  // yaml finds a key given twice by comparing each key with every one before it: a front matter of 50,000
  // keys took it 10 s (QA). With more keys than that could take long, the keys are compared here, by value in
  // a set, and a repeat is yaml's own error at the same place.
  const many = colons(text) > MANY_KEYS;
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: !many, schema: 'core' });
  if (many) repeatedKeys(doc);
  const lineAt = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  /** Each mapping's pairs by key, made on the first look into it: a record of 50,000 unknown keys asked each one's line (QA: 24 s). */
  const pairsOf = new WeakMap<object, Map<unknown, Pair>>();
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let line = firstLine > 1 ? firstLine - 1 : 1;
    for (const key of path) {
      if (isMap(node)) {
        let pairs = pairsOf.get(node);
        if (pairs === undefined) {
          pairs = new Map();
          // (The first of a key written twice, as find() gave it.)
          for (const p of node.items) {
            const k = isScalar(p.key) ? p.key.value : p.key;
            if (!pairs.has(k)) pairs.set(k, p);
          }
          pairsOf.set(node, pairs);
        }
        const pair = pairs.get(key);
        if (pair === undefined) break;
        const start = (pair.key as Node | null)?.range?.[0];
        if (start !== undefined) line = lineAt(start);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (item?.range == null) break;
        line = lineAt(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  const sourceOf: SourceOf = (path) => {
    const node = doc.getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  };
  return { doc, lineAt, lineOf, sourceOf };
}

/** Keys (colons, an upper bound of them) past which yaml's own check for keys given twice, quadratic, is left to `repeatedKeys`. */
const MANY_KEYS = 2_000;

function colons(text: string): number {
  let n = 0;
  for (let at = text.indexOf(':'); at !== -1 && n <= MANY_KEYS; at = text.indexOf(':', at + 1)) n += 1;
  return n;
}

/**
 * yaml's DUPLICATE_KEY errors ("Map keys must be unique", at the repeat's key) for a document parsed without
 * `uniqueKeys`: the same keys (scalars of one value; a collection as a key is its own), in linear time, and
 * the errors in the order of their places, as yaml gives them.
 */
function repeatedKeys(doc: Document.Parsed): void {
  const { isScalar, visit, YAMLParseError } = yaml();
  const found: InstanceType<typeof YAMLParseError>[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const start = pair.key.range?.[0] ?? 0;
        if (seen.has(pair.key.value)) found.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(pair.key.value);
      }
    },
  });
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** The field (`feeds.tags`, `authors[1].name`) whose key starts at `offset`, or undefined. */
function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  const { isPair, isScalar, isSeq, visit } = yaml();
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      const path: (string | number)[] = [];
      for (let i = 0; i < ancestors.length; i++) {
        const a = ancestors[i];
        if (isPair(a) && isScalar(a.key)) path.push(String(a.key.value));
        else if (isSeq(a)) path.push(a.items.indexOf(ancestors[i + 1] as never));
      }
      path.push(String(pair.key.value));
      found = fieldName(path);
      return visit.BREAK;
    },
  });
  return found;
}

/** yaml's lineOf and sourceOf, parsed on the first call of either only. */
function lazyPositions(text: string, firstLine: number): { lineOf: LineOf; sourceOf: SourceOf } {
  let made: ReturnType<typeof positions> | undefined;
  return { lineOf: (path) => (made ??= positions(text, firstLine)).lineOf(path), sourceOf: (path) => (made ??= positions(text, firstLine)).sourceOf(path) };
}

/**
 * What js-yaml and yaml read differently, or where one reports an error and the other does not, found by
 * trying both and by differential fuzzing. A match only costs speed (yaml reads the text). `(?<![^\s...])`
 * is "at the start of the text, or after white space or one of ...": where a token can start.
 */
const SLOW_YAML = new RegExp([
  // Anchors, aliases, tags, directives and reserved indicators at the start of a token; merge keys.
  /(?<![^\s[\]{},])[&*!%@`]|<</.source,
  // Document markers.
  /^(?:---|\.\.\.)/.source,
  // Explicit keys (`? `), empty keys (`: `, yaml {"": x}, js-yaml throws), keys that are null (yaml "",
  // js-yaml "null"; in a flow map a key needs no ":", so null before "," or "}" too) or collections (yaml
  // "[ a, b ]", js-yaml "a,b"; without ":" in a flow map: see lineSafe).
  /(?<![^\s[\]{},])(?:[?:](?![^\s[\]{},])|(?:~|null|Null|NULL) *(?::(?![^\s[\]{},])|[,}]))|[\]}] *:/.source,
  // A comment right after a quote or a bracket: yaml wants white space before "#", js-yaml does not.
  /[^\s\w]#/.source,
  // Numbers: js-yaml reads 0b101, -0x1F and +0o17 as numbers (yaml: strings), -.5 as a string (yaml: -0.5),
  // -0 as 0 (yaml: -0), and 1e400 as a string (yaml: Infinity). (Long digit runs: see lineSafe.)
  /(?<![^\s[{,:])(?:[-+]0[xob]|0b|[-+]\.[0-9]|-0(?![\w.])|[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]{3})/.source,
  // Block scalars with an indentation indicator or keep chomping (+), or that start with an empty line
  // (yaml refuses one with more spaces than the text after it, js-yaml does not).
  /[|>](?:[-+]?[0-9]|[0-9]?\+|-? *(?:#.*)?\n *(?:\n|$))/.source,
  // An empty sequence entry (`-` ending its line, or before a comment): js-yaml may take a less indented
  // next line into it, or a sibling entry as a nested one; yaml does not.
  /(?<!\S)- *(?:#.*)?$/.source,
].join('|'), 'gm');

/**
 * Characters: tabs (the libraries' indentation rules differ), CRs, control characters, NEL, line and
 * paragraph separators, BOMs, non-characters, unpaired surrogates. Anywhere, comments included.
 */
const SLOW_CHARS = /[\t\r\0-\x08\v\f\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether SLOW_YAML matches outside comment lines (`# it's *the* `draft: true` case` is fine). */
function slowSyntax(text: string): boolean {
  SLOW_YAML.lastIndex = 0;
  for (let m = SLOW_YAML.exec(text); m !== null; m = SLOW_YAML.exec(text)) {
    let first = text.lastIndexOf('\n', m.index) + 1;
    while (text.charCodeAt(first) === 0x20) first++;
    if (text.charCodeAt(first) !== 0x23 || m.index < first) return true;
    const next = text.indexOf('\n', m.index);
    if (next < 0) return false;
    SLOW_YAML.lastIndex = next + 1;
  }
  return false;
}

/** Numbers too big for a double: js-yaml leaves them strings, yaml makes them Infinity. */
const HUGE_NUMBER = /(?<![^\s[{,:])[-+]?(?:0x[0-9a-fA-F]{200}|0o[0-7]{300}|[0-9]{300})/;

/** True when js-yaml reads `text` exactly as yaml does (or throws, and yaml then reads it). */
export function yamlFastPathSafe(text: string): boolean {
  if (SLOW_CHARS.test(text) || slowSyntax(text)) return false;
  let blockIndent = -1; // in a block scalar: the indentation of its key (lines indented more are its text)
  let open = false; // the last line of content was a key without a value: its value may come on a later line
  let blank = false; // and a blank line has come since
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 0x20) indent++;
    if (start + indent === end) blank = open;
    else if (blockIndent < 0 || indent <= blockIndent) {
      if (text.charCodeAt(start + indent) === 0x23) {
        // yaml refuses `a:`, a blank line, a comment, then a's value; js-yaml takes it.
        if (blank) return false;
        blockIndent = -1; // a comment indented no more than the key ends the block scalar
      } else {
        const comment = lineSafe(text, start, end);
        if (comment < 0) return false;
        // How the line ends (before a comment): a key without a value, or a block scalar's header.
        let last = comment - 1;
        while (last > start && text.charCodeAt(last) === 0x20) last--;
        const c = text.charCodeAt(last);
        open = c === 0x3a; // :
        blockIndent = (c === 0x7c || c === 0x3e || c === 0x2d) && BLOCK_SCALAR_KEY.test(text.slice(start, last + 1)) ? indent : -1; // | > -
        blank = false;
      }
    }
    start = end + 1;
  }
  return true;
}

/** `key: |` or `key: >-` and the like, the key plain: the lines after it that are indented more are text. */
const BLOCK_SCALAR_KEY = /^ *[^\s#'"[\]{}?:,|>@&*!%`-](?:[^:#]|:(?=\S))*: +[|>]-?$/;

const INDICATOR_COLON = /:(?:[\s,[\]{}]|$)/;

/** What lineSafe looks at: quotes, brackets, comments and the end of the line. */
const LINE_TOKENS = /["'[\]{}#\n]/g;

/**
 * One line: a flow collection must close on the line it opens on (yaml and js-yaml differ on how far the
 * lines of a multi-line one must be indented), and so must a quoted scalar (the same for its lines); no
 * implicit key may be longer than 1024 characters (yaml's limit; js-yaml has none). Brackets count
 * anywhere but in quotes and comments, so a bracket in a plain scalar only costs speed. Returns -1 if the
 * line is not safe, else where its comment starts (or its end).
 */
function lineSafe(text: string, start: number, end: number): number {
  if (end - start > 200) {
    const line = text.slice(start, end);
    if (HUGE_NUMBER.test(line) || (line.length > 1000 && INDICATOR_COLON.test(line.slice(1000)))) return -1;
  }
  let depth = 0;
  let maps = 0; // which open brackets are "{", as bits (deeper than 31 only costs speed)
  LINE_TOKENS.lastIndex = start;
  for (let m = LINE_TOKENS.exec(text); m !== null && m.index < end; m = LINE_TOKENS.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) { // [ {
      // A collection as a key in a flow map (`{[a]}`, `{a: 1, {b: 2}}`): yaml and js-yaml name it differently.
      if (depth > 0 && (depth > 31 || (maps >>> (depth - 1)) & 1)) {
        let p = i - 1;
        while (text.charCodeAt(p) === 0x20) p--;
        if (text.charCodeAt(p) === 0x7b || text.charCodeAt(p) === 0x2c) return -1; // { ,
      }
      if (depth < 31) maps = c === 0x7b ? maps | (1 << depth) : maps & ~(1 << depth);
      depth++;
    } else if (c === 0x5d || c === 0x7d) { // ] }
      if (--depth < 0) return -1;
    } else if (c === 0x23) { // #
      if (i === start || text.charCodeAt(i - 1) === 0x20) return depth === 0 ? i : -1; // a comment
    } else if (quoteOpens(text, start, i, depth > 0)) { // " '
      const close = closingQuote(text, i, end);
      if (close < 0) return -1;
      LINE_TOKENS.lastIndex = close + 1;
    }
  }
  return depth === 0 ? end : -1;
}

/**
 * Whether the quote at `at` may open a quoted scalar, that is, may start a node: first on its line, or
 * after "- ", "? " or ": ", or in a flow collection after "[", "{", "," or ":". Otherwise it is inside a
 * plain scalar (`it's`, `a 'b`). When unsure, yes: that only costs speed.
 */
function quoteOpens(text: string, lineStart: number, at: number, inFlow: boolean): boolean {
  let p = at - 1;
  while (p >= lineStart && text.charCodeAt(p) === 0x20) p--;
  if (p < lineStart) return true;
  const c = text.charCodeAt(p);
  const spaced = p < at - 1;
  if (inFlow && (c === 0x5b || c === 0x7b || c === 0x2c || c === 0x3a)) return true; // [ { , :
  if (c === 0x3a) return spaced; // :
  if (c === 0x2d || c === 0x3f) return spaced && (p === lineStart || text.charCodeAt(p - 1) === 0x20); // - ?
  return false;
}

/** The offset of the quote that closes the one at `open`, on the same line, or -1. */
function closingQuote(text: string, open: number, end: number): number {
  const q = text.charCodeAt(open);
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (q === 0x22 && c === 0x5c) i++; // \ escapes the next character in double quotes
    else if (c === q) {
      if (q === 0x27 && text.charCodeAt(i + 1) === 0x27 && i + 1 < end) i++; // '' in single quotes
      else return i;
    }
  }
  return -1;
}

/**
 * Checks strict JSON (JSON.parse has accepted it) for what yaml reads differently, and notes the line of
 * each top-level key (`top` is null when the value is not an object). Undefined: let yaml read it.
 */
function scanJson(text: string): { top: Map<string, number> | null } | undefined {
  if (/\r(?!\n)/.test(text)) return undefined; // a lone CR is white space to JSON and a line break to yaml
  const stack: (Set<string> | null)[] = []; // the keys seen so far in each open object; null for arrays
  let top: Map<string, number> | null = null;
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x09 && stack.length === 0) return undefined; // yaml: "Tabs are not allowed as indentation"
    else if (c === 0x7b) { // {
      stack.push(new Set());
      if (stack.length === 1) top = new Map();
      expectKey = true;
    } else if (c === 0x5b) { // [
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) { // } ]
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) expectKey = stack[stack.length - 1] instanceof Set; // ,
    else if (c === 0x22) { // "
      // JSON strings hold no raw line breaks; the closing quote is the first one after an even run of backslashes.
      let close = text.indexOf('"', i + 1);
      for (;;) {
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      if (expectKey) {
        const keys = stack[stack.length - 1];
        const raw = text.slice(i + 1, close);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, close + 1)) as string) : raw;
        if (!(keys instanceof Set) || keys.has(key)) return undefined; // yaml: "Map keys must be unique"
        keys.add(key);
        if (stack.length === 1) top?.set(key, line);
        // yaml wants an implicit key and its ':' on one line.
        for (let k = close + 1; text.charCodeAt(k) !== 0x3a; k++) if (text.charCodeAt(k) === 0x0a) return undefined;
        expectKey = false;
      }
      i = close;
    }
  }
  return { top };
}
