/**
 * Parses YAML (front matter) or JSON text into plain data plus a `lineOf(path)` that finds the line of a
 * key, so every message can point at the line to fix. JSON is read by the YAML parser for positions (it
 * is YAML 1.2) after JSON.parse has confirmed it is strict JSON.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic, LineOf } from '../types.js';

export interface Parsed {
  data: unknown;
  lineOf: LineOf;
  diagnostics: Diagnostic[];
}

/** `firstLine` is the file line on which `text` starts (front matter starts on line 2). */
export function parseYaml(text: string, file: string, firstLine: number): Parsed {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true, schema: 'core' });
  const lineAt = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  const diagnostics = doc.errors.map((e) => diagnostic(Errors.YamlSyntax, { file, line: lineAt(e.pos[0]) }, yamlMessage(e, text)));
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let line = firstLine > 1 ? firstLine - 1 : 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
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
  return { data: diagnostics.length > 0 ? undefined : doc.toJS(), lineOf, diagnostics };
}

export function parseJson(text: string, file: string): Parsed {
  try {
    JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message)?.[1];
    // "Unexpected end of JSON input" has no position: the text stops short, so point at its last line.
    const line = position === undefined ? (/end of JSON input/.test(message) ? text.trimEnd().split('\n').length : undefined)
      : text.slice(0, Number(position)).split('\n').length;
    const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    return { data: undefined, lineOf: () => line ?? 1, diagnostics: [diagnostic(Errors.JsonSyntax, { file, line: line ?? 1 }, detail)] };
  }
  return parseYaml(text, file, 1);
}

/** The yaml library's message, first line only, with what to do for the mistakes desks make most. */
function yamlMessage(e: { code: string; message: string; pos: [number, number] }, text: string): string {
  const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\n:]*/.exec(text.slice(e.pos[0]))?.[0].trim();
      return key ? `the key "${key}" is given twice` : first;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${first}; put quotes around a value that contains ": "`;
    default:
      return /Nested mappings are not allowed in compact mappings/.test(first) ? `${first}; put quotes around a value that contains ": "` : first;
  }
}
