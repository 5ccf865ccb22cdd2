/**
 * A configuration that JSON.parse refused, read past its syntax errors: a run that reports those errors can
 * then check the records (and the file's other keys) with it, so that one run says everything (QA: a
 * `// comment` or a key given twice hid every record's error).
 *
 * jsonc-parser reads it, taking comments and trailing commas as a desk meant them, and going on past other
 * errors as editors do. A top-level key is unsure, and set aside, when a syntax error is inside it or when a
 * key is given twice in it (which of its values was meant is not known): the run uses its default or a
 * stand-in. Everything else is read exactly as written.
 */
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type { LineOf } from '../types.js';

let lib: typeof Jsonc | undefined;
const jsonc = (): typeof Jsonc => (lib ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc);

export interface PastSyntax {
  /** Every key read, the unsure ones too. */
  data: Record<string, unknown>;
  /** The top-level keys to set aside, in the file's order. */
  unsure: string[];
  lineOf: LineOf;
}

/** Undefined when what can be read is no object (the text is an array, a value, or cut off before its first key). */
export function readPastSyntax(text: string): PastSyntax | undefined {
  const { parseTree, getNodeValue, findNodeAtLocation } = jsonc();
  const errors: Jsonc.ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (tree?.type !== 'object') return undefined;
  const properties = tree.children ?? [];
  const unsure = new Set<string>();
  const keyOf = (p: Jsonc.Node): string | undefined => (typeof p.children?.[0]?.value === 'string' ? (p.children[0].value as string) : undefined);
  for (const e of errors) {
    // (An error between two keys, `,,`, is in neither: nothing is unsure.)
    const inside = properties.find((p) => p.offset <= e.offset && e.offset < p.offset + p.length);
    const key = inside === undefined ? undefined : keyOf(inside);
    if (key !== undefined) unsure.add(key);
  }
  const seen = new Set<string>();
  for (const p of properties) {
    const key = keyOf(p);
    if (key === undefined) continue;
    if (seen.has(key) || repeats(p.children?.[1])) unsure.add(key);
    seen.add(key);
  }
  // (Every key, the unsure ones with their last value, in the file's order: the run sets them aside.)
  const data = valueOf(tree, getNodeValue) as Record<string, unknown>;
  const order = properties.map(keyOf);
  const starts = lineStarts(text);
  const lineOf: LineOf = (path) => {
    const node = findNodeAtLocation(tree, [...path]);
    // (A key not in the file at line 1, as the configuration's reader gives it: `title: required key is missing`.)
    if (node === undefined) return 1;
    const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return lineAt(starts, at);
  };
  return { data, unsure: [...unsure].sort((a, b) => order.indexOf(a) - order.indexOf(b)), lineOf };
}

/**
 * A node's value, as JSON.parse gives it: every key an own property, `__proto__` too (jsonc-parser's
 * getNodeValue assigns them, and `"__proto__": {…}` would set the object's prototype).
 */
function valueOf(node: Jsonc.Node, scalar: typeof Jsonc.getNodeValue): unknown {
  if (node.type === 'array') return (node.children ?? []).map((c) => valueOf(c, scalar));
  if (node.type !== 'object') return scalar(node) as unknown;
  const out: Record<string, unknown> = {};
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (typeof k?.value !== 'string') continue;
    Object.defineProperty(out, k.value, { value: v === undefined ? undefined : valueOf(v, scalar), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Whether an object at any depth of `node` gives a key twice. */
function repeats(node: Jsonc.Node | undefined): boolean {
  if (node === undefined || node.children === undefined) return false;
  if (node.type === 'object') {
    const keys = new Set<unknown>();
    for (const p of node.children) {
      const k = p.children?.[0]?.value;
      if (keys.has(k)) return true;
      keys.add(k);
      if (repeats(p.children?.[1])) return true;
    }
    return false;
  }
  return node.type === 'array' && node.children.some(repeats);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
