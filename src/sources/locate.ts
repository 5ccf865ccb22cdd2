/**
 * Lines for the warnings raised after the records were read, from what the whole site holds (a slug
 * collision, a date ahead of the clock, a link two stories share): the core has only the file and field
 * by then, so the record is read again for the line of the field's key. Only these rare warnings pay for it.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
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
function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}
