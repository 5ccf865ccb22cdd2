/**
 * Lines for the warnings raised after the records were read, from what the whole site holds (a slug
 * collision, a date ahead of the clock, a link two stories share): the core has only the file and field
 * by then, so the record is read again for the line of the field's key. Only these rare warnings pay for it.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { key as creditKey, oneLine, visible } from '../core/_credit-fields.js';
import { Errors } from '../errors.js';
import type { Diagnostic, RawRecord } from '../types.js';
import { readRecord } from './_files.js';

const LOCATED = new Set<string>([Errors.SlugCollision.code, Errors.DateFuture.code, Errors.LinkShared.code]);

/**
 * Sets `line` on those diagnostics that have a record's file and field but no line (files relative to `cwd`),
 * and puts each one located in its line's place among its file's (they were sorted without a line).
 */
export function locateFields(diagnostics: Diagnostic[], cwd: string): void {
  const records = new Map<string, RawRecord | undefined>();
  let located = false;
  for (const d of diagnostics) {
    if (d.line !== undefined || d.file === undefined || d.field === undefined || !LOCATED.has(d.code)) continue;
    if (!records.has(d.file)) records.set(d.file, readAgain(isAbsolute(d.file) ? d.file : join(cwd, d.file)));
    const record = records.get(d.file);
    const path = fieldPath(d.field);
    // (A name's place among the names the core kept is not its place in the record when one before it was left out.)
    if (d.code === Errors.SlugCollision.code && (path[0] === 'tags' || path[0] === 'authors') && typeof path[1] === 'number' && record !== undefined) {
      const i = sourceIndex(record.data, path[0], path[1]);
      if (i !== undefined && i !== path[1]) {
        path[1] = i;
        d.field = `${path[0]}[${i}]`;
      }
    }
    // A key the record does not have (a link made from the path) has no line: lineOf would give the record's
    // first. (Below it, lineOf finds the nearest: `authors[1]` of authors written as one string is that key's.)
    if (record === undefined || !hasKey(record.data, path[0])) continue;
    const line = record.lineOf(path);
    if (line === undefined) continue;
    d.line = line;
    located = true;
  }
  if (located) byLineWithinFiles(diagnostics);
}

/** Each run of one file's diagnostics ordered by line (stable), the runs where they were. */
function byLineWithinFiles(diagnostics: Diagnostic[]): void {
  for (let start = 0; start < diagnostics.length;) {
    let end = start + 1;
    while (end < diagnostics.length && diagnostics[end]?.file === diagnostics[start]?.file) end += 1;
    if (end - start > 1) {
      const run = diagnostics.slice(start, end).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      diagnostics.splice(start, run.length, ...run);
    }
    start = end;
  }
}

const hasKey = (data: unknown, key: string | number | undefined): boolean =>
  key !== undefined && data !== null && typeof data === 'object' && Object.hasOwn(data, key);

function readAgain(path: string): RawRecord | undefined {
  try {
    return readRecord(readFileSync(path, 'utf8'), basename(path), path).record;
  } catch {
    // Gone or unreadable since: the warning keeps its file and field.
    return undefined;
  }
}

/** `tags[2]` → `['tags', 2]`, `dateline.city` → `['dateline', 'city']`. */
/**
 * The record's own index of the k-th name of its `tags` or `authors` as validation keeps them: a name that
 * prints nothing is left out, and so is a byline given again (W_CREDIT_REPEATED, case and composition aside).
 * `tags[1]` of `["", "Israel", "gaza"]` is "gaza", the record's [2] (QA: the warning named "Israel").
 */
function sourceIndex(data: unknown, key: 'tags' | 'authors', k: number): number | undefined {
  const list = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return undefined;
  // (A repeat with another url or email is kept, as withoutRepeats keeps one that contradicts the first.)
  const seen = new Map<string, string>();
  let kept = -1;
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    const written = typeof v === 'string' ? v : key === 'authors' && v !== null && typeof v === 'object' ? (v as { name?: unknown }).name : undefined;
    const name = typeof written === 'string' ? visible(oneLine(written)) : undefined;
    if (name === undefined) continue;
    if (key === 'authors') {
      const folded = creditKey(name);
      const { url, email } = (typeof v === 'object' && v !== null ? v : {}) as { url?: unknown; email?: unknown };
      const rest = JSON.stringify([url, email]);
      const first = seen.get(folded);
      if (first !== undefined && (first === rest || rest === '[null,null]')) continue;
      if (first === undefined) seen.set(folded, rest);
    }
    kept += 1;
    if (kept === k) return i;
  }
  return undefined;
}

function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}
