/**
 * A record's strings before its fields are read: characters XML forbids taken out (and counted), markup in
 * plain text said (the W3C validator's ContainsHTML), direction controls a field opens closed, each at the
 * field's line; and nesting deeper than any record's refused before anything walks it.
 */
import { diagnostic, Errors } from '../errors.js';
import type { Diagnostic, RawRecord } from '../types.js';
import { fieldPattern, type FieldPath } from './_paths.js';
import { closeBidi, MARKUP, mayHoldForbidden, stripForbidden } from './_text.js';

export type Fields = Record<string, unknown>;
export type At = (path: FieldPath) => { file: string; line: number | undefined; field: string };

/**
 * The record's data and body as the fields are read from: cleaned of forbidden characters, direction
 * controls closed; what was changed said in `out`.
 */
export function cleanStrings(raw: RawRecord, at: At, out: Diagnostic[]): { data: Fields; bodyText: string } {
  let data = (raw.clean !== true && anyForbidden(raw.data) ? clean(raw.data, [], (path, removed) => out.push(diagnostic(Errors.CharsStripped, at(path), removed))) : raw.data) as Fields;
  let bodyText = raw.body ?? '';
  const strippedBody = raw.clean === true ? { text: bodyText, removed: 0 } : stripForbidden(bodyText);
  if (strippedBody.removed > 0) {
    out.push(diagnostic(Errors.CharsStripped, { file: raw.file, line: raw.lineOf(['body']), field: 'body' }, strippedBody.removed));
    bodyText = strippedBody.text;
  }

  if (raw.noMarkup !== true) {
    const closed: [FieldPath, string][] = [];
    eachString(data, [], (path, text) => {
      const markup = MARKUP.exec(text)?.[0];
      if (markup !== undefined && PROSE.has(fieldPattern(path))) out.push(diagnostic(Errors.TextLooksLikeHtml, at([...path]), markup));
      // Text the feeds print (not an id or a URL, which would change) closes the direction controls it opens.
      const bidi = closeBidi(text);
      if (bidi.closed > 0 && PROSE.has(fieldPattern(path))) {
        out.push(diagnostic(Errors.BidiUnclosed, at([...path]), bidi.closed));
        closed.push([[...path], bidi.text]);
      }
    });
    for (const [path, text] of closed) data = withValue(data, path, text);
  }
  return { data, bodyText };
}

/** Nesting no record needs (its fields go three deep: `contributors[0].name`); past it, a record is not walked. */
export const MAX_DEPTH = 64;

/**
 * The path to a list or mapping nested deeper than `limit`, found without recursion; undefined when there is
 * none. (Every record is walked: its depths alone first, with no path made for each value, which was 3% of a
 * 10k main-feed build; the path only for one found too deep.)
 */
export function deepestPath(data: unknown, limit: number): FieldPath | undefined {
  const values: unknown[] = [data];
  const depths: number[] = [0];
  let deep = false;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) {
      deep = true;
      break;
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const x of children) {
      if (x === null || typeof x !== 'object') continue;
      values.push(x);
      depths.push(depth + 1);
    }
  }
  return deep ? pathDeeperThan(data, limit) : undefined;
}

/** The path deepestPath finds, walked again with each value's path. */
function pathDeeperThan(data: unknown, limit: number): FieldPath | undefined {
  const stack: { value: unknown; path: FieldPath }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: FieldPath };
    if (value === null || typeof value !== 'object') continue;
    if (path.length > limit) return path;
    if (Array.isArray(value)) value.forEach((x, i) => stack.push({ value: x, path: [...path, i] }));
    else for (const [k, x] of Object.entries(value)) stack.push({ value: x, path: [...path, k] });
  }
  return undefined;
}

/** Whether any string or key in the data may hold a character `clean` would strip (false: none does). */
function anyForbidden(v: unknown): boolean {
  if (typeof v === 'string') return mayHoldForbidden(v);
  if (Array.isArray(v)) return v.some(anyForbidden);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => mayHoldForbidden(k) || anyForbidden(x));
  return false;
}

/**
 * The record's data without the characters XML forbids in its values, each removal reported at its path.
 * Keys stay as written: one holding such a character (`"ti\u0003tle"`) is no field the record has, and is
 * said as unknown at its line, with the one meant (QA: it was reported at line 1 under another name, or
 * taken for the field it spells without them, over the record's own).
 */
function clean(v: unknown, path: FieldPath, report: (path: FieldPath, removed: number) => void): unknown {
  if (typeof v === 'string') {
    // In a name, Word's line break (U+000B), a form feed or NEL stands between words: it is taken out as
    // elsewhere (and counted), but as a line break, which oneLine makes one space with the spaces around
    // it, so "Ann\u000bLee" is not glued into "AnnLee" nor "Ann \u000b Lee" spaced thrice.
    const between = /[\v\f\u0085]/.test(v) && NAME_FIELDS.has(fieldPattern(path)) ? (v.match(/[\v\f\u0085]/g) ?? []).length : 0;
    const s = stripForbidden(between > 0 ? v.replace(/[\v\f\u0085]/g, '\n') : v);
    if (s.removed + between > 0) report(path, s.removed + between);
    return s.text;
  }
  if (Array.isArray(v)) return v.map((x, i) => clean(x, [...path, i], report));
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = clean(x, [...path, k], report);
    return o;
  }
  return v;
}

/** Fields that name someone or something (credits, places, categories). */
const NAME_FIELDS = new Set(['authors[]', 'authors[].name', 'contributors[]', 'contributors[].name', 'contributors[].location', 'contributors[].role',
  'agency', 'agency.name', 'agency.via', 'dateline.city', 'dateline.country', 'section', 'tags[]', 'image.credit']);
/** Fields that feeds carry as plain text. */
const PROSE = new Set(['title', 'summary', 'section', 'tags[]', 'authors[]', 'authors[].name', 'agency', 'agency.name', 'agency.via',
  'contributors[]', 'contributors[].name', 'contributors[].location', 'contributors[].role', 'dateline.city', 'dateline.country',
  'image.caption', 'image.credit', 'rights']);

/**
 * Calls `visit` with every string in the data and its path, in order. The path is one array changed as
 * the walk goes: a visitor that keeps it must copy it.
 */
function eachString(v: unknown, path: (string | number)[], visit: (path: FieldPath, text: string) => void): void {
  if (typeof v === 'string') visit(path, v);
  else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      eachString(v[i], path, visit);
      path.pop();
    }
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      path.push(k);
      eachString((v as Fields)[k], path, visit);
      path.pop();
    }
  }
}

/** The data with the value at `path` replaced, copying only the objects and arrays on the way to it. */
function withValue(v: Fields, path: FieldPath, value: string): Fields {
  const set = (at: unknown, depth: number): unknown => {
    if (depth === path.length) return value;
    const key = path[depth] as string | number;
    if (Array.isArray(at)) return at.map((x, i) => (i === key ? set(x, depth + 1) : x));
    const o = at as Fields;
    return { ...o, [key]: set(o[key], depth + 1) };
  };
  return set(v, 0) as Fields;
}
